import ArgumentParser
import ERAnswers

/// `ergraph lint`: checks every claim's evidence, each finding with a stable code.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check the evidence behind every claim: quotes against archived copies, sources, money, dates, corroboration.",
        discussion: """
            Each finding is 'FILE:LINE:COLUMN: SEVERITY[CODE]: message' with a fix hint. Codes: \
            \(LintCommand.codeList). Exit status 1 when there are errors (validate --strict runs the \
            error-level checks too).
            """)

    static var codeList: String {
        ERAnswers.lintCodes.map { "\($0.code) (\($0.severity))" }.joined(separator: ", ")
    }

    @Argument(help: ArgumentHelp("Dataset files to check; defaults to the --graph datasets.", valueName: "file"))
    var files: [String] = []

    @OptionGroup var graphOptions: GraphOptions

    @Option(help: "Output format: text, json or csv.")
    var format: AnswerFormat = .text

    func run() throws {
        let answer = LintAnswer(paths: files.isEmpty ? graphOptions.paths : files)
        try Terminal.print(answer, as: format)
        if answer.hasErrors { throw CommandFailure(message: "", status: 1) }
    }
}
