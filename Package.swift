// swift-tools-version: 6.0
import PackageDescription

// Dependencies point one way: stance (CLI) → Classifiers → TextFeatures → LinearAlgebra → CBLAS.
// DataFiles (reading labelled corpora) and Articles (quoted-statement extraction) depend on
// nothing but Foundation.
/// The harnesses define their own entry point (handing over to libFuzzer), so no implicit main.
let fuzzing: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "stance",
    products: [
        .executable(name: "stance", targets: ["stance"]),
        .library(name: "StanceKit", targets: ["LinearAlgebra", "TextFeatures", "Classifiers", "DataFiles", "Articles"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"]), .brew(["openblas"])]
        ),
        // __builtin_prefetch for the sparse learners (Swift has no prefetch of its own).
        .target(name: "CPrefetch"),
        // malloc_trim (Swift's Glibc module leaves out <malloc.h>).
        .target(name: "CAllocator"),
        .target(name: "LinearAlgebra", dependencies: ["CBLAS", "CPrefetch", "CAllocator"]),
        .target(name: "TextFeatures", dependencies: ["LinearAlgebra", "CPrefetch"]),
        .target(name: "Classifiers", dependencies: ["LinearAlgebra", "TextFeatures", "CPrefetch"]),
        .target(name: "DataFiles"),
        .target(name: "Articles"),
        // Self-contained HTML evaluation reports with inline SVG charts; no dependencies. Its tests
        // check internal chart helpers, and `make test` builds in release, hence -enable-testing
        // (which is also why it stays out of the StanceKit product: unsafe flags cannot ship).
        .target(name: "Reports", swiftSettings: [.unsafeFlags(["-enable-testing"])]),
        .executableTarget(
            name: "stance",
            dependencies: [
                "Classifiers", "TextFeatures", "DataFiles", "Articles", "Reports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra"]),
        // libFuzzer harnesses (Tests/Fuzz/README.md): built for fuzzing only by `make fuzz`.
        .executableTarget(name: "FuzzTokenizer", dependencies: ["TextFeatures"], path: "Tests/Fuzz/FuzzTokenizer", swiftSettings: fuzzing),
        .executableTarget(name: "FuzzQuoteExtractor", dependencies: ["Articles"], path: "Tests/Fuzz/FuzzQuoteExtractor", swiftSettings: fuzzing),
        .executableTarget(name: "FuzzDataReader", dependencies: ["DataFiles"], path: "Tests/Fuzz/FuzzDataReader", swiftSettings: fuzzing),
        .executableTarget(name: "FuzzModelFile", dependencies: ["Classifiers"], path: "Tests/Fuzz/FuzzModelFile", swiftSettings: fuzzing),
        .testTarget(name: "TextFeaturesTests", dependencies: ["TextFeatures"]),
        .testTarget(name: "ClassifiersTests", dependencies: ["Classifiers", "TextFeatures", "LinearAlgebra"]),
        .testTarget(name: "DataFilesTests", dependencies: ["DataFiles"]),
        .testTarget(name: "ArticlesTests", dependencies: ["Articles"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports"]),
        .testTarget(name: "StanceCLITests", dependencies: ["stance", "TextFeatures"]),
    ]
)
