import Actors
import ArgumentParser
import Export
import Foundation
import Graph
import NewsGraph
import Store

extension ActorRanking: ExpressibleByArgument {}

/// Filters shared by `export` (and described once for users): cut a large graph to what one can look at.
struct FilterOptions: ParsableArguments {
    @Option(help: "Keep links and events from this date on (YYYY, YYYY-MM or YYYY-MM-DD).") var from: String?
    @Option(help: "Keep links and events up to this date.") var to: String?
    @Option(help: "Keep only these actor types, e.g. person,country.") var types: String?
    @Option(help: "Drop links seen in fewer sentences.") var minWeight: Int?
    @Option(help: "Drop links with a lower association (NPMI, -1…1).") var minAssociation: Double?
    @Option(help: "Keep the N most central actors.") var top: Int?
    @Option(help: "Rank for --top: degree, weighted-degree, pagerank, betweenness, mentions.") var by: ActorRanking = .pagerank
    @Option(help: "Keep the ego network of this actor (any alias or unique prefix).") var actor: String?
    @Option(help: "Radius of the ego network, in links.") var radius = 1

    func validate() throws {
        for name in types?.split(separator: ",") ?? [] where ActorType(rawValue: String(name)) == nil {
            throw ValidationError("unknown actor type '\(name)' (person, country, organization, location, other)")
        }
    }

    func filter(egoID: String?) -> GraphFilter {
        GraphFilter(from: from, to: to, actorTypes: types.map { Set($0.split(separator: ",").compactMap { ActorType(rawValue: String($0)) }) },
                    minWeight: minWeight, minAssociation: minAssociation, top: top, rankBy: by, ego: egoID, egoRadius: radius)
    }
}

/// `newsgraph export`: the exports again, from the store, for a filtered part of the graph.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the exports for a part of the graph (dates, types, thresholds, top N, ego network).")

    @Option(help: "The store to read.") var store = "Output/newsgraph.sqlite"
    @Option(help: "Folder for the filtered exports.") var out = "Output/filtered"
    @OptionGroup var filters: FilterOptions
    @Flag(help: "GraphML as a bipartite actor–event graph.") var eventsAsNodes = false
    @Flag(help: "Draw communities as clusters in graph.dot.") var clusters = false
    @Option(help: "Also render the DOT files with Graphviz, e.g. svg,png.") var render: String?
    @Option(help: "Evidence sentences per link (the first ones; 0 for all).") var evidencePerLink = 5

    func validate() throws {
        guard evidencePerLink >= 0 else { throw ValidationError("--evidence-per-link must be 0 (all) or more") }
    }

    func run() throws {
        var options = BuildOptions(outputFolder: out, renderFormats: render.map { $0.split(separator: ",").map(String.init) } ?? [])
        options.store = store
        options.graphML = GraphMLOptions(eventsAsNodes: eventsAsNodes)
        options.dot = DOTOptions(communityClusters: clusters)
        options.evidencePerEdge = evidencePerLink > 0 ? evidencePerLink : nil
        do {
            var egoID: String?
            if let actor = filters.actor {
                let s = try GraphStore.open(at: store, readonly: true)
                defer { try? s.close() }
                egoID = try s.read { try $0.resolveActor(actor).id }
            }
            options.filter = filters.filter(egoID: egoID)
            let summary = try Workspace.exportAll(options, summary: BuildSummary())
            print(SummaryText.render(summary))
        } catch let error as QueryError {
            fail(error.description, code: 1)
        } catch {
            fail("error: \(error)")
        }
    }
}
