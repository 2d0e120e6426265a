/// A licence or certificate that a job asks for and a candidate holds: typed, so that
/// classes are compared by what they allow, not matched as loose words.
///
/// | kind | classes | a holder of … also satisfies |
/// |---|---|---|
/// | driving licence (GPLX) | B1, B2, C, D, E, FB2, FC, FD, FE (2008 law); B, C1, C, D1, D2, D, BE, C1E, CE, D1E, D2E, DE (2024 law) | the classes it covers: C covers B2 and B1, D covers C, FC covers C; B2 does not cover C |
/// | forklift certificate | — | itself |
/// | crane certificate | — | itself |
/// | welding qualification | 1G … 6G | the positions it qualifies: 6G all, 5G 1G/3G/4G, 3G 1G, 4G 1G, 2G 1G |
/// | electrical safety grade (bậc an toàn điện) | 1 … 5 | every lower grade |
public struct Licence: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case driving, forklift, crane, welding, electricalSafety
    }

    public let kind: Kind
    /// The class, position or grade, upper case (`C`, `FC`, `6G`, `3`); empty for the kinds without one.
    public let level: String

    public init(_ kind: Kind, _ level: String = "") {
        self.kind = kind
        self.level = level.uppercased()
    }

    /// Whether holding `self` satisfies a requirement for `required`.
    ///
    /// - Complexity: O(1).
    public func satisfies(_ required: Licence) -> Bool {
        guard kind == required.kind else { return false }
        switch kind {
        case .forklift, .crane:
            return true
        case .driving:
            return Self.drivingCoverage[level, default: [level]].contains(required.level)
        case .welding:
            return Self.weldingCoverage[level, default: [level]].contains(required.level)
        case .electricalSafety:
            guard let held = Int(level), let asked = Int(required.level) else { return level == required.level }
            return held >= asked
        }
    }

    /// In Vietnamese, as the reasons say it: `bằng lái C`, `chứng chỉ hàn 6G`.
    public var description: String {
        switch kind {
        case .driving: return "bằng lái \(level)"
        case .forklift: return "chứng chỉ xe nâng"
        case .crane: return "chứng chỉ cẩu trục"
        case .welding: return "chứng chỉ hàn \(level)"
        case .electricalSafety: return "an toàn điện bậc \(level)"
        }
    }

    /// Driving classes and what each allows to drive, as classes. The 2008 law's classes
    /// (B2, C, D, E, F…) and the 2024 law's (B, C1, C, D1, D2, D, …E) side by side: a licence
    /// issued before 2025 stays valid, and postings use both.
    static let drivingCoverage: [String: Set<String>] = {
        let b: Set<String> = ["B1", "B2", "B"]
        let c = b.union(["C1", "C"])
        let d = c.union(["D1", "D2", "D"])
        let e = d.union(["E"])
        return [
            "B1": ["B1"], "B2": b, "B": b,
            "C1": b.union(["C1"]), "C": c,
            "D1": c.union(["D1"]), "D2": c.union(["D1", "D2"]), "D": d, "E": e,
            "FB2": b.union(["FB2", "BE"]), "BE": b.union(["FB2", "BE"]),
            "FC": c.union(["FB2", "BE", "FC", "CE", "C1E"]), "CE": c.union(["FB2", "BE", "FC", "CE", "C1E"]),
            "C1E": b.union(["C1", "FB2", "BE", "C1E"]),
            "FD": d.union(["FB2", "BE", "FD", "DE", "D1E", "D2E"]), "DE": d.union(["FB2", "BE", "FD", "DE", "D1E", "D2E"]),
            "D1E": c.union(["D1", "FB2", "BE", "D1E"]), "D2E": c.union(["D1", "D2", "FB2", "BE", "D1E", "D2E"]),
            "FE": e.union(["FB2", "BE", "FD", "DE", "D1E", "D2E", "FE"]),
        ]
    }()

    /// Welding test positions and the positions each qualifies (plate and pipe, simplified
    /// as welding codes do: a harder position qualifies the easier ones it includes).
    static let weldingCoverage: [String: Set<String>] = [
        "1G": ["1G"], "2G": ["1G", "2G"], "3G": ["1G", "3G"], "4G": ["1G", "4G"],
        "5G": ["1G", "3G", "4G", "5G"], "6G": ["1G", "2G", "3G", "4G", "5G", "6G"],
    ]
}
