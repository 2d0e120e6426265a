// swift-tools-version: 6.0
//
// HezaMatch: a job-matching search index for the Hai Phong Economic Zone Authority.
// See README.md for the two commands that matter and ARCHITECTURE.md for the map.
import PackageDescription

let package = Package(
    name: "HezaMatch",
    products: [
        .library(name: "VietnameseText", targets: ["VietnameseText"]),
        .library(name: "SearchIndex", targets: ["SearchIndex"]),
        .library(name: "JobMatching", targets: ["JobMatching"]),
        .executable(name: "hezamatch", targets: ["hezamatch"]),
        .executable(name: "hezamatch-bench", targets: ["hezamatch-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.5.0"),
    ],
    targets: [
        // ICU as a system library: just a module map and a shim header (like GRDB's GRDBSQLite).
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-uc icu-i18n",
            providers: [.apt(["libicu-dev"])]
        ),
        // The ICU calls HezaMatch makes, behind a header of plain C types, so that no ICU
        // type meets Foundation's private copy of ICU in a Swift module (see ARCHITECTURE.md).
        .target(
            name: "CICUBridge",
            dependencies: ["CICU"]
        ),
        // Vietnamese as people type it -> index terms.
        .target(
            name: "VietnameseText",
            dependencies: ["CICUBridge"]
        ),
        // The inverted index: segments of bit-packed postings, BM25F, top-k, persistence.
        .target(
            name: "SearchIndex",
            dependencies: ["VietnameseText"]
        ),
        // Postings and profiles: the SQLite store, eligibility, two-way ranking, reasons.
        .target(
            name: "JobMatching",
            dependencies: [
                "VietnameseText",
                "SearchIndex",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // The Heza Works HTTP API. The only target that depends on Hummingbird (and so on NIO).
        .target(
            name: "HezaMatchServer",
            dependencies: [
                "JobMatching",
                "SearchIndex",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            resources: [.copy("openapi.yaml")]
        ),
        .executableTarget(
            name: "hezamatch",
            dependencies: [
                "VietnameseText",
                "SearchIndex",
                "JobMatching",
                "HezaMatchServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "hezamatch-bench",
            dependencies: [
                "VietnameseText",
                "SearchIndex",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/hezamatch-bench"
        ),
        .testTarget(
            name: "VietnameseTextUnitTests",
            dependencies: ["VietnameseText"]
        ),
        .testTarget(
            name: "SearchIndexUnitTests",
            dependencies: ["SearchIndex"]
        ),
        .testTarget(
            name: "JobMatchingUnitTests",
            dependencies: ["JobMatching"]
        ),
        .testTarget(
            name: "HezaMatchServerTests",
            dependencies: [
                "HezaMatchServer",
                "JobMatching",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        // Runs the real `hezamatch` binary on small inputs.
        .testTarget(
            name: "HezaMatchEndToEndTests",
            dependencies: ["hezamatch"]
        ),
    ]
)
