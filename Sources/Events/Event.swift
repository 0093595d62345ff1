import Actors
import Language
import Time

/// Something a clause reports as happening: who did what, and when.
public struct Event: Hashable, Sendable {
    /// NewsGraph event type (see `EventType`), e.g. `statement`, `meet`, `accident`.
    public var type: String
    /// CAMEO root code where the type maps to one ("01" statement, "04" consult …), else nil.
    public var cameo: String?
    /// UTF-8 byte range of the trigger word (verb or event noun).
    public var trigger: Range<Int>
    public var triggerText: String
    /// TIMEX3 value of the date that governs the clause, the document date for reporting verbs, or nil.
    public var date: String?
    /// End of the event's span when the governing expression is a range.
    public var end: String?
    /// The text of the temporal expression that dated the event, if one did.
    public var dateText: String?
    /// Document-level actor ids taking part, source first where known.
    public var actors: [String]
    public var source: String?
    public var target: String?
    /// Index of the sentence holding the trigger.
    public var sentence: Int

    public init(type: String, cameo: String?, trigger: Range<Int>, triggerText: String, date: String?, end: String? = nil,
                dateText: String? = nil, actors: [String], source: String? = nil, target: String? = nil, sentence: Int) {
        self.type = type
        self.cameo = cameo
        self.trigger = trigger
        self.triggerText = triggerText
        self.date = date
        self.end = end
        self.dateText = dateText
        self.actors = actors
        self.source = source
        self.target = target
        self.sentence = sentence
    }
}
