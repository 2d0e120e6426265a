import SearchIndex
import JobRecords

/// The compact binary form of a posting or a profile that the index stores with
/// each document (``SearchIndex``'s stored fields), so that ranking, reasons and
/// result rows need neither the store nor a JSON decoder.
///
/// ```
/// version: u8 · presence bits: varint · fields in declaration order, each only when present
/// string: varint length + UTF-8 · whole number: zigzag varint · enumeration: u8 (its index)
/// list: varint count + elements · date: varint yyyymmdd · bool: u8 · number: 8 bytes (IEEE 754)
/// ```
///
/// **Profiles are stored without their name and phone**: index files are copied,
/// cached and kept longer than the store's rows, so they hold no way of reaching a
/// person. A profile read back has an empty `name` and no `phone`; a shortlist reads
/// those from the store for the rows it prints. Nor do they hold a home address: the caller
/// (``MatchIndexes/document(_:reference:)``) replaces it with the commune and province read from it.
///
/// Decoding checks every length and value, so damaged or hostile bytes are an
/// error, never a crash.
public enum StoredRecord {
    /// Bumped when the layout changes: saved indexes with another version are rebuilt.
    public static let version: UInt8 = 2  // 2: address

    /// Bytes that do not decode.
    public struct DecodingError: Error, Sendable, Hashable {
        public var message: String
    }

    // MARK: Postings

    public static func encode(_ posting: JobPosting) -> [UInt8] {
        var writer = Writer()
        writer.byte(version)
        let present: [Bool] = [posting.zone != nil, posting.district != nil, posting.description != nil, posting.requirements != nil,
                               posting.skills != nil, posting.educationMin != nil, posting.audiences != nil, posting.openings != nil,
                               posting.ageMin != nil, posting.ageMax != nil, posting.salaryMin != nil, posting.salaryMax != nil,
                               posting.housing != nil, posting.posted != nil, posting.deadline != nil, posting.address != nil]
        writer.bits(present)
        writer.string(posting.id)
        writer.string(posting.employer)
        writer.string(posting.title)
        if let value = posting.zone { writer.string(value) }
        if let value = posting.district { writer.string(value) }
        if let value = posting.description { writer.string(value) }
        if let value = posting.requirements { writer.string(value) }
        if let value = posting.skills { writer.strings(value) }
        if let value = posting.educationMin { writer.enumeration(value) }
        if let value = posting.audiences {
            writer.varint(UInt64(value.count))
            for audience in value { writer.enumeration(audience) }
        }
        for value in [posting.openings, posting.ageMin, posting.ageMax, posting.salaryMin, posting.salaryMax] {
            if let value { writer.integer(value) }
        }
        if let value = posting.housing { writer.byte(value ? 1 : 0) }
        if let value = posting.posted { writer.varint(UInt64(value.number)) }
        if let value = posting.deadline { writer.varint(UInt64(value.number)) }
        if let value = posting.address { writer.string(value) }
        return writer.bytes
    }

    public static func posting(_ bytes: [UInt8]) throws(DecodingError) -> JobPosting {
        var reader = Reader(bytes)
        try reader.expectVersion()
        let present = try reader.bits(16)
        var posting = JobPosting(id: try reader.string(), employer: try reader.string(), title: try reader.string())
        if present[0] { posting.zone = try reader.string() }
        if present[1] { posting.district = try reader.string() }
        if present[2] { posting.description = try reader.string() }
        if present[3] { posting.requirements = try reader.string() }
        if present[4] { posting.skills = try reader.strings() }
        if present[5] { posting.educationMin = try reader.enumeration(EducationLevel.self) }
        if present[6] {
            let count = try reader.count()
            var audiences: [CandidateCategory] = []
            for _ in 0..<count { audiences.append(try reader.enumeration(CandidateCategory.self)) }
            posting.audiences = audiences
        }
        if present[7] { posting.openings = try reader.integer() }
        if present[8] { posting.ageMin = try reader.integer() }
        if present[9] { posting.ageMax = try reader.integer() }
        if present[10] { posting.salaryMin = try reader.integer() }
        if present[11] { posting.salaryMax = try reader.integer() }
        if present[12] { posting.housing = try reader.byte() != 0 }
        if present[13] { posting.posted = try reader.date() }
        if present[14] { posting.deadline = try reader.date() }
        if present[15] { posting.address = try reader.string() }
        try reader.expectEnd()
        return posting
    }

    // MARK: Profiles

    /// The profile without its name and phone (see the type's documentation).
    public static func encode(_ profile: CandidateProfile) -> [UInt8] {
        var writer = Writer()
        writer.byte(version)
        let present: [Bool] = [profile.education != nil, profile.major != nil, profile.school != nil, profile.skills != nil,
                               profile.experienceYears != nil, profile.summary != nil, profile.desiredTitles != nil,
                               profile.birthYear != nil, profile.district != nil, profile.desiredSalary != nil, profile.needsHousing != nil,
                               profile.address != nil]
        writer.bits(present)
        writer.string(profile.id)
        writer.enumeration(profile.category)
        if let value = profile.education { writer.enumeration(value) }
        if let value = profile.major { writer.string(value) }
        if let value = profile.school { writer.string(value) }
        if let value = profile.skills { writer.strings(value) }
        if let value = profile.experienceYears { writer.double(value) }
        if let value = profile.summary { writer.string(value) }
        if let value = profile.desiredTitles { writer.strings(value) }
        if let value = profile.birthYear { writer.integer(value) }
        if let value = profile.district { writer.string(value) }
        if let value = profile.desiredSalary { writer.integer(value) }
        if let value = profile.needsHousing { writer.byte(value ? 1 : 0) }
        if let value = profile.address { writer.string(value) }
        return writer.bytes
    }

