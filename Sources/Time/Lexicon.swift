import Language

/// Word lists of the temporal tagger. Keys are lowercase, without an abbreviation's final period
/// ("Sept." → "sept", "a.m." → "a.m").
///
/// Source: compiled for NewsGraph from English news usage and the TimeML / TIMEX3 annotation guidelines.
enum Lexicon {
    static let months: WordTable<Int> = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
        "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
        "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]
    /// Month abbreviations that are ordinary words unless written with their period.
    static let ambiguousMonthAbbreviations: WordSet = [
        "mar", "jan", "jun", "jul", "aug", "sep", "dec", "apr", "oct", "nov", "feb", "sept",
    ]

    /// ISO weekday numbers (1 = Monday).
    static let weekdays: WordTable<Int> = [
        "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
        "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5, "sat": 6, "sun": 7,
    ]
    static let pluralWeekdays: WordTable<Int> = [
        "mondays": 1, "tuesdays": 2, "wednesdays": 3, "thursdays": 4, "fridays": 5, "saturdays": 6, "sundays": 7,
    ]

    static let seasons: WordTable<String> = [
        "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
    ]

    /// Parts of the day and their TIMEX3 codes.
    static let dayParts: WordTable<String> = [
        "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    ]

    static let numberWords: WordTable<Int> = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
        "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
    ]
    static let tens: WordSet = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

