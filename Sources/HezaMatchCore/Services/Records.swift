import Foundation
import JobMatching
import JobRecords
import JobStorage
import SearchIndex

/// Records and erasure: JSON Lines loaded, records written and erased, through the store, the indexes following.
extension JobBoard {
    /// What a load stored, and what the store then holds.
    public struct LoadReport: Sendable, Hashable {
        public var postingsLoaded = 0
        public var profilesLoaded = 0
        public var postingsInStore = 0
        public var profilesInStore = 0
        /// What was read in an old encoding or repaired, a sentence a file (``ImportTranscoder/summary``).
        public var encodings: [String] = []
    }
}

struct Records: BoardService {
    let core: BoardCore

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
        // The indexes must contain everything stored before, so that this load lands on top of it.
        if postingsPath != nil { try Maintenance(core: core).prepareSearchAids() }
        if profilesPath != nil { _ = try profiles.index() }
        // The postings' versions before the load, for the search aids' counts (a posting loaded again replaces its own).
        let postingsBefore = postingsPath == nil ? nil : try postings.index().snapshot
        let aids = self.aids
        var loadedIDs = Set<String>()
        var countedExactly = true  // false when a file holds one posting twice: the aids are then read anew
        let postingBatch = SegmentBatch(schema: MatchIndexes.postingSchema)
        let profileBatch = SegmentBatch(schema: MatchIndexes.profileSchema)
        let reference = self.reference
        var report = JobBoard.LoadReport()
        func name(_ path: String) -> String { path == "-" ? "<stdin>" : path }
        let receipt: WriteReceipt
        do {
            receipt = try store.write { transaction in
            var failures: [LoadFailure] = []
            if let postingsPath {
                let transcoder = ImportTranscoder(encoding)
                defer { if let summary = transcoder.summary { report.encodings.append("\(name(postingsPath)): \(summary)") } }
                do {
                    report.postingsLoaded = try JSONLinesLoader.forEachRecord(
                        JobPosting.self, in: try LineReader(path: postingsPath), file: name(postingsPath),
                        progress: progress.map { report in { report(name(postingsPath), $0, $1) } }, transform: transcoder.transform) { record in
                        try transaction.upsert(.posting, id: record.value.id, document: record.json)
                        let posting = record.value
                        postingBatch.add(id: posting.id) { MatchIndexes.document(posting, reference: reference) }
                        if loadedIDs.insert(record.value.id).inserted {
                            let old = try postingsBefore?.storedFields(of: record.value.id).map { try StoredRecord.posting($0) }
                            aids.countLoaded(record.value, replacing: old)
                        } else {
                            countedExactly = false
                        }
                    }
                } catch let failure as LoadFailure { failures.append(failure) }
            }
            if let profilesPath {
                let transcoder = ImportTranscoder(encoding)
                defer { if let summary = transcoder.summary { report.encodings.append("\(name(profilesPath)): \(summary)") } }
                do {
                    report.profilesLoaded = try JSONLinesLoader.forEachRecord(
                        CandidateProfile.self, in: try LineReader(path: profilesPath), file: name(profilesPath),
                        progress: progress.map { report in { report(name(profilesPath), $0, $1) } }, transform: transcoder.transform) { record in
                        try transaction.upsert(.profile, id: record.value.id, document: record.json)
                        let profile = record.value
                        profileBatch.add(id: profile.id) { MatchIndexes.document(profile, reference: reference) }
                    }
                } catch let failure as LoadFailure { failures.append(failure) }
            }
            if !failures.isEmpty {
                throw LoadFailure(problems: Array(failures.flatMap(\.problems).prefix(LoadFailure.listedLimit)),
                                  count: failures.reduce(0) { $0 + $1.count })
            }
        }
        } catch {
            // Nothing was stored: the postings counted for the aids are counted out again, from the index.
            if postingsPath != nil { try aids.finishLoad(published: false, sequence: 0, index: try postings.index(), store: store) }
            throw error
        }
        for (live, batch) in [(postings, postingBatch), (profiles, profileBatch)] where batch.documentCount > 0 {
            let after = receipt.sequences[live.kind] ?? 0
            let before = after - Int64(receipt.stored[live.kind, default: 0] + receipt.deleted[live.kind, default: 0])
            let published = try live.publishLoaded(batch, sequenceBefore: before, sequenceAfter: after)
            if live.kind == .posting {
                try aids.finishLoad(published: published && countedExactly, sequence: after, index: try live.index(), store: store)
            }
            try live.index().optimize()
            try live.saveIfChanged()
        }
        report.postingsInStore = try store.count(of: .posting)
        report.profilesInStore = try store.count(of: .profile)
        return report
    }
}
