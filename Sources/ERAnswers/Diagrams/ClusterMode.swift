/// How a diagram groups entities into boxes.
public enum ClusterMode: String, Sendable, CaseIterable {
    /// No boxes.
    case none
    /// One box per entity kind.
    case kind
    /// One box per ultimate owner, around everything it owns or contains.
    case owner
    /// One box per agency, around the contracts, vendors and products nearest to it.
    case agency
}
