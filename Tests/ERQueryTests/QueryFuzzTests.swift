import ERGraph
import ERQuery
import Foundation
import Testing

/// Thousands of damaged queries: none may crash, and every one that fails must fail with a
/// position inside the query and a caret under it.
@Suite("Malformed queries never crash and always point at the fault")
struct QueryFuzzTests {
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func corpus() throws -> [String] {
        struct Case: Decodable { var query: String }
        let fixture = try JSONDecoder().decode([Case].self, from: Data(contentsOf: Paths.file("Tests/Fixtures/queries/kuzu-agreement.json")))
        let seeds = fixture.map(\.query) + [
            "MATCH p = shortestPath((a {id: 'ice'})-[*..10]-(b {id: 'ae-industrial'})) WHERE all(r IN relationships(p) WHERE r.start <= date('2025')) RETURN p",
            "MATCH (n {id: 'hsi'}) RETURN n {.name, .kind, tag: [x IN range(1, 3) WHERE x > 1 | x * 2]}",
            "MATCH (a)-[r:awarded|awarded_to*1..2]->(b) WITH a, count(r) AS c ORDER BY c DESC LIMIT 3 RETURN a.name, c",
            "UNWIND [1, 2, 3] AS x WITH x WHERE x > 1 RETURN CASE WHEN x = 2 THEN 'two' ELSE 'other' END AS word UNION ALL RETURN 'z' AS word",
        ]
        let alphabet = Array("()[]{}:,.'\"-<>*|$=`\\/0123456789 aZ_;\n\t+%^é😀")
        let words = ["MATCH", "RETURN", "WHERE", "WITH", "OPTIONAL", "UNWIND", "AS", "ORDER BY", "LIMIT", "CREATE", "DELETE",
                     "shortestPath(", "*..", "-[", "]->", "<-[", "IS NULL", "IN", "CASE", "END", "count(*)", "$p", "`x`"]
        var random = Seeded(state: 20261130)
        var corpus: [String] = []
        for seed in seeds {
            let characters = Array(seed)
            for _ in 0..<8 {
                var mutated = characters
                switch random.next() % 7 {
                case 0: mutated = Array(mutated.prefix(Int(random.next() % UInt64(max(1, mutated.count)))))
                case 1: if !mutated.isEmpty { mutated.remove(at: Int(random.next() % UInt64(mutated.count))) }
                case 2: mutated.insert(alphabet[Int(random.next() % UInt64(alphabet.count))], at: Int(random.next() % UInt64(mutated.count + 1)))
                case 3:
                    if mutated.count > 1 {
                        let at = Int(random.next() % UInt64(mutated.count - 1))
                        mutated.swapAt(at, at + 1)
                    }
                case 4: mutated.insert(contentsOf: Array(" " + words[Int(random.next() % UInt64(words.count))] + " "),
                                       at: Int(random.next() % UInt64(mutated.count + 1)))
                case 5: if !mutated.isEmpty { mutated[Int(random.next() % UInt64(mutated.count))] = alphabet[Int(random.next() % UInt64(alphabet.count))] }
                default:
                    let cut = Int(random.next() % UInt64(mutated.count + 1))
                    mutated = Array(mutated[cut...] + mutated[..<cut])
                }
                corpus.append(String(mutated))
            }
        }
        for _ in 0..<150 {
            let length = Int(random.next() % 40)
            corpus.append(String((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }))
        }
        corpus += ["", " ", ";", "RETURN", "MATCH", "MATCH ()", "MATCH ()-", "RETURN [", "RETURN {", "RETURN $", "RETURN `",
                   "RETURN /* open", "RETURN 99999999999999999999999", "RETURN 1e999", "RETURN '\\u12'", "MATCH (a)-[*", "RETURN \u{0}",
                   String(repeating: "[", count: 3000), String(repeating: "NOT ", count: 3000) + "true",
                   "MATCH " + String(repeating: "()-", count: 200) + "() RETURN 1", String(repeating: "RETURN 1 UNION ", count: 300) + "RETURN 1"]
        return corpus
    }

    @Test("at least 500 damaged queries: every failure is positioned, nothing crashes")
    func fuzz() throws {
        let engine = QueryEngine(graph: try Fixtures.defaultGraph())
        let corpus = try Self.corpus()
        var failures = 0
        for query in corpus {
            do {
                _ = try engine.run(query, workLimit: 200_000)
            } catch {
                failures += 1
                let length = query.unicodeScalars.count
                #expect((0...length).contains(error.offset), "offset \(error.offset) outside \(length) for \(query.debugDescription)")
                #expect(!error.message.isEmpty)
                let rendered = error.rendered(in: query)
                #expect(rendered.hasPrefix("query:") && rendered.hasSuffix("^"), "\(rendered)")
            }
        }
        #expect(failures >= 500, "only \(failures) of \(corpus.count) mutated queries failed")
    }
}
