/// The dense position of an entity in a ``Graph``: `0..<entityCount`. Cheap to store and
/// compare; valid only for the graph that produced it.
public struct EntityIndex: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: Int32
    public init(_ rawValue: Int32) { self.rawValue = rawValue }
    public init(_ rawValue: Int) { self.rawValue = Int32(rawValue) }
    public var int: Int { Int(rawValue) }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { "#\(rawValue)" }
}

/// The dense, stable position of a relationship in a ``Graph``, in insertion order.
public struct RelationshipIndex: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: Int32
    public init(_ rawValue: Int32) { self.rawValue = rawValue }
    public init(_ rawValue: Int) { self.rawValue = Int32(rawValue) }
    public var int: Int { Int(rawValue) }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { "#\(rawValue)" }
}

/// Which way a link is followed from an entity.
public enum Direction: String, Sendable, CaseIterable, Codable {
    /// From the link's `from` to its `to`.
    case outgoing
    /// From the link's `to` back to its `from`.
    case incoming
    /// Either way: the undirected view.
    case both
}
