/// What a variable holds, known when the query is planned: it decides which properties may be
/// asked of it and how a pattern can use it.
enum VariableKind: Sendable, Equatable {
    case node, relationship, relationshipList, path, value
}

/// The variables visible at one point of a query, each with its slot in a row. Anonymous
/// pattern parts get hidden names (starting with a space), so they never clash or show.
struct Scope: Sendable {
    private(set) var names: [String] = []
    private(set) var kinds: [VariableKind] = []
    private var slots: [String: Int] = [:]

    var count: Int { names.count }

    func slot(of name: String) -> Int? { slots[name] }
    func kind(of slot: Int) -> VariableKind { kinds[slot] }

    /// The names a user wrote, in slot order.
    var visibleNames: [String] { names.filter { !$0.hasPrefix(" ") } }

    @discardableResult
    mutating func add(_ name: String, _ kind: VariableKind) -> Int {
        if let existing = slots[name] { return existing }
        slots[name] = names.count
        names.append(name)
        kinds.append(kind)
        return names.count - 1
    }

    mutating func addHidden(_ kind: VariableKind) -> Int {
        add(" \(names.count)", kind)
    }

    /// Makes `name` refer to `slot` from here on, shadowing any outer variable of that name
    /// (the variable of a list comprehension or of `all(x IN …)`).
    mutating func bind(_ name: String, to slot: Int) {
        if let previous = slots[name] { names[previous] = " shadowed \(previous)" }
        slots[name] = slot
        names[slot] = name
    }
}

/// One row of bindings, indexed by slot.
typealias Row = [Value]
