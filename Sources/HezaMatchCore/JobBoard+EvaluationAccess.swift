import JobRecords
import SearchIndex

/// What the offline evaluation (the `HezaMatchEvaluation` module: judged sets, the FTS5 baseline, outcomes) reads
/// of a board beyond its public answers: the two indexes as they are now, and every referral. Not for serving.
extension JobBoard {
    /// Both indexes, caught up with the store.
    @_spi(Evaluation) public func currentIndexes() throws -> (postings: SearchIndex, profiles: SearchIndex) {
        (try postings.index(), try profiles.index())
    }

    /// Every referral, caught up with the store.
    @_spi(Evaluation) public func allReferrals() throws -> [Referral] {
        Array(try referralLedger.current().byID.values)
    }
}
