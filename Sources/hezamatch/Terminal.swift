import Foundation
import JobRecords

/// Writes to standard error (messages, progress); never personal data.
enum Terminal {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// Whether standard error is a terminal (progress is shown only then).
    static var showsProgress: Bool { isatty(2) == 1 }

    static func progress(_ label: String, _ done: Int, _ total: Int?) {
        guard showsProgress else { return }
        if let total, total > 0 {
            FileHandle.standardError.write(Data("\r\(label) \(min(100, done * 100 / total))%".utf8))
        } else {
            FileHandle.standardError.write(Data("\r\(label) \(done / 1_000_000) MB".utf8))
        }
    }

    static func endProgress() {
        if showsProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    /// The width of the terminal standard output goes to: `$COLUMNS`, else the
    /// terminal's, else 100.
    static var width: Int {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 100
    }
}

/// Prints an answer as the data contract (docs/data-contract.md)'s JSON (keys sorted, so the same answer is the same bytes).
func printJSON(_ value: some Encodable) throws {
    print(try JSONValueEncoder.text(value))
}
