import Foundation

/// A point on the map, in degrees (WGS 84), good to a few kilometres: enough to tell 5 km
/// from 30 km, which is all matching needs.
public struct GeoPoint: Sendable, Hashable, Codable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Kilometres as the crow flies (haversine, on a sphere of 6,371 km).
    ///
    /// - Complexity: O(1).
    public func kilometres(to other: GeoPoint) -> Double {
        let radians = Double.pi / 180
        let dLat = (other.latitude - latitude) * radians
        let dLon = (other.longitude - longitude) * radians
        let h = sin(dLat / 2) * sin(dLat / 2) + cos(latitude * radians) * cos(other.latitude * radians) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * 6371 * asin(min(1, sqrt(h)))
    }

    /// The middle of several points (their mean: the points of one province are close enough for it).
    public static func centre(of points: [GeoPoint]) -> GeoPoint? {
        guard !points.isEmpty else { return nil }
        let count = Double(points.count)
        return GeoPoint(latitude: points.map(\.latitude).reduce(0, +) / count, longitude: points.map(\.longitude).reduce(0, +) / count)
    }

    /// Degrees as whole millionths, as the index keeps them in numeric fields.
    public var microdegrees: (latitude: Int64, longitude: Int64) {
        (Int64((latitude * 1_000_000).rounded()), Int64((longitude * 1_000_000).rounded()))
    }
}
