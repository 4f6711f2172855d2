import ArgumentParser
import ERAnswers
import Foundation

/// How query results are printed.
enum QueryOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv

    var answerFormat: AnswerFormat {
        switch self {
        case .table: .text
        case .json: .json
        case .csv: .csv
        }
    }
}

/// `ergraph query 'MATCH …'`: a read-only Cypher query over the graph.
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Answer a read-only Cypher query: MATCH, OPTIONAL MATCH, WHERE, WITH, UNWIND, RETURN.",
        discussion: """
            Labels are entity kinds and relationship types are link kinds (case-insensitive): \
            MATCH (a:agency)-[:awarded]->(c:contract)-[:awarded_to]->(v) RETURN a.name, v.name, c.amount. \
            Entities have id, name, kind, aliases, start, end, amount, currency, amount_kind, status \
            and their own properties; relationships the same without name and aliases. \
            date('2024-09') compares as the span it names. Contracts are folded into buyer → vendor \
            'contracted' links, as path sees them, unless --keep-contract-nodes. CREATE, MERGE, SET \
            and DELETE are refused. \
            Exit status 2 for a query that cannot be read or planned, 1 for one that fails as it runs.
            """)

    @Argument(help: "The query (or give --file).") var query: String?
    @Option(help: ArgumentHelp("Read the query from this file.", valueName: "file")) var file: String?
    @Option(name: .customLong("param"), help: ArgumentHelp(
        "A parameter: NAME=VALUE (repeatable). Numbers, true, false, null and JSON lists or maps are typed; anything else is a string.",
        valueName: "name=value"))
    var parameters: [String] = []
    @Option(help: "Output format: table, json or csv.") var format: QueryOutputFormat = .table
    @Flag(help: "Print the plan instead of running the query.") var explain = false
    @OptionGroup var contracts: ContractArguments
    @Option(name: .customLong("max-work"), help: ArgumentHelp("Stop the query after examining this many links and entities.", valueName: "n"))
    var maxWork = CypherQuestion.defaultWorkLimit
    @OptionGroup var graphOptions: GraphOptions
    @Option(help: ArgumentHelp("Also draw the entities and relationships the results bind (format from the extension).", valueName: "file"))
    var render: String?
    @OptionGroup(title: "Drawing (with --render)") var diagram: DiagramArguments

    func validate() throws {
        if (query == nil) == (file == nil) { throw ValidationError("give the query as an argument or with --file, not both") }
        if maxWork < 1 { throw ValidationError("--max-work must be at least 1") }
        _ = try Self.parseParameters(parameters)
    }

    /// `name=value` pairs.
    static func parseParameters(_ pairs: [String]) throws -> [String: String] {
        do {
            return try CypherQuestion.parameters(pairs)
        } catch let .notAPair(pair) {
            throw ValidationError("--param takes NAME=VALUE, such as --param name=ICE; found '\(pair)'")
        } catch let .dollarInName(name) {
            throw ValidationError("--param names go without '$': --param \(name)=…")
        }
    }

    func run() throws {
        let text: String
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CommandFailure.data("cannot read \(file): no such file or not readable")
            }
            guard let decoded = String(data: data, encoding: .utf8) else { throw CommandFailure.data("\(file) is not UTF-8 text") }
            text = decoded
        } else {
            text = query ?? ""
        }
        let opened = try graphOptions.open()
        let question = CypherQuestion(text: text, parameters: try Self.parseParameters(parameters), workLimit: maxWork,
                                      keepContractNodes: contracts.keepContractNodes)
        if explain {
            print(try Terminal.answering { () throws(AnswerError) in try question.explanation(on: opened) })
            return
        }
        let answer = try Terminal.answering { () throws(AnswerError) in try question.run(on: opened) }
        try Terminal.print(answer, as: format.answerFormat)
        if let render {
            let view = answer.boundView
            guard !view.entities.isEmpty else {
                throw CommandFailure.data("nothing to draw: the results bind no entity or relationship (return nodes, relationships or paths)")
            }
            try diagram.draw(view, of: answer.graph, to: render, subtitle: question.subtitle)
        }
    }
}
