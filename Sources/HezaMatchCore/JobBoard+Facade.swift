import Foundation
import JobMatching
import JobRecords
import JobStorage
import MatchRendering
import SearchIndex

/// The facade: each public question of the board, answered by its service (``Searching``, ``Matching``, ``Audit``,
/// ``Maintenance``, ``Fairs``, ``Records``, ``Referrals``, ``LabourReports``), so that callers need know none of them.
extension JobBoard {
    // MARK: Searching

    /// Open postings for what a job seeker typed, with or without accents: a page of
    /// results with highlights, the total and the facets (zone, education, audience).
    ///
    /// - Throws: ``MatchError`` `.tooDeep` when `offset + limit` is over ``maximumResultDepth``.
    public func search(_ request: JobMatcher.Search) throws -> SearchAnswer {
        try Searching(core: core).search(request)
    }

    /// A posting by id, from the postings' index.
    public func posting(id: String) throws -> JobPosting? {
        try Searching(core: core).posting(id: id)
    }

    /// Job titles that start with what a job seeker has typed, most used first.
    public func suggestions(prefix: String, limit: Int = 10) throws -> [String] {
        try Searching(core: core).suggestions(prefix: prefix, limit: limit)
    }

    // MARK: Matching

    /// "Which jobs fit this candidate, and why?": the postings the candidate is
    /// eligible for, best first, with reasons. No name or phone is read; the read of
    /// the candidate's profile is kept in the access record, under `requester`.
    ///
    /// - Throws: ``MatchError`` `.unknownProfile`.
    public func matches(for candidateID: String, asOf: CalendarDate, limit: Int, requester: Requester) async throws -> MatchAnswer {
        try await Matching(core: core).matches(for: candidateID, asOf: asOf, limit: limit, requester: requester)
    }

    /// "Whom should we call first?": the candidates eligible for a posting, best first,
    /// with reasons, and, when `requester` is given, their names and phones (read from
    /// the store for these rows only, and kept in the access record as `action`: ids,
    /// never names). With `categories`, only candidates of those categories, in the same order.
    ///
    /// - Throws: ``MatchError`` `.unknownPosting`, `.postingClosed`.
    public func shortlist(for postingID: String, asOf: CalendarDate, limit: Int, requester: Requester?,
                          action: String = "shortlist", categories: [CandidateCategory] = []) async throws -> ShortlistAnswer {
        try await Matching(core: core).shortlist(for: postingID, asOf: asOf, limit: limit, requester: requester, action: action,
                                                 categories: categories)
    }

    /// A profile by id, from the profiles' index: without name and phone.
    public func profile(id: String) throws -> CandidateProfile? {
        try Matching(core: core).profile(id: id)
    }

    /// Candidates a counsellor looks for by id, phone or name (accents optional), with
    /// their personal data: recorded in the access record.
    public func findCandidates(_ text: String, limit: Int = 20, requester: Requester) async throws -> [CandidateProfile] {
        try await Matching(core: core).findCandidates(text, limit: limit, requester: requester)
    }

    /// One candidate's whole profile, name and phone included, from the store: recorded.
    public func candidate(id: String, requester: Requester) async throws -> CandidateProfile? {
        try await Matching(core: core).candidate(id: id, requester: requester)
    }

    // MARK: Audit

    /// The access record: who read whose personal data, newest first.
    public func accessRecords(since: Date? = nil, limit: Int = 1_000) throws -> [AccessRecord] {
        try Audit(core: core).accessRecords(since: since, limit: limit)
    }

    // MARK: Maintenance

    /// How many times the search aids were learned from every posting, and built (for tests and `/metrics`).
    public var searchAidsBuilds: (fromEveryPosting: Int, built: Int) { Maintenance(core: core).searchAidsBuilds }

    /// Documents and bytes of each open index (for metrics).
    public var indexFigures: [(name: String, documents: Int, bytes: Int)] { Maintenance(core: core).indexFigures }

