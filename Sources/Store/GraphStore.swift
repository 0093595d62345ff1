import GRDB
import Graph

/// PLACEHOLDER: the SQLite store.
public final class GraphStore {
    public init(path: String) throws {}
}
