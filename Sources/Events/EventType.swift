/// NewsGraph's event typology: the CAMEO root categories news reports most often, plus the non-political
/// kinds general news needs (accidents, crime, elections, the economy), which have no CAMEO code.
///
/// The raw value is the `Event.type` string; `cameo` the CAMEO root code it maps to. See `docs/events.md`.
public enum EventType: String, CaseIterable, Codable, Hashable, Sendable {
    case statement, appeal, intent, meet, agreement, cooperation, demand, disapprove, reject, threaten, protest
    case coerce, assault, fight
    case accident, crime, election, economy

    /// CAMEO root code ("01" … "19"), nil for the non-political kinds.
    public var cameo: String? {
        switch self {
        case .statement: "01"
        case .appeal: "02"
        case .intent: "03"
        case .meet: "04"
        case .agreement: "05"
        case .cooperation: "06"
        case .demand: "10"
        case .disapprove: "11"
        case .reject: "12"
        case .threaten: "13"
        case .protest: "14"
        case .coerce: "17"
        case .assault: "18"
        case .fight: "19"
        case .accident, .crime, .election, .economy: nil
        }
    }
}