    /// Applies the store's new changes (from this process or any other) to the
    /// indexes that are open; returns how many changes were applied.
    @discardableResult
    public func catchUp() throws -> Int {
        try Maintenance(core: core).catchUp()
    }

    /// Opens both indexes and the search aids now (building them if needed), so that the first request is fast.
    public func warmUp() throws {
        try Maintenance(core: core).warmUp()
    }

    /// Opens the postings' index and the search aids (accents, employers, title suggestions): the saved ones
    /// when they are of the index's last change, else learned from every posting once and saved. A search
    /// never learns them itself (``search(_:)`` goes without until they are ready): a server calls this at
    /// start (``warmUp()``), the tool before its one search.
    ///
    /// - Complexity: O(1) in the postings with saved aids; else O(their text), once.
    public func prepareSearchAids() throws {
        try Maintenance(core: core).prepareSearchAids()
    }

    /// Opens one table's index now (building it if needed).
    public func warmUp(_ kind: RecordKind) throws {
        try Maintenance(core: core).warmUp(kind)
    }

    /// Saves each open index that holds changes its file does not.
    public func saveIndexes() throws {
        try Maintenance(core: core).saveIndexes()
    }

    /// The postings index's last change: what a public answer depends on (its `ETag`).
    public func postingsVersion() throws -> Int64 {
        try Maintenance(core: core).postingsVersion()
    }

    /// Where the board stands: each table's sequence in the store and in its index.
    public func status() throws -> BoardStatus {
        try Maintenance(core: core).status()
    }

    // MARK: Fairs

    /// The postings of a fair, by id, in the order given (each once).
    ///
    /// - Throws: ``MatchError`` `.unknownPosting` naming the first id not in the index.
    public func fairPostings(ids: [String]) throws -> [JobPosting] {
        try Fairs(core: core).fairPostings(ids: ids)
    }

    /// The postings whose `batch` (an extra field the store keeps, `"2026-09"`) is `batch`, by id.
    ///
    /// - Throws: ``MatchError`` `.invalidFair` when none has it.
    public func fairPostings(batch: String) throws -> [JobPosting] {
        try Fairs(core: core).fairPostings(batch: batch)
    }

    /// A job fair's plan (``JobMatcher/planFair(_:profiles:)``). With a `requester`, the
    /// candidates' names and phones are read from the store for the candidates sent to a
    /// booth, and the read is kept in the access record under `requester`; without one, the
    /// answer holds no personal data.
    public func fair(_ request: FairRequest, requester: Requester?) async throws -> FairAnswer {
        try await Fairs(core: core).fair(request, requester: requester)
    }

    /// Refers every candidate the fair's plan sends to one booth, in one action: each with the rank and score the
    /// booth's list gives them (source `fair`); those already waiting for that posting's answer are left out.
    ///
    /// - Throws: ``MatchError`` `.unknownPosting` when the posting is not one of the fair's booths.
    public func referFairBooth(_ request: FairRequest, posting postingID: String, note: String?, requester: Requester) async throws -> [Referral] {
        try await Fairs(core: core).referFairBooth(request, posting: postingID, note: note, requester: requester)
    }

    // MARK: Records

    /// Loads JSON Lines files of postings and/or profiles (`-` is standard input), all
    /// or nothing, at the engine's speed: each line is decoded once as it streams past,
    /// stored in one transaction (prepared statements), and analysed into index
    /// segments on another core at the same time. A file with bad lines is refused
    /// whole (every bad line of both files is listed, the first 20 and a count) and
    /// nothing stored before is touched. The indexes are then merged and saved.
    ///
    /// - Parameters:
    ///   - encoding: how the files' text is encoded (``ImportTranscoder``): by default UTF-8, with
    ///     lines in an old encoding detected and values once misread repaired.
    ///   - progress: called now and then with a file's name, bytes read and size (if known).
    /// - Throws: ``LoadFailure`` for bad lines or unreadable files.
    /// - Complexity: O(*n*) in the size of the files; memory O(the index built).
    @discardableResult
    public func load(postings postingsPath: String? = nil, profiles profilesPath: String? = nil, encoding: ImportEncoding = .auto,
                     progress: (@Sendable (_ file: String, _ bytesRead: Int, _ total: Int?) -> Void)? = nil) throws -> JobBoard.LoadReport {
        try Records(core: core).load(postings: postingsPath, profiles: profilesPath, encoding: encoding, progress: progress)
    }

