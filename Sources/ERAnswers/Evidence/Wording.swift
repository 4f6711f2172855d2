import ERFormats
import Foundation
import ERGraph

/// The one wording of evidence: how a date span, an amount, a status history, a link and a
/// source read, in every answer (show, path, neighbours, owners, money) and on every diagram
/// label and tooltip. Change a phrase here and it changes everywhere.
public enum Wording {
    // MARK: Dates

    /// `2024-09 – 2025`, `since 2024-12`, `until 2025`, or nil when no date is known.
    public static func span(_ validity: Validity) -> String? {
        switch (validity.start, validity.end) {
        case let (start?, end?): "\(start) – \(end)"
        case let (start?, nil): "since \(start)"
        case let (nil, end?): "until \(end)"
        case (nil, nil): nil
        }
    }

    // MARK: Money

    /// One amount with its kind: `$2M reported`, `$95.9M ceiling`, `€1,200 paid`.
    public static func money(_ amount: Money) -> String {
        "\(amount.compact) \(amount.kind.rawValue)"
    }

    /// Several amounts, never added: `$800K paid, $4.85M reported`; nil when there are none.
    public static func money(_ amounts: [Money]) -> String? {
        amounts.isEmpty ? nil : amounts.map(money).joined(separator: ", ")
    }

    /// How many outlets a claim rests on: `1 independent source (single-sourced)`, `2 independent sources`.
    public static func independence(_ count: Int) -> String {
        switch count {
        case 0: "no source"
        case 1: "1 independent source (single-sourced)"
        default: "\(count) independent sources"
        }
    }

    // MARK: Status

    /// One status event: `stop-work order 2024`, or the status alone when it has no date.
    public static func event(_ event: StatusEvent) -> String {
        event.date.map { "\(event.status) \($0)" } ?? event.status
    }

    /// The status history in order, leaving out a `signed` event that only repeats the start
    /// date the span already gives; nil when nothing is left.
    public static func history(_ events: [StatusEvent], validity: Validity) -> String? {
        let told = events.filter { !($0.status == "signed" && $0.date != nil && $0.date == validity.start) }
        return told.isEmpty ? nil : told.map(event).joined(separator: ", ")
    }

    // MARK: Facts

    /// Money, dates and status in one phrase, parts apart by `; `:
    /// `$2M reported; since 2024-09; stop-work order 2024, stop-work order lifted 2025`.
    /// Empty when nothing is known.
    public static func facts(validity: Validity, amounts: [Money], events: [StatusEvent]) -> String {
        [money(amounts), span(validity), history(events, validity: validity)].compactMap { $0 }.joined(separator: "; ")
    }

    public static func facts(of relationship: Relationship) -> String {
        facts(validity: relationship.validity, amounts: relationship.amounts, events: relationship.events)
    }

    public static func facts(of entity: Entity) -> String {
        facts(validity: entity.validity, amounts: entity.amounts, events: entity.events)
    }

    // MARK: Kinds and links

    /// A kind as people read it: `awarded_to` → `awarded to`.
    public static func kind(_ kind: String) -> String {
        kind.replacingOccurrences(of: "_", with: " ")
    }

    /// How a link of `kind` reads from its source: `acquired`, `is part of`, `contracted with`
    /// (the vocabulary's phrase; for a kind without one, its label).
    public static func verb(_ kind: String, in vocabulary: Vocabulary) -> String {
        vocabulary.relationshipKind(kind)?.activePhrase ?? self.kind(kind)
    }

    /// A link in the direction it is walked: `A —acquired→ B` along it, `B ←acquired— A` against it.
    public static func arrow(from: String, verb: String, to: String, forward: Bool) -> String {
        forward ? "\(from) —\(verb)→ \(to)" : "\(from) ←\(verb)— \(to)"
    }