    /// A profile with an empty name and no phone.
    public static func profile(_ bytes: [UInt8]) throws(DecodingError) -> CandidateProfile {
        var reader = Reader(bytes)
        try reader.expectVersion()
        let present = try reader.bits(12)
        var profile = CandidateProfile(id: try reader.string(), name: "", category: try reader.enumeration(CandidateCategory.self))
        if present[0] { profile.education = try reader.enumeration(EducationLevel.self) }
        if present[1] { profile.major = try reader.string() }
        if present[2] { profile.school = try reader.string() }
        if present[3] { profile.skills = try reader.strings() }
        if present[4] { profile.experienceYears = try reader.double() }
        if present[5] { profile.summary = try reader.string() }
        if present[6] { profile.desiredTitles = try reader.strings() }
        if present[7] { profile.birthYear = try reader.integer() }
        if present[8] { profile.district = try reader.string() }
        if present[9] { profile.desiredSalary = try reader.integer() }
        if present[10] { profile.needsHousing = try reader.byte() != 0 }
        if present[11] { profile.address = try reader.string() }
        try reader.expectEnd()
        return profile
    }

    // MARK: Bytes

    private struct Writer {
        var bytes: [UInt8] = []

        init() { bytes.reserveCapacity(256) }

        mutating func byte(_ value: UInt8) { bytes.append(value) }

        mutating func varint(_ value: UInt64) { Varint.append(value, to: &bytes) }

        mutating func integer(_ value: Int) {
            let wide = Int64(value)
            varint(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))
        }

        mutating func double(_ value: Double) {
            withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
        }

        mutating func string(_ value: String) {
            varint(UInt64(value.utf8.count))
            bytes.append(contentsOf: value.utf8)
        }

        mutating func strings(_ values: [String]) {
            varint(UInt64(values.count))
            for value in values { string(value) }
        }

        mutating func bits(_ flags: [Bool]) {
            var value: UInt64 = 0
            for (bit, flag) in flags.enumerated() where flag { value |= 1 << UInt64(bit) }
            varint(value)
        }

        mutating func enumeration<T: CaseIterable & Equatable>(_ value: T) {
            byte(UInt8(T.allCases.firstIndex(of: value).map { T.allCases.distance(from: T.allCases.startIndex, to: $0) }!))
        }
    }

    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        func failure(_ what: String) -> DecodingError { DecodingError(message: "stored record: \(what) at byte \(index)") }

        mutating func expectVersion() throws(DecodingError) {
            let found = try byte()
            guard found == StoredRecord.version else { throw failure("version \(found), expected \(StoredRecord.version)") }
        }

        mutating func expectEnd() throws(DecodingError) {
            guard index == bytes.count else { throw failure("unexpected bytes") }
        }

        mutating func byte() throws(DecodingError) -> UInt8 {
            guard index < bytes.count else { throw failure("ends early") }
            defer { index += 1 }
            return bytes[index]
        }

        mutating func varint() throws(DecodingError) -> UInt64 {
            let start = index
            guard let value = Varint.read(bytes, at: &index, end: bytes.count) else {
                throw failure(bytes.count - start > 9 ? "varint too long" : "ends early")
            }
            return value
        }

        mutating func count() throws(DecodingError) -> Int {
            let value = try varint()
            guard value <= UInt64(bytes.count - index) else { throw failure("count \(value) larger than the record") }
            return Int(value)
        }

        mutating func integer() throws(DecodingError) -> Int {
            let raw = try varint()
            let value = Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
            return Int(value)
        }

        mutating func double() throws(DecodingError) -> Double {
            guard index + 8 <= bytes.count else { throw failure("ends early") }
            var bits: UInt64 = 0
            for offset in 0..<8 { bits |= UInt64(bytes[index + offset]) << UInt64(8 * offset) }
            index += 8
            return Double(bitPattern: bits)
        }

        mutating func string() throws(DecodingError) -> String {
            let length = try count()
            // count() has checked the length against the record.
            guard let text = bytes.withUnsafeBufferPointer({ String(validUTF8: UnsafeBufferPointer(rebasing: $0[index..<(index + length)])) })
            else { throw failure("invalid UTF-8") }
            index += length
            return text
        }

        mutating func strings() throws(DecodingError) -> [String] {
            let count = try count()
            var values: [String] = []
            values.reserveCapacity(count)
            for _ in 0..<count { values.append(try string()) }
            return values
        }

        mutating func bits(_ count: Int) throws(DecodingError) -> [Bool] {
            let value = try varint()
            guard value >> UInt64(count) == 0 else { throw failure("unknown fields") }
            return (0..<count).map { value & (1 << UInt64($0)) != 0 }
        }

        mutating func date() throws(DecodingError) -> CalendarDate {
            let number = try varint()
            guard number < 100_000_000, let date = CalendarDate(checking: Int64(number)) else {
                throw failure("bad date")
            }
            return date
        }

        mutating func enumeration<T: CaseIterable>(_ type: T.Type) throws(DecodingError) -> T {
            let position = Int(try byte())
            guard position < T.allCases.count else { throw failure("unknown \(T.self) \(position)") }
            return T.allCases[T.allCases.index(T.allCases.startIndex, offsetBy: position)]
        }
    }
}
