import ArgumentParser
import ERAnswers
import Foundation

/// The `ergraph` command: one subcommand per question, each in its own file under Commands/.
@main
struct ERGraphCommand: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "ergraph",
        abstract: "Map who sells what to whom: an entity-relationship graph analyzer with sources for every link.",
        discussion: """
            Every command reads the dataset named by --graph, else $ERGRAPH_GRAPH, else \
            Graph/ice-surveillance.yaml. Entities are named by id, name or alias, ignoring case.

            Exit status: 0 success, 1 invalid data or no answer, 2 usage error (including an unknown entity).
            """,
        version: "ergraph \(version)",
        subcommands: [ValidateCommand.self, LintCommand.self, TimelineCommand.self, DiffCommand.self, StatsCommand.self, ListCommand.self, ShowCommand.self, KindsCommand.self,
                      PathCommand.self, NeighborsCommand.self, OwnersCommand.self, MoneyCommand.self, RankCommand.self,
                      ComponentsCommand.self, QueryCommand.self, RenderCommand.self, ExportCommand.self, ImportCommand.self, SnapshotCommand.self,
                      ServeCommand.self, SiteCommand.self, RenderWorkerCommand.self, ParseWorkerCommand.self, VersionCommand.self]
    )

    /// Runs the command, mapping argument errors to exit status 2 (the usual status for misuse,
    /// where ArgumentParser would use 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CommandFailure {
            if !failure.message.isEmpty { Terminal.error(failure.message) }
            Foundation.exit(failure.status)
        } catch {
            let status = exitCode(for: error)
            if status == .success {
                exit(withError: error)
            } else if status == .validationFailure {
                // One line, naming the cause; --help has the rest.
                let message = message(for: error).split(separator: "\n")
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                    .map { $0.hasPrefix("- ") ? String($0.dropFirst(2)) : $0 }
                    .joined(separator: " ")
                Terminal.standardError("ergraph: error: \(message) (see 'ergraph help')")
                Foundation.exit(2)
            } else {
                exit(withError: error)
            }
        }
    }
}

/// `ergraph version`: the tool's version and the Graphviz library it is linked with.
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Print ergraph's version and the version of the Graphviz library linked in.")

    func run() throws {
        print("ergraph \(ERGraphCommand.version) (Graphviz \(LayoutWorker.graphvizVersion))")
    }
}
