/// The query's filters, resolved against one segment's columns.
struct CompiledFilter {
    private let keywordFilters: [(field: Int, keys: [UInt32])]
    private let rangeFilters: [(column: UnsafePointer<Int64>, lower: Int64, upper: Int64, orMissing: Bool)]
    private let distanceFilters: [DistanceFilter]
    private let deletions: DeletionSet
    private let hasDeletions: Bool

    /// `nil` when no document of the segment can pass.
    init?(_ filters: [SearchFilter], schema: IndexSchema, segment: Segment, deletions: DeletionSet) {
        var keywordFilters: [(Int, [UInt32])] = []
        var rangeFilters: [(UnsafePointer<Int64>, Int64, Int64, Bool)] = []
        var distanceFilters: [DistanceFilter] = []
        for filter in filters {
            switch filter {
            case .keyword(let name, let values):
                let field = schema.keywordFieldIndex(name)!
                let keys = values.compactMap { segment.keywordKeyID(field: field, key: KeywordKey.fold($0)) }.sorted()
                if keys.isEmpty { return nil }
                keywordFilters.append((field, keys))
            case .range(let name, let lower, let upper, let orMissing):
                let field = schema.numericFieldIndex(name)!
                rangeFilters.append((segment.numericColumns[field], lower ?? .min + 1, upper ?? .max, orMissing))
            case .withinDistance(let latitude, let longitude, let centreLatitude, let centreLongitude, let kilometres):
                distanceFilters.append(DistanceFilter(latitudes: segment.numericColumns[schema.numericFieldIndex(latitude)!],
                                                      longitudes: segment.numericColumns[schema.numericFieldIndex(longitude)!],
                                                      centreLatitude: centreLatitude, centreLongitude: centreLongitude, kilometres: kilometres))
            }
        }
        self.keywordFilters = keywordFilters
        self.rangeFilters = rangeFilters
        self.distanceFilters = distanceFilters
        self.deletions = deletions
        hasDeletions = deletions.count > 0
        if deletions.count == segment.documentCount && segment.documentCount > 0 { return nil }
        _segment = segment
    }

    private let _segment: Segment

    /// Whether every document passes (no filter, no deletion).
    var isTrivial: Bool { keywordFilters.isEmpty && rangeFilters.isEmpty && distanceFilters.isEmpty && !hasDeletions }

    /// Whether `doc` is live and passes every filter.
    @inline(__always)
    func accepts(_ doc: Int) -> Bool {
        if hasDeletions && deletions.contains(doc) { return false }
        for filter in rangeFilters {
            let value = filter.column[doc]
            if value == SegmentBuilder.missingNumber {
                if !filter.orMissing { return false }
            } else if value < filter.lower || value > filter.upper {
                return false
            }
        }
        for filter in keywordFilters {
            let values = _segment.keywordValues(field: filter.field, doc: doc)
            guard values.contains(where: { filter.keys.contains($0) }) else { return false }
        }
        for filter in distanceFilters where !filter.accepts(doc) { return false }
        return true
    }
}
