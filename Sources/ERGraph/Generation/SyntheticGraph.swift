import Foundation

/// A small, fast, seeded pseudo-random generator (SplitMix64, Steele et al. 2014), so that
/// generated graphs are identical on every machine and every run.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<bound` (bound > 0), by Lemire's multiply-shift (slightly biased
    /// for huge bounds, which does not matter for test graphs).
    public mutating func below(_ bound: Int) -> Int {
        Int((UInt64(truncatingIfNeeded: next() >> 32) &* UInt64(bound)) >> 32)
    }

    /// A uniform double in [0, 1).
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }
}

/// Generates entity-relationship graphs shaped like procurement data, for tests and benchmarks.
///
/// The shape: a few agencies with very high degree; companies whose chance of winning a
/// contract follows a power law (a handful win most); ownership trees among companies; products
/// made by companies; people working for companies; parallel contracts between the same pair.
/// Entity ids are `e0`, `e1`, …; the same size and seed always give the same graph.
public enum SyntheticGraph {
    public struct Shape: Sendable {
        public var entities: Int
        public var relationships: Int
        public var seed: UInt64
        /// The share of all relationships the top agency (`e0`) should be an end of, in 0...1;
        /// `nil` leaves it to the agency power law (39% at 10k entities, 19% at 100k, 9.0%
        /// at 1M). Benchmarks set it so that every size faces a hub of a chosen weight.
        public var hubShare: Double?
        /// The power-law exponent of a vendor's chance of winning a contract: larger values
        /// concentrate contracts on fewer companies (1 is uniform).
        public var vendorExponent: Double
        public init(entities: Int, relationships: Int, seed: UInt64 = 42, hubShare: Double? = nil, vendorExponent: Double = 3) {
            self.entities = entities
            self.relationships = relationships
            self.seed = seed
            self.hubShare = hubShare
            self.vendorExponent = vendorExponent
        }
    }

    /// Builds the graph. O(V + E), no per-link allocation beyond the builder's columns.
    public static func generate(_ shape: Shape) throws(GraphBuildError) -> Graph {
        try builder(shape).build()
    }

    /// The filled builder, before packing: lets benchmarks time the two phases apart.
    public static func builder(_ shape: Shape) throws(GraphBuildError) -> GraphBuilder {
        var random = SeededGenerator(seed: shape.seed)
        var builder = GraphBuilder()
        builder.title = "synthetic graph: \(shape.entities) entities, \(shape.relationships) relationships, seed \(shape.seed)"
        builder.reserveCapacity(entities: shape.entities, relationships: shape.relationships)

        let entityCount = max(shape.entities, 4)
        let agencies = max(1, entityCount / 2_000)
        let companies = max(1, entityCount * 55 / 100)
        let products = max(1, entityCount * 20 / 100)
        let people = max(0, entityCount - agencies - companies - products)
        let firstCompany = agencies
        let firstProduct = firstCompany + companies
        let firstPerson = firstProduct + products
        let total = firstPerson + people

        for index in 0..<total {
            let kind: String
            switch index {
            case ..<firstCompany: kind = "agency"
            case ..<firstProduct: kind = "company"
            case ..<firstPerson: kind = "product"
            default: kind = "person"
            }
            try builder.addEntity(id: "e\(index)", kind: kind, name: "\(kind.capitalized) \(index)")
        }

        func code(_ kind: String) -> UInt16 { builder.relationshipKindCode(kind) ?? 0 }
        let contracted = code("contracted"), owns = code("owns"), makes = code("makes")
        let worksFor = code("works_for"), supplies = code("supplies")

        // Power-law pick among `count` items starting at `first`: low indices are far likelier.
        func skewed(_ first: Int, _ count: Int, exponent: Double) -> EntityIndex {
            let u = random.unit()
            var position = Int(Double(count) * pow(u, exponent))
            if position >= count { position = count - 1 }
            return EntityIndex(first + position)
        }

        var remaining = shape.relationships
        // Ownership trees: a company is owned by an earlier company, so the hierarchy is acyclic.
        let ownershipLinks = min(remaining / 10, companies * 3 / 10)
        for _ in 0..<ownershipLinks {
            let child = firstCompany + 1 + random.below(max(1, companies - 1))
            guard child < firstProduct else { continue }
            let parent = firstCompany + random.below(child - firstCompany)
            try builder.addRelationship(kindCode: owns, from: EntityIndex(parent), to: EntityIndex(child))
            remaining -= 1
        }
        let productLinks = min(remaining / 6, products)
        for offset in 0..<productLinks {
            try builder.addRelationship(kindCode: makes, from: skewed(firstCompany, companies, exponent: 2),
                                        to: EntityIndex(firstProduct + offset % products))
            remaining -= 1
        }
        let employmentLinks = min(remaining / 8, people)
        for offset in 0..<employmentLinks {
            try builder.addRelationship(kindCode: worksFor, from: EntityIndex(firstPerson + offset),
                                        to: skewed(firstCompany, companies, exponent: 2))
            remaining -= 1
        }
        // The rest: contracts from agencies to vendors (a fifth repeat the previous pair, as
        // parallel contracts do), and company-to-company supply links.
        // With a hub share asked for, a new contract goes to the top agency with the probability
        // that gives it that share of all links: contracts (new ones and their repeats, which
        // copy a pair) are 0.2 + 0.8 × 0.7 = 0.76 of the links still to place.
        let hubProbability = shape.hubShare.map { share in
            min(1, max(0, share) * Double(shape.relationships) / max(1, 0.76 * Double(remaining)))
        }
        func agency() -> EntityIndex {
            guard let hubProbability else { return skewed(0, agencies, exponent: 3) }
            if agencies == 1 || random.unit() < hubProbability { return EntityIndex(0) }
            return EntityIndex(1 + random.below(agencies - 1))
        }
        var previous: (EntityIndex, EntityIndex)?
        while remaining > 0 {
            if let pair = previous, random.below(5) == 0 {
                try builder.addRelationship(kindCode: contracted, from: pair.0, to: pair.1)
            } else if random.below(10) < 7 {
                let pair = (agency(), skewed(firstCompany, companies, exponent: shape.vendorExponent))
                try builder.addRelationship(kindCode: contracted, from: pair.0, to: pair.1)
                previous = pair
            } else {
                try builder.addRelationship(kindCode: supplies, from: skewed(firstCompany, companies, exponent: 1.5),
                                            to: EntityIndex(firstCompany + random.below(companies)))
            }
            remaining -= 1
        }
        return builder
    }
}
