import JobRecords

/// What a candidate who almost fits a posting (shares its trade) should learn: a licence,
/// certificate or skill the posting asks for that the candidate does not show, and the
/// course for it (``TrainingCatalogue``).
public struct TrainingSuggestion: Sendable, Hashable {
    /// What the posting asks and the candidate lacks: `chứng chỉ xe nâng`, `lái xe nâng`.
    public var lacking: String
    public var course: TrainingCatalogue.Course
    /// The profile does not say (the candidate may hold it: ask first).
    public var unsure: Bool

    public init(lacking: String, course: TrainingCatalogue.Course, unsure: Bool) {
        self.lacking = lacking
        self.course = course
        self.unsure = unsure
    }

    /// `học thêm: chứng chỉ vận hành xe nâng (sơ cấp, khoảng 1 tháng); NQ 03/2024/NQ-HĐND: …`.
    public var sentence: String {
        "học thêm\(unsure ? " (nếu chưa có)" : ""): \(course.name) (\(course.length)); \(course.support)"
    }
}

extension TrainingSuggestion {
    /// The gaps between a posting and a candidate who shares its trade: the licences it
    /// names that the candidate does not hold (too low, or not said: ``unsure``), then the
    /// skills it lists that have a course and that the candidate does not name. One
    /// suggestion a course, at most three.
    ///
    /// - Complexity: O(*s* · *p*) for the posting's *s* skills and the candidate's *p* phrases.
    static func gaps(posting: PostingTrades, candidate: CandidateTrades, reference: ReferenceData) -> [TrainingSuggestion] {
        let catalogue = reference.training
        guard !catalogue.isEmpty else { return [] }
        var found: [TrainingSuggestion] = []
        func add(_ suggestion: TrainingSuggestion) {
            if found.count < 3, !found.contains(where: { $0.course.name == suggestion.course.name }) { found.append(suggestion) }
        }
        for (required, _) in posting.licences where !candidate.licences.contains(where: { $0.satisfies(required) }) {
            guard let course = catalogue.course(for: required) else { continue }
            let lower = candidate.licences.first { $0.kind == required.kind }
            add(TrainingSuggestion(lacking: required.description, course: course, unsure: lower == nil))
        }
        for skill in posting.skills where Licence.named(inFolded: skill.folded).isEmpty {
            guard let course = catalogue.course(forFoldedSkill: skill.folded),
                  !candidate.covers(folded: skill.folded, synonyms: reference.synonyms) else { continue }
            add(TrainingSuggestion(lacking: skill.text, course: course, unsure: true))  // profiles leave skills out: ask
        }
        return found
    }
}
