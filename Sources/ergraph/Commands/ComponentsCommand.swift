import ArgumentParser
import ERGraph

/// `ergraph components`: the separate pieces of the map.
struct ComponentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "components",
        abstract: "List connected components: weak (links in either direction) or --strong (along link directions).")

    @OptionGroup var graphOptions: GraphOptions
    @Flag(help: "Strongly connected components instead of weakly connected ones.") var strong = false
    @Flag(name: .customLong("keep-contract-nodes"), help: "Count contracts as entities instead of folding them into links.")
    var keepContractNodes = false
    @Option(help: "How many entities to name per component in text output.") var show = 8
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text

    struct Component: Encodable {
        var size: Int
        var entities: [String]
    }

    struct Report: Encodable {
        var kind: String
        var count: Int
        var components: [Component]
    }

    func run() throws {
        let loaded = try graphOptions.load()
        let graph = keepContractNodes ? loaded : ContractProjection.collapse(loaded).graph
        let labels = strong ? graph.stronglyConnectedComponents() : graph.weaklyConnectedComponents()
        var members = [[EntityIndex]](repeating: [], count: labels.count)
        for entity in graph.entityIndices { members[Int(labels.labels[entity.int])].append(entity) }
        let components = members.sorted { $0.count != $1.count ? $0.count > $1.count : $0[0] < $1[0] }
            .map { Component(size: $0.count, entities: $0.map { graph.id(of: $0) }) }
        switch format {
        case .json:
            print(try Terminal.json(Report(kind: strong ? "strong" : "weak", count: components.count, components: components)))
        case .text:
            print("\(components.count) \(strong ? "strongly" : "weakly") connected component\(components.count == 1 ? "" : "s")")
            for component in components {
                let names = component.entities.prefix(show).joined(separator: ", ")
                let more = component.size > show ? ", … (\(component.size - show) more)" : ""
                print("  \(component.size): \(names)\(more)")
            }
        }
    }
}
