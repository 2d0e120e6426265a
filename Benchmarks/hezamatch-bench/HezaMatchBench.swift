import ArgumentParser

/// `hezamatch-bench`: benchmarks that print figures (never timed unit tests).
@main
struct HezaMatchBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hezamatch-bench",
        abstract: "HezaMatch benchmarks. Build with -c release: swift run -c release hezamatch-bench …",
        subcommands: [AccentBenchmark.self, AlertsBenchmark.self, AnalyzeBenchmark.self, GenerateCorpus.self, IndexBenchmark.self, KeystrokeBenchmark.self, ReferralsBenchmark.self]
    )
}
