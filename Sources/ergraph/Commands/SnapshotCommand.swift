import ArgumentParser
import ERAnswers
import Foundation

/// `ergraph snapshot`: save the built store, so later commands load it without rebuilding.
struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Save the built graph as a binary snapshot (FILE.ergs) that --graph loads without rebuilding.",
        discussion: """
            The snapshot holds the whole store (ids, kinds, adjacency, details, columns) in a \
            versioned, checksummed format. A truncated, damaged or newer-version file is refused \
            with a clear error.
            """)

    @OptionGroup var graphOptions: GraphOptions
    @Option(name: .shortAndLong, help: ArgumentHelp("The snapshot to write (FILE.ergs).", valueName: "file"))
    var output: String

    func validate() throws {
        // A device or pipe (`-o -`, /dev/null) takes the bytes as they are.
        if !output.lowercased().hasSuffix(".ergs"), !OutputFiles.writesThrough(output) { throw ValidationError("name the snapshot FILE.ergs, so --graph recognises it") }
    }

    func run() throws {
        let graph = try graphOptions.open().graph
        let data = try GraphSnapshot.data(of: graph)
        try Terminal.answering { () throws(AnswerError) in try OutputFiles.write(data, to: output) }
        Terminal.standardError("\(output): \(Wording.count(graph.entityCount, "entity", "entities")), "
                               + "\(Wording.count(graph.relationshipCount, "relationship")), \(data.count) bytes")
    }
}
