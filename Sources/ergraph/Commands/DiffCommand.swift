import ArgumentParser
import ERAnswers
import Foundation

/// `ergraph diff`: what changed between two versions of a dataset, or between two dates.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed: between two versions of a dataset, or on one dataset between two dates.",
        discussion: """
            diff OLD.yaml NEW.yaml: entities and links added, removed and changed, field by field, \
            each with its citations. diff --rev REV FILE: FILE as it was at git revision REV against \
            FILE now. diff --from DATE --to DATE [--graph FILE]: the links and contracts that began, \
            ended or changed status after the first date, up to the second. --render FILE.svg draws \
            one diagram with each kind of change in its own style, explained in its legend.
            """)

    @Argument(help: ArgumentHelp("The older and the newer dataset (or, with --rev, the one file).", valueName: "file"))
    var files: [String] = []

    @Option(help: ArgumentHelp("Compare FILE with itself at this git revision (HEAD, HEAD~1, a tag, a commit).", valueName: "revision"))
    var rev: String?

    @Option(help: ArgumentHelp("With --to: the start of the period (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("With --from: the end of the period.", valueName: "date"))
    var to: String?

    @OptionGroup var graphOptions: GraphOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(help: ArgumentHelp("Also draw the changes (SVG, PNG or PDF, from the extension).", valueName: "file"))
    var render: String?

    func validate() throws {
        let byDate = from != nil || to != nil
        if byDate {
            guard let from, let to, PartialDate(from) != nil, PartialDate(to) != nil else {
                throw ValidationError("--from and --to go together, each a date such as 2024, 2024-09 or 2024-09-15")
            }
            if !files.isEmpty || rev != nil { throw ValidationError("--from/--to compare dates on one dataset (--graph); give no files or --rev") }
        } else if rev != nil {
            if files.count != 1 { throw ValidationError("--rev takes one file: the dataset to compare with its earlier version") }
        } else if files.count != 2 {
            throw ValidationError("give two datasets (OLD NEW), or --rev REV FILE, or --from DATE --to DATE")
        }
        if let render, GraphvizFormat(fileExtension: URL(fileURLWithPath: render).pathExtension) == nil {
            throw ValidationError("cannot tell the image format from '\(render)': name it .svg, .png or .pdf")
        }
    }

    func run() throws {
        let answer: DiffAnswer, old: Graph?, new: Graph
        if let from = from.flatMap(PartialDate.init), let to = to.flatMap(PartialDate.init) {
            new = try graphOptions.open().asWritten.graph
            old = nil
            answer = DiffAnswer(graph: new, from: from, to: to)
        } else {
            let (oldGraph, oldName): (Graph, String)
            if let rev {
                (oldGraph, oldName) = try Terminal.answering { () throws(AnswerError) in try GitRevision.graph(of: files[0], at: rev) }
            } else {
                oldGraph = try Terminal.answering { () throws(AnswerError) in try OpenedGraph.open(GraphSource(paths: [files[0]])) }.graph
                oldName = files[0]
            }
            let newFile = files[files.count - 1]
            new = try Terminal.answering { () throws(AnswerError) in try OpenedGraph.open(GraphSource(paths: [newFile])) }.graph
            old = oldGraph
            answer = DiffAnswer(old: oldGraph, oldName: oldName, new: new, newName: newFile)
        }
        try Terminal.print(answer, as: format.answerFormat)
        if let render {
            let format = GraphvizFormat(fileExtension: URL(fileURLWithPath: render).pathExtension) ?? .svg
            let data = try Terminal.answering { () throws(AnswerError) in try DiffDrawing.draw(answer, old: old, new: new, format: format) }
            try Terminal.answering { () throws(AnswerError) in try OutputFiles.write(data, to: render) }
            Terminal.standardError("wrote \(render)")
        }
    }
}
