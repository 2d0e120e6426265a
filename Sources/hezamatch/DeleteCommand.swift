import ArgumentParser
import Foundation
import HezaMatchCore
import JobStorage

/// `hezamatch delete`: removes a posting, or erases a candidate on request.
struct DeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a posting, or erase a candidate's profile (the right to erasure of Decree 13/2023/NĐ-CP).",
        discussion: """
            Erasing a profile removes it from the store (secure delete: its bytes are overwritten, and the write-ahead \
            log is checkpointed and truncated) and from the search index in memory and in its saved file (the segments \
            that held it are rewritten) before the command returns.
            """
    )

    @OptionGroup var options: StoreOptions
    @Option(help: "The posting to delete.") var posting: String?
    @Option(help: "The candidate profile to erase.") var profile: String?

    func validate() throws {
        guard (posting == nil) != (profile == nil) else { throw ValidationError("give --posting ID or --profile ID") }
    }

    func run() async throws {
        let board = try options.openBoard()
        let (kind, id) = posting.map { (RecordKind.posting, $0) } ?? (.profile, profile!)
        // Open the index first, so that the deletion reaches its saved file.
        try board.warmUp(kind)
        guard try await board.delete(kind, id: id, requester: .commandLine) else {
            Terminal.error("no \(kind) \(id) in \(options.storeLabel)")
            throw ExitCode.failure
        }
        board.waitForErasure()
        try board.saveIndexes()
        print(kind == .profile ? "erased profile \(id)" : "deleted posting \(id)")
    }
}
