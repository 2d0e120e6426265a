import Prometheus

/// Request counts and latencies by route and status, and each index's size, kept in a swift-prometheus
/// registry of the server's own (not the process-wide metrics system: each ``HezaMatchAPI`` counts its
/// requests), which writes Prometheus's text format for `GET /metrics`.
final class ServerMetrics: Sendable {
    /// The latency histogram's upper bounds.
    static let buckets: [Duration] = [1, 2, 5, 10, 20, 50, 100, 250, 500, 1_000, 2_500].map { .milliseconds($0) }

    // The metrics' names and help, computed: swift-prometheus's descriptor is not Sendable.
    private static var requests: MetricNameDescriptor { MetricNameDescriptor(
        namespace: "hezamatch", subsystem: "http", metricName: "requests", unitName: "total",
        helpText: "HTTP requests by route and status.") }
    private static var latency: MetricNameDescriptor { MetricNameDescriptor(
        namespace: "hezamatch", subsystem: "http", metricName: "request_duration", unitName: "seconds",
        helpText: "Request latency by route.") }
    private static var documents: MetricNameDescriptor { MetricNameDescriptor(
        namespace: "hezamatch", metricName: "index", unitName: "documents", helpText: "Live documents in each index.") }
    private static var bytes: MetricNameDescriptor { MetricNameDescriptor(
        namespace: "hezamatch", metricName: "index", unitName: "bytes", helpText: "Bytes of each index's segments.") }

    private let registry = PrometheusCollectorRegistry()

    /// Counts one answered request. The registry returns the existing counter and histogram of these labels.
    ///
    /// - Complexity: a hash look-up under the registry's lock.
    func record(route: String, status: Int, duration: Duration) {
        registry.makeCounter(descriptor: Self.requests, labels: [("route", route), ("status", String(status))]).increment()
        registry.makeDurationHistogram(descriptor: Self.latency, labels: [("route", route)], buckets: Self.buckets)
            .record(duration)
    }

    /// The text format, after setting the indexes' gauges to `indexes`.
    func render(indexes: [(name: String, documents: Int, bytes: Int)]) -> String {
        for index in indexes {
            registry.makeGauge(descriptor: Self.documents, labels: [("index", index.name)]).set(Int64(index.documents))
            registry.makeGauge(descriptor: Self.bytes, labels: [("index", index.name)]).set(Int64(index.bytes))
        }
        return registry.emitToString()
    }
}