    static let ordinals: WordTable<Int> = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
        "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
        "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
        "twentieth": 20, "thirtieth": 30,
        "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7, "8th": 8, "9th": 9, "10th": 10,
        "11th": 11, "12th": 12, "13th": 13, "14th": 14, "15th": 15, "16th": 16, "17th": 17, "18th": 18,
        "19th": 19, "20th": 20, "21st": 21, "22nd": 22, "23rd": 23, "24th": 24, "25th": 25, "26th": 26,
        "27th": 27, "28th": 28, "29th": 29, "30th": 30, "31st": 31,
    ]

    /// Unspecific quantities: "several years" → PXY.
    static let fuzzyQuantities: WordSet = ["several", "few", "many", "some", "numerous", "various"]

    static let units: WordTable<TimeUnit> = [
        "second": .second, "seconds": .second, "sec": .second, "secs": .second,
        "minute": .minute, "minutes": .minute, "min": .minute, "mins": .minute,
        "hour": .hour, "hours": .hour, "hr": .hour, "hrs": .hour,
        "day": .day, "days": .day,
        "week": .week, "weeks": .week, "fortnight": .fortnight, "fortnights": .fortnight,
        "month": .month, "months": .month,
        "quarter": .quarter, "quarters": .quarter,
        "year": .year, "years": .year, "yr": .year, "yrs": .year,
        "decade": .decade, "decades": .decade,
        "century": .century, "centuries": .century,
        "millennium": .millennium, "millennia": .millennium,
    ]
    static let pluralUnits: WordSet = [
        "seconds", "minutes", "hours", "days", "weeks", "months", "quarters", "years", "decades", "centuries",
        "millennia", "fortnights", "secs", "mins", "hrs", "yrs",
    ]

    /// Words that may stand between a number and its unit without changing the duration ("five trading days").
    static let unitAdjectives: WordSet = [
        "more", "additional", "straight", "consecutive", "trading", "business", "working", "full", "calendar",
        "long", "successive", "further", "extra", "whole", "fiscal", "school",
    ]

    /// Approximators kept in the extent: "about two years", "nearly a decade".
    static let approximators: WordSet = [
        "about", "around", "approximately", "nearly", "almost", "roughly", "some", "over", "within", "under",
        "only", "just", "barely", "fully", "merely", "another",
    ]
    static let twoWordApproximators: WordSet = [
        "at least", "more than", "less than", "fewer than", "up to", "as many", "no more", "no less", "as much",
        "at most", "as long", "in about", "for about", "well over", "close to", "as early", "as late", "as soon",
    ]

    /// Clock time zones that may follow a time of day.
    static let timeZones: WordSet = [
        "gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst", "cet", "cest", "jst", "ist",
        "et", "pt", "ct", "mt", "hkt", "sgt", "aest", "aedt", "msk",
    ]

    /// Auxiliaries and verbs whose nearness marks a clause as future ("will meet on Monday").
    static let futureMarkers: WordSet = [
        "will", "'ll", "shall", "won't", "wo", "scheduled", "due", "slated", "upcoming", "would", "forthcoming", "await",
        "awaits", "awaiting", "ahead", "until", "till", "next", "tomorrow",
    ]
    /// Words that mark the future only when "to" follows ("set to resume", "is to hold", "going to").
    static let futureWithTo: WordSet = [
        "set", "is", "are", "going", "likely", "able", "ready", "prepared", "hopes", "wants", "aims", "plan", "plans",
        "planned", "planning", "expected", "expects", "expect", "intends", "intend", "intended", "scheduled", "due",
    ]
    /// Words after "to" that show it is not an infinitive.
    static let notVerbsAfterTo: WordSet = [
        "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these", "those",
        "him", "them", "us", "me", "it", "which", "what", "whom", "some", "all", "any", "each", "every", "date",
        "court", "power", "office", "work", "school", "war", "sea", "death", "prison", "jail", "market", "press",
        "reporters", "about", "around", "more", "less", "near", "be",
    ]

    /// Past-tense forms that do not end in -ed.
    static let irregularPast: WordSet = [
        "said", "was", "were", "had", "did", "met", "told", "went", "came", "took", "made", "gave", "began",
        "left", "held", "saw", "found", "got", "became", "brought", "bought", "sold", "paid", "put", "set",
        "led", "won", "lost", "fell", "rose", "struck", "hit", "shot", "spoke", "wrote", "ran", "sent",
        "spent", "stood", "thought", "felt", "kept", "broke", "chose", "drove", "flew", "fought", "forgot",
        "froze", "grew", "heard", "hid", "knew", "lay", "meant", "overtook", "quit", "read", "rode", "rang",
        "sang", "sat", "slept", "stole", "swore", "taught", "threw", "understood", "woke", "wore", "withdrew",
        "ago", "last", "yesterday", "earlier", "previously", "already", "cut", "let", "shut", "spread", "bid",
        "dealt", "built", "lent", "sought", "caught", "arose", "undertook", "upheld", "overthrew", "slid",
        "swept", "sank", "wept", "fled", "bled", "fed", "hung", "dug", "clung", "stuck", "struck", "strove",
    ]
    /// -ed words that point forward rather than back.
    static let edNotPast: WordSet = [
        "scheduled", "expected", "planned", "intended", "proposed", "slated", "anticipated", "required",
        "needed", "red", "bed", "fed", "led", "united", "limited", "based", "related", "listed", "speed",
        "need", "feed", "seed", "indeed", "hundred", "proceed", "succeed", "exceed", "weed", "reed", "breed",
        "shed", "wed", "ted", "ned", "ed", "fred", "med", "ahmed", "mohammed", "muhammad", "mohamed",
        "mohammad", "hamed", "rasheed", "saeed", "zayed", "mahmoud", "sued", "biased", "unnamed", "armed",
        "concerned", "advanced", "interested", "detailed", "talented", "sophisticated", "reserved",
    ]
}

/// Calendar units of durations and relative expressions.
enum TimeUnit: Sendable {
    case second, minute, hour, day, week, fortnight, month, quarter, year, decade, century, millennium

    var isClock: Bool { self == .second || self == .minute || self == .hour }

    /// The TIMEX3 duration of `n` units ("P5Y", "PT3H"); nil n gives the unspecific form ("PXY").
    func duration(_ n: Int?) -> String {
        let count = n.map(String.init) ?? "X"
        switch self {
        case .second: return "PT\(count)S"
        case .minute: return "PT\(count)M"
        case .hour: return "PT\(count)H"
        case .day: return "P\(count)D"
        case .week: return "P\(count)W"
        case .fortnight: return n.map { "P\($0 * 2)W" } ?? "PXW"
        case .month: return "P\(count)M"
        case .quarter: return "P\(count)Q"
        case .year: return "P\(count)Y"
        case .decade: return n.map { "P\($0 * 10)Y" } ?? "PXE"
        case .century: return n.map { "P\($0 * 100)Y" } ?? "PXC"
        case .millennium: return n.map { "P\($0 * 1000)Y" } ?? "PXL"
        }
    }
}
