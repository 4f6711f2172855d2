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
    @Argument(help: "The file to read.") var file: String
    @Argument(help: "With --from csv-lists: the relationship list (the first file is the node list).") var edgesFile: String?
    @Option(help: ArgumentHelp("With --from csv: the mapping (YAML) that says what each row makes.", valueName: "file"))
    var mapping: String?
    @Flag(help: "With --from csv: make any row that cannot be used fatal.") var strict = false
    @Option(name: .shortAndLong, help: ArgumentHelp("The dataset to write (default: standard output).", valueName: "file"))
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
        if format.fileCount == 2 && edgesFile == nil { throw ValidationError("--from \(from) takes two files: NODES.csv EDGES.csv") }
        if format.fileCount == 1 && edgesFile != nil { throw ValidationError("only --from csv-lists takes a second file") }
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
        let request = ImportRequest(files: [file] + (edgesFile.map { [$0] } ?? []), mapping: mapping, strict: strict,
                                    nodeLinkKeys: try nodeLinkKeys())
        let imported = try Terminal.answering { () throws(AnswerError) in try format.run(request) }
        for diagnostic in imported.diagnostics { Terminal.standardError(diagnostic.description) }
        for warning in imported.warnings {
            // Row problems come worded with their file and line; other readers' notes get the prefix.
            Terminal.standardError(warning.hasPrefix(file + ":") && warning.contains(": warning: ") ? warning : "ergraph: warning: \(warning)")
        }
        if let summary = imported.summary { Terminal.standardError(summary) }
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
