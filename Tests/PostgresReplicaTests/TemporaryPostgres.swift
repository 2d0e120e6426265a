import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A throwaway PostgreSQL cluster: `initdb` into a temporary folder, `pg_ctl start` on a Unix socket in
/// it (no TCP port). One cluster a test process (``shared()``), a database a test (``database()``); a test
/// that stops or restarts PostgreSQL makes a cluster of its own (``init()``), stopped and removed when its
/// suite instance goes.
/// Debian's binaries are looked for on `PATH` and in `/usr/lib/postgresql/*/bin`; as root (CI),
/// they run as the `postgres` user, since PostgreSQL refuses to run as root.
///
/// When PostgreSQL cannot be started, ``init()`` throws a sentence that says why: the tests fail,
/// they never skip in silence.
final class TemporaryPostgres: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible { var description: String }

    let folder: String
    let data: String
    let port = 5432
    private let bin: String
    private let asRoot = geteuid() == 0

    init() throws {
        guard let bin = Self.binaries() else {
            throw Failure(description: "PostgreSQL cannot be started: no initdb on PATH or in /usr/lib/postgresql/*/bin (Debian's package postgresql; scripts/install-system-packages installs it)")
        }
        self.bin = bin
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("hezamatch-pg-\(UUID().uuidString.prefix(8))").path
        data = folder + "/data"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if asRoot { try FileManager.default.setAttributes([.ownerAccountName: "postgres"], ofItemAtPath: folder) }
        try run("initdb", ["-D", data, "-A", "trust", "-U", "hezamatch", "--no-sync", "-E", "UTF8", "--locale=C"])
        try start()
    }

    deinit {
        if !isShared { shutdown() }
    }

    private var isShared = false

    /// The test process's cluster, started by the first test that asks for it and stopped when the process exits.
    static func shared() throws -> TemporaryPostgres { try sharedCluster.get() }

    private static let sharedCluster: Result<TemporaryPostgres, any Error> = {
        let cluster = Result { try TemporaryPostgres() }
        if case .success(let postgres) = cluster {
            postgres.isShared = true
            atexit { if case .success(let postgres) = TemporaryPostgres.sharedCluster { postgres.shutdown() } }
        }
        return cluster
    }()

    private func shutdown() {
        _ = try? run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// A new database of a name no other test has, and the store URL that reaches it.
    func database() throws -> (name: String, url: String) {
        let name = "t_" + UUID().uuidString.prefix(12).replacingOccurrences(of: "-", with: "").lowercased()
        return (name, try database(name))
    }

    /// A folder of this cluster's for one test's files.
    func scratchFolder() throws -> String {
        let path = folder + "/test-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Starts the server (fsync off: a test cluster needs no durability across power cuts).
    func start() throws {
        try run("pg_ctl", ["-D", data, "-l", folder + "/server.log", "-w", "-t", "30",
                           "-o", "-k \(folder) -c listen_addresses='' -F -p \(port)", "start"])
    }

    /// Stops the server as a crash would (`immediate`: no checkpoint), or cleanly.
    func stop(immediately: Bool = false) throws {
        try run("pg_ctl", ["-D", data, "-m", immediately ? "immediate" : "fast", "-w", "stop"])
    }

    /// Drops a database (the server must be running, nobody connected to it).
    func dropDatabase(_ name: String) throws {
        try run("dropdb", ["-h", folder, "-p", String(port), "-U", "hezamatch", name])
    }

    /// Runs one SQL statement in a database with `psql`, and what it printed (unaligned, tuples only).
    @discardableResult
    func psql(_ database: String, _ sql: String) throws -> String {
        try run("psql", ["-h", folder, "-p", String(port), "-U", "hezamatch", "-d", database, "-At", "-c", sql])
    }

    /// A new database, and the store URL that reaches it.
    func database(_ name: String) throws -> String {
        try run("createdb", ["-h", folder, "-p", String(port), "-U", "hezamatch", name])
        return "postgres://hezamatch@:\(port)/\(name)?host=\(folder)"
    }

    /// Runs a PostgreSQL tool and waits for it with `posix_spawn` and `waitpid`: Foundation's
    /// `Process` would wait forever for the server that `pg_ctl start` leaves running, which
    /// inherits its end of the process's exit pipe.
    @discardableResult
    private func run(_ tool: String, _ arguments: [String]) throws -> String {
        let command = asRoot ? ["/usr/sbin/runuser", "-u", "postgres", "--", bin + "/" + tool] + arguments : [bin + "/" + tool] + arguments
        let outputPath = folder + "/\(tool)-\(UUID().uuidString.prefix(8)).out"
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, command[0], &actions, nil, argv, environ)
        guard spawned == 0 else { throw Failure(description: "PostgreSQL cannot be started: cannot run \(command[0]) (errno \(spawned))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let exited = status & 0x7f == 0, code = (status >> 8) & 0xff
        guard exited && code == 0 else {
            let log = (try? String(contentsOfFile: folder + "/server.log", encoding: .utf8)) ?? ""
            throw Failure(description: "PostgreSQL cannot be started: \(tool) \(exited ? "exited with \(code)" : "was killed"): \(text)\n\(log.suffix(2_000))")
        }
        return text
    }

    private static func binaries() -> String? {
        var folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []).sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }
        folders += versions.map { "/usr/lib/postgresql/\($0)/bin" }
        for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/initdb")
            && FileManager.default.isExecutableFile(atPath: folder + "/pg_ctl") && FileManager.default.isExecutableFile(atPath: folder + "/createdb") {
            // /usr/local/bin/initdb may be a link into /usr/lib/postgresql/N/bin: use the real folder.
            let real = (try? FileManager.default.destinationOfSymbolicLink(atPath: folder + "/initdb")).map { ($0 as NSString).deletingLastPathComponent } ?? folder
            return real.hasPrefix("/") ? real : folder
        }
        return nil
    }
}
