/// One article as it enters the pipeline: its text and whatever metadata the input carried.
///
/// `date` is the document creation time (DCT) that relative temporal expressions are resolved against;
/// it comes only from the input or from `--date`, never from the clock or from file times.
public struct Document: Hashable, Sendable {
    public var id: String
    public var title: String?
    public var date: CalendarDate?
    public var source: String?
    public var url: String?
    public var text: String

    public init(id: String, title: String? = nil, date: CalendarDate? = nil, source: String? = nil,
                url: String? = nil, text: String) {
        self.id = id
        self.title = title
        self.date = date
        self.source = source
        self.url = url
        self.text = text
    }
}
