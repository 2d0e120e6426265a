import Synchronization

/// Request counts and latencies, in Prometheus's text format.
final class ServerMetrics: Sendable {
    static let buckets: [Double] = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5]

    private struct State {
        var counts: [String: Int] = [:]                 // "route|status"
        var histograms: [String: [Int]] = [:]           // route → counts per bucket (+Inf last)
        var sums: [String: Double] = [:]
    }

    private let state = Mutex(State())

    func record(route: String, status: Int, seconds: Double) {
        state.withLock { state in
            state.counts["\(route)|\(status)", default: 0] += 1
            var histogram = state.histograms[route] ?? [Int](repeating: 0, count: Self.buckets.count + 1)
            let bucket = Self.buckets.firstIndex { seconds <= $0 } ?? Self.buckets.count
            histogram[bucket] += 1
            state.histograms[route] = histogram
            state.sums[route, default: 0] += seconds
        }
    }

    func render(indexes: [(name: String, documents: Int, bytes: Int)]) -> String {
        state.withLock { state in
            var lines = ["# HELP hezamatch_http_requests_total HTTP requests by route and status.",
                         "# TYPE hezamatch_http_requests_total counter"]
            for key in state.counts.keys.sorted() {
                let parts = key.split(separator: "|", maxSplits: 1)
                lines.append("hezamatch_http_requests_total{route=\"\(parts[0])\",status=\"\(parts[1])\"} \(state.counts[key]!)")
            }
            lines += ["# HELP hezamatch_http_request_duration_seconds Request latency by route.",
                      "# TYPE hezamatch_http_request_duration_seconds histogram"]
            for route in state.histograms.keys.sorted() {
                let histogram = state.histograms[route]!
                var cumulative = 0
                for (index, bound) in Self.buckets.enumerated() {
                    cumulative += histogram[index]
                    lines.append("hezamatch_http_request_duration_seconds_bucket{route=\"\(route)\",le=\"\(bound)\"} \(cumulative)")
                }
                cumulative += histogram[Self.buckets.count]
                lines.append("hezamatch_http_request_duration_seconds_bucket{route=\"\(route)\",le=\"+Inf\"} \(cumulative)")
                lines.append("hezamatch_http_request_duration_seconds_sum{route=\"\(route)\"} \(state.sums[route]!)")
                lines.append("hezamatch_http_request_duration_seconds_count{route=\"\(route)\"} \(cumulative)")
            }
            lines += ["# HELP hezamatch_index_documents Live documents in each index.", "# TYPE hezamatch_index_documents gauge"]
            for index in indexes { lines.append("hezamatch_index_documents{index=\"\(index.name)\"} \(index.documents)") }
            lines += ["# HELP hezamatch_index_bytes Bytes of each index's segments.", "# TYPE hezamatch_index_bytes gauge"]
            for index in indexes { lines.append("hezamatch_index_bytes{index=\"\(index.name)\"} \(index.bytes)") }
            return lines.joined(separator: "\n") + "\n"
        }
    }
}
