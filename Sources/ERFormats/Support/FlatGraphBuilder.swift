import ERGraph
import Foundation

/// Turns flat attribute maps (what GraphML, GEXF and node-link JSON hold) back into entities and
/// relationships: the inverse of ``FlatAttributes``. Known names (`kind`, `name`, `aliases`,
/// `start`, `end`, `amount_<kind>_<currency>`, `sources`) become fields again; everything else
/// a property. Kinds the vocabulary lacks are declared.
struct FlatGraphBuilder {
    var title: String?
    /// Source documents the file carried (ergraph's exports store them as `ergraph_sources`).
    var sources: [Source] = []
    private var entities: [Entity] = []
    private var relationships: [Relationship] = []
    private(set) var warnings: [String] = []

    init(title: String?) { self.title = title }

    /// Reads the `ergraph_sources` attribute, if the file has one.
    mutating func addSources(json: String?) {
        guard let json, let decoded = try? JSONDecoder().decode([Source].self, from: Data(json.utf8)) else { return }
        sources = decoded
    }

    mutating func addNode(id: String, attributes: [String: FlatValue]) {
        var values = attributes
        let kind = Self.kind(values.removeValue(forKey: "kind")?.text, fallback: "node")
        let name = values.removeValue(forKey: "name")?.text ?? values.removeValue(forKey: "label")?.text ?? id
        var entity = Entity(id: id, kind: kind, name: name)
        if let aliases = values.removeValue(forKey: "aliases")?.text {
            entity.aliases = aliases.components(separatedBy: "; ").filter { !$0.isEmpty }
        }
        (entity.validity, entity.amounts, entity.events, entity.citations, entity.properties) = Self.fields(&values)
        entities.append(entity)
    }

    mutating func addEdge(id: String?, from: String, to: String, attributes: [String: FlatValue]) {
        var values = attributes
        let kind = Self.kind(values.removeValue(forKey: "kind")?.text ?? values.removeValue(forKey: "label")?.text, fallback: RelationshipKinds.unspecified)
        // A link the file gives no id is named by its ends, as valid ids from the start.
        let linkID = id ?? "\(ImportedIdentifiers.slug(from))-\(kind.replacingOccurrences(of: "_", with: "-"))-\(ImportedIdentifiers.slug(to))-\(relationships.count + 1)"
        var relationship = Relationship(id: linkID, kind: kind, from: from, to: to)
        (relationship.validity, relationship.amounts, relationship.events, relationship.citations, relationship.properties) = Self.fields(&values)
        relationships.append(relationship)
    }

    func build() -> Graph { buildReporting().graph }

    /// The graph, and what could not go into it (a node whose id repeats, a link whose kind or
    /// ends the store refused), each named: nothing is dropped silently.
    func buildReporting() -> (graph: Graph, warnings: [String]) {
        var problems = warnings
        var vocabulary = Vocabulary.builtIn
        for entity in entities { vocabulary.declareEntityKind(KindDefinition(entity.kind, "imported")) }
        for relationship in relationships { vocabulary.declareRelationshipKind(KindDefinition(relationship.kind, "imported")) }
        var builder = GraphBuilder(vocabulary: vocabulary)
        builder.title = title
        for source in sources { builder.addSource(source) }
        // A citation of a document the file does not describe still needs a source to point at.
        let cited = (entities.flatMap(\.citations) + relationships.flatMap(\.citations)).map(\.source)
        var known = Set(sources.map(\.id))
        for id in cited where known.insert(id).inserted {
            builder.addSource(Source(id: id, title: "\(id) (cited in the imported file, not described there)"))
        }
        var seen = Set<String>()
        for entity in entities {
            guard seen.insert(entity.id).inserted else {
                problems.append("the node '\(entity.id)' appears more than once; the first is kept")
                continue
            }
            do { try builder.addEntity(entity) } catch { problems.append("the node '\(entity.id)' was not used: \(error)") }
        }
        var added = 0
        for relationship in relationships {
            // Ends that name no node get a node of their own, as GraphML and JSON readers do.
            for end in [relationship.from, relationship.to] where seen.insert(end).inserted {
                do {
                    try builder.addEntity(Entity(id: end, kind: "node", name: end))
                    added += 1
                } catch {
                    problems.append("the node '\(end)' was not used: \(error)")
                }
            }
            do { try builder.addRelationship(relationship) } catch {
                problems.append("the link '\(relationship.id)' was not used: \(error)")
            }
        }
        if added > 0 { problems.append("\(added) link end\(added == 1 ? "" : "s") named no node and became a node of kind 'node'") }
        return (builder.build(), problems)
    }

    private static func fields(_ values: inout [String: FlatValue])
        -> (Validity, [Money], [StatusEvent], [Citation], [String: PropertyValue]) {
        let validity = Validity(start: values.removeValue(forKey: "start").flatMap { PartialDate($0.text) },
                                end: values.removeValue(forKey: "end").flatMap { PartialDate($0.text) })
        var amounts: [Money] = []
        for key in values.keys.sorted() where key.hasPrefix("amount_") {
            let parts = key.split(separator: "_")
            guard parts.count == 3, let kind = AmountKind(rawValue: String(parts[1])), Money.isCurrencyCode(String(parts[2])),
                  let value = values[key].flatMap({ Decimal(string: $0.text, locale: Locale(identifier: "en_US_POSIX")) }) else { continue }
            amounts.append(Money(amount: value, currency: String(parts[2]), kind: kind))
            values.removeValue(forKey: key)
        }
        var events: [StatusEvent] = []
        if let json = values["events"]?.text, let decoded = try? JSONDecoder().decode([StatusEvent].self, from: Data(json.utf8)) {
            events = decoded
            values.removeValue(forKey: "events")
            values.removeValue(forKey: "status")  // the latest of them, written for people
        }
        var citations: [Citation] = []
        if let sources = values["sources"]?.text,
           let records = try? JSONDecoder().decode([FlatAttributes.CitationRecord].self, from: Data(sources.utf8)) {
            citations = records.map(\.citation)
            values.removeValue(forKey: "sources")
        }
        let properties = values.mapValues { value -> PropertyValue in
            switch value {
            case let .string(text): .text(text)
            case let .integer(number): .integer(number)
            case let .double(number): .number(number)
            case let .boolean(flag): .boolean(flag)
            }
        }
        return (validity, amounts, events, citations, properties)
    }

    static func kind(_ value: String?, fallback: String) -> String {
        guard let value else { return fallback }
        var kind = ""
        for scalar in value.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) { kind.unicodeScalars.append(scalar) } else if !kind.hasSuffix("_") { kind += "_" }
        }
        while let first = kind.first, !first.isLetter { kind.removeFirst() }
        while kind.hasSuffix("_") { kind.removeLast() }
        return kind.isEmpty ? fallback : kind
    }
}
