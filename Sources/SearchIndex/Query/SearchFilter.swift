/// A condition a document must meet to be a hit, whatever its score.
public enum SearchFilter: Hashable, Sendable {
    /// The document has one of `values` in keyword field `field` (compared folded:
    /// `KCN Trang Due` is `KCN Tràng Duệ`). An empty list lets no document through.
    case keyword(_ field: String, anyOf: [String])
    /// The document's value in numeric field `field` lies in `lower...upper`
    /// (either bound may be absent). A document without a value fails, unless
    /// `orMissing` is true.
    case range(_ field: String, lower: Int64?, upper: Int64?, orMissing: Bool)
    /// The document's point, kept in numeric fields `latitude` and `longitude` as millionths of a
    /// degree, lies within `kilometres` of the point (`centreLatitude`, `centreLongitude`), in degrees,
    /// as the crow flies (haversine, 6,371 km). A document without a point fails.
    case withinDistance(latitude: String, longitude: String, centreLatitude: Double, centreLongitude: Double, kilometres: Double)

    /// `field` ≥ `value`.
    public static func range(_ field: String, atLeast value: Int64, orMissing: Bool = false) -> SearchFilter {
        .range(field, lower: value, upper: nil, orMissing: orMissing)
    }

    /// `field` ≤ `value`.
    public static func range(_ field: String, atMost value: Int64, orMissing: Bool = false) -> SearchFilter {
        .range(field, lower: nil, upper: value, orMissing: orMissing)
    }
}
