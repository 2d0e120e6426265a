import Foundation
import JobRecords

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
    public static func load(directory: String) throws -> ReferenceData {
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
