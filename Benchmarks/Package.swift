// swift-tools-version: 6.0
//
// The benchmarks' tool, hezamatch-bench: a package of its own, so that the main build (and CI's) stays light.
//   swift build -c release --package-path Benchmarks --product hezamatch-bench
//   Benchmarks/.build/release/hezamatch-bench --help
import PackageDescription

let package = Package(
    name: "HezaMatchBenchmarks",
    dependencies: [
        .package(name: "HezaMatch", path: ".."),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
    ],
    targets: [
        .executableTarget(
            name: "hezamatch-bench",
            dependencies: [
                .product(name: "VietnameseText", package: "HezaMatch"),
                .product(name: "SearchIndex", package: "HezaMatch"),
                .product(name: "JobRecords", package: "HezaMatch"),
                .product(name: "JobMatching", package: "HezaMatch"),
                .product(name: "JobStorage", package: "HezaMatch"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "hezamatch-bench"
        ),
    ]
)
