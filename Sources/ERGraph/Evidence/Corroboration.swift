/// How many independent sources a claim rests on.
///
/// Sources are independent when their outlets differ: a citation counts as the outlet it
/// credits, when it credits one (a rewrite of TechCrunch's reporting counts as TechCrunch, not
/// as a second outlet), else as its source's publisher, else as the source itself. Two articles
/// by one publisher are one voice.
public enum Corroboration {
    /// The distinct outlets behind `citations`, in the order first cited.
    /// `creditedName` gives the name of a credited entity (an outlet is credited by its entity
    /// id), so that the credit and a source published under that name meet.
    public static func outlets(of citations: [Citation], sources: (String) -> Source?,
                               creditedName: (String) -> String? = { _ in nil }) -> [String] {
        var seen: [String] = []
        for citation in citations {
            var credited = citation
            credited.creditedTo = citation.creditedTo.map { creditedName($0) ?? $0 }
            let outlet = outlet(of: credited, source: sources(citation.source))
            if !seen.contains(outlet) { seen.append(outlet) }
        }
        return seen
    }

    /// The number of independent sources behind `citations`.
    public static func count(_ citations: [Citation], sources: (String) -> Source?,
                             creditedName: (String) -> String? = { _ in nil }) -> Int {
        outlets(of: citations, sources: sources, creditedName: creditedName).count
    }

    /// The voice a citation speaks with: the credited outlet, the publisher, or the source,
    /// as letters and digits only, so that a credit to the entity `404-media` and a source
    /// published by "404 Media" are one outlet.
    public static func outlet(of citation: Citation, source: Source?) -> String {
        if let credited = citation.creditedTo { return key(credited) }
        if let publisher = source?.publisher, !publisher.isEmpty { return key(publisher) }
        return "source " + citation.source
    }

    static func key(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }.map(Character.init))
    }
}

extension Graph {
    /// The number of independent sources behind a link (see ``Corroboration``).
    public func corroboration(of relationship: RelationshipIndex) -> Int {
        Corroboration.count(self.relationship(relationship).citations, sources: { self.source(withID: $0) },
                            creditedName: { id in self.index(ofEntity: id).map { self.name(of: $0) } })
    }
}
