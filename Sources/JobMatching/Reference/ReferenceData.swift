import Foundation
import JobRecords
import Synchronization

/// The tables matching rests on: places (zones and administrative units, for distances), synonyms, and the
/// courses that close a gap (``TrainingCatalogue``).
public struct ReferenceData: Sendable {
    public var places: PlaceDirectory
    public var synonyms: SynonymTable
    public var training: TrainingCatalogue
    public var occupations: OccupationTaxonomy

    public init(places: PlaceDirectory, synonyms: SynonymTable, training: TrainingCatalogue = TrainingCatalogue(),
                occupations: OccupationTaxonomy = OccupationTaxonomy()) {
        self.places = places
        self.synonyms = synonyms
        self.training = training
        self.occupations = occupations
    }

    /// Reads `places.tsv` (zones), `map/` (administrative units), `synonyms.tsv`, `training.tsv` and `occupations.tsv`
    /// from `directory` (the project's `Corpus/`).
    ///
    /// Read once a process for a folder whose files are unchanged (same sizes and modification times): a
    /// second board, tool or test over the same folder shares the tables.
    ///
    /// - Complexity: O(size of the tables) the first time; O(number of files) after.
    public static func load(directory: String) throws -> ReferenceData {
        let key = fingerprint(directory)
        if let key, let cached = cache.withLock({ $0[key] }) { return cached }
        let loaded = try read(directory: directory)
        if let key { cache.withLock { $0[key] = loaded } }
        return loaded
    }

    private static let cache = Mutex<[String: ReferenceData]>([:])

    /// The folder and each file's size and modification time; nil when one cannot be read (then nothing is cached).
    private static func fingerprint(_ directory: String) -> String? {
        let names = ["places.tsv", "synonyms.tsv", "training.tsv", "occupations.tsv", "map/provinces.tsv", "map/units.tsv",
                     "map/old-provinces.tsv", "map/old-districts.tsv", "map/old-communes.tsv"]
        var key = (directory as NSString).standardizingPath
        for name in names {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                  let size = attributes[.size] as? Int, let date = attributes[.modificationDate] as? Date else { return nil }
            key += "|\(name):\(size):\(date.timeIntervalSince1970)"
        }
        return key
    }

    private static func read(directory: String) throws -> ReferenceData {
        func read(_ name: String) throws -> String {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw LoadFailure(problems: [.init(file: path, line: 0, field: nil, message: "cannot be read as UTF-8")], count: 1)
            }
            return text
        }
        let map = try AdministrativeMap(directory: (directory as NSString).appendingPathComponent("map"))
        return ReferenceData(places: try PlaceDirectory(tsv: try read("places.tsv"), file: "places.tsv", map: map),
                             synonyms: SynonymTable(tsv: try read("synonyms.tsv")),
                             training: try TrainingCatalogue(tsv: try read("training.tsv"), file: "training.tsv"),
                             occupations: try OccupationTaxonomy(tsv: try read("occupations.tsv"), file: "occupations.tsv"))
    }
}
