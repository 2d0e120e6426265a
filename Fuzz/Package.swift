// swift-tools-version: 6.0
//
// Coverage-guided fuzz targets (libFuzzer) for the parts of HezaMatch that read untrusted bytes.
// A package of its own, so that the main build stays light; built and run by Fuzz/run.sh with
// `-sanitize=fuzzer,address`.
import PackageDescription

let package = Package(
    name: "HezaMatchFuzz",
    dependencies: [.package(name: "HezaMatch", path: "..")],
    targets: [
        // libFuzzer's driver, called from each target's entry point.
        .target(name: "CFuzzDriver"),
        // Vietnamese text in any bytes: the analyzer's scanner, spelling rules and folding.
        .executableTarget(name: "FuzzAnalyzer", dependencies: ["CFuzzDriver", .product(name: "VietnameseText", package: "HezaMatch")]),
        // Text in old encodings (TCVN3, VNI, VISCII, Windows-1258, VIQR) and text once misread: decoders, detector, repair.
        .executableTarget(name: "FuzzLegacyText", dependencies: ["CFuzzDriver", .product(name: "VietnameseText", package: "HezaMatch")]),
        // JSON Lines of postings and profiles: the JSON parser, field reading, validation.
        .executableTarget(name: "FuzzJSONLines", dependencies: ["CFuzzDriver", .product(name: "JobRecords", package: "HezaMatch")]),
        // Index files, damaged: header, checksums, segment structure, then a search and stored fields.
        .executableTarget(name: "FuzzIndexFile", dependencies: ["CFuzzDriver", .product(name: "SearchIndex", package: "HezaMatch")]),
        // Queries as people type them: the query parser and every search algorithm on a small index.
        .executableTarget(name: "FuzzQuery", dependencies: ["CFuzzDriver", .product(name: "SearchIndex", package: "HezaMatch")]),
        // The binary records stored with each document.
        // Writes the seed corpora (Fuzz/Corpus/), once.
        .executableTarget(name: "MakeFuzzSeeds", dependencies: [.product(name: "JobMatching", package: "HezaMatch"),
                                                                .product(name: "SearchIndex", package: "HezaMatch")]),
        .executableTarget(name: "FuzzStoredRecord", dependencies: ["CFuzzDriver", .product(name: "JobMatching", package: "HezaMatch")]),
    ]
)
