import ERGraph
import Foundation

/// Reads FollowTheMoney entities (JSON lines: `{"id", "schema", "properties": {name: [values]}}`)
/// into a graph. Edge schemata (Payment, Ownership, ContractAward, …) become relationships,
/// with amounts and dates; other schemata become entities; references such as `addressEntity`
/// become `located_in` links, a contract's `authority` an `awarded` link. Everything cites one
/// source standing for the file.
public enum FtMReader {
    public struct Result: Sendable {
        public var graph: Graph
        /// FtM entities read, edges included.
        public var entitiesRead: Int
        /// Edge entities read, by schema.
        public var edgesBySchema: [String: Int]
        public var warnings: [String]
    }

    public static func read(_ data: Data, name: String) throws(ImportError) -> Result {
        struct Record { var id: String; var schema: String; var properties: [String: [String]]; var line: Int }
        var records: [Record] = []
        for (offset, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == 0x20 || $0 == 0x0D }
            guard !trimmed.isEmpty else { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(trimmed)) as? [String: Any] else {
                throw ImportError("\(name):\(offset + 1): not a JSON object (FtM files hold one entity per line)")
            }
            guard let id = object["id"] as? String, !id.isEmpty, let schema = object["schema"] as? String else {
                throw ImportError("\(name):\(offset + 1): an FtM entity needs \"id\" and \"schema\"")
            }
            var properties: [String: [String]] = [:]
            for (key, value) in object["properties"] as? [String: Any] ?? [:] {
                properties[key] = (value as? [Any] ?? [value]).map { "\($0)" }
            }
            records.append(Record(id: id, schema: schema, properties: properties, line: offset + 1))
        }
        let source = Source(id: "ftm-file", title: "FollowTheMoney entities read from \(URL(fileURLWithPath: name).lastPathComponent)")
        let citation = Citation(source: source.id)
        let ids = Set(records.map(\.id))
        var vocabulary = Vocabulary.builtIn
        vocabulary.declareRelationshipKind(KindDefinition("located_in", "the source is based at the target address"))
        for (schema, edge) in FtMSchemata.edges {
            vocabulary.declareRelationshipKind(KindDefinition(edge.kind, "FtM \(schema)"))
        }
        var entities: [Entity] = []
        var relationships: [Relationship] = []
        var edgeCounts: [String: Int] = [:]
        var warnings: [String] = []
        for record in records {
            var properties = record.properties
            if let edge = FtMSchemata.edges[record.schema] {
                guard let from = properties.removeValue(forKey: edge.source)?.first,
                      let to = properties.removeValue(forKey: edge.target)?.first, ids.contains(from), ids.contains(to) else {
                    warnings.append("\(name):\(record.line): \(record.schema) \(record.id) lacks a known \(edge.source) or \(edge.target); left out")
                    continue
                }
                edgeCounts[record.schema, default: 0] += 1
                // ergraph's own exports name the exact kind; an Ownership written from a
                // subsidiary (its owner first) is turned back.
                var kind = edge.kind, ends = (from, to)
                var descriptions = properties.removeValue(forKey: "description") ?? []
                if let note = descriptions.first(where: { $0.hasPrefix(FtMSchemata.kindNote) }) {
                    let written = String(note.dropFirst(FtMSchemata.kindNote.count))
                    if FtMSchemata.isKindID(written) {
                        kind = written
                        if vocabulary.relationshipKind(written) == nil {
                            vocabulary.declareRelationshipKind(KindDefinition(written, "FtM \(record.schema), as ergraph wrote it"))
                        }
                        if FtMSchemata.edge(forKind: written).reversed { ends = (to, from) }
                    }
                    descriptions.removeAll { $0 == note }
                }
                let quotes = descriptions.compactMap(FtMSchemata.quote(in:))
                descriptions.removeAll { FtMSchemata.quote(in: $0) != nil }
                if !descriptions.isEmpty { properties["description"] = descriptions }
                let citations = quotes.isEmpty ? [citation] : quotes.map { Citation(source: citation.source, quote: $0) }
                var link = Relationship(id: record.id, kind: kind, from: ends.0, to: ends.1, citations: citations)
                (link.validity, link.amounts, link.properties) = fields(&properties, paid: record.schema == "Payment")
                relationships.append(link)
                continue
            }
            let kind = FtMSchemata.nodeKinds[record.schema] ?? declared(record.schema, in: &vocabulary)
            let name = properties.removeValue(forKey: "name")?.first ?? properties["full"]?.first ?? properties["title"]?.first ?? record.id
            var entity = Entity(id: record.id, kind: kind, name: name, citations: [citation])
            for key in FtMSchemata.aliasProperties { entity.aliases += properties.removeValue(forKey: key) ?? [] }
            for address in properties.removeValue(forKey: "addressEntity") ?? [] where ids.contains(address) {
                relationships.append(Relationship(id: "\(record.id)--located_in--\(address)", kind: "located_in",
                                                  from: record.id, to: address, citations: [citation]))
            }
            for authority in properties.removeValue(forKey: "authority") ?? [] where ids.contains(authority) {
                relationships.append(Relationship(id: "\(authority)--awarded--\(record.id)", kind: "awarded",
                                                  from: authority, to: record.id, citations: [citation]))
            }
            (entity.validity, entity.amounts, entity.properties) = fields(&properties, paid: false)
            entity.properties["ftm_schema"] = .text(record.schema)
            entities.append(entity)
        }
        var builder = GraphBuilder(vocabulary: vocabulary)
        builder.title = URL(fileURLWithPath: name).lastPathComponent
        builder.addSource(source)
        for entity in entities {
            do { try builder.addEntity(entity) } catch { warnings.append("\(name): entity \(entity.id): \(error)") }
        }
        let known = Set(entities.map(\.id))
        for link in relationships where known.contains(link.from) && known.contains(link.to) {
            do { try builder.addRelationship(link) } catch { warnings.append("\(name): link \(link.id): \(error)") }
        }
        return Result(graph: builder.build(), entitiesRead: records.count, edgesBySchema: edgeCounts, warnings: warnings)
    }

    private static func declared(_ schema: String, in vocabulary: inout Vocabulary) -> String {
        var kind = ""
        for character in schema {
            if character.isUppercase && !kind.isEmpty { kind += "_" }
            kind += character.lowercased()
        }
        vocabulary.declareEntityKind(KindDefinition(kind, "FtM \(schema)"))
        return kind
    }

    /// Dates and money out of FtM properties; what is left becomes ergraph properties.
    private static func fields(_ properties: inout [String: [String]], paid: Bool)
        -> (Validity, [Money], [String: PropertyValue]) {
        let kind: AmountKind = paid ? .paid : .reported
        var amounts: [Money] = []
        for (key, currency) in [("amountEur", "EUR"), ("amountUsd", "USD")] {
            for value in properties.removeValue(forKey: key) ?? [] {
                if let amount = Money.parseAmount(value) { amounts.append(Money(amount: amount, currency: currency, kind: kind)) }
            }
        }
        if let values = properties["amount"], let currency = properties["currency"]?.first?.uppercased(), Money.isCurrencyCode(currency) {
            amounts += values.compactMap { Money.parseAmount($0).map { Money(amount: $0, currency: currency, kind: kind) } }
            properties.removeValue(forKey: "amount")
            properties.removeValue(forKey: "currency")
        }
        let date = properties.removeValue(forKey: "date")?.first.flatMap { PartialDate(String($0.prefix(10))) }
        let start = properties.removeValue(forKey: "startDate")?.first.flatMap { PartialDate(String($0.prefix(10))) } ?? date
        let end = properties.removeValue(forKey: "endDate")?.first.flatMap { PartialDate(String($0.prefix(10))) }
        var result: [String: PropertyValue] = [:]
        for (key, values) in properties {
            result[key] = values.count == 1 ? .text(values[0]) : .list(values.map(PropertyValue.text))
        }
        return (Validity(start: start, end: end), amounts, result)
    }
}
