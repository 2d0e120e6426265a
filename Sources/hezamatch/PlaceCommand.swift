import ArgumentParser
import Foundation
import JobMatching
import MatchRendering

/// `hezamatch place TEXT`: how HezaMatch reads a place, old or new names, and how far it is from another.
struct PlaceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "place",
        abstract: "Show how a place is read (today's unit, the old one, where it is), and its distance to another.",
        discussion: """
            Example: hezamatch place "xã Quốc Tuấn, huyện An Lão" --to "KCN Đình Vũ"
            """
    )

    @Argument(help: "A place as people write it: a commune or ward, old or new, a district, a province, a zone, an address.")
    var text: String

    @Option(help: "Another place: the distance between the two, as the crow flies.")
    var to: String?

    @Option(help: ArgumentHelp("The folder with places.tsv and map/ (default: $HEZAMATCH_CORPUS, else ./Corpus).", valueName: "dir"))
    var corpus: String?

    @Flag(help: "Print {\"reading\": {…}, \"distance_km\": …}.") var json = false

    func run() throws {
        let places = try ReferenceData.load(directory: try StoreOptions.corpusDirectory(corpus)).places
        guard let reading = places.read(text) else { throw ValidationError("cannot read '\(text)' as a zone, commune, ward, district or province") }
        var other: PlaceReading?
        if let to {
            guard let found = places.read(to) else { throw ValidationError("cannot read '\(to)' as a zone, commune, ward, district or province") }
            other = found
        }
        let kilometres = other.map { (reading.point.kilometres(to: $0.point) * 10).rounded() / 10 }
        if json {
            struct Output: Encodable {
                var reading: PlaceReading
                var to: PlaceReading?
                var distanceKilometres: Double?
                enum CodingKeys: String, CodingKey { case reading, to, distanceKilometres = "distance_km" }
            }
            try printJSON(Output(reading: reading, to: other, distanceKilometres: kilometres))
            return
        }
        print(describe(reading))
        if let other, let kilometres {
            print(describe(other))
            print("Cách nhau \(kilometres) km (đường chim bay)")
        }
    }

    private func describe(_ reading: PlaceReading) -> String {
        var lines = ["\(reading.description)   [\(reading.level.rawValue)\(reading.code.map { " \($0)" } ?? ""), "
                        + String(format: "%.4f, %.4f", reading.point.latitude, reading.point.longitude) + "]"]
        lines.append("  ra ngoài hồ sơ: \(reading.publicText)")
        if let note = reading.note { lines.append("  lưu ý: \(note)") }
        return lines.joined(separator: "\n")
    }
}
