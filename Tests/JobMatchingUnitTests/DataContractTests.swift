import Foundation
import Testing
@testable import JobMatching
@testable import JobRecords

/// Each record's fields are declared once (`JobPosting.Field`, `CandidateProfile.Field`); this holds everything else
/// that names them to that list, so that a field added, renamed or retyped in one place and not the others fails here:
/// the data contract's tables (docs/data-contract.md), openapi.yaml's schemas, the records' properties, their JSON and
/// the index's stored layout.
@Suite struct DataContractTests {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The rows of the table under `heading` in docs/data-contract.md: each field named in its first cell (a row may name
    /// several: `age_min`, `age_max`), with its type and whether it is required.
    private func contractTable(_ heading: String) throws -> [String: (type: String, required: Bool)] {
        let text = try String(contentsOf: Self.root.appendingPathComponent("docs/data-contract.md"), encoding: .utf8)
        let section = try #require(text.range(of: "## \(heading)"), "no section '\(heading)' in docs/data-contract.md")
        var rows: [String: (String, Bool)] = [:]
        var inTable = false
        for line in text[section.upperBound...].split(separator: "\n", omittingEmptySubsequences: false).dropFirst() {
            if line.hasPrefix("|") {
                inTable = true
                let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                guard cells.count >= 4, cells[1].hasPrefix("`") else { continue }  // the header and its rule
                let names = cells[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "`")) }
                // A row of several fields names their type in the plural.
                let type = names.count > 1 && cells[2].hasSuffix("s") ? String(cells[2].dropLast()) : cells[2]
                for name in names { rows[name] = (type, cells[3] == "yes") }
            } else if inTable {
                break
            }
        }
        return rows
    }

    /// The properties of `schema` in openapi.yaml (one flow mapping a line), and its `required` list.
    private func openAPISchema(_ schema: String) throws -> (properties: [String: String], required: Set<String>) {
        let text = try String(contentsOf: Self.root.appendingPathComponent("Sources/HezaMatchServer/openapi.yaml"), encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        let start = try #require(lines.firstIndex(of: "    \(schema):"), "no schema \(schema) in openapi.yaml")
        var properties: [String: String] = [:], required: Set<String> = []
        for line in lines[(start + 1)...] {
            guard line.hasPrefix("      ") else { break }  // the next schema
            if line.hasPrefix("      required: [") {
                required = Set(line.dropFirst("      required: [".count).dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            } else if line.hasPrefix("        "), !line.hasPrefix("         "), let colon = line.firstIndex(of: ":") {
                properties[line[..<colon].trimmingCharacters(in: .whitespaces)] = String(line[line.index(after: colon)...])
            }
        }
        return (properties, required)
    }

    /// What openapi.yaml must say of a field of this kind.
    private func openAPIMentions(_ kind: RecordFieldKind) -> [String] {
        switch kind {
        case .string: return ["type: [string", "type: string"]
        case .strings: return ["items: {type: string}"]
        case .wholeNumber: return ["integer"]
        case .number: return ["number"]
        case .bool: return ["boolean"]
        case .date: return ["format: date"]
        case .level: return ["EducationLevel"]
        case .category: return ["CandidateCategory"]
        case .categories: return ["items: {$ref: \"#/components/schemas/CandidateCategory\"}"]
        }
    }

    private func holds<F: RecordField>(_ fields: F.Type, contract heading: String, schemas: [(name: String, withID: Bool)]) throws {
        let table = try contractTable(heading)
        #expect(Set(table.keys) == Set(F.allCases.map(\.rawValue)), "the contract's \(heading) and \(F.self) name different fields")
        for field in F.allCases {
            guard let row = table[field.rawValue] else { continue }
            #expect(row.type == field.kind.contractName, "\(field.rawValue): the contract says \(row.type), the code \(field.kind.contractName)")
            #expect(row.required == field.isRequired, "\(field.rawValue): required in one and not the other")
        }
        for schema in schemas {
            let (properties, required) = try openAPISchema(schema.name)
            let expected = F.allCases.filter { schema.withID || $0.rawValue != "id" }
            #expect(Set(properties.keys) == Set(expected.map(\.rawValue)), "openapi.yaml's \(schema.name) and \(F.self) name different fields")
            #expect(required == Set(expected.filter(\.isRequired).map(\.rawValue)), "openapi.yaml's \(schema.name) requires other fields")
            for field in expected {
                guard let property = properties[field.rawValue] else { continue }
                #expect(openAPIMentions(field.kind).contains { property.contains($0) }, "\(schema.name).\(field.rawValue) is \(property), not \(field.kind)")
            }
        }
    }

    @Test func theContractAndTheAPIDescribeThePostingsFields() throws {
        try holds(JobPosting.Field.self, contract: "A job posting", schemas: [("Posting", true), ("PostingInput", false)])
    }

    @Test func theContractAndTheAPIDescribeTheProfilesFields() throws {
        try holds(CandidateProfile.Field.self, contract: "A candidate profile", schemas: [("ProfileInput", false)])
    }

    static let fullPosting: JobPosting = {
        var posting = JobPosting(id: "P-1", employer: "Công ty A", title: "Thợ hàn")
        posting.zone = "KCN Đình Vũ"; posting.district = "Hải An"; posting.address = "Lô C5"; posting.description = "Mô tả"
        posting.requirements = "Yêu cầu"; posting.skills = ["hàn điện"]; posting.educationMin = .college; posting.audiences = [.graduate]
        posting.openings = 5; posting.ageMin = 18; posting.ageMax = 35; posting.salaryMin = 8_000_000; posting.salaryMax = 9_000_000
        posting.housing = true; posting.posted = CalendarDate(year: 2026, month: 11, day: 1); posting.deadline = CalendarDate(year: 2026, month: 12, day: 1)
        return posting
    }()

    static let fullProfile: CandidateProfile = {
        var profile = CandidateProfile(id: "C-1", name: "Nguyễn Văn A", category: .dischargedSoldier)
        profile.phone = "0912345678"; profile.education = .upperSecondary; profile.major = "Điện"; profile.school = "Trường B"
        profile.skills = ["lái xe nâng"]; profile.experienceYears = 2.5; profile.summary = "Tóm tắt"; profile.desiredTitles = ["Lái xe"]
        profile.birthYear = 2000; profile.district = "Thủy Nguyên"; profile.address = "Số 1"; profile.desiredSalary = 7_000_000
        profile.needsHousing = false
        return profile
    }()

    /// Every property of `record` (each filled) is one of `fields`, written to JSON under its key and read back.
    private func everyPropertyIsAField<R: JSONRecord & Encodable & Equatable, F: RecordField>(_ record: R, _ fields: F.Type) throws {
        let properties = Mirror(reflecting: record).children
        #expect(properties.count == F.allCases.count, "\(R.self) has \(properties.count) properties and \(F.allCases.count) fields")
        #expect(properties.allSatisfy { !(($0.value as? any OptionalProtocol)?.isNone ?? false) }, "a property of the full \(R.self) is empty")
        guard case .object(let json) = try JSONValueEncoder.value(record) else { Issue.record("not an object"); return }
        #expect(Set(json.keys) == Set(F.allCases.map(\.rawValue)))
        #expect(try R.read(try JSONValueEncoder.text(record)).get() == record)
    }

    /// Every property is a declared field, written to JSON under its key, read back, and kept by the index's stored
    /// record (a profile's stored record leaves out the name and phone: personal data).
    @Test func everyPropertyIsAFieldAndSurvivesJSONAndTheStoredRecord() throws {
        try everyPropertyIsAField(Self.fullPosting, JobPosting.Field.self)
        #expect(try StoredRecord.posting(StoredRecord.encode(Self.fullPosting)) == Self.fullPosting)
        try everyPropertyIsAField(Self.fullProfile, CandidateProfile.Field.self)
        var withoutPersonal = Self.fullProfile
        withoutPersonal.name = ""
        withoutPersonal.phone = nil
        #expect(try StoredRecord.profile(StoredRecord.encode(Self.fullProfile)) == withoutPersonal)
    }
}

/// Whether a value is an empty optional, whatever its wrapped type.
private protocol OptionalProtocol {
    var isNone: Bool { get }
}

extension Optional: OptionalProtocol {
    var isNone: Bool { self == nil }
}
