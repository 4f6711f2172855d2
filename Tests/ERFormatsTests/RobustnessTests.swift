import ERFormats
import ERGraph
import Foundation
import Testing

/// Damaged datasets never crash the reader, and every error they produce points at a real
/// place in the file.
@Suite("Robustness against damaged input")
struct RobustnessTests {
    static let original = (try? String(contentsOf: Paths.file("Graph/ice-surveillance.yaml"), encoding: .utf8)) ?? ""

    /// Deterministic damage: delete, duplicate or swap lines, insert YAML punctuation, cut the file.
    static func mutate(_ text: String, seed: UInt64) -> String {
        var random = SeededGenerator(seed: seed)
        var lines = text.components(separatedBy: "\n")
        let noise = [":", "{", "}", "[", "]", "\"", "'", "&a", "*a", "!", "|", ">", "- ", "#", "\t", "%", "@", "`",
                     "\u{0}", "é", "🛰", "\\", "\r", "---", "...", "? ", ",", "2024-13", "-1"]
        for _ in 0..<(1 + random.below(3)) {
            guard !lines.isEmpty else { break }
            let line = random.below(lines.count)
            switch random.below(6) {
            case 0: lines.remove(at: line)
            case 1: lines.insert(lines[line], at: line)
            case 2:
                let other = random.below(lines.count)
                lines.swapAt(line, other)
            case 3:
                var characters = Array(lines[line])
                let position = characters.isEmpty ? 0 : random.below(characters.count + 1)
                characters.insert(contentsOf: noise[random.below(noise.count)], at: position)
                lines[line] = String(characters)
            case 4:
                lines = Array(lines.prefix(line))
            default:
                lines[line] = String(lines[line].reversed())
            }
        }
        return lines.joined(separator: "\n")
    }

    @Test("500 damaged copies of the default dataset: no crash, every error positioned in the file")
    func mutations() {
        #expect(!Self.original.isEmpty)
        var rejected = 0
        for seed in 0..<500 {
            let text = Self.mutate(Self.original, seed: UInt64(seed))
            let lineCount = text.components(separatedBy: "\n").count
            let result = DatasetLoader.load(text: text, file: "damaged.yaml")
            if result.graph == nil { rejected += 1 }
            #expect(result.graph != nil || result.diagnostics.hasErrors, "seed \(seed): no graph but no error")
            for diagnostic in result.diagnostics {
                let location = diagnostic.location
                #expect(location?.file == "damaged.yaml", "seed \(seed): \(diagnostic)")
                #expect((1...lineCount + 1).contains(location?.line ?? 0), "seed \(seed): \(diagnostic)")
                #expect((location?.column ?? 0) >= 1, "seed \(seed): \(diagnostic)")
            }
        }
        // Most damage must be caught, not silently accepted.
        #expect(rejected > 250)
    }

    @Test("random bytes are refused with a positioned error", arguments: 0..<40)
    func randomBytes(_ seed: Int) {
        var random = SeededGenerator(seed: UInt64(seed) &+ 1_000)
        let bytes = (0..<(1 + random.below(400))).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let result = DatasetReader().read(data: Data(bytes), file: "noise.bin")
        #expect(result.dataset == nil || result.diagnostics.hasErrors || bytes.allSatisfy { $0 == 0x20 || $0 == 0x0A })
        for diagnostic in result.diagnostics {
            #expect((diagnostic.location?.line ?? 0) >= 1)
        }
    }

    @Test("deep nesting is refused, not a stack overflow")
    func deepNesting() {
        let text = "entities: " + String(repeating: "[", count: 100_000)
        let result = DatasetLoader.load(text: text, file: "deep.yaml")
        #expect(result.graph == nil)
        #expect(result.diagnostics.first?.message.contains("nesting") == true, "\(result.diagnostics)")
    }
}
