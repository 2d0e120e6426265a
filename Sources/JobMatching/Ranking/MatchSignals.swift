import VietnameseText
import JobRecords

/// The soft signals between one posting and one candidate: each adds or takes
/// points and says why, in Vietnamese a counsellor can read aloud.
///
/// | signal | points |
/// |---|---|
/// | text relevance (BM25F score `s` of the index) | `10 · s / (s + 8)` |
/// | a trade of the candidate (skill, desired title, major) named by the posting, directly or through the synonym table; each synonym group once; never across two skills or fields | +2.5 each, at most +5; +1 more when the posting's title is the trade |
/// | the same, but only skills, while both sides' occupations are known and unrelated; or only desired titles or a major the posting names by a synonym group inside them (`điện tử` of `kỹ sư điện tử`, of `cơ điện tử`): "cùng kỹ năng" / "cùng lĩnh vực", never "Đúng nghề" | +1 each, at most +2 |
/// | occupation (``OccupationTaxonomy``): the posting's and one of the candidate's the same / related with closeness c ≥ 0.5; half when the candidate's occupation comes only from a skill or major while a desired title names another | +1.5 / +0.75·c |
/// | general work (``OccupationTaxonomy/isGeneralWork(_:)``), not far below the candidate's schooling, and no trade in common: "Việc phổ thông, không cần nghề", the tier after related occupations | — |
/// | a generic skill both name (``GenericSkills``: safety, languages, office software…): "cùng kỹ năng chung", never "Đúng nghề" | +0.5 |
/// | a licence the posting names (``Licence``): held, or a class that covers it / one of its kind but too low / none said ("cần hỏi") | +3 / −4 / −1 |
/// | the posting invites the candidate's category | +2 |
/// | level (``JobLevel``, from the title and the candidate's education), unless the candidate wants jobs of that level: two levels above the job / a professional job above the candidate's schooling | −3 / −1.5 |
/// | salary: offered ≥ desired / below 85% of desired | +1.5 / −1.5 |
/// | housing: needed and offered / needed and not offered | +2 / −1.5 |
/// | distance home–workplace: ≤ 10 km / ≤ 25 km / > 60 km (unless housing is offered) | +2 / +1 / −1 |
///
/// Hard eligibility (education, age, deadline) is not a signal: the index filters
/// enforce it before ranking. A licence is a hard condition only where the posting marks
/// it required (`bắt buộc có bằng lái C`): then a candidate without it is ``excluded``.
/// Gender is no criterion (Labour Code).
struct MatchSignals {
    var points: Double = 0
    var reasons: [String] = []
    /// The posting requires a licence the candidate does not hold.
    var excluded = false
    /// The candidate has a trade the posting names ("Đúng nghề").
    var sharesTrade = false
    /// What to learn, when the candidate shares the trade but lacks a licence or skill asked.
    var training: [TrainingSuggestion] = []
    /// How close the posting's occupation is to the candidate's (``OccupationTaxonomy/closeness(_:_:)``): 1 the
    /// same, 0.5 and over related, 0 neither or unknown.
    var occupationCloseness = 0.0

    /// The posting is general work (``OccupationTaxonomy/isGeneralWork(_:)``) and not far below the candidate's schooling.
    var generalWork = false

    /// The order of a match before the score (issue 29's fallback): 0 the trade (a trade named, or the same
    /// occupation), 1 a related occupation, 2 general work the candidate can take, 3 words in common only.
    var tier: Int { sharesTrade || occupationCloseness >= 1 ? 0 : occupationCloseness >= 0.5 ? 1 : generalWork ? 2 : 3 }

