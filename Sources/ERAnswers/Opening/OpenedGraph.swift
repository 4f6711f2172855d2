import ERFormats
import ERGraph
import Foundation

/// A graph opened for answering: the graph as read, its name index, and (built once, on first
/// use) the view with contracts folded into buyer → vendor links that most answers walk.
public final class OpenedGraph: Sendable {
    public let source: GraphSource
    /// The warnings reading it produced (errors stop the opening).
    public let diagnostics: [Diagnostic]
    /// The graph as written, contract entities included.
    public let graph: Graph
    private let writtenCache = Locked<GraphContext?>(nil)
    private let foldedCache = Locked<GraphContext?>(nil)

    public init(graph: Graph, source: GraphSource, diagnostics: [Diagnostic] = []) {
        self.graph = graph
        self.source = source
        self.diagnostics = diagnostics
    }

    /// Reads `source`: a snapshot without rebuilding, lists straight into the store, datasets
    /// through the reader, merged and checked as a whole.
    public static func open(_ source: GraphSource, strict: Bool = false) throws(AnswerError) -> OpenedGraph {
        switch source {
        case let .snapshot(path):
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
            } catch {
                throw .unreadable(path: path, reason: FileManager.default.fileExists(atPath: path) ? "not readable" : "no such file")
            }
            do {
                return OpenedGraph(graph: try GraphSnapshot.graph(from: data), source: source)
            } catch {
                throw .invalidData("\(path): \(error)")
            }
        case let .lists(nodes, edges):
            do {
                return OpenedGraph(graph: try CSVListsLoader.load(nodes: nodes, edges: edges), source: source)
            } catch {
                throw .invalidData(error.message)
            }
        case let .datasets(paths):
            for path in paths where !FileManager.default.fileExists(atPath: path) {
                throw .unreadable(path: path, reason: "no such file")
            }
            let result = DatasetLoader.load(paths: paths, options: .init(strict: strict))
            guard let graph = result.graph else {
                throw .invalidDatasets(paths: paths, diagnostics: result.diagnostics)
            }
            return OpenedGraph(graph: graph, source: source, diagnostics: result.diagnostics)
        }
    }

    /// The graph as written with its name index, built on first use and shared.
    public var asWritten: GraphContext {
        writtenCache.withLock { cached in
            if let cached { return cached }
            let context = GraphContext(graph: graph)
            cached = context
            return context
        }
    }

    /// Contracts folded into buyer → vendor links (``ContractProjection``), with a name index of
    /// their own; built once and shared. Where nothing folds (bulk lists, contracts written as
    /// links) it is the graph as written, index included, at no cost.
    public var folded: GraphContext {
        let written = asWritten
        return foldedCache.withLock { cached in
            if let cached { return cached }
            let projected = ContractProjection.collapse(graph)
            let context = projected.foldedNothing ? GraphContext(sharing: written)
                : GraphContext(graph: projected.graph, unfolded: written, origins: projected.origins)
            cached = context
            return context
        }
    }

    /// The graph an answer walks: folded unless contract entities are asked for.
    public func context(keepingContractNodes: Bool) -> GraphContext {
        keepingContractNodes ? asWritten : folded
    }
}

/// A graph together with its name index: one index per graph, built once, so naming an entity
/// costs a hash lookup however many names a question gives.
public struct GraphContext: Sendable {
    public let graph: Graph
    public let names: EntityResolver
    /// For a folded graph, the graph as written, to explain names of folded contracts.
    private let unfoldedGraph: Graph?
    private let unfoldedNames: EntityResolver?
    /// For a folded graph: each contract folded away (its id as written) and the buyer whose
    /// link now stands for it, so counts of entities can still include it.
    public let foldedContracts: [(contract: String, buyer: EntityIndex)]

    public init(graph: Graph) {
        self.graph = graph
        names = EntityResolver(graph: graph)
        unfoldedGraph = nil
        unfoldedNames = nil
        foldedContracts = []
    }

    /// The same graph and index, marked as the folded view (nothing needed folding).
    init(sharing written: GraphContext) {
        graph = written.graph
        names = written.names
        unfoldedGraph = written.graph
        unfoldedNames = written.names
        foldedContracts = []
    }

    init(graph: Graph, unfolded: GraphContext, origins: [LinkOrigin]) {
        self.graph = graph
        names = EntityResolver(graph: graph)
        unfoldedGraph = unfolded.graph
        unfoldedNames = unfolded.names
        var seen: Set<EntityIndex> = []
        var folded: [(contract: String, buyer: EntityIndex)] = []
        for (link, origin) in origins.enumerated() {
            guard case let .contract(contract, _) = origin, seen.insert(contract).inserted,
                  graph.index(ofEntity: unfolded.graph.id(of: contract)) == nil else { continue }
            folded.append((unfolded.graph.id(of: contract), graph.from(RelationshipIndex(link))))
        }
        foldedContracts = folded
    }

    /// True when contracts are folded into links here.
    public var foldsContracts: Bool { unfoldedGraph != nil }

    /// The entity a person means, by id, name or alias, ignoring case.
    public func entity(named text: String) throws(AnswerError) -> EntityIndex {
        let resolution = names.resolve(text)
        if case let .found(entity) = resolution { return entity }
        if let unfoldedGraph, let unfoldedNames, case let .found(folded) = unfoldedNames.resolve(text),
           graph.index(ofEntity: unfoldedGraph.id(of: folded)) == nil {
            throw .foldedContract(text)
        }
        throw .unknownEntity(text, explanation: names.explain(resolution, for: text) ?? "unknown entity '\(text)'")
    }

    /// Checks kind names against the vocabulary.
    public func check(_ kinds: [String], role: AnswerError.KindRole) throws(AnswerError) {
        let known = role == .entity ? graph.vocabulary.entityKinds.map(\.id) : graph.vocabulary.relationshipKinds.map(\.id)
        for kind in kinds where !known.contains(kind) {
            throw .unknownKind(kind, role: role, suggestion: Suggestions.didYouMean(kind, among: known))
        }
    }
}
