// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "ergraph",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "ERGraph", targets: ["ERGraph"]),
        .library(name: "ERQuery", targets: ["ERQuery"]),
        .library(name: "ERFormats", targets: ["ERFormats"]),
        .library(name: "ERRender", targets: ["ERRender"]),
        .library(name: "ERAnswers", targets: ["ERAnswers"]),
        .library(name: "ERWeb", targets: ["ERWeb"]),
        .library(name: "ERServer", targets: ["ERServer"]),
        .executable(name: "ergraph", targets: ["ergraph"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // The pure core: model, compact store, algorithms. No files, no Graphviz, no terminal.
        .target(name: "ERGraph"),
        // The read-only Cypher subset: lexer, parser, planner, executor over the core.
        .target(name: "ERQuery", dependencies: ["ERGraph"]),
        // Readers and writers, one file per format (query results included).
        .target(
            name: "ERFormats",
            dependencies: ["ERGraph", "CLibXML2", .product(name: "Yams", package: "Yams"), .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // libxml2's SAX2 interface, for GraphML: Foundation's XMLParser dereferences null
        // pointers libxml2 hands it on some malformed input (found by the fuzzer).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // The Graphviz C library (libgvc/libcgraph), linked in-process.
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        // The bridge to Graphviz: the DOT document and writer, DOT import through cgraph, layout
        // and rendering through gvc. Everything that calls into the C library lives here.
        .target(name: "ERRender", dependencies: ["ERGraph", "CGraphviz"]),
        // The presentation layer: every answer as a typed value with its text, JSON and CSV, the
        // one wording of evidence, diagrams composed from views, opening datasets, path queries,
        // the import and export registries. The CLI and any server sit on top of it.
        .target(name: "ERAnswers", dependencies: ["ERGraph", "ERQuery", "ERFormats", "ERRender"]),
        // The answers as web pages: HTML through Mustache templates, the JSON API, the OpenAPI
        // document, the search index, the static site. HTTP-agnostic: a request is a path and its
        // parameters, a response is a status, a type and bytes.
        .target(
            name: "ERWeb",
            dependencies: ["ERAnswers", .product(name: "Mustache", package: "swift-mustache")]
        ),
        // The HTTP server: Hummingbird in front of ERWeb (headers, logging, shutdown), nothing else.
        .target(
            name: "ERServer",
            dependencies: ["ERWeb", .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "HTTPTypes", package: "swift-http-types"), .product(name: "Logging", package: "swift-log")]
        ),
        // The command-line tool: argument parsing and printing only.
        .executableTarget(
            name: "ergraph",
            dependencies: ["ERAnswers", "ERWeb", "ERServer", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Release-mode measurements of the store (make bench-store).
        .executableTarget(name: "ergraph-bench", dependencies: ["ERAnswers", "ERGraph", "ERQuery", "ERFormats", "ERRender"]),
        .testTarget(name: "ERGraphTests", dependencies: ["ERGraph"]),
        .testTarget(name: "ERQueryTests", dependencies: ["ERQuery", "ERAnswers", "ERFormats", "ERGraph"]),
        .testTarget(name: "ERFormatsTests", dependencies: ["ERFormats", "ERGraph"]),
        .testTarget(name: "ERRenderTests", dependencies: ["ERRender", "ERGraph"]),
        .testTarget(name: "ERAnswersTests", dependencies: ["ERAnswers", "ERRender", "ERFormats", "ERGraph"]),
        // Runs the built executable; depending on it makes `swift test` build it.
        .testTarget(name: "ERWebTests", dependencies: ["ERWeb", "ERServer", "ERAnswers"]),
        .testTarget(name: "ergraphTests", dependencies: ["ergraph"]),
    ],
    swiftLanguageModes: [.v6]
)
