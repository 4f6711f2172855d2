/// A question a dataset asks of itself: "how is ICE connected to AE Industrial?", with a title.
/// Datasets list their stories (`stories:`) so that a published site shows those paths, each with
/// its cited hops, beside the entity pages.
public struct Story: Hashable, Sendable, Codable {
    public var title: String
    /// Where the path starts and ends: entity ids, names or aliases, as written.
    public var from: String
    public var to: String
    /// What the story is about, in a sentence, shown above its path.
    public var summary: String?

    public init(title: String, from: String, to: String, summary: String? = nil) {
        self.title = title
        self.from = from
        self.to = to
        self.summary = summary
    }
}
