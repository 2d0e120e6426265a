/// nDCG@10 and recall@10, means over the queries judged: the board's, and the SQLite FTS5
/// baseline's (``FullTextBaseline``) on the same queries, plain and with the board's hard filters.
public struct EvaluationRow: Sendable, Hashable {
    /// A pair of means.
    public struct Figures: Sendable, Hashable {
        public var ndcg: Double
        public var recall: Double

        public init(ndcg: Double, recall: Double) {
            self.ndcg = ndcg
            self.recall = recall
        }
    }

    public var name: String
    public var queries: Int
    /// The board's answers.
    public var board: Figures
    /// FTS5 over the same text fields, every word OR-ed, ranked by bm25: no eligibility.
    public var fts5: Figures
    /// The same, keeping only what the board's hard filters keep (open, education, age).
    public var fts5Filtered: Figures

    public init(name: String, queries: Int, board: Figures, fts5: Figures, fts5Filtered: Figures) {
        self.name = name
        self.queries = queries
        self.board = board
        self.fts5 = fts5
        self.fts5Filtered = fts5Filtered
    }
}
