import Foundation
import Glibc
import Testing

/// `kill -9` in the middle of an import and in the middle of an index save, then a
/// new start: what was committed is all there, what was not is not, the indexes
/// agree with the store (the same answers as a fresh build), and no temporary file
/// is left behind.
@Suite(.serialized) struct CrashTests {
    let directory: URL
    let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Corpus").path

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("hezamatch-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    private func run(_ store: String, _ arguments: [String]) throws -> HezaMatchTool.Result {
        try HezaMatchTool.run(arguments + ["--store", store, "--corpus", corpus])
    }

    /// `count` profiles and postings in the shape of the Corpus (the bundled lines, with new ids).
    private func writeData(_ name: String, kind: String, count: Int, prefix: String) throws -> String {
        let source = try String(contentsOfFile: corpus + "/\(kind).jsonl", encoding: .utf8).split(separator: "\n")
        var lines: [String] = []
        lines.reserveCapacity(count)
        for n in 0..<count {
            let line = String(source[n % source.count])
            let id = line.range(of: #""id": ?"[^"]*""#, options: .regularExpression)!
            lines.append(line.replacingCharacters(in: id, with: "\"id\":\"\(prefix)\(n)\""))
        }
        try lines.joined(separator: "\n").write(toFile: path(name), atomically: true, encoding: .utf8)
        return path(name)
    }

    /// Starts `hezamatch` and returns it running.
    private func start(_ store: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Process {
        let process = Process()
        process.executableURL = HezaMatchTool.executable
        process.arguments = arguments + ["--store", store, "--corpus", corpus]
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Waits (at most `seconds`) until `condition` holds while `process` runs; false when it never did.
    private func wait(for process: Process, seconds: Double, until condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline && process.isRunning {
            if condition() { return true }
            usleep(5_000)
        }
        return false
    }

    private func kill9(_ process: Process) {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    private func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }

    private func temporaries() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".tmp-") }
    }

    /// The answers the checks compare: a search, a candidate's matches, a shortlist.
    private func answers(_ store: String, profile: String, posting: String) throws -> [String] {
        [try run(store, ["search", "công nhân", "--as-of", "2026-11-23", "--limit", "30", "--json"]),
         try run(store, ["match", profile, "--as-of", "2026-11-23", "--limit", "20", "--json"]),
         try run(store, ["shortlist", posting, "--as-of", "2026-11-23", "--limit", "20", "--json"])].map {
            #expect($0.status == 0, "\($0.standardError)")
            return $0.standardOutput
        }
    }

    @Test func killedInTheMiddleOfAnImport() throws {
        let store = path("store.sqlite")
        let first = try writeData("first.jsonl", kind: "profiles", count: 300, prefix: "A")
        let postings = try writeData("postings.jsonl", kind: "postings", count: 320, prefix: "P")
        #expect(try run(store, ["index", "--postings", postings, "--profiles", first]).status == 0)
        let big = try writeData("big.jsonl", kind: "profiles", count: 40_000, prefix: "B")
        let importing = try start(store, ["index", "--profiles", big])
        // Rows are going into the open transaction: the WAL grows; kill then.
        let midway = wait(for: importing, seconds: 60) { fileSize(store + "-wal") > 2_000_000 }
        kill9(importing)
        #expect(midway, "the import ended before it could be killed")
        #expect(importing.terminationReason == .uncaughtSignal)

        // A new start: nothing of the killed import, everything of the first one.
        let status = try run(store, ["status", "--json"])
        #expect(status.status == 0, "\(status.standardError)")
        #expect(status.standardOutput.contains(#""documents":300"#) && status.standardOutput.contains(#""store_sequence":300"#))
        #expect(try run(store, ["match", "B5", "--as-of", "2026-11-23"]).status != 0)
        #expect(try temporaries().isEmpty)
        // The same answers as a store built fresh from what was committed.
        let fresh = path("fresh.sqlite")
        #expect(try run(fresh, ["index", "--postings", postings, "--profiles", first]).status == 0)
        #expect(try answers(store, profile: "A7", posting: "P1") == answers(fresh, profile: "A7", posting: "P1"))
    }

    @Test func killedInTheMiddleOfAnIndexSave() throws {
        let store = path("store.sqlite")
        let postings = try writeData("postings.jsonl", kind: "postings", count: 320, prefix: "P")
        let first = try writeData("first.jsonl", kind: "profiles", count: 500, prefix: "A")
        #expect(try run(store, ["index", "--postings", postings, "--profiles", first]).status == 0)
        let second = try writeData("second.jsonl", kind: "profiles", count: 500, prefix: "B")
        // The import commits, then saves the index: the save pauses (test hook) once its
        // temporary file is written, and is killed there.
        let saving = try start(store, ["index", "--profiles", second], environment: ["HEZAMATCH_TEST_PAUSE_BEFORE_RENAME": "60"])
        let paused = wait(for: saving, seconds: 60) { (try? temporaries().isEmpty == false) ?? false }
        kill9(saving)
        #expect(paused, "the save never reached its pause")
        #expect(try !temporaries().isEmpty)

        // A new start removes the abandoned file, opens the old index and catches up from the feed.
        let status = try run(store, ["status", "--json"])
        #expect(status.status == 0, "\(status.standardError)")
        #expect(status.standardOutput.contains(#""documents":1000"#) && status.standardOutput.contains(#""store_sequence":1000"#))
        #expect(try temporaries().isEmpty)
        let fresh = path("fresh.sqlite")
        #expect(try run(fresh, ["index", "--postings", postings, "--profiles", first]).status == 0)
        #expect(try run(fresh, ["index", "--profiles", second]).status == 0)
        #expect(try answers(store, profile: "B7", posting: "P1") == answers(fresh, profile: "B7", posting: "P1"))
    }
}
