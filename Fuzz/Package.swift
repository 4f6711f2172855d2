// swift-tools-version: 6.0
// The fuzz targets: a package of its own, so that `swift build` of ergraph never links
// libFuzzer. `make fuzz` builds it with `--sanitize=fuzzer --sanitize=address`, which
// instruments ergraph's libraries too, and runs every target for FUZZ_SECONDS.
import PackageDescription

let package = Package(
    name: "ergraph-fuzz",
    dependencies: [.package(name: "ergraph", path: "..")],
    targets: [
        .executableTarget(
            name: "ergraph-fuzz",
            dependencies: [
                .product(name: "ERGraph", package: "ergraph"), .product(name: "ERFormats", package: "ergraph"),
                .product(name: "ERQuery", package: "ergraph"), .product(name: "ERRender", package: "ergraph"),
                .product(name: "ERAnswers", package: "ergraph"), .product(name: "ERWeb", package: "ergraph"),
            ],
            // libFuzzer supplies main() and calls LLVMFuzzerTestOneInput; a replay build (no
            // fuzzer) gets its main from Replay.swift through the ERGRAPH_FUZZ_REPLAY condition.
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ],
    swiftLanguageModes: [.v6]
)
