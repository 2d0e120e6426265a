import Foundation

/// A point within a distance, over one segment's latitude and longitude columns (millionths of a degree).
struct DistanceFilter {
    let latitudes: UnsafePointer<Int64>
    let longitudes: UnsafePointer<Int64>
    let centreLatitude: Double
    let centreLongitude: Double
    let kilometres: Double

    /// - Complexity: O(1): a haversine.
    @inline(__always)
    func accepts(_ doc: Int) -> Bool {
        let latitude = latitudes[doc], longitude = longitudes[doc]
        if latitude == SegmentBuilder.missingNumber || longitude == SegmentBuilder.missingNumber { return false }
        // A degree of latitude is about 111 km everywhere: a point that far is out without the trigonometry.
        if abs(Double(latitude) / 1_000_000 - centreLatitude) * 110.5 > kilometres { return false }
        return Self.kilometres(Double(latitude) / 1_000_000, Double(longitude) / 1_000_000, centreLatitude, centreLongitude) <= kilometres
    }

    /// Kilometres between two points in degrees, on a sphere of 6,371 km.
    static func kilometres(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        let radians = Double.pi / 180
        let dLat = (lat2 - lat1) * radians, dLon = (lon2 - lon1) * radians
        let h = sin(dLat / 2) * sin(dLat / 2) + cos(lat1 * radians) * cos(lat2 * radians) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * 6371 * asin(min(1, h.squareRoot()))
    }
}
