@testable import SearchIndex

/// A small schema like the job page's: title weighs most.
let jobSchema = IndexSchema(
    textFields: [.init("title", weight: 2), .init("skills", weight: 1.5), .init("description")],
    keywordFields: ["zone", "audience"],
    numericFields: ["salary", "deadline"]
)

let singleFieldSchema = IndexSchema(textFields: [.init("text")])

func document(_ id: String, title: String = "", skills: String = "", description: String = "",
              zone: [String] = [], audience: [String] = [], salary: Int64? = nil, deadline: Int64? = nil) -> IndexDocument {
    var numbers: [String: Int64] = [:]
    if let salary { numbers["salary"] = salary }
    if let deadline { numbers["deadline"] = deadline }
    return IndexDocument(id: id, text: ["title": title, "skills": skills, "description": description],
                         keywords: ["zone": zone, "audience": audience], numbers: numbers)
}

func ids(_ result: SearchResult) -> [String] { result.hits.map(\.id) }

/// A deterministic random generator (SplitMix64), so that failures can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
