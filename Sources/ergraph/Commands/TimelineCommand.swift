import ArgumentParser
import ERAnswers
import Foundation

/// `ergraph timeline [ENTITY]`: the dated facts in order, each with its evidence.
struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "List the dated facts in order: links and contracts beginning and ending, status events, each with its source.",
        discussion: """
            Dates keep their precision: a month is a month, not its first day. With ENTITY, the facts \
            about it, its links and the contracts it is linked to. --render FILE.svg draws the \
            timeline through Graphviz, one row per year.
            """)

    @Argument(help: ArgumentHelp("The entity, by id, name or alias (default: the whole graph).", valueName: "entity"))
    var entity: String?

    @OptionGroup var graphOptions: GraphOptions

    @Option(help: ArgumentHelp("Only facts from this date (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Only facts up to this date.", valueName: "date"))
    var to: String?

    @Option(help: "Output format: text, json or csv.")
    var format: AnswerFormat = .text

    @Option(help: ArgumentHelp("Also draw the timeline (SVG, PNG or PDF, from the extension).", valueName: "file"))
    var render: String?

    func validate() throws {
        for (name, value) in [("--from", from), ("--to", to)] {
            if let value, PartialDate(value) == nil { throw ValidationError("\(name) takes a date such as 2024, 2024-09 or 2024-09-15, found '\(value)'") }
        }
        if let render, GraphvizFormat(fileExtension: URL(fileURLWithPath: render).pathExtension) == nil {
            throw ValidationError("cannot tell the image format from '\(render)': name it .svg, .png or .pdf")
        }
    }

    func run() throws {
        let context = try graphOptions.open().asWritten
        let index = try entity.map { name in try Terminal.answering { () throws(AnswerError) in try context.entity(named: name) } }
        let answer = TimelineAnswer(graph: context.graph, about: index, from: from.flatMap(PartialDate.init), to: to.flatMap(PartialDate.init))
        try Terminal.print(answer, as: format)
        if let render {
            let format = GraphvizFormat(fileExtension: URL(fileURLWithPath: render).pathExtension) ?? .svg
            let drawn = try Terminal.answering { () throws(AnswerError) in try TimelineDrawing.draw(answer, format: format) }
            try Terminal.answering { () throws(AnswerError) in try OutputFiles.write(drawn, to: render) }
            Terminal.standardError("wrote \(render)")
        }
    }
}
