import ERGraph

/// Short human descriptions of the model's values, shared by the commands that print them.
enum Describe {
    /// `2024-09 – 2025`, `since 2024-12`, `until 2025`, or nil when no date is known.
    static func validity(_ validity: Validity) -> String? {
        switch (validity.start, validity.end) {
        case let (start?, end?): "\(start) – \(end)"
        case let (start?, nil): "since \(start)"
        case let (nil, end?): "until \(end)"
        case (nil, nil): nil
        }
    }

    /// `$2M (reported); 2024-09; stop-work order 2024, stop-work order lifted 2025`.
    static func facts(validity: Validity, amounts: [Money], events: [StatusEvent]) -> String {
        var parts: [String] = []
        if !amounts.isEmpty { parts.append(amounts.map(\.description).joined(separator: ", ")) }
        if let dates = self.validity(validity) { parts.append(dates) }
        if !events.isEmpty {
            parts.append(events.map { event in
                event.date.map { "\(event.status) \($0)" } ?? event.status
            }.joined(separator: ", "))
        }
        return parts.joined(separator: "; ")
    }
}

extension Describe {
    /// `Publisher, "Title", 2025-09-19, https://…`.
    static func source(_ source: Source) -> String {
        var parts: [String] = []
        if let publisher = source.publisher { parts.append(publisher) }
        parts.append("\"\(source.title)\"")
        if let published = source.published { parts.append(published.description) }
        if let url = source.url { parts.append(url) }
        if let archive = source.archive { parts.append("copy: \(archive)") }
        return parts.joined(separator: ", ")
    }
}

/// Numbers sources in the order they are first cited, for `[1]`-style references.
struct SourceNumbering {
    private(set) var order: [String] = []

    mutating func number(for source: String) -> Int {
        if let index = order.firstIndex(of: source) { return index + 1 }
        order.append(source)
        return order.count
    }
}
