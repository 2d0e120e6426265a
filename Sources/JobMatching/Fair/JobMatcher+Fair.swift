import SearchIndex
import JobRecords
import VietnameseText

extension JobMatcher {
    /// Plans a job fair: for each candidate at most ``FairRequest/perCandidate`` booths,
    /// for each booth about ``FairRequest/oversubscribe`` × its openings candidates, with
    /// the greatest total match score (``BoothAllocator``).
    ///
    /// A pair is made only where the candidate is eligible (the shortlist's filters, no
    /// required licence missing) and has a trade the posting names (`Đúng nghề`), or, for a
    /// candidate with no trade at that booth, a related trade (`nghề gần`) or general work the
    /// booth offers (`Việc phổ thông, không cần nghề`): no candidate is sent to a booth only to
    /// fill it. First every candidate who fits a booth gets one at most: as many of a booth's
    /// trade placed as the places allow, then, without placing one of them fewer, as many others
    /// as possible, then the greatest score; their reasons say `Không có gian đúng nghề`, or
    /// `Gian đúng nghề đã đủ chỗ` for a candidate whose trade has booths but all full. Then the
    /// places left at booths of their trade go to second and third visits: a second visit never
    /// takes the place someone placed nowhere could have had. The score is the shortlist's, so the
    /// candidate's wishes (desired titles, district, housing, salary) stay in it. Candidates
    /// who share a posting's trade but lack a licence or skill it asks count in the fair's
    /// training gaps (``FairPlan/Gap``), eligible or not.
    ///
    /// - Throws: ``MatchError`` `.postingClosed` for a posting closed on `asOf`, `.invalidFair`
    ///   for a fair without postings or with wrong rules.
    /// - Complexity: two searches of the profiles per posting (its words, its related occupations), the signals of
    ///   general work for each booth of it × the eligible candidates of the pool, then the allocator's
    ///   O(F · (P + V log V)) over the trade's pairs, again over all pairs unless the trade filled every place, and
    ///   once more for the second visits.
    public func planFair(_ request: FairRequest, profiles index: SearchIndex) throws -> FairPlan {
        guard !request.postings.isEmpty else { throw MatchError(.invalidFair, "a fair needs at least one posting") }
        guard request.perCandidate >= 1 else { throw MatchError(.invalidFair, "per-candidate must be at least 1, not \(request.perCandidate)") }
        guard request.oversubscribe > 0, request.oversubscribe <= 100 else {
            throw MatchError(.invalidFair, "oversubscribe must be over 0 and at most 100, not \(request.oversubscribe)")
        }
        guard request.minimum >= 0 else { throw MatchError(.invalidFair, "minimum must be at least 0, not \(request.minimum)") }
        var postings: [JobPosting] = []
        for posting in request.postings where !postings.contains(where: { $0.id == posting.id }) {
            if let deadline = posting.deadline, deadline < request.asOf {
                throw MatchError(.postingClosed, "posting \(posting.id) closed on \(deadline) (as of \(request.asOf))")
            }
            postings.append(posting)
        }

        // Every eligible candidate sharing the trade, for every posting.
        let clock = ContinuousClock()
        let scoringStart = clock.now
        var known: [String: (profile: CandidateProfile, trades: CandidateTrades)] = [:]
        var fairPairs = FairPairs()
        var eligiblePerBooth = [Int](repeating: 0, count: postings.count)
        var tradesOfBooth: [PostingTrades] = []  // each booth's, worked out once for every pass
        var gapsByCourse: [String: (course: TrainingCatalogue.Course, lacking: Set<String>, candidates: Set<String>, postings: Set<Int>)] = [:]
        let everyone = max(1, index.documentCount)
        for (booth, posting) in postings.enumerated() {
            let filters = Self.profileFilters(for: posting, asOf: request.asOf)
            let text = [posting.title, (posting.skills ?? []).joined(separator: " ; ")].joined(separator: " ; ")
            let result = try index.search(SearchQuery(reference.synonyms.expand(text), mode: .any, filters: filters,
                                                      limit: everyone, loadsStoredFields: true))
            let postingTrades = PostingTrades(posting, synonyms: reference.synonyms, occupations: reference.occupations)
            tradesOfBooth.append(postingTrades)
            for hit in result.hits {
                let entry = try candidate(hit, known: &known)
                // Most hits share a word, not a trade: they are passed over before the whole evaluation.
                guard !entry.trades.shared(with: postingTrades).trades.isEmpty else { continue }
                let signals = MatchSignals.evaluate(posting: posting, postingTrades: postingTrades, profile: entry.profile, trades: entry.trades,
                                                    textScore: hit.score, asOf: request.asOf, reference: reference)
                guard signals.sharesTrade else { continue }
                for suggestion in signals.training {
                    gapsByCourse[suggestion.course.name, default: (suggestion.course, [], [], [])].lacking.insert(suggestion.lacking)
                    gapsByCourse[suggestion.course.name]!.candidates.insert(hit.id)
                    gapsByCourse[suggestion.course.name]!.postings.insert(booth)
                }
                let score = Self.round(signals.points)
                guard !signals.excluded, score >= request.minimumScore else { continue }
                eligiblePerBooth[booth] += 1
                fairPairs.add(hit.id, booth: booth, RankedCandidate(profile: entry.profile, score: score, reasons: signals.reasons,
                                                                    training: signals.training), ofTheTrade: true)
            }
        }
        let ofSomeBooth = fairPairs.candidates  // of some booth's trade: where they go elsewhere, theirs are full, not missing
        let tradePairs = fairPairs.pairs.count  // the trade's pairs and candidates are numbered first
        // Eligible candidates with no trade at a booth: of a related trade, or for general work.
        try relatedPairs(request, postings: postings, trades: tradesOfBooth, ofSomeBooth: ofSomeBooth, index: index,
                         known: &known, into: &fairPairs)
        try generalPairs(request, postings: postings, trades: tradesOfBooth, ofSomeBooth: ofSomeBooth, index: index,
                         known: &known, into: &fairPairs)
        let scored = clock.now

        // One booth each first: as many candidates of a booth's trade placed as the places allow; then, without
        // placing one of them fewer, as many others at a booth of a related trade or general work; then the best fit.
        let capacities = postings.map(request.capacity(of:))
        let pairs = fairPairs.pairs
        // Where those of the trade alone fill every place (a large pool), no other pair can be chosen: the allocation
        // over the trade's pairs is the whole one, and the others' candidates need not be nodes of the flow.
        var firstVisits = BoothAllocator(perCandidate: 1).allocate(candidates: ofSomeBooth.count, capacities: capacities,
                                                                   pairs: Array(pairs[..<tradePairs]))
        let places = capacities.reduce(0, +)
        if firstVisits.filled < places, tradePairs < pairs.count {
            firstVisits = BoothAllocator(perCandidate: 1).allocate(candidates: fairPairs.count, capacities: capacities, pairs: pairs)
        }
        var chosenPerBooth = [[RankedCandidate]](repeating: [], count: postings.count)
        for index in firstVisits.chosen { chosenPerBooth[pairs[index].booth].append(fairPairs.ranked[index]) }
        let placedNumbers = Set(firstVisits.chosen.map { pairs[$0].candidate })
        let placed = Set(placedNumbers.map(fairPairs.id(of:)))
        // Then the places left at booths of their trade go to those placed, as second and third visits up to
        // `perCandidate` booths each: a second visit never takes the place that someone placed nowhere could have had.
        var filled = firstVisits.filled
        if request.perCandidate > 1 {
            let left = capacities.indices.map { capacities[$0] - chosenPerBooth[$0].count }
            let chosenFirst = Set(firstVisits.chosen)
            let further = pairs.indices.filter {
                pairs[$0].preferred && left[pairs[$0].booth] > 0 && !chosenFirst.contains($0) && placedNumbers.contains(pairs[$0].candidate)
            }
            let allocation = BoothAllocator(perCandidate: request.perCandidate - 1)
                .allocate(candidates: fairPairs.count, capacities: left, pairs: further.map { var pair = pairs[$0]; pair.preferred = false; return pair })
            for chosen in allocation.chosen { chosenPerBooth[pairs[further[chosen]].booth].append(fairPairs.ranked[further[chosen]]) }
            filled += allocation.filled
        }
        let solved = clock.now

        /// Those of the trade first, then those of a related trade or general work; each best first.
        func byScore(_ a: RankedCandidate, _ b: RankedCandidate) -> Bool {
            let aRelated = Self.notOfTheTrade.contains(a.reasons.first ?? ""), bRelated = Self.notOfTheTrade.contains(b.reasons.first ?? "")
            if aRelated != bRelated { return bRelated }
            return a.score != b.score ? a.score > b.score : a.profile.id < b.profile.id
        }
        var allPerBooth = [[Double]](repeating: [], count: postings.count)  // the trade's, as an independent shortlist has them
        for pair in pairs where pair.preferred { allPerBooth[pair.booth].append(pair.score) }

        // The morning: each candidate's booths, best first, in half-hour slots, each booth's
        // visitors spread evenly over the slots.
        let slots = ["08:00", "08:30", "09:00", "09:30", "10:00", "10:30", "11:00"]
        var load = [[Int]](repeating: [Int](repeating: 0, count: slots.count), count: postings.count)
        let perSlot = chosenPerBooth.map { max(1, ($0.count + slots.count - 1) / slots.count) }
        var visitsByCandidate: [String: [(booth: Int, score: Double)]] = [:]
        for (booth, chosen) in chosenPerBooth.enumerated() {
            for candidate in chosen { visitsByCandidate[candidate.profile.id, default: []].append((booth, candidate.score)) }
        }
        var times = [[String: String]](repeating: [:], count: postings.count)
        for id in visitsByCandidate.keys.sorted() {
            var taken = Set<Int>()
            for visit in visitsByCandidate[id]!.sorted(by: { $0.score != $1.score ? $0.score > $1.score : $0.booth < $1.booth }) {
                let free = slots.indices.filter { !taken.contains($0) }
                let slot = free.first { load[visit.booth][$0] < perSlot[visit.booth] }
                    ?? free.min { load[visit.booth][$0] < load[visit.booth][$1] } ?? 0
                taken.insert(slot)
                load[visit.booth][slot] += 1
                times[visit.booth][id] = slots[slot]
            }
        }

        var booths: [FairPlan.Booth] = []
        var independentSum = 0.0, allocatedSum = 0.0, allocatedCount = 0
        var openingsCovered = 0, boothsFull = 0
        for (booth, posting) in postings.enumerated() {
            let chosen = chosenPerBooth[booth].sorted(by: byScore)
            let best = allPerBooth[booth].sorted(by: >).prefix(chosen.count)
            let independent = best.isEmpty ? nil : best.reduce(0, +) / Double(best.count)
            independentSum += best.reduce(0, +)
            allocatedSum += chosen.reduce(0) { $0 + $1.score }
            allocatedCount += chosen.count
            openingsCovered += min(posting.openings ?? 1, chosen.count)
            if chosen.count >= capacities[booth] { boothsFull += 1 }
            booths.append(FairPlan.Booth(number: booth + 1, posting: posting, capacity: capacities[booth], eligible: eligiblePerBooth[booth],
                                         candidates: chosen, times: times[booth], independentMean: independent.map(Self.round)))
        }
        let unplaced = fairPairs.candidates.subtracting(placed).sorted()
        let gaps = gapsByCourse.values.map { gap in
            FairPlan.Gap(course: gap.course, lacking: Self.spellings(gap.lacking), candidates: gap.candidates.sorted(),
                         employers: VietnameseCollation.sorted(Set(gap.postings.map { postings[$0].employer })),
                         postings: gap.postings.sorted().map { postings[$0].id })
        }.sorted { $0.candidates.count != $1.candidates.count ? $0.candidates.count > $1.candidates.count : $0.course.name < $1.course.name }

        func milliseconds(_ duration: Duration) -> Double {
            let (seconds, attoseconds) = duration.components
            return Self.round(Double(seconds) * 1000 + Double(attoseconds) / 1e15)
        }
        let summary = FairPlan.Summary(
            booths: postings.count, openings: postings.reduce(0) { $0 + ($1.openings ?? 1) }, places: places,
            filled: filled, openingsCovered: openingsCovered, boothsFull: boothsFull,
            candidates: index.documentCount, eligibleCandidates: fairPairs.count, placedCandidates: placed.count, pairs: pairs.count,
            meanScore: allocatedCount == 0 ? 0 : Self.round(allocatedSum / Double(allocatedCount)),
            independentMean: allocatedCount == 0 ? 0 : Self.round(independentSum / Double(allocatedCount)),
            scoringMilliseconds: milliseconds(scored - scoringStart), solvingMilliseconds: milliseconds(solved - scored))
        return FairPlan(asOf: request.asOf, perCandidate: request.perCandidate, oversubscribe: request.oversubscribe, booths: booths,
                        unplaced: unplaced, gaps: gaps, summary: summary)
    }

