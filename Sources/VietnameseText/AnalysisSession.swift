/// ``VietnameseAnalyzer`` for one thread that analyses many texts, as an index builder does: its buffers are kept
/// from one text to the next, and the two forms of every Latin token it has met are remembered by the token's bytes
/// (``TokenMemo``), so that a syllable's spelling rules run once for each spelling, not at each occurrence. The
/// tokens are the analyzer's, the same in every way.
///
/// Not for sharing between threads: one session a thread (a segment builder's).
public final class AnalysisSession {
    private let scanner = TokenScanner(remembering: true)

    public init() {}

    /// ``VietnameseAnalyzer/forEachToken(in:_:)``, remembering.
    ///
    /// - Complexity: O(*n*) in the UTF-8 length of `text`.
    public func forEachToken(
        in text: String,
        _ body: (_ span: TokenSpan, _ canonical: UnsafeBufferPointer<UInt8>, _ folded: UnsafeBufferPointer<UInt8>) -> Void
    ) {
        scanner.scan(text, body)
    }
}
