import Testing
@testable import Events

@Suite struct TriggerLexiconTests {
    let lexicon = TriggerLexicon.standard

    @Test func tablesAreConsistent() {
        // Every form has one type, every CAMEO column matches its type, every word class is known.
        #expect(lexicon.conflicts == [])
        #expect(lexicon.forms.count > 500)
    }

    @Test(arguments: [
        ("said", "statement"), ("says", "statement"), ("saying", "statement"), ("told", "statement"),
        ("met", "meet"), ("meets", "meet"), ("meeting", "meet"), ("visit", "meet"), ("visited", "meet"),
        ("visits", "meet"), ("sat down", "meet"), ("signed", "agreement"), ("crashed", "accident"),
        ("skidded", "accident"), ("killed", "assault"), ("sentenced", "crime"), ("convicted", "crime"),
        ("elected", "election"), ("appointed", "election"), ("re-election", "election"), ("rose", "economy"),
        ("fell", "economy"), ("denied", "reject"), ("urged", "appeal"), ("threatened", "threaten"),
        ("protesters", nil), ("sanctions", "coerce"), ("fought", "fight"), ("criticised", "disapprove"),
        ("pledged", "intent"), ("bought", "cooperation"), ("demanded", "demand"), ("opened fire", "fight"),
    ] as [(String, String?)])
    func inflectedForms(form: String, type: String?) {
        #expect(lexicon.form(form)?.type.rawValue == type)
    }

    @Test func auxiliariesAndModalsAreNotTriggers() {
        for word in ["is", "was", "be", "been", "have", "has", "had", "do", "did", "will", "would", "may", "might",
                     "can", "could", "should", "must", "shall"] {
            #expect(lexicon.form(word) == nil, "\(word)")
        }
    }

    @Test func formShapes() {
        #expect(lexicon.form("signed")?.shape == .past)
        #expect(lexicon.form("signing")?.shape == .ing)
        #expect(lexicon.form("said")?.reporting == true)
        #expect(lexicon.form("told")?.addressee == true)
        #expect(lexicon.form("fell")?.needsQuantity == true)
        #expect(lexicon.form("visit")?.canBeVerb == true && lexicon.form("visit")?.canBeNoun == true)
        #expect(lexicon.form("deal")?.canBeVerb == false)
    }

    @Test func inflector() {
        let forms = Set(Inflection.verbForms("skid").map(\.0))
        #expect(forms.isSuperset(of: ["skid", "skids", "skidded", "skidding"]))
        #expect(Set(Inflection.verbForms("deny").map(\.0)).isSuperset(of: ["denies", "denied", "denying"]))
        #expect(Set(Inflection.verbForms("vote").map(\.0)).isSuperset(of: ["votes", "voted", "voting"]))
        #expect(Set(Inflection.verbForms("crash").map(\.0)).isSuperset(of: ["crashes", "crashed", "crashing"]))
        #expect(Set(Inflection.verbForms("step down").map(\.0)).contains("stepped down"))
        #expect(Inflection.nounForms("treaty") == ["treaty", "treaties"])
    }

    @Test func typologyCodes() {
        #expect(EventType.assault.cameo == "18")
        #expect(EventType.fight.cameo == "19")
        #expect(EventType.coerce.cameo == "17")
        #expect(EventType.accident.cameo == nil)
        #expect(EventType.allCases.count == 18)
    }
}
