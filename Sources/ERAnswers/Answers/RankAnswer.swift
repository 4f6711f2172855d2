import ERGraph
import Foundation

/// The most central entities (`ergraph rank`).
public struct RankAnswer: Answer, Encodable {
    /// Which centrality.
    public enum Measure: String, Sendable, CaseIterable {
        case degree, betweenness, pagerank
    }

    public struct Row: Encodable, Sendable {
        public var rank: Int
        public var id: String
        public var name: String
        public var kind: String
        public var score: Double
    }

    public var measure: Measure
    public var rows: [Row]

    public func encode(to encoder: any Encoder) throws { try rows.encode(to: encoder) }

    public init(by measure: Measure, top: Int, in graph: Graph) {
        self.measure = measure
        let scores: [Double]
        switch measure {
        case .degree: scores = graph.degrees().map(Double.init)
        case .betweenness: scores = graph.betweenness()
        case .pagerank: scores = graph.pageRank()
        }
        let ranked = scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }.prefix(top)
        rows = ranked.enumerated().map { position, entity in
            let index = EntityIndex(entity)
            return Row(rank: position + 1, id: graph.id(of: index), name: graph.name(of: index), kind: graph.kind(of: index),
                       score: scores[entity])
        }
    }

    private func score(_ value: Double) -> String {
        measure == .degree ? String(Int(value)) : String(format: "%.6f", value)
    }

    public func text() -> String {
        TextTable.text(rows.map { [String($0.rank), score($0.score), $0.name, Wording.kind($0.kind)] },
                       header: ["rank", measure.rawValue, "entity", "kind"], rightAligned: [0, 1]) + "\n"
    }

    public func csv() -> String? {
        TextTable.csv(["rank", "id", "name", "kind", measure.rawValue],
                      rows.map { [String($0.rank), $0.id, $0.name, $0.kind, score($0.score)] })
    }
}
