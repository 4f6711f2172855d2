import ERAnswers

/// A request's parameters read into the presentation layer's questions, each checked and
/// bounded, with a 400 that names the parameter when it is wrong. The names are the CLI's
/// options with `_` for `-`: `as_of`, `max_degree`, `exclude_undated`.
enum WebQuestions {
    /// The most routes one path request may ask for (k shortest), and the most paths listed.
    static let kLimit = 10
    static let pathLimit = 100

    /// The path question of a request, and its form for showing again; nil question when the
    /// request names neither end (the empty form).
    static func path(_ request: WebRequest) throws(WebError) -> (query: PathQuery?, form: PathForm) {
        var form = PathForm()
        form.from = request.value("from") ?? ""
        form.to = request.value("to") ?? ""
        form.asOf = request.value("as_of") ?? ""
        form.via = request.value("via") ?? ""
        form.through = request.value("through") ?? ""
        form.avoid = request.value("avoid") ?? ""
        form.maxDegree = request.value("max_degree") ?? ""
        form.k = request.value("k") ?? ""
        form.weight = request.value("weight") ?? ""
        form.directed = try flag(request, "directed")
        form.contracts = try flag(request, "contracts")
        form.excludeUndated = try flag(request, "exclude_undated")
        if form.from.isEmpty && form.to.isEmpty { return (nil, form) }
        guard !form.from.isEmpty else { throw .badRequest("parameter 'from' is missing: name the entity the path starts from") }
        guard !form.to.isEmpty else { throw .badRequest("parameter 'to' is missing: name the entity the path ends at") }
        let asOf = try date(request, "as_of")
        let maxDegree = try integer(request, "max_degree", in: 0...Int(Int32.max))
        let k = try integer(request, "k", in: 1...kLimit)
        let mode: PathQuery.Mode
        if let k {
            mode = .kShortest(count: k, parallelLinksApart: false)
        } else if try flag(request, "all_shortest") {
            mode = .allShortest(limit: pathLimit)
        } else {
            mode = .shortest
        }
        if case .allShortest = mode, !form.weight.isEmpty {
            throw .badRequest("parameter 'weight' goes with the default search or 'k', not 'all_shortest'")
        }
        let constraints = TraversalConstraints(
            direction: form.directed ? .outgoing : .both, via: list(form.via), through: list(form.through),
            avoid: list(form.avoid) ?? [], maxDegree: maxDegree, asOf: asOf, excludeUndated: form.excludeUndated)
        let query = PathQuery(from: form.from, to: form.to, mode: mode,
                              weighting: form.weight.isEmpty ? .hops : .property(form.weight),
                              constraints: constraints, keepContractNodes: form.contracts)
        return (query, form)
    }

    /// The Cypher question of a request (nil for the empty box).
    static func cypher(_ request: WebRequest) throws(WebError) -> CypherQuestion? {
        guard let text = request.value("q") else { return nil }
        return CypherQuestion(text: text, keepContractNodes: try flag(request, "contracts"))
    }

    /// The answer format a request asks for: `json` (the default) or `csv`.
    static func format(_ request: WebRequest) throws(WebError) -> AnswerFormat {
        switch request.value("format") ?? "json" {
        case "json": return .json
        case "csv": return .csv
        case let other: throw .badRequest("parameter 'format' is '\(other)': use json or csv")
        }
    }

    /// A date parameter: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    static func date(_ request: WebRequest, _ name: String) throws(WebError) -> PartialDate? {
        guard let text = request.value(name) else { return nil }
        guard let date = PartialDate(text) else {
            throw .badRequest("parameter '\(name)' is '\(text)', not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
        }
        return date
    }

    static func integer(_ request: WebRequest, _ name: String, in range: ClosedRange<Int>) throws(WebError) -> Int? {
        guard let text = request.value(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw .badRequest("parameter '\(name)' is '\(text)': give a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// A checkbox: absent, or `1`, `true`, `on` (and `0`, `false`, `off` for no).
    static func flag(_ request: WebRequest, _ name: String) throws(WebError) -> Bool {
        guard request.has(name) else { return false }
        switch (request.value(name) ?? "1").lowercased() {
        case "1", "true", "on", "yes": return true
        case "0", "false", "off", "no": return false
        case let other: throw .badRequest("parameter '\(name)' is '\(other)': use 1 or 0")
        }
    }

    /// A comma-separated list, trimmed, empty items left out; nil when empty.
    static func list(_ text: String) -> [String]? {
        let items = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return items.isEmpty ? nil : items
    }
}
