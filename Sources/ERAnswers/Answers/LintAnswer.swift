import ERFormats
import ERGraph
import Foundation

/// What `ergraph lint` found in each dataset: every finding with its stable code, severity,
/// place and fix hint. Archived copies are read relative to the dataset file.
public struct LintAnswer: Answer, Encodable {
    public struct Finding: Encodable, Sendable, Equatable {
        public var code: String
        public var severity: String
        public var file: String?
        public var line: Int?
        public var column: Int?
        public var message: String
        public var hint: String
        /// The author's reason for accepting it (`lint_accepts`); an accepted finding is no problem.
        public var accepted: String?
    }

    public struct FileReport: Encodable, Sendable {
        public var file: String
        public var errors: Int
        public var warnings: Int
        public var accepted: Int
        public var findings: [Finding]
    }

    public var reports: [FileReport]

    public func encode(to encoder: any Encoder) throws { try reports.encode(to: encoder) }

    public init(paths: [String]) {
        reports = paths.map { path in
            let findings = Self.findings(path: path).map { finding in
                Finding(code: finding.code, severity: finding.severity.rawValue, file: finding.location?.file,
                        line: finding.location.flatMap { $0.line > 0 ? $0.line : nil },
                        column: finding.location.flatMap { $0.line > 0 ? $0.column : nil },
                        message: finding.message, hint: finding.hint, accepted: finding.acceptedBecause)
            }
            let open = findings.filter { $0.accepted == nil }
            return FileReport(file: path, errors: open.filter { $0.severity == "error" }.count,
                              warnings: open.filter { $0.severity == "warning" }.count,
                              accepted: findings.count - open.count, findings: findings)
        }
    }

    public var hasErrors: Bool { reports.contains { $0.errors > 0 } }

    /// The findings of one dataset file; a file that cannot be read gives its read errors as
    /// findings coded `invalid-dataset`.
    public static func findings(path: String) -> [LintFinding] {
        let read = DatasetReader().read(contentsOf: path)
        let readErrors = read.diagnostics.errors.map { diagnostic in
            LintFinding(code: "invalid-dataset", severity: .error, message: diagnostic.message,
                        hint: "fix what 'ergraph validate' reports first", location: diagnostic.location)
        }
        guard let dataset = read.dataset else { return readErrors }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        var archives: [String: ArchiveState] = [:]
        for source in dataset.sources.map(\.value) {
            guard let archive = source.archive else { continue }
            let file = archive.hasPrefix("/") ? URL(fileURLWithPath: archive) : folder.appendingPathComponent(archive)
            if let data = FileManager.default.contents(atPath: file.path), let text = String(data: data, encoding: .utf8) {
                archives[source.id] = .text(ArchivedText(text))
            } else {
                archives[source.id] = .missing(path: archive)
            }
        }
        return readErrors + DatasetLint.findings(dataset, archives: archives)
    }

    public func text() -> String {
        var lines: [String] = []
        for report in reports {
            for finding in report.findings {
                var place = finding.file ?? report.file
                if let line = finding.line { place += ":\(line)" + (finding.column.map { ":\($0)" } ?? "") }
                if let reason = finding.accepted {
                    lines.append("\(place): accepted[\(finding.code)]: \(finding.message)")
                    lines.append("  accepted because: \(reason)")
                    continue
                }
                lines.append("\(place): \(finding.severity)[\(finding.code)]: \(finding.message)")
                lines.append("  hint: \(finding.hint)")
            }
            let accepted = report.accepted == 0 ? "" : " (\(report.accepted) accepted by the dataset, with its reasons)"
            if report.errors + report.warnings == 0 {
                lines.append("\(report.file): clean: every check passed\(accepted)")
            } else {
                lines.append("\(report.file): \(Wording.count(report.errors, "error")), \(Wording.count(report.warnings, "warning"))\(accepted)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public func csv() -> String? {
        TextTable.csv(["file", "line", "column", "severity", "code", "message", "hint", "accepted"], reports.flatMap { report in
            report.findings.map { finding in
                [finding.file ?? report.file, finding.line.map(String.init) ?? "", finding.column.map(String.init) ?? "",
                 finding.severity, finding.code, finding.message, finding.hint, finding.accepted ?? ""]
            }
        })
    }
}

/// Every lint check: its code, severity and meaning, for help texts and documentation.
public let lintCodes: [(code: String, severity: String, meaning: String)] =
    DatasetLint.codes.map { ($0.code, $0.severity.rawValue, $0.meaning) }
