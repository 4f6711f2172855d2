/// The parsed form of a query. Every node that can be wrong at planning time keeps the offset
/// of its first character, so errors point at it.

/// An expression. `text` spans are kept so that a result column is named as written.
indirect enum Expression: Sendable {
    case literal(Value)
    case parameter(String, offset: Int)
    case variable(String, offset: Int)
    case property(Expression, String, offset: Int)
    case list([Expression])
    case map([(String, Expression)])
    case unary(UnaryOperator, Expression, offset: Int)
    case binary(BinaryOperator, Expression, Expression, offset: Int)
    case isNull(Expression, negated: Bool)
    case function(name: String, distinct: Bool, arguments: [Expression], offset: Int)
    case countStar(offset: Int)
    /// `all(x IN list WHERE predicate)` and its siblings.
    case listPredicate(ListQuantifier, variable: String, list: Expression, predicate: Expression, offset: Int)
    /// `[x IN list WHERE predicate | projection]`.
    case comprehension(variable: String, list: Expression, predicate: Expression?, projection: Expression?, offset: Int)
    /// `n {.name, .kind, total: expr, .*}`.
    case mapProjection(Expression, [MapProjectionItem], offset: Int)
    case `subscript`(Expression, Expression, offset: Int)
    case slice(Expression, Expression?, Expression?, offset: Int)
    /// `CASE [subject] WHEN … THEN … [ELSE …] END`.
    case caseWhen(subject: Expression?, branches: [(Expression, Expression)], otherwise: Expression?)

    /// The offset of the expression's first character, where one is known.
    var offset: Int? {
        switch self {
        case let .parameter(_, offset), let .variable(_, offset), let .property(_, _, offset), let .unary(_, _, offset),
             let .binary(_, _, _, offset), let .function(_, _, _, offset), let .countStar(offset),
             let .listPredicate(_, _, _, _, offset), let .comprehension(_, _, _, _, offset), let .mapProjection(_, _, offset),
             let .subscript(_, _, offset), let .slice(_, _, _, offset):
            offset
        case let .isNull(inner, _): inner.offset
        case .literal, .list, .map, .caseWhen: nil
        }
    }
}

enum MapProjectionItem: Sendable {
    /// `.name`
    case property(String, offset: Int)
    /// `key: expression`
    case entry(String, Expression)
    /// `variable` (shorthand for `variable: variable`)
    case variable(String, offset: Int)
    /// `.*`
    case all
}

enum UnaryOperator: String, Sendable { case not = "NOT", minus = "-", plus = "+" }

enum BinaryOperator: String, Sendable {
    case or = "OR", xor = "XOR", and = "AND"
    case equal = "=", notEqual = "<>", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case add = "+", subtract = "-", multiply = "*", divide = "/", modulo = "%", power = "^"
    case `in` = "IN", startsWith = "STARTS WITH", endsWith = "ENDS WITH", contains = "CONTAINS"
}

enum ListQuantifier: String, Sendable { case all, any, none, single }

enum Direction: Sendable, Equatable {
    /// `-[]->`
    case outgoing
    /// `<-[]-`
    case incoming
    /// `-[]-`
    case either
}

struct NodePattern: Sendable {
    var variable: String?
    /// Kinds the entity may have (`:a|b`); `:a:b` lists both and needs both, which one kind
    /// per entity can only meet when they are the same.
    var labels: [String]
    var labelsAreAlternatives: Bool
    var properties: [(String, Expression)]
    var offset: Int
    var labelOffsets: [Int]
}

struct RelationshipPattern: Sendable {
    var variable: String?
    var types: [String]
    var typeOffsets: [Int]
    var direction: Direction
    /// `*`, `*N`, `*M..N`: nil for a single hop; the bounds otherwise (upper nil for unbounded).
    var length: (min: Int, max: Int?)?
    var properties: [(String, Expression)]
    var offset: Int
}

enum ShortestKind: String, Sendable { case shortest = "shortestPath", all = "allShortestPaths" }

/// `p = (a)-[r]->(b)…` or `p = shortestPath((a)-[*]-(b))`.
struct PathPattern: Sendable {
    var pathVariable: String?
    var shortest: ShortestKind?
    var nodes: [NodePattern]
    /// One fewer than `nodes`: `relationships[i]` joins `nodes[i]` and `nodes[i + 1]`.
    var relationships: [RelationshipPattern]
    var offset: Int
}

struct ProjectionItem: Sendable {
    var expression: Expression
    /// The column name: the alias, else the expression as written.
    var name: String
    var hasAlias: Bool
    var offset: Int
}

struct SortItem: Sendable {
    var expression: Expression
    var ascending: Bool
    var text: String
}

struct Projection: Sendable {
    var distinct: Bool
    /// `RETURN *` / `WITH *`: every variable in scope, then the listed items.
    var star: Bool
    var items: [ProjectionItem]
    var orderBy: [SortItem]
    var skip: Expression?
    var limit: Expression?
    var offset: Int
}

enum Clause: Sendable {
    case match(patterns: [PathPattern], optional: Bool, predicate: Expression?, offset: Int)
    case unwind(Expression, variable: String, offset: Int)
    case with(Projection, predicate: Expression?)
    case `return`(Projection)
}

/// A parsed query: clauses in order, the last one a `RETURN`. `UNION [ALL]` joins several.
struct QueryAST: Sendable {
    var parts: [[Clause]]
    /// One flag per union: true for `UNION ALL` (keeps duplicates).
    var unionAll: [Bool]
}
