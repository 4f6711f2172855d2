import ArgumentParser
import ERFormats
import ERGraph

/// `ergraph kinds`: the vocabulary of entity and relationship kinds, with what each means.
struct KindsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kinds",
        abstract: "List the kinds of entity and relationship a dataset may use, with their meanings and counts.")

    @OptionGroup var graphOptions: GraphOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    struct Kind: Encodable {
        var id: String
        var meaning: String
        var count: Int
    }

    struct Report: Encodable {
        var entityKinds: [Kind]
        var relationshipKinds: [Kind]
    }

    func run() throws {
        // Read the dataset without requiring it to be valid: this command is where people look
        // when validation says a kind is unknown.
        let read = DatasetReader().read(contentsOf: graphOptions.path)
        var vocabulary = Vocabulary.builtIn
        var entityCounts: [String: Int] = [:]
        var relationshipCounts: [String: Int] = [:]
        if let dataset = read.dataset {
            for kind in dataset.entityKinds { vocabulary.declareEntityKind(kind.value) }
            for kind in dataset.relationshipKinds { vocabulary.declareRelationshipKind(kind.value) }
            for entity in dataset.entities { entityCounts[entity.value.kind, default: 0] += 1 }
            for relationship in dataset.relationships { relationshipCounts[relationship.value.kind, default: 0] += 1 }
        } else {
            Terminal.standardError("ergraph: note: \(graphOptions.path) could not be read; showing the built-in kinds only")
        }
        let report = Report(
            entityKinds: vocabulary.entityKinds.map {
                Kind(id: $0.id, meaning: $0.meaning, count: entityCounts[$0.id] ?? 0)
            },
            relationshipKinds: vocabulary.relationshipKinds.map {
                Kind(id: $0.id, meaning: $0.meaning, count: relationshipCounts[$0.id] ?? 0)
            })
        switch format {
        case .json:
            print(try Terminal.json(report))
        case .text:
            func table(_ title: String, _ kinds: [Kind]) -> [String] {
                let width = kinds.map(\.id.count).max() ?? 0
                return [title] + kinds.map { kind in
                    let count = kind.count == 0 ? "" : " (\(kind.count) in this dataset)"
                    return "  " + kind.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + kind.meaning + count
                }
            }
            let lines = table("Entity kinds", report.entityKinds) + [""] + table("Relationship kinds", report.relationshipKinds)
            print(lines.joined(separator: "\n"))
        }
    }
}
