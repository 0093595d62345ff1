import Corpus
import Language

/// TIMEX3 types.
public enum TimexType: String, CaseIterable, Codable, Hashable, Sendable {
    case date = "DATE", time = "TIME", duration = "DURATION", set = "SET"
}

/// A temporal expression found in a text, with its TIMEX3 value normalized against the document date.
public struct TimeExpression: Hashable, Sendable {
    /// UTF-8 byte range in the document text.
    public var range: Range<Int>
    public var text: String
    public var type: TimexType
    /// TIMEX3 value (`2025-10-21`, `2025-W44`, `2025-10`, `2025`, `2025-10-20T03:50`, `P5Y`, `XXXX-10-21`),
    /// nil where no value can be given.
    public var value: String?
    /// For ranges ("from May to July", "through 2027"): the value of the range's end, if any.
    public var end: String?
    /// Index of the sentence holding the expression.
    public var sentence: Int

    public init(range: Range<Int>, text: String, type: TimexType, value: String?, end: String? = nil, sentence: Int) {
        self.range = range
        self.text = text
        self.type = type
        self.value = value
        self.end = end
        self.sentence = sentence
    }
}
