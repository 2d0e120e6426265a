import JobRecords
import SearchIndex

/// A place or employer that a job seeker typed with other words (`thợ hàn đình vũ`,
/// `phiên dịch tiếng Hàn LG`), or asked to be near (`gần phường Thành Đông`, the API's `near`):
/// what they want first, not all they will look at.
///
/// A search's best matches are ranked again by, in this order:
/// 1. the occupation the words name, when they name one (a welder's posting before a
///    storekeeper's at the same zone);
/// 2. near a place: the distance from it, in bands (``bands``); otherwise the place: in it
///    (the zone, the unit or old district, the employer), then within ``nearby`` kilometres of
///    it, then farther;
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
    /// A unit, old district or province typed with other words.
    var place: PlaceReading?
    /// The place the seeker wants to be near: postings by distance from it.
    var near: PlaceReading?
    var employers: [String] = []

    /// Kilometres within which a posting counts as near the place.
    static let nearby = 15.0
    /// The distance bands of a `near` ranking, in kilometres: within a band, the search's score decides.
    static let bands: [Double] = [5, 10, 15, 25, 50]

    var isEmpty: Bool { zone == nil && place == nil && near == nil && employers.isEmpty }

    /// 2 in the place, 1 near it, 0 otherwise (the sum when several were typed).
    func placeRank(_ posting: JobPosting, workplace: PlaceReading?, zonePoint: GeoPoint?, ownKey: String?, places: PlaceDirectory) -> Int {
        var rank = 0
        if let zone {
            if posting.zone == zone { rank += 2 } else if let workplace, let zonePoint, zonePoint.kilometres(to: workplace.point) <= Self.nearby { rank += 1 }
        }
        if let place, let workplace {
            if let ownKey, places.placeKeys(workplace).contains(ownKey) { rank += 2 }
            else if place.point.kilometres(to: workplace.point) <= Self.nearby { rank += 1 }
        }
        if !employers.isEmpty, employers.contains(posting.employer) { rank += 2 }
        return rank
    }

    /// The band of a distance: 0 for the nearest band, ``bands``'s count for farther, one more for unknown.
    static func band(_ kilometres: Double?) -> Int {
        guard let kilometres else { return bands.count + 1 }
        return bands.firstIndex { kilometres <= $0 } ?? bands.count
    }

    /// `found` ranked again: occupation, distance or place, then the order it came in (the score's). Stable.
    ///
    /// - Complexity: O(*n* log *n*) for *n* hits, and one reading of each hit's workplace.
    func rank(_ found: [(hit: SearchHit, posting: JobPosting)], places: PlaceDirectory,
              namesOccupation: (SearchHit) -> Bool) -> [(hit: SearchHit, posting: JobPosting)] {
        let zonePoint = zone.flatMap { places.zone(named: $0)?.point }
        let ownKey = place.flatMap { places.ownKey($0) }
        let keyed = found.enumerated().map { (offset, item) in
            let workplace = places.workplace(zone: item.posting.zone, district: item.posting.district, address: item.posting.address)
            let proximity = near.map { near in -Self.band(workplace.map { near.point.kilometres(to: $0.point) }) }
                ?? placeRank(item.posting, workplace: workplace, zonePoint: zonePoint, ownKey: ownKey, places: places)
            return (occupation: namesOccupation(item.hit) ? 1 : 0, place: proximity, offset: offset, item: item)
        }
        return keyed.sorted { a, b in
            if a.occupation != b.occupation { return a.occupation > b.occupation }
            if a.place != b.place { return a.place > b.place }
            return a.offset < b.offset
        }.map(\.item)
    }
}