    /// Adds or replaces postings and profiles, all or nothing: committed to the store
    /// in one transaction, then applied to the open indexes before this returns, so
    /// the next search sees them. Searches running meanwhile are not held up.
    @discardableResult
    public func upsert(postings newPostings: [JSONLinesLoader.Record<JobPosting>] = [],
                       profiles newProfiles: [JSONLinesLoader.Record<CandidateProfile>] = []) async throws -> WriteReceipt {
        try await Records(core: core).upsert(postings: newPostings, profiles: newProfiles)
    }

    /// Deletes a record; `false` when there was none. Deleting a profile erases it:
    /// from the store's files before this returns (secure delete, WAL checkpoint),
    /// from the live index at once, and from memory and the saved index file by a
    /// rewrite of the segments that held it, in the background (``waitForErasure()``).
    ///
    /// An erased profile's id (not its data) stays in the access record, with who erased it.
    public func delete(_ kind: RecordKind, id: String, requester: Requester) async throws -> Bool {
        try await Records(core: core).delete(kind, id: id, requester: requester)
    }

    /// Waits until deleted profiles are gone from the index's memory and saved file.
    public func waitForErasure() {
        Records(core: core).waitForErasure()
    }

    /// Catches the open indexes up with the store, off the caller's thread (the
    /// cooperative pool must not block on segment builds).
    public func followStore() async throws {
        try await Records(core: core).followStore()
    }

    // MARK: Referrals

    /// Refers a candidate to a posting: remembers who, when, from where, and the rank, score and reasons the
    /// candidate has on the posting's shortlist today (none when they are not on its first 500).
    ///
    /// - Throws: ``MatchError`` `.unknownPosting`, `.unknownProfile`, `.postingClosed`; ``ReferralError``
    ///   `.alreadyReferred` when the candidate waits for this posting's answer already.
    public func refer(_ request: Referral.Request, source: Referral.Source, asOf: CalendarDate, requester: Requester,
                      now: Date = Date()) async throws -> Referral {
        try await Referrals(core: core).refer(request, source: source, asOf: asOf, requester: requester, now: now)
    }

    /// Refers candidates to one posting in one transaction (a fair's booth: one action for all of it), each with the
    /// rank, score and reasons given. With `skipReferred`, a candidate already waiting for this posting's answer is
    /// left out; without, it is an error.
    ///
    /// - Complexity: O(*n*) in the candidates, one store transaction.
    public func refer(_ candidates: [ReferralCandidate], to posting: JobPosting, note: String?, source: Referral.Source, asOf: CalendarDate,
                      requester: Requester, now: Date = Date(), skipReferred: Bool) async throws -> [Referral] {
        try await Referrals(core: core).refer(candidates, to: posting, note: note, source: source, asOf: asOf, requester: requester, now: now, skipReferred: skipReferred)
    }

    /// An employer's answer (or a counsellor's note of it): one move of ``ReferralRules``, timestamped.
    ///
    /// - Throws: ``ReferralError`` `.unknownReferral` (also for a referral of another employer: a booth does not learn
    ///   that it exists), `.moveNotAllowed`, `.notThisParty`.
    public func answerReferral(id: String, _ answer: Referral.Answer, by actor: ReferralActor, now: Date = Date()) async throws -> Referral {
        try await Referrals(core: core).answerReferral(id: id, answer, by: actor, now: now)
    }

