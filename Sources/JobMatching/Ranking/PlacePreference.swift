import JobRecords
import SearchIndex

/// A place or employer that a job seeker typed with other words (`thợ hàn đình vũ`,
/// `phiên dịch tiếng Hàn LG`): what they want first, not all they will look at.
///
/// A search's best matches are ranked again by, in this order:
/// 1. the occupation the words name, when they name one (a welder's posting before a
///    storekeeper's at the same zone);
/// 2. the place: in it (the zone, the district, the employer), then within
///    ``nearby`` kilometres of it, then farther;
/// 3. the search's own score.
///
/// So the welders of Đình Vũ come first, then the welders nearby, then the welders farther
/// away, and only then what matched other words; a search never comes back empty because
/// nobody at that zone hires for the job.
///
/// | posting | occupation named | in the place | within 15 km | rank |
/// |---|---|---|---|---|
/// | welder at Đình Vũ | yes | yes | — | 1st |
/// | welder at Nam Đình Vũ (3 km) | yes | no | yes | 2nd |
/// | welder at Đồ Sơn (20 km) | yes | no | no | 3rd |
/// | storekeeper at Đình Vũ | no | yes | — | 4th |
struct PlacePreference: Sendable {
    var zone: String?
    var district: String?
    var employers: [String] = []

    /// Kilometres within which a posting counts as near the place.
    static let nearby = 15.0

    var isEmpty: Bool { zone == nil && district == nil && employers.isEmpty }

    /// 2 in the place, 1 near it, 0 otherwise (the sum when several were typed).
    func placeRank(_ posting: JobPosting, places: PlaceDirectory) -> Int {
        var rank = 0
        if let zone {
            if posting.zone == zone { rank += 2 } else if let km = places.distance(from: zone, to: posting.zone ?? posting.district), km <= Self.nearby { rank += 1 }
        }
        if let district {
            if posting.district == district { rank += 2 } else if let km = places.distance(from: district, to: posting.zone ?? posting.district), km <= Self.nearby { rank += 1 }
        }
        if !employers.isEmpty, employers.contains(posting.employer) { rank += 2 }
        return rank
    }

    /// `found` ranked again: occupation, place, then the order it came in (the score's). Stable.
    ///
    /// - Complexity: O(*n* log *n*) for *n* hits.
    func rank(_ found: [(hit: SearchHit, posting: JobPosting)], places: PlaceDirectory,
              namesOccupation: (SearchHit) -> Bool) -> [(hit: SearchHit, posting: JobPosting)] {
        let keyed = found.enumerated().map { (offset, item) in
            (occupation: namesOccupation(item.hit) ? 1 : 0, place: placeRank(item.posting, places: places), offset: offset, item: item)
        }
        return keyed.sorted { a, b in
            if a.occupation != b.occupation { return a.occupation > b.occupation }
            if a.place != b.place { return a.place > b.place }
            return a.offset < b.offset
        }.map(\.item)
    }
}
