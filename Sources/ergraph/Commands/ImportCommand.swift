import ArgumentParser
import ERAnswers
import Foundation

/// `ergraph import`: read another format into an ergraph dataset.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read a file in another format into an ergraph dataset (YAML).",
        discussion: ImportCommand.formatList)

    /// Built from the registry, so a new reader documents itself.
    static var formatList: String {
        (["Formats:"] + ImportRegistry.all.map { "  \($0.name): \($0.summary)" }).joined(separator: "\n")
    }

    @Option(help: ArgumentHelp("The format of the input (see the list below).", valueName: "format"))
    var from: String
    @Argument(help: ArgumentHelp("The file to read; with --from csv-lists the node list, then the relationship list; "
                                 + "with --from csv any number of tables (or none, when the mapping lists them).", valueName: "file"))
    var files: [String] = []
    @Option(help: ArgumentHelp("With --from csv: the mapping (YAML) that says what each row makes.", valueName: "file"))
    var mapping: String?
    @Flag(help: "With --from csv: make any row that cannot be used fatal.") var strict = false
    @Option(name: .shortAndLong, help: ArgumentHelp("The dataset to write: FILE.yaml, or FILE.ergs for a snapshot that large "
                                                    + "imports load fast (default: YAML on standard output).", valueName: "file"))
    var output: String?
    @Option(help: ArgumentHelp("With --from json: which fields hold what, e.g. id=duns,name=label,kind=type,link-kind=relation,amount=value "
                               + "(default: id, else name, else the position; name; kind).", valueName: "field=key,..."))
    var keys: String?

    func validate() throws {
        guard let format = ImportRegistry.named(from) else {
            let names = ImportRegistry.names
            throw ValidationError("unknown import format '\(from)'\(Suggestions.didYouMean(from, among: names)); "
                                  + "choose one of \(names.joined(separator: ", "))")
        }
        if format.takesMapping && mapping == nil { throw ValidationError("--from \(from) needs --mapping FILE") }
        if !format.takesMapping && mapping != nil { throw ValidationError("--mapping goes with --from csv") }
        if let count = format.fileCount, files.count != count {
            throw ValidationError(count == 2 ? "--from \(from) takes two files: NODES.csv EDGES.csv"
                                  : "--from \(from) takes one file, found \(files.count)")
        }
        if keys != nil && from != "json" { throw ValidationError("--keys goes with --from json") }
        _ = try nodeLinkKeys()
    }

    /// `--keys id=…,name=…,kind=…,amount=…`.
    func nodeLinkKeys() throws -> NodeLinkKeys {
        var keys = NodeLinkKeys()
        for item in (self.keys ?? "").split(separator: ",") {
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[1].isEmpty else {
                throw ValidationError("--keys takes FIELD=KEY pairs, such as id=duns,name=label; found '\(item)'")
            }
            switch parts[0] {
            case "id": keys.id = parts[1]
            case "name": keys.name = parts[1]
            case "kind": keys.kind = parts[1]
            case "link-kind": keys.linkKind = parts[1]
            case "amount": keys.amount = parts[1]
            default: throw ValidationError("--keys names id, name, kind, link-kind or amount; found '\(parts[0])'")
            }
        }
        return keys
    }

    func run() throws {
        guard let format = ImportRegistry.named(from) else { return }
        let progress = ProgressLine()
        // DOT is parsed by ergraph itself in a child process: cgraph is C, and these are files other people send.
        let request = ImportRequest(files: files, mapping: mapping, strict: strict, nodeLinkKeys: try nodeLinkKeys(),
                                    progress: progress.report, parseWorker: DiagramArguments.ownExecutable)
        let imported = try Terminal.answering { () throws(AnswerError) in try format.run(request) }
        progress.finish()
        for diagnostic in imported.diagnostics { Terminal.standardError(diagnostic.description) }
        for warning in imported.warnings {
            // Row problems come worded with their file and line; other readers' notes get the prefix.
            let worded = warning.contains(": warning: ") || warning.contains(": error: ")
            Terminal.standardError(worded ? warning : "ergraph: warning: \(warning)")
        }
        if let summary = imported.summary { Terminal.standardError(summary) }
        if let output, output.lowercased().hasSuffix(".ergs") {
            let snapshot = try Terminal.answering { () throws(AnswerError) in try DatasetSnapshot.data(imported) }
            for note in snapshot.notes { Terminal.note(note) }
            try Terminal.answering { () throws(AnswerError) in try OutputFiles.write(snapshot.data, to: output) }
            Terminal.standardError("\(output): \(Wording.count(imported.graph.entityCount, "entity", "entities")), "
                                   + Wording.count(imported.graph.relationshipCount, "relationship"))
            return
        }
        let yaml = try Terminal.answering { () throws(AnswerError) in try DatasetText.yaml(imported) }
        guard let output else {
            print(yaml, terminator: "")
            return
        }
        try Terminal.answering { () throws(AnswerError) in try OutputFiles.write(yaml, to: output) }
        Terminal.standardError("\(output): \(Wording.count(imported.graph.entityCount, "entity", "entities")), "
                               + Wording.count(imported.graph.relationshipCount, "relationship"))
    }
}