    /// Closes the referrals left `referred` or `contacted` for more than `days` days as "không phản hồi" (`no_answer`).
    /// Returns how many were closed.
    public func closeUnanswered(days: Int, now: Date = Date()) async throws -> Int {
        try await Referrals(core: core).closeUnanswered(days: days, now: now)
    }

    /// One referral, if `actor` may see it.
    public func referral(id: String, for actor: ReferralActor) throws -> Referral? {
        try Referrals(core: core).referral(id: id, for: actor)
    }

    /// The referrals `actor` may see, newest first, narrowed to a posting, a candidate, a state.
    ///
    /// - Complexity: O(*n* log *n*) in the referrals kept (O(of the one) with a posting or a candidate).
    public func referrals(posting: String? = nil, candidate: String? = nil, status: Referral.Status? = nil,
                          for actor: ReferralActor, limit: Int = .max) throws -> [Referral] {
        try Referrals(core: core).referrals(posting: posting, candidate: candidate, status: status, for: actor, limit: limit)
    }

    /// The names and phones of the candidates of `referrals` (what an employer calls them on), read from the store
    /// and kept in the access record under `requester`.
    public func referralContacts(_ referrals: [Referral], requester: Requester) async throws -> [String: (name: String, phone: String?)] {
        try await Referrals(core: core).referralContacts(referrals, requester: requester)
    }

    /// Whether two employer names are the same employer, compared folded (accents, case, spaces).
    public static func sameEmployer(_ a: String, _ b: String) -> Bool {
        Referrals.sameEmployer(a, b)
    }

    /// ``OutcomeReport`` of the referrals made in the period (counsellors only: no personal data in it).
    public func outcomes(from: CalendarDate?, to: CalendarDate?, groupedBy grouping: OutcomeReport.Grouping?) throws -> OutcomeReport {
        try Referrals(core: core).outcomes(from: from, to: to, groupedBy: grouping)
    }

    /// Referrals and answers made up for a demonstration (`scripts/demo`): for the first `postings` open postings by id,
    /// `perPosting` candidates drawn from the first 30 of the shortlist, referred on a day of the 20 before `asOf`
    /// and answered (or not) in the days after, every move allowed by ``ReferralRules``. Those ranked higher are hired
    /// a little more often, so the figures are not flat; they are **generated** (source `generated`, by
    /// `demo (generated)`, ids `R-genSEED-POSTING-RANK`: run again with the same seed, they are replaced, not added),
    /// and `outcomes` and `evaluate --outcomes` say how many of theirs are.
    ///
    /// - Complexity: one shortlist per posting; one store transaction.
    public func simulateReferrals(postings count: Int, perPosting: Int, seed: UInt64, asOf: CalendarDate) async throws -> JobBoard.SimulatedReferrals {
        try await Referrals(core: core).simulateReferrals(postings: count, perPosting: perPosting, seed: seed, asOf: asOf)
    }

    // MARK: LabourReports

    /// The Authority's labour report for `from`…`to` (both days included), of one zone or all (``LabourReport``).
    ///
    /// | part | from |
    /// |---|---|
    /// | demand | every posting open at some time in the period (posted by its end or undated, not closed before its start), read from the postings' index; the same employer, occupation and zone posted within 30 days counts once, the larger openings kept |
    /// | supply | every profile, counted from the profiles' index columns (category, education, occupation, home) in one pass |
    /// | tension | per occupation and zone, the openings against the candidates of the occupation eligible (``JobMatcher/Eligibility``: education, age) for one of its postings, in the same pass |
    /// | fills | the referrals made in the period (``ReferralLedger``), hires against openings |
    /// | training gaps | the job fair's gaps for each occupation's largest posting open at the period's end, among each one's first 100 candidates (``JobMatcher/trainingGaps(postings:asOf:profiles:candidatesPerPosting:)``) |
    ///
    /// No personal data: counts only.
    public func labourReport(from: CalendarDate, to: CalendarDate, zone: String? = nil) throws -> LabourReport {
        try LabourReports(core: core).labourReport(from: from, to: to, zone: zone)
    }

}