    static func evaluate(posting: JobPosting, postingTrades: PostingTrades, profile: CandidateProfile, trades candidateTrades: CandidateTrades,
                         textScore: Double, asOf: CalendarDate, reference: ReferenceData) -> MatchSignals {
        var signals = MatchSignals()
        signals.points += 10 * textScore / (textScore + 8)

        let shared = candidateTrades.shared(with: postingTrades)
        var licenceReasons: [String] = []
        var licenceHeld = false
        for (required, mandatory) in postingTrades.licences {
            if let held = candidateTrades.licences.first(where: { $0.satisfies(required) }) {
                signals.points += 3
                licenceHeld = true
                licenceReasons.append(held == required ? "có \(held)" : "có \(held) (yêu cầu \(required.level.isEmpty ? required.description : required.level))")
            } else if let lower = candidateTrades.licences.first(where: { $0.kind == required.kind }) {
                signals.points -= 4
                signals.excluded = signals.excluded || mandatory
                licenceReasons.append("\(lower), chưa đủ: yêu cầu \(required)")
            } else {
                // Not said is not lacking (profiles often leave licences out), but not shown either: asked,
                // and a posting whose every licence the candidate shows comes before it.
                signals.points -= 1
                signals.excluded = signals.excluded || mandatory
                licenceReasons.append("hồ sơ chưa ghi \(required), cần hỏi")
            }
        }
        // A trade that is only a licence (`bằng lái C`) is said once, by the licence's reason.
        let analyzer = VietnameseAnalyzer()
        let shown = licenceHeld ? shared.trades.filter { Licence.named(inFolded: analyzer.foldedText($0)).isEmpty } : shared.trades
        // A skill in common is not the trade where the occupations say otherwise (issue 29): a mechanical engineer
        // who reads drawings is no quality inspector because the inspector's posting asks for `đọc bản vẽ`. When both
        // sides' occupations are known (the candidate's from desired titles, major, and skills that name one) and
        // no two are related (``OccupationTaxonomy/unrelated(_:_:)``), skills shared without a desired title, the
        // major or a licence are "cùng kỹ năng", and the candidate is not of the trade. Nor is a candidate whose only
        // trades in common are desired titles or a major the posting names by a group found inside them, whatever the
        // occupations: an electronics engineer (`kỹ sư điện tử`) at an assembly line (`lắp ráp linh kiện điện tử`), or
        // a mechatronics major (`cơ điện tử`), has the field in common, "cùng lĩnh vực: điện tử", not the trade (a
        // related occupation still says so, and ranks so), unless an occupation of theirs is the posting's own
        // (`công nhân điện tử` is a name of the assembler).
        let onlyFields = !shared.trades.isEmpty && !shared.namesOwnTrade && shared.trades.allSatisfy { shared.fields[$0] != nil }
            && !postingTrades.occupations.contains { wanted in
                candidateTrades.occupations.contains { reference.occupations.closeness(wanted.code, $0.code) >= 1 }
            }
        let occupationsDisagree = onlyFields || !shared.trades.isEmpty && !shared.namesOwnTrade
            && !postingTrades.occupations.isEmpty && !candidateTrades.occupations.isEmpty
            && postingTrades.occupations.allSatisfy { wanted in
                candidateTrades.occupations.allSatisfy { reference.occupations.unrelated(wanted.code, $0.code) }
            }
            && !shared.trades.contains { !Licence.named(inFolded: analyzer.foldedText($0)).isEmpty }
        // General work (issue 29's fallback): no trade asked, and not far below the candidate's schooling (a worker's
        // job where the title says no level).
        let candidateLevel = JobLevel(education: profile.educationLevel)
        let wantedLevels = (profile.desiredTitles ?? []).compactMap { JobLevel(title: $0) }
        // Two levels or more below the candidate's schooling (an engineer for an operator's job), unless a desired title
        // asks for jobs of that level.
        func farBelow(_ job: JobLevel) -> Bool { !wantedLevels.contains(job) && candidateLevel.rawValue - job.rawValue >= 2 }
        signals.generalWork = postingTrades.occupations.contains { reference.occupations.isGeneralWork($0.code) }
            && !farBelow(postingTrades.level ?? .worker)
        if occupationsDisagree {
            if signals.generalWork { signals.reasons.append("Việc phổ thông, không cần nghề") }
            if !shown.isEmpty {
                signals.points += min(2, Double(shown.count))
                // A desired title the posting names only by a field inside it is said as that field.
                let skills = shown.filter { shared.fields[$0] == nil }
                var fields: [String] = []
                for trade in shown { if let field = shared.fields[trade], !fields.contains(field) { fields.append(field) } }
                if !skills.isEmpty { signals.reasons.append("cùng kỹ năng: " + skills.joined(separator: ", ")) }
                if !fields.isEmpty { signals.reasons.append("cùng lĩnh vực: " + fields.joined(separator: ", ")) }
            }
        } else if !shared.trades.isEmpty {
            signals.sharesTrade = true
            signals.training = TrainingSuggestion.gaps(posting: postingTrades, candidate: candidateTrades, reference: reference)
            signals.points += min(5, 2.5 * Double(shared.trades.count)) + (shared.inTitle ? 1 : 0)
            if shown.isEmpty {
                signals.reasons.append("Đúng nghề: " + licenceReasons.removeFirst())
            } else {
                // A desired title the posting names only by a field inside it is not said beside a trade it names, unless
                // the occupation read from that title is the posting's own (`Warehouse Keeper` at `Nhân viên kho`).
                func isThePostingsOccupation(_ title: String) -> Bool {
                    candidateTrades.occupations.contains { held in
                        held.evidence.hasSuffix(": " + title)
                            && postingTrades.occupations.contains { reference.occupations.closeness($0.code, held.code) >= 1 }
                    }
                }
                let named = shown.filter { shared.fields[$0] == nil || isThePostingsOccupation($0) }
                signals.reasons.append("Đúng nghề: " + (named.isEmpty ? shown : named).joined(separator: ", "))
            }
        } else if signals.generalWork {
            signals.reasons.append("Việc phổ thông, không cần nghề")
        } else if textScore > 0 {
            signals.reasons.append("Gần với hồ sơ (từ khóa trùng)")
        } else {
            signals.reasons.append("Không có từ khóa trùng")
        }
        signals.reasons += licenceReasons
        // The occupations (``OccupationTaxonomy``): the same one, or a related one. The job the candidate
        // asks for (a desired title) counts in full; one read only from a skill or major (`điện công
        // nghiệp` on a maintenance technician's profile) counts half: it is what they can do, not what they want.
        let asksFor = Set(candidateTrades.occupations.filter { $0.evidence.hasPrefix("desired_titles") }.map(\.code))
        var best: (posting: OccupationTaxonomy.Occupation, candidate: OccupationTaxonomy.Occupation, closeness: Double, weight: Double)?
        for wanted in postingTrades.occupations {
            for held in candidateTrades.occupations {
                let closeness = reference.occupations.closeness(wanted.code, held.code)
                let weight = closeness * (asksFor.isEmpty || asksFor.contains(held.code) ? 1 : 0.5)
                // The heaviest; of two as heavy, the first: the candidate's occupations come desired titles first, so a
                // related occupation they ask for is said before the same occupation read only from a skill.
                guard weight > (best?.weight ?? 0), let job = reference.occupations.occupations[wanted.code],
                      let own = reference.occupations.occupations[held.code] else { continue }
                best = (job, own, closeness, weight)
            }
        }
        if let best {
            signals.occupationCloseness = best.closeness
            let share = best.weight / best.closeness
            if best.closeness >= 1 {
                signals.points += 1.5 * share
                signals.reasons.append("cùng nghề \(best.posting.vietnamese) (ISCO \(best.posting.isco))" + (share < 1 ? ", theo kỹ năng" : ""))
            } else if best.closeness >= 0.5 {
                signals.points += 1.5 * best.weight * 0.5
                signals.reasons.append("nghề gần: \(best.candidate.vietnamese) → \(best.posting.vietnamese)")
            }
        }
        // Level fit: far above the job (an engineer for an operator's job) or above the candidate's
        // schooling, unless the candidate asks for jobs of that level.
        if let jobLevel = postingTrades.level {
            if !wantedLevels.contains(jobLevel) {
                if farBelow(jobLevel) {
                    signals.points -= 3
                    signals.reasons.append("việc dưới trình độ (\(profile.educationLevel.vietnameseName), việc \(jobLevel.vietnameseName))")
                } else if jobLevel.rawValue - candidateLevel.rawValue >= 1 && jobLevel >= .professional {
                    signals.points -= 1.5
                    signals.reasons.append("việc trên trình độ (\(profile.educationLevel.vietnameseName), việc \(jobLevel.vietnameseName))")
                }
            }
        }
        if !shared.generic.isEmpty {
            signals.points += 0.5
            signals.reasons.append("cùng kỹ năng chung: " + shared.generic.joined(separator: ", "))
        }

        if let minimum = posting.educationMin, minimum > .none {
            signals.reasons.append("đủ trình độ (\(profile.educationLevel.vietnameseName) ≥ \(minimum.vietnameseName))")
        }
        if posting.ageMin != nil || posting.ageMax != nil {
            let range = "\(posting.ageMin.map(String.init) ?? "…")–\(posting.ageMax.map(String.init) ?? "…")"
            if let age = profile.age(on: asOf) {
                signals.reasons.append("tuổi \(age) (yêu cầu \(range))")
            } else {
                signals.reasons.append("chưa rõ tuổi, cần hỏi (yêu cầu \(range))")
            }
        }
        if let audiences = posting.audiences, audiences.contains(profile.category) {
            signals.points += 2
            signals.reasons.append("doanh nghiệp ưu tiên \(profile.category.vietnameseName)")
        }
        if let desired = profile.desiredSalary, let offered = posting.salaryMax ?? posting.salaryMin {
            if offered >= desired {
                signals.points += 1.5
                signals.reasons.append("lương tới \(millions(offered)) đạt mong muốn \(millions(desired))")
            } else if Double(offered) < 0.85 * Double(desired) {
                signals.points -= 1.5
                signals.reasons.append("lương tới \(millions(offered)), thấp hơn mong muốn \(millions(desired))")
            }
        }
        let housingOffered = posting.housing == true
        if profile.needsHousing == true {
            if housingOffered {
                signals.points += 2
                signals.reasons.append("có ký túc xá")
            } else {
                signals.points -= 1.5
                signals.reasons.append("không có ký túc xá")
            }
        }
        if let home = reference.places.home(district: profile.district, address: profile.address),
           let workplace = reference.places.workplace(zone: posting.zone, district: posting.district, address: posting.address) {
            let kilometres = home.point.kilometres(to: workplace.point)
            let rounded = Int(kilometres.rounded())
            if kilometres <= 10 {
                signals.points += 2
            } else if kilometres <= 25 {
                signals.points += 1
            } else if kilometres > 60 && !(housingOffered && profile.needsHousing == true) {
                signals.points -= 1
            }
            signals.reasons.append("cách nhà \(rounded) km")
        }
        if let deadline = posting.deadline {
            signals.reasons.append("hạn nộp \(deadline.vietnamese)")
        }
        return signals
    }

    static func millions(_ vnd: Int) -> String {
        let value = Double(vnd) / 1_000_000
        let text = value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value).replacingOccurrences(of: ".", with: ",")
        return text + " triệu"
    }
}

