// swift-tools-version: 6.1
//
// HezaMatch: a job-matching search index for the Hai Phong Economic Zone Authority.
// See README.md for the two commands that matter and ARCHITECTURE.md for the map.
import PackageDescription

let package = Package(
    name: "HezaMatch",
    products: [
        .library(name: "VietnameseText", targets: ["VietnameseText"]),
        .library(name: "SearchIndex", targets: ["SearchIndex"]),
        .library(name: "JobRecords", targets: ["JobRecords"]),
        .library(name: "JobStorage", targets: ["JobStorage"]),
        .library(name: "JobStoragePostgres", targets: ["JobStoragePostgres"]),
        .library(name: "JobMatching", targets: ["JobMatching"]),
        .library(name: "MatchRendering", targets: ["MatchRendering"]),
        .library(name: "HezaMatchCore", targets: ["HezaMatchCore"]),
        .executable(name: "hezamatch", targets: ["hezamatch"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.0.0"),
        // Without the default trait ConfigurationSupport: swift-configuration is not used here and was built for nothing.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.21.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.65.0"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.20.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.20.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
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
        // Small C kernels of the engine where the hardware has an instruction for the job (CRC-32C).
        .target(name: "CSearchKernels"),
        // The inverted index: segments of bit-packed postings, BM25F, top-k, stored fields, persistence.
        .target(
            name: "SearchIndex",
            dependencies: ["VietnameseText", "CSearchKernels"]
        ),
        // What a posting and a profile are, and how a line of JSONL becomes one (or a named error).
        .target(name: "JobRecords"),
        // The source of truth and its change feed: the store protocol and the SQLite store (GRDB).
        .target(
            name: "JobStorage",
            dependencies: ["JobRecords", "VietnameseText", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The store on PostgreSQL, for replicas: its own target, so that only what needs it builds postgres-nio.
        .target(
            name: "JobStoragePostgres",
            dependencies: [
                "JobStorage",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Who fits which job, and why: index documents, eligibility, signals, reasons, reference tables.
        .target(
            name: "JobMatching",
            dependencies: ["VietnameseText", "SearchIndex", "JobRecords"]
        ),
        // What people read: result types, shortlist documents (HTML, CSV, Markdown), highlights, JSON.
        .target(
            name: "MatchRendering",
            dependencies: ["VietnameseText", "JobRecords", "JobMatching", .product(name: "Mustache", package: "swift-mustache")],
            resources: [.copy("Templates")]
        ),
        // Offline evaluation, out of the serving path: judged sets (nDCG, recall), the SQLite FTS5 baseline, outcomes.
        .target(
            name: "HezaMatchEvaluation",
            dependencies: ["HezaMatchCore", "JobRecords", "JobStorage", "JobMatching", "SearchIndex",
                           .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // One owner of the store, both indexes, the reference tables and the matcher, for the CLI and the server.
        .target(
            name: "HezaMatchCore",
            dependencies: ["VietnameseText", "SearchIndex", "CSearchKernels", "JobRecords", "JobStorage", "JobMatching", "MatchRendering"]
        ),
        // The Heza Works HTTP API. The only target that depends on Hummingbird (and so on NIO).
        .target(
            name: "HezaMatchServer",
            dependencies: [
                "VietnameseText",
                "SearchIndex",
                "JobRecords",
                "JobStorage",
                "JobMatching",
                "MatchRendering",
                "HezaMatchCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
                .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.copy("openapi.yaml"), .copy("Pages/Templates"), .copy("Pages/Assets")]
        ),
        .executableTarget(
            name: "hezamatch",
            dependencies: [
                "VietnameseText",
                "SearchIndex",
                "JobRecords",
                "JobStorage",
                "JobMatching",
                "HezaMatchEvaluation",
                "MatchRendering",
                "HezaMatchCore",
                "HezaMatchServer",
                "JobStoragePostgres",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "VietnameseTextUnitTests",
            dependencies: ["VietnameseText"]
        ),
        .testTarget(
            name: "SearchIndexUnitTests",
            dependencies: ["SearchIndex", "CSearchKernels"]
        ),
        .testTarget(
            name: "JobMatchingUnitTests",
            dependencies: ["JobRecords", "JobStorage", "JobMatching", "MatchRendering", "HezaMatchCore", "SearchIndex",
                           .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "HezaMatchCoreTests",
            dependencies: ["JobRecords", "JobStorage", "JobMatching", "MatchRendering", "HezaMatchCore", "HezaMatchEvaluation"]
        ),
        .testTarget(
            name: "HezaMatchServerTests",
            dependencies: [
                "HezaMatchServer",
                "JobRecords",
                "JobStorage",
                "JobMatching",
                "HezaMatchCore",
                "MatchRendering",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        // The PostgreSQL store and replicas, on a throwaway cluster (initdb, pg_ctl) the tests start themselves.
        .testTarget(
            name: "PostgresReplicaTests",
            dependencies: ["JobStorage", "JobStoragePostgres", "JobRecords", "JobMatching", "HezaMatchCore", "hezamatch"]
        ),
        // Runs the real `hezamatch` binary on small inputs.
        .testTarget(
            name: "HezaMatchEndToEndTests",
            dependencies: ["hezamatch"]
        ),
    ]
)
