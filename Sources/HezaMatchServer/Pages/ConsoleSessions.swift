import Foundation
import Synchronization

/// A counsellor signed in to the console: who (the token's holder, never the token), the
/// form token that protects their forms, and when the session ends.
struct ConsoleSession: Sendable {
    let id: String
    let caller: APICaller
    let csrf: String
    let expires: Date
}

/// The console's sessions, in memory: a sign-in with a bearer token opens one, held by an
/// HttpOnly, SameSite=Strict cookie (Secure over TLS) that carries only a random session
/// id, never the token; sign-out or 8 hours end it; a restart ends them all.
final class ConsoleSessions: Sendable {
    static let cookieName = "hezamatch_session"
    static let lifetime: TimeInterval = 8 * 3600
    private let sessions = Mutex<[String: ConsoleSession]>([:])

    /// 32 random bytes as hexadecimal.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    func open(for caller: APICaller) -> ConsoleSession {
        let session = ConsoleSession(id: Self.randomToken(), caller: caller, csrf: Self.randomToken(), expires: Date().addingTimeInterval(Self.lifetime))
        sessions.withLock { all in
            let now = Date()
            all = all.filter { $0.value.expires > now }
            all[session.id] = session
        }
        return session
    }

    func session(id: String?) -> ConsoleSession? {
        guard let id else { return nil }
        return sessions.withLock { all in
            guard let session = all[id] else { return nil }
            guard session.expires > Date() else {
                all[id] = nil
                return nil
            }
            return session
        }
    }

    func close(id: String) {
        _ = sessions.withLock { $0.removeValue(forKey: id) }
    }

    /// The session cookie, or the header that ends it (`id` nil).
    static func cookie(_ id: String?, secure: Bool) -> String {
        let value = id ?? ""
        let age = id == nil ? 0 : Int(lifetime)
        return "\(cookieName)=\(value); Path=/; HttpOnly; SameSite=Strict; Max-Age=\(age)" + (secure ? "; Secure" : "")
    }
}