    /// A link as a sentence read from the end it is walked from, with its facts:
    /// along it, `AE Industrial acquired Paragon Solutions (since 2024-12)`; against it,
    /// `Paragon Solutions was acquired by AE Industrial (since 2024-12)`. A declared kind
    /// without an inverse phrase reads against the link as an arrow, `B ←planned merger— A`,
    /// which cannot be misread. Path hops, `show`, `neighbors`, tooltips and JSON answers all
    /// carry this sentence.
    public static func statement(_ relationship: Relationship, from: String, to: String, forward: Bool = true,
                                 in vocabulary: Vocabulary) -> String {
        let definition = vocabulary.relationshipKind(relationship.kind)
        let sentence: String
        if forward {
            sentence = "\(from) \(definition?.activePhrase ?? kind(relationship.kind)) \(to)"
        } else if let inverse = definition?.inverse {
            sentence = "\(from) \(inverse) \(to)"
        } else {
            sentence = arrow(from: from, verb: kind(relationship.kind), to: to, forward: false)
        }
        let facts = facts(of: relationship)
        return facts.isEmpty ? sentence : "\(sentence) (\(facts))"
    }

    /// A link's label on a chain of arrows and on Mermaid arrows:
    /// `acquired (since 2024-12)`, `contracted with ($2M reported; since 2024-09)`.
    public static func arrowLabel(_ relationship: Relationship, in vocabulary: Vocabulary) -> String {
        let facts = facts(of: relationship)
        let verb = verb(relationship.kind, in: vocabulary)
        return facts.isEmpty ? verb : "\(verb) (\(facts))"
    }

    // MARK: Sources

    /// A source in a numbered list: `Publisher, “Title”, 2025-09-19, https://…, copy: sources/…`.
    public static func source(_ source: Source) -> String {
        var parts: [String] = []
        if let publisher = source.publisher { parts.append(publisher) }
        parts.append("“\(source.title)”")
        if let published = source.published { parts.append(published.description) }
        if let url = source.url { parts.append(url) }
        if let archive = source.archive { parts.append("copy: \(archive)") }
        return parts.joined(separator: ", ")
    }

    /// A citation with its source's number: `“The words.” [1], crediting 404-media`.
    public static func citation(_ citation: Citation, number: Int) -> String {
        let credit = citation.creditedTo.map { ", crediting \($0)" } ?? ""
        let quote = citation.quote.map { "“\($0)” " } ?? ""
        let locator = citation.locator.map { ", \($0)" } ?? ""
        return "\(quote)[\(number)]\(locator)\(credit)"
    }

    /// Source numbers as markers: `[1][2]`.
    public static func markers(_ numbers: [Int]) -> String {
        numbers.map { "[\($0)]" }.joined()
    }

    /// What is said where a claim cites nothing.
    public static let uncited = "(no source cited)"

    // MARK: Counting

    /// `1 entity`, `2 entities`; `1 path`, `3 paths`.
    public static func count(_ number: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(number) \(number == 1 ? singular : plural ?? singular + "s")"
    }

    /// A number as people read it in an answer: whole numbers without `.0`, others to ten
    /// significant digits (`130.268`, not the `130.26799999999997` that adding floats gives).
    public static func number(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
        return String(format: "%.10g", value)
    }

    /// The progress line of a long import: `importing: 45,056 rows, 12.3 of 19.5 MB, 21.4 MB/s, about 1 s left`.
    public static func progress(_ progress: ImportProgress, seconds: Double) -> String {
        let megabytes = { (bytes: Int) in String(format: "%.1f", Double(bytes) / 1_000_000) }
        let rate = seconds > 0 ? Double(progress.bytesRead) / seconds : 0
        var line = "importing: \(grouped(progress.rows)) rows, \(megabytes(progress.bytesRead)) of \(megabytes(progress.bytesTotal)) MB"
        if rate > 0 {
            let left = Double(progress.bytesTotal - progress.bytesRead) / rate
            line += String(format: ", %.1f MB/s, about %.0f s left", rate / 1_000_000, left.rounded(.up))
        }
        return line
    }

    /// `45056` → `45,056`.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }
}

/// Numbers sources in the order they are first cited, for `[1]`-style references.
public struct SourceNumbering: Sendable {
    /// The source ids in the order they were numbered.
    public private(set) var order: [String] = []
    private var numbers: [String: Int] = [:]

    public init() {}

    public mutating func number(for source: String) -> Int {
        if let known = numbers[source] { return known }
        order.append(source)
        numbers[source] = order.count
        return order.count
    }

    /// The numbered list: `[1] Publisher, “Title”, …`, one line each, for the sources `graph` knows.
    public func list(in graph: Graph, indent: String = "  ") -> [String] {
        order.enumerated().compactMap { position, id in
            graph.source(withID: id).map { "\(indent)[\(position + 1)] " + Wording.source($0) }
        }
    }
}
