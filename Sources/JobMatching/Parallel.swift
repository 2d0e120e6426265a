import Dispatch
import Synchronization

/// Work cut in contiguous chunks, run on every core, the results given back in the chunks' order.
public enum Parallel {
    /// `work` of each of `chunks` ranges of `0..<count` (contiguous, in order), run at once; the first error thrown is
    /// rethrown. The referral ledger's first read and the report's training gaps.
    ///
    /// - Complexity: that of `work` over all ranges, shared among the cores.
    public static func chunks<Result: Sendable>(of count: Int, into chunks: Int,
                                                _ work: @Sendable (Range<Int>) throws -> Result) throws -> [Result] {
        let chunks = max(1, chunks)
        let results = Mutex([Int: Swift.Result<Result, any Error>]())
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = (count * chunk / chunks) ..< (count * (chunk + 1) / chunks)
            let result = Swift.Result { try work(range) }
            results.withLock { $0[chunk] = result }
        }
        return try results.withLock { all in try (0..<chunks).map { try all[$0]!.get() } }
    }
}
