import Graph

/// PLACEHOLDER: the real writers replace these.
public enum GraphMLWriter {
    public static func write(_ graph: ActorGraph, to path: String) throws {}
}

public enum GEXFWriter {
    public static func write(_ graph: ActorGraph, to path: String) throws {}
}

public enum DOTWriter {
    public static func graph(_ graph: ActorGraph) -> String { "graph G {}\n" }
    public static func timeline(_ graph: ActorGraph) -> String { "digraph T {}\n" }
}

public enum GraphJSONWriter {
    public static func write(_ graph: ActorGraph, to path: String) throws {}
}
