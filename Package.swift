// swift-tools-version:6.1
// NewsGraph: news articles → dated events and a relationship graph of actors.
// The folder list reads as the pipeline: Corpus → Language → Actors / Time → Events → Annotation → Graph → Store → Export.
import PackageDescription

let package = Package(
    name: "NewsGraph",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "newsgraph", targets: ["newsgraph"]),
        .library(name: "NewsGraph", targets: ["NewsGraph"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.0"),
    ],
    targets: [
        // libxml2, bound once; only the XML target imports it.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "XML", dependencies: ["CLibXML2"]),
        .target(name: "Corpus", dependencies: ["XML"]),
        .target(name: "Language", resources: [.process("Resources")]),
        .target(
            name: "Actors",
            dependencies: ["Language", "Corpus", .product(name: "Yams", package: "Yams")],
            resources: [.process("Resources")]
        ),
        .target(name: "Time", dependencies: ["Language", "Corpus"]),
        .target(name: "Events", dependencies: ["Language", "Actors", "Time"], resources: [.process("Resources")]),
        .target(name: "Annotation", dependencies: ["Corpus", "Language", "Actors", "Time", "Events"]),
        .target(name: "Graph", dependencies: ["Annotation"]),
        .target(name: "Store", dependencies: ["Graph", "Annotation", .product(name: "GRDB", package: "GRDB.swift"),
                                              .product(name: "GRDBSQLite", package: "GRDB.swift")]),
        .target(name: "Export", dependencies: ["Corpus", "Graph", "XML"]),
        .target(name: "NewsGraph", dependencies: ["Corpus", "Annotation", "Graph", "Store", "Export"]),
        .executableTarget(
            name: "newsgraph",
            dependencies: ["NewsGraph", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Times GraphMLWriter on a large random graph; scripts/bench_graphml.py compares it with igraph.
        .executableTarget(name: "graphml-bench", dependencies: ["Export"]),
        // Computes analytics on a graph.json; scripts/compare_networkx.py checks them against networkx.
        .executableTarget(name: "graph-analytics", dependencies: ["Graph"]),
        // Splits annotation time into a fixed cost per document and a cost per byte (docs/scale.md).
        .executableTarget(name: "annotation-costs", dependencies: ["Annotation", "Corpus"]),
        // libFuzzer harnesses (no main: build with -sanitize=fuzzer, see scripts/fuzz.sh and docs/fuzzing.md).
        .target(name: "FuzzDriver"),
        .executableTarget(name: "fuzz-text", dependencies: ["Annotation", "Corpus", "FuzzDriver"]),
        .executableTarget(name: "fuzz-jsonl", dependencies: ["Annotation", "Corpus", "FuzzDriver"]),
        .executableTarget(name: "fuzz-markup", dependencies: ["Corpus", "FuzzDriver"]),

        .testTarget(name: "XMLTests", dependencies: ["XML"]),
        .testTarget(name: "CorpusTests", dependencies: ["Corpus"], resources: [.copy("Fixtures")]),
        .testTarget(name: "LanguageTests", dependencies: ["Language"]),
        .testTarget(name: "ActorsTests", dependencies: ["Actors"]),
        .testTarget(name: "TimeTests", dependencies: ["Time"]),
        .testTarget(name: "EventsTests", dependencies: ["Events"]),
        .testTarget(name: "AnnotationTests", dependencies: ["Annotation"]),
        .testTarget(name: "GraphTests", dependencies: ["Graph", "Annotation", "Corpus", "Events", "Language"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "ExportTests", dependencies: ["Export"]),
        .testTarget(name: "NewsGraphTests",
                    dependencies: ["NewsGraph", "Graph", "Store", "Corpus", .product(name: "GRDB", package: "GRDB.swift")],
                    exclude: ["Fixtures"]),
    ]
)
