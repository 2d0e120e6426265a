import ArgumentParser
import Foundation
import HezaMatchCore

/// `hezamatch status`: how far the saved indexes have followed the store.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Each table's records, its sequence in the store and in the index, and the index's size."
    )

    @OptionGroup var options: StoreOptions
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let board = try options.openBoard()
        try board.warmUp()
        let status = try board.status()
        if json {
            try printJSON(status)
        } else {
            for table in status.tables {
                print("\(table.kind)s: \(table.documents ?? 0) in the index, store sequence \(table.storeSequence), "
                      + "index sequence \(table.indexSequence ?? 0), \(table.segments ?? 0) segment(s), "
                      + String(format: "%.1f MB", Double(table.bytes ?? 0) / 1_000_000))
                if let opened = table.opened { print("  \(opened)") }
            }
            if let store = status.store { print("store identity \(store)") }
            if let alerts = status.alerts {
                print("job alerts: \(alerts.alerts); outbox: \(alerts.pending) waiting, \(alerts.sent) sent, \(alerts.dead) given up, "
                      + "\(alerts.withdrawn) withdrawn")
            }
        }
    }
}
