import ArgumentParser
import ERAnswers

/// `ergraph validate`: checks datasets and reports every problem as FILE:LINE:COLUMN.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check datasets and report every problem with its file, line and column.",
        discussion: """
            Problems go to standard error as 'FILE:LINE:COLUMN: error: message'. Several files are \
            checked each alone and then merged, as --graph A --graph B reads them. Exit status 1 \
            when any check has an error. With --strict, a relationship without a source and a \
            citation without a quote are errors instead of warnings.
            """)

    @Argument(help: ArgumentHelp("Dataset files to check; defaults to the --graph datasets.", valueName: "file"))
    var files: [String] = []

    @OptionGroup var graphOptions: GraphOptions

    @Flag(help: "Treat missing sources and quotes as errors.")
    var strict = false

    @Option(help: "Output format for the report: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let answer = ValidationAnswer(paths: files.isEmpty ? graphOptions.paths : files, strict: strict)
        switch format {
        case .json:
            try Terminal.print(answer, as: .json)
        case .text:
            for verdict in answer.verdicts {
                for problem in verdict.problems { Terminal.standardError(problem.description) }
                if verdict.valid { print(verdict.line) } else { Terminal.standardError(verdict.line) }
            }
        }
        if !answer.isValid { throw CommandFailure(message: "", status: 1) }
    }
}
