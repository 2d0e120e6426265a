import Foundation
import VietnameseText
import JobRecords

/// Where the districts, zones and provinces of the data are, to tell how far a
/// candidate lives from a workplace.
///
/// Read from `Corpus/places.tsv`: `kind, name, latitude, longitude, aliases` (aliases
/// separated by `|`). Names are matched folded and without their kind word (`KCN`,
/// `huyện`, `tỉnh`…), so `Thuy Nguyen`, `huyện Thủy Nguyên` and `H. Thuỷ Nguyên` are one place.
public struct PlaceDirectory: Sendable {
    public struct Place: Sendable, Hashable {
        public var kind: String
        public var name: String
        public var latitude: Double
        public var longitude: Double
    }

    private var places: [String: Place] = [:]
    /// Every name and alias of the table with its place, as written there.
    public private(set) var names: [(name: String, place: Place)] = []
    /// Districts and provinces only: `Đồ Sơn` the district, not `KCN Đồ Sơn` the zone, which has the same key.
    private var areas: [String: Place] = [:]

    public init(tsv: String, file: String = "places.tsv") throws {
        for (number, line) in tsv.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard columns.count >= 4, let latitude = Double(columns[2]), let longitude = Double(columns[3]) else {
                throw LoadFailure(problems: [.init(file: file, line: number + 1, field: nil, message: "expected kind, name, latitude, longitude[, aliases] separated by tabs")], count: 1)
            }
            let place = Place(kind: columns[0], name: columns[1], latitude: latitude, longitude: longitude)
            let aliases = columns.count > 4 ? columns[4].split(separator: "|").map(String.init) : []
            for name in [columns[1]] + aliases {
                names.append((name, place))
                places[PlaceDirectory.key(name)] = place
                if place.kind != "zone" { areas[PlaceDirectory.key(name)] = place }
            }
        }
    }

    /// A place's name as the table writes it (`Kien Thuy`, `huyện Kiến Thuỵ` → `Kiến Thụy`),
    /// or `name` trimmed when the table does not know it; `nil` for no name.
    ///
    /// A name without a zone word (`KCN`, `KKT`, `khu`) is a district or province: `Do Son` is
    /// the district `Đồ Sơn`, never the zone `KCN Đồ Sơn`.
    public func canonicalName(_ name: String?) -> String? {
        guard let name else { return nil }
        let first = VietnameseAnalyzer().foldedText(name).split(separator: " ").first
        let isZone = first == "kcn" || first == "kkt" || first == "khu"
        let found = isZone ? place(named: name) : areas[PlaceDirectory.key(name)]
        return found?.name ?? name.trimmingCharacters(in: .whitespaces)
    }

    /// The place named `name`, if known.
    public func place(named name: String?) -> Place? {
        guard let name, !name.isEmpty else { return nil }
        return places[PlaceDirectory.key(name)]
    }

    /// Kilometres as the crow flies between two named places, when both are known.
    public func distance(from a: String?, to b: String?) -> Double? {
        guard let first = place(named: a), let second = place(named: b) else { return nil }
        return PlaceDirectory.haversine(first, second)
    }

    static func haversine(_ a: Place, _ b: Place) -> Double {
        let radians = Double.pi / 180
        let dLat = (b.latitude - a.latitude) * radians
        let dLon = (b.longitude - a.longitude) * radians
        let h = sin(dLat / 2) * sin(dLat / 2) + cos(a.latitude * radians) * cos(b.latitude * radians) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * 6371 * asin(min(1, sqrt(h)))
    }

    private static let kindWords: Set<String> = ["kcn", "kkt", "khu", "cong", "nghiep", "kinh", "te", "huyen", "quan", "tinh",
                                                 "thanh", "pho", "tp", "h", "q", "thi", "xa", "tx"]

    static func key(_ name: String) -> String {
        let words = VietnameseAnalyzer().foldedText(name).split(separator: " ").map(String.init)
        let kept = words.drop { kindWords.contains($0) }
        return (kept.isEmpty ? words[...] : kept).joined(separator: " ")
    }
}
