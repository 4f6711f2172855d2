import ERFormats
import ERGraph

/// Every dataset checked, each alone and, when there are several, merged as one
/// (`ergraph validate`). Problems carry their file, line and column.
public struct ValidationAnswer: Answer, Encodable {
    public struct FileReport: Encodable, Sendable {
        public var file: String
        public var valid: Bool
        public var entities: Int?
        public var relationships: Int?
        public var sources: Int?
        public var diagnostics: [DiagnosticReport]
        /// The diagnostics as read, for printing (not encoded).
        fileprivate var found: [Diagnostic] = []

        enum CodingKeys: String, CodingKey { case file, valid, entities, relationships, sources, diagnostics }
    }

    public struct DiagnosticReport: Encodable, Sendable {
        public var severity: String
        public var file: String?
        public var line: Int?
        public var column: Int?
        public var message: String
    }

    public var reports: [FileReport]

    public func encode(to encoder: any Encoder) throws { try reports.encode(to: encoder) }

    public init(paths: [String], strict: Bool) {
        var reports = paths.map { path in
            var report = Self.report(path, DatasetLoader.load(path: path, options: .init(strict: strict)))
            if strict && report.valid {
                // Strict checking includes lint's error-level checks: quotes against archives,
                // archives that are missing, links below the dataset's corroboration rule.
                let errors = LintAnswer.findings(path: path).filter { $0.severity == .error && $0.acceptedBecause == nil }
                    .map { Diagnostic.error("\($0.message) [\($0.code)]; \($0.hint)", at: $0.location) }
                report.found = (report.found + errors).sortedByLocation()
                report.diagnostics = report.found.map(Self.record)
                report.valid = errors.isEmpty
            }
            return report
        }
        if paths.count > 1 && reports.allSatisfy(\.valid) {
            // The merge can fail where every file passes: conflicting facts, same_as across files.
            let merged = DatasetLoader.load(paths: paths, options: .init(strict: strict))
            var report = Self.report(paths.joined(separator: " + "), merged)
            // Each file's own problems were reported above; the merge adds only what is new.
            let seen = Set(reports.flatMap(\.found).map(\.description))
            report.found = report.found.filter { !seen.contains($0.description) }
            report.diagnostics = report.found.map(Self.record)
            reports.append(report)
        }
        self.reports = reports
    }

    public var isValid: Bool { reports.allSatisfy(\.valid) }

    private static func report(_ name: String, _ result: DatasetLoader.Result) -> FileReport {
        let graph = result.graph
        return FileReport(file: name, valid: graph != nil, entities: graph?.entityCount, relationships: graph?.relationshipCount,
                          sources: graph?.sources.count, diagnostics: result.diagnostics.map(record), found: result.diagnostics)
    }

    private static func record(_ diagnostic: Diagnostic) -> DiagnosticReport {
        DiagnosticReport(severity: diagnostic.severity.rawValue, file: diagnostic.location?.file,
                         line: diagnostic.location.flatMap { $0.line > 0 ? $0.line : nil },
                         column: diagnostic.location.flatMap { $0.line > 0 ? $0.column : nil },
                         message: diagnostic.message)
    }

    /// Per file (and for the merge), in order: its problems, then one verdict line, which goes
    /// to standard output when valid and to standard error when not.
    public var verdicts: [(problems: [Diagnostic], valid: Bool, line: String)] {
        reports.map { report in
            let warnings = report.found.warnings.count
            let warningNote = warnings == 0 ? "" : " (\(Wording.count(warnings, "warning")))"
            if report.valid {
                return (report.found, true, "\(report.file): valid: \(Wording.count(report.entities ?? 0, "entity", "entities")), "
                        + "\(Wording.count(report.relationships ?? 0, "relationship")), "
                        + "\(Wording.count(report.sources ?? 0, "source"))\(warningNote)")
            }
            return (report.found, false, "\(report.file): invalid: \(Wording.count(report.found.errors.count, "error"))\(warningNote)")
        }
    }

    public func text() -> String {
        verdicts.flatMap { $0.problems.map(\.description) + [$0.line] }.joined(separator: "\n") + "\n"
    }
}