    /// The pairs of a related trade: for each booth, the eligible candidates whose occupation is related to the
    /// booth's (``OccupationTaxonomy`` closeness ≥ 0.5, "nghề gần" in the reasons) and who share no trade with it.
    /// Their reasons begin `Không có gian đúng nghề`, or `Gian đúng nghề đã đủ chỗ` for those of some booth's trade
    /// (`ofSomeBooth`): they are chosen only where the booths of their trade cannot take them.
    ///
    /// - Complexity: one search of the profiles per booth whose occupations are known.
    func relatedPairs(_ request: FairRequest, postings: [JobPosting], trades: [PostingTrades], ofSomeBooth: Set<String>, index: SearchIndex,
                      known: inout [String: (profile: CandidateProfile, trades: CandidateTrades)], into fairPairs: inout FairPairs) throws {
        let everyone = max(1, index.documentCount)
        for (booth, posting) in postings.enumerated() {
            let postingTrades = trades[booth]
            let tokens = reference.occupations.tokens(of: postingTrades.occupations)
            guard !tokens.isEmpty else { continue }
            let filters = Self.profileFilters(for: posting, asOf: request.asOf)
            let result = try index.search(SearchQuery(tokens.joined(separator: " "), mode: .any, filters: filters, limit: everyone, loadsStoredFields: true))
            for hit in result.hits where !fairPairs.contains(hit.id, booth: booth) {
                let entry = try candidate(hit, known: &known)
                let signals = MatchSignals.evaluate(posting: posting, postingTrades: postingTrades, profile: entry.profile, trades: entry.trades,
                                                    textScore: hit.score, asOf: request.asOf, reference: reference)
                let score = Self.round(signals.points)
                guard !signals.excluded, !signals.sharesTrade, signals.reasons.contains(where: { $0.hasPrefix("nghề gần") }),
                      score >= request.minimumScore else { continue }
                fairPairs.add(hit.id, booth: booth, RankedCandidate(
                    profile: entry.profile, score: score,
                    reasons: [Self.notOfTheTrade(hit.id, ofSomeBooth)] + signals.reasons.filter { !$0.hasPrefix("Gần với hồ sơ") },
                    training: signals.training), ofTheTrade: false)
            }
        }
    }

