import Language

/// What an actor is. The JSON contract's `type`.
public enum ActorType: String, CaseIterable, Codable, Hashable, Sendable {
    case person, country, organization, location, other
}

/// How a mention names its actor. The JSON contract's `kind`.
public enum MentionKind: String, CaseIterable, Codable, Hashable, Sendable {
    /// The actor's name or part of it ("Donald Trump", "Trump").
    case name
    /// Another name for the same actor ("U.S." for the United States).
    case alias
    /// An acronym ("LDP" after "Liberal Democratic Party (LDP)").
    case acronym
    /// An adjective of nationality ("Japanese" → Japan).
    case demonym
    /// A description that refers to a known actor ("the US leader").
    case reference
    /// A pronoun resolved to a speaker ("…, he said").
    case pronoun
}

/// One place in a document's text that names an actor.
public struct Mention: Hashable, Sendable {
    /// UTF-8 byte range of the mention in the document text (the name itself: no title, no possessive).
    public var range: Range<Int>
    /// The surface text of `range`.
    public var text: String
    /// The document-level actor id (see `ActorID`).
    public var actor: String
    public var type: ActorType
    public var kind: MentionKind
    /// A title seen with the mention ("President", "Prime Minister"), used for typing and display.
    public var title: String?
    /// Index of the sentence holding the mention.
    public var sentence: Int

    public init(range: Range<Int>, text: String, actor: String, type: ActorType, kind: MentionKind,
                title: String? = nil, sentence: Int) {
        self.range = range
        self.text = text
        self.actor = actor
        self.type = type
        self.kind = kind
        self.title = title
        self.sentence = sentence
    }
}

/// An actor as one document knows it: the canonical name chosen from the document's mentions, and the
/// other surface forms that resolved to it.
public struct DocumentActor: Hashable, Sendable {
    public var id: String
    public var name: String
    public var type: ActorType
    public var aliases: [String]
    public var titles: [String]

    public init(id: String, name: String, type: ActorType, aliases: [String] = [], titles: [String] = []) {
        self.id = id
        self.name = name
        self.type = type
        self.aliases = aliases
        self.titles = titles
    }
}

/// The actors of one document and the mentions that name them.
public struct ActorAnnotation: Sendable {
    public var mentions: [Mention]
    public var actors: [DocumentActor]

    public init(mentions: [Mention] = [], actors: [DocumentActor] = []) {
        self.mentions = mentions
        self.actors = actors
    }
}

/// Stable actor ids: the canonical name, ASCII-folded, lowercased, words joined by `-`
/// ("Donald Trump" → `donald-trump`). The same name always gives the same id, in every document and run.
public enum ActorID {
    public static func make(_ name: String) -> String {
        if let ascii = makeASCII(name) { return ascii }
        var out = ""
        var pendingDash = false
        for scalar in name.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingDash && !out.isEmpty { out.append("-") }
                pendingDash = false
                let folded = String(scalar).applyingASCIIFolding()
                out += folded.lowercased()
            } else if scalar == "'" || scalar == "\u{2019}" || scalar == "." {
                continue  // O'Brien → obrien, U.S. → us
            } else {
                pendingDash = true
            }
        }
        return out.isEmpty ? "actor" : out
    }

    /// The same rule on bytes for ASCII names (nearly all of them); nil when the name has other characters.
    static func makeASCII(_ name: String) -> String? {
        name.withBorrowedUTF8 { buffer -> String? in
            guard !buffer.contains(where: { $0 >= 0x80 }) else { return nil }
            // Written straight into the String: a slug is never longer than its name.
            let id = String(unsafeUninitializedCapacity: buffer.count) { out in
                var n = 0
                var pendingDash = false
                for b in buffer {
                    let lower = b | 0x20
                    if (lower >= 97 && lower <= 122) || (b >= 48 && b <= 57) {
                        if pendingDash && n > 0 {
                            out[n] = UInt8(ascii: "-")
                            n += 1
                        }
                        pendingDash = false
                        out[n] = b >= 65 && b <= 90 ? b + 32 : b
                        n += 1
                    } else if b != UInt8(ascii: "'") && b != UInt8(ascii: ".") {
                        pendingDash = true
                    }
                }
                return n
            }
            return id.isEmpty ? "actor" : id
        }
    }
}

extension String {
    /// Strips diacritics from Latin letters (é → e); other scripts are kept as they are.
    func applyingASCIIFolding() -> String {
        var out = ""
        for scalar in self.decomposedScalars() where !(0x300...0x36F).contains(scalar.value) {
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    private func decomposedScalars() -> [Unicode.Scalar] {
        // Canonical decomposition without Foundation: only the Latin-1 and Latin Extended-A letters
        // that occur in names are mapped; anything else passes through unchanged.
        var result = [Unicode.Scalar]()
        for scalar in unicodeScalars {
            if let base = LatinFolding.base[scalar.value] {
                result.append(contentsOf: base.unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return result
    }
}

enum LatinFolding {
    static let base: [UInt32: String] = {
        var table = [UInt32: String]()
        let pairs: [(String, String)] = [
            ("ÀÁÂÃÄÅĀĂĄ", "A"), ("àáâãäåāăą", "a"), ("ÇĆĈĊČ", "C"), ("çćĉċč", "c"), ("ĎĐ", "D"), ("ďđ", "d"),
            ("ÈÉÊËĒĔĖĘĚ", "E"), ("èéêëēĕėęě", "e"), ("ĜĞĠĢ", "G"), ("ĝğġģ", "g"), ("ĤĦ", "H"), ("ĥħ", "h"),
            ("ÌÍÎÏĨĪĬĮİ", "I"), ("ìíîïĩīĭįı", "i"), ("Ĵ", "J"), ("ĵ", "j"), ("Ķ", "K"), ("ķ", "k"),
            ("ĹĻĽĿŁ", "L"), ("ĺļľŀł", "l"), ("ÑŃŅŇ", "N"), ("ñńņň", "n"), ("ÒÓÔÕÖØŌŎŐ", "O"), ("òóôõöøōŏő", "o"),
            ("ŔŖŘ", "R"), ("ŕŗř", "r"), ("ŚŜŞŠȘ", "S"), ("śŝşšș", "s"), ("ŢŤŦȚ", "T"), ("ţťŧț", "t"),
            ("ÙÚÛÜŨŪŬŮŰŲ", "U"), ("ùúûüũūŭůűų", "u"), ("Ŵ", "W"), ("ŵ", "w"), ("ÝŸŶ", "Y"), ("ýÿŷ", "y"),
            ("ŹŻŽ", "Z"), ("źżž", "z"), ("Æ", "AE"), ("æ", "ae"), ("Œ", "OE"), ("œ", "oe"), ("ß", "ss"),
        ]
        for (letters, base) in pairs {
            for scalar in letters.unicodeScalars { table[scalar.value] = base }
        }
        return table
    }()
}
