import Foundation
import PostgresNIO

/// Where a PostgreSQL store is: `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE`, or on a Unix
/// socket, `postgres://USER@/DATABASE?host=/run/postgresql` (the folder of the socket; the port, 5432
/// unless given, names the socket file `.s.PGSQL.PORT`), as libpq and `psql` write it.
///
/// | address | connects to |
/// |---|---|
/// | `postgres://heza:pw@db.example:5433/jobs` | TCP db.example:5433, user heza, database jobs |
/// | `postgresql://heza@localhost/jobs` | TCP localhost:5432 |
/// | `postgres://heza@/jobs?host=/tmp/pg` | the socket /tmp/pg/.s.PGSQL.5432 |
/// | `postgres://heza@:6000/jobs?host=/tmp/pg` | the socket /tmp/pg/.s.PGSQL.6000 |
/// | `/data/hezamatch.sqlite`, `jobs` | not PostgreSQL (`nil`): the SQLite store |
public struct PostgresStoreAddress: Sendable, Hashable, CustomStringConvertible {
    public var host: String?
    public var socketFolder: String?
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String

    /// Whether `text` names a PostgreSQL store rather than a SQLite file.
    public static func isPostgres(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Reads an address; `nil` when `text` is no `postgres://` URL. Throws when it is one but
    /// lacks a user or a database.
    public init?(_ text: String) throws {
        guard Self.isPostgres(text) else { return nil }
        guard let components = URLComponents(string: text) else { throw PostgresStoreError("\(text): not a URL") }
        guard let user = components.user, !user.isEmpty else { throw PostgresStoreError("\(Self.redacted(text)): no user (postgres://USER@HOST/DATABASE)") }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty else { throw PostgresStoreError("\(Self.redacted(text)): no database (postgres://USER@HOST/DATABASE)") }
        self.user = user.removingPercentEncoding ?? user
        self.password = components.password.map { $0.removingPercentEncoding ?? $0 }
        self.database = database
        self.port = components.port ?? 5432
        let hostParameter = components.queryItems?.first(where: { $0.name == "host" })?.value
        if let folder = hostParameter, folder.hasPrefix("/") {
            socketFolder = folder
            host = nil
        } else {
            host = (components.host?.isEmpty == false ? components.host : nil) ?? hostParameter ?? "localhost"
            socketFolder = nil
        }
    }

    /// The address without its password, for messages and logs.
    public var description: String {
        let credentials = user + (password == nil ? "" : ":***")
        if let socketFolder { return "postgres://\(credentials)@:\(port)/\(database)?host=\(socketFolder)" }
        return "postgres://\(credentials)@\(host ?? "localhost"):\(port)/\(database)"
    }

    var configuration: PostgresConnection.Configuration {
        if let socketFolder {
            return .init(unixSocketPath: socketFolder + "/.s.PGSQL.\(port)", username: user, password: password, database: database)
        }
        return .init(host: host ?? "localhost", port: port, username: user, password: password, database: database, tls: .disable)
    }

    /// `text` with any password replaced by `***`.
    static func redacted(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return text }
        components.password = "***"
        return components.string ?? text
    }
}

/// A PostgreSQL store that cannot be reached, or refused what it was asked: the message says which.
public struct PostgresStoreError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