    /// The pairs of general work: for each booth of general work (``OccupationTaxonomy/isGeneralWork(_:)``: loading,
    /// packing, production lines), the eligible candidates of the whole pool (general work needs no word in common)
    /// for whom the work is not far below their schooling, who share no trade with it and have no pair of a related
    /// trade there. Their reasons say `Không có gian đúng nghề` (or `Gian đúng nghề đã đủ chỗ`) and
    /// `Việc phổ thông, không cần nghề`.
    ///
    /// - Complexity: the stored fields of the candidates no search found (once, when there is a booth of general
    ///   work), then O(*g* · *n*) eligibility checks and at most as many signals for *g* booths of general work and
    ///   *n* candidates.
    func generalPairs(_ request: FairRequest, postings: [JobPosting], trades: [PostingTrades], ofSomeBooth: Set<String>, index: SearchIndex,
                      known: inout [String: (profile: CandidateProfile, trades: CandidateTrades)], into fairPairs: inout FairPairs) throws {
        let general = postings.indices.filter { booth in trades[booth].occupations.contains { reference.occupations.isGeneralWork($0.code) } }
        guard !general.isEmpty else { return }
        try index.snapshot.forEachStoredFields { id, stored in try candidate(id, stored: stored, known: &known) }
        let read = known.keys.sorted()
        for booth in general {
            let posting = postings[booth]
            let rules = Eligibility(posting: posting, asOf: request.asOf)
            for id in read where !fairPairs.contains(id, booth: booth) {
                let entry = known[id]!
                guard rules.admits(education: entry.profile.educationLevel, birthYear: entry.profile.birthYear) else { continue }
                let signals = MatchSignals.evaluate(posting: posting, postingTrades: trades[booth], profile: entry.profile, trades: entry.trades,
                                                    textScore: 0, asOf: request.asOf, reference: reference)
                let score = Self.round(signals.points)
                guard !signals.excluded, !signals.sharesTrade, signals.generalWork, score >= request.minimumScore else { continue }
                fairPairs.add(id, booth: booth, RankedCandidate(profile: entry.profile, score: score,
                                                                reasons: [Self.notOfTheTrade(id, ofSomeBooth)] + signals.reasons,
                                                                training: signals.training), ofTheTrade: false)
            }
        }
    }

