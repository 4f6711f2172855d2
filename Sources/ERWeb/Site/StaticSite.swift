import ERAnswers
import Foundation

/// `ergraph site -o DIR`: the pages as static files, one per entity, one per story, the index,
/// the assets and the prebuilt search index; every link relative, so the folder opens from disk
/// or any static host. The same graph gives the same bytes every run.
public struct StaticSite: Sendable {
    /// Why a site could not be written; nothing was changed.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// The folder exists, holds files and was not written by ergraph: it is left alone.
        case notASite(String)
        case unwritable(path: String, reason: String)
        /// A story names ends the graph does not resolve (``Story``).
        case story(title: String, problem: String)

        public var description: String {
            switch self {
            case let .notASite(path):
                "\(path) holds files that ergraph did not write; give an empty or new folder, or one an earlier 'ergraph site' made"
            case let .unwritable(path, reason): "cannot write \(path): \(reason)"
            case let .story(title, problem): "story '\(title)': \(problem)"
            }
        }
    }

    /// What a written site holds.
    public struct Summary: Sendable, Equatable {
        public var entityPages: Int
        public var storyPages: Int
        public var files: Int
        public var bytes: Int
    }

    /// The file that marks a folder as an ergraph site, so a later run may replace it.
    public static let marker = ".ergraph-site"

    public let pages: GraphPages

    public init(pages: GraphPages) {
        self.pages = pages
    }

    /// Every file of the site, by path relative to its folder, in a fixed order.
    public func files() throws(Failure) -> [(path: String, data: Data)] {
        var files: [(path: String, data: Data)] = []
        let graph = pages.graph
        let top = PageLinks(.site(depth: 0)), inner = PageLinks(.site(depth: 1))

        var downloads: [(label: String, href: String)] = []
        let whole = GraphView.whole(pages.opened.folded.graph)
        if whole.entities.count <= InlineDiagram.downloadLimit {
            for (format, ext) in [(GraphvizFormat.svg, "svg"), (.png, "png"), (.pdf, "pdf")] {
                // The whole map as a figure to publish: the print style, sources as footnotes.
                if let data = try? pages.diagrams.draw(whole, of: pages.opened.folded.graph, format: format, subtitle: nil,
                                                       style: .print) {
                    files.append(("downloads/graph.\(ext)", data))
                    downloads.append((ext.uppercased(), top.file("downloads/graph.\(ext)")))
                }
            }
        }
        for format in ExportRegistry.downloadable {
            guard let written = try? format.write(graph, ExportOptions()) else { continue }
            for file in written.files {
                let name = "downloads/graph" + (file.part.isEmpty ? "" : "-" + file.part) + "." + format.fileExtension
                files.append((name, file.data))
                downloads.append((format.name + (file.part.isEmpty ? "" : " " + file.part), top.file(name)))
            }
        }
        files.append(("index.html", Data(pages.homePage(links: top, downloads: downloads).utf8)))

        for entity in graph.entityIndices {
            let slug = pages.slugs.slug(of: entity)
            let json = (try? EntityAnswer(entity, in: graph).json()) ?? "{}\n"
            files.append(("entity/\(slug).json", Data(json.utf8)))
            files.append(("entity/\(slug).html",
                          Data(pages.entityPage(entity, links: inner, downloads: [("JSON", "\(slug).json")]).utf8)))
        }

        for story in graph.stories {
            let slug = GraphPages.storySlug(story)
            let query = PathQuery(from: story.from, to: story.to)
            let result: PathQuery.Result
            do { result = try query.run(on: pages.opened) } catch { throw .story(title: story.title, problem: error.description) }
            files.append(("stories/\(slug).json", Data(((try? result.answer.json()) ?? "{}\n").utf8)))
            files.append(("stories/\(slug).csv", Data((result.answer.csv() ?? "").utf8)))
            files.append(("stories/\(slug).html", Data(pages.pathPage(result, query: query, form: PathForm(), links: inner, story: story,
                                                                      downloads: [("JSON", "\(slug).json"), ("CSV", "\(slug).csv")]).utf8)))
        }

        files.append(("assets/site.css", Data(SiteStyle.css.utf8)))
        files.append(("assets/site.js", Data(SiteScript.javascript.utf8)))
        files.append(("assets/search-index.js", Data(pages.search.siteScript(slugs: pages.slugs, links: top).utf8)))
        files.append((Self.marker, Data("Written by ergraph site; a later run replaces this folder whole.\n".utf8)))
        return files
    }

    /// Writes the site into `folder`, whole or not at all: into a new folder beside it, which
    /// then takes the place of the old one (itself a site, or empty).
    @discardableResult
    public func write(to folder: String) throws(Failure) -> Summary {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: folder).standardizedFileURL
        var isFolder: ObjCBool = false
        let exists = manager.fileExists(atPath: target.path, isDirectory: &isFolder)
        if exists {
            guard isFolder.boolValue else { throw .unwritable(path: folder, reason: "it is a file, not a folder") }
            let contents = (try? manager.contentsOfDirectory(atPath: target.path)) ?? []
            if !contents.isEmpty && !contents.contains(Self.marker) { throw .notASite(folder) }
        }
        let files = try files()
        let parent = target.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).writing-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try? manager.removeItem(at: staging)
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            for file in files {
                let url = staging.appendingPathComponent(file.path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.data.write(to: url)
            }
            if exists {
                let old = parent.appendingPathComponent(".\(target.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
                try? manager.removeItem(at: old)
                try manager.moveItem(at: target, to: old)
                do {
                    try manager.moveItem(at: staging, to: target)
                } catch {
                    try? manager.moveItem(at: old, to: target)
                    throw error
                }
                try? manager.removeItem(at: old)
            } else {
                try manager.moveItem(at: staging, to: target)
            }
        } catch {
            try? manager.removeItem(at: staging)
            throw .unwritable(path: folder, reason: (error as NSError).localizedDescription)
        }
        return Summary(entityPages: pages.graph.entityCount, storyPages: pages.graph.stories.count, files: files.count,
                       bytes: files.reduce(0) { $0 + $1.data.count })
    }
}