    /// A hit's profile and trades, read once a fair (`known`).
    func candidate(_ hit: SearchHit, known: inout [String: (profile: CandidateProfile, trades: CandidateTrades)]) throws
        -> (profile: CandidateProfile, trades: CandidateTrades) {
        try candidate(hit.id, stored: hit.stored ?? [], known: &known)
    }

    /// The same for a profile's stored fields read from the index.
    @discardableResult
    func candidate(_ id: String, stored: [UInt8], known: inout [String: (profile: CandidateProfile, trades: CandidateTrades)]) throws
        -> (profile: CandidateProfile, trades: CandidateTrades) {
        if let cached = known[id] { return cached }
        let profile = try Self.profile(id: id, stored: stored)
        let entry = (profile: profile, trades: CandidateTrades(profile, synonyms: reference.synonyms, occupations: reference.occupations))
        known[id] = entry
        return entry
    }

    /// The first reason of a candidate sent to a booth of a related trade or of general work: no booth of their trade at
    /// the fair, or their trade's booths all full.
    static let noBoothOfTheTrade = "Không có gian đúng nghề", tradeBoothsFull = "Gian đúng nghề đã đủ chỗ"
    static let notOfTheTrade: Set<String> = [noBoothOfTheTrade, tradeBoothsFull]

    /// Which of the two a candidate's reasons begin with.
    static func notOfTheTrade(_ id: String, _ ofSomeBooth: Set<String>) -> String {
        ofSomeBooth.contains(id) ? tradeBoothsFull : noBoothOfTheTrade
    }

    /// One spelling of each phrase (`bảo trì điện`, not also `bao tri dien`): of those that
    /// fold alike, the one with the most accents, then the first in order.
    static func spellings(_ phrases: Set<String>) -> [String] {
        let analyzer = VietnameseAnalyzer()
        var best: [String: String] = [:]
        func marks(_ text: String) -> Int { text.unicodeScalars.filter { !$0.isASCII }.count }
        for phrase in phrases.sorted() {
            let folded = analyzer.foldedText(phrase)
            if let kept = best[folded], marks(kept) >= marks(phrase) { continue }
            best[folded] = phrase
        }
        return VietnameseCollation.sorted(best.values)
    }
}
