import Foundation

/// BM25F scoring: a term's frequency in each text field, weighted and
/// length-normalised per field, summed into one pseudo-frequency, then saturated
/// once:
///
///     tf~(t, d) = Σ_f  w_f · tf_f(t, d) / (1 − b_f + b_f · len_f(d) / avglen_f)
///     score(t, d) = idf(t) · (k1 + 1) · tf~ / (k1 + tf~)
///     idf(t) = ln(1 + (N − df + 0.5) / (df + 0.5))
///
/// With one field of weight 1 this is exactly BM25 as Lucene and tantivy compute
/// it (same idf, same one-byte length quantisation), so their rankings can be
/// compared. A document's score is the sum over query terms; a query term typed
/// with accents adds `accentBonus` × the score of its accented (canonical) form.
///
/// The per-field factor `w_f / (1 − b_f + b_f · len / avglen)` is tabulated for the
/// 256 field-norm bytes, so scoring a posting is a few multiplications.
struct BM25F: @unchecked Sendable {  // its tables are never written after init
    let k1: Double
    let fieldCount: Int
    /// factors[field * 256 + normByte]
    let factors: UnsafePointer<Double>
    /// The saturated score, per unit of weight, of a term found in one field only
    /// with a small frequency: saturated[(field * 16 + tf) * 256 + normByte].
    /// Most postings are such, and a table read replaces a division.
    let saturated: UnsafePointer<Double>
    static let tabulatedFrequencies = 16
    /// Owns the two tables: pointers, so that scoring loops read them without reference counting.
    private let storage: Tables

    private final class Tables: @unchecked Sendable {  // immutable after init
        let factors: UnsafeMutablePointer<Double>
        let saturated: UnsafeMutablePointer<Double>
        init(factors: [Double], saturated: [Double]) {
            self.factors = .allocate(capacity: factors.count)
            self.factors.initialize(from: factors, count: factors.count)
            self.saturated = .allocate(capacity: saturated.count)
            self.saturated.initialize(from: saturated, count: saturated.count)
        }
        deinit {
            factors.deallocate()
            saturated.deallocate()
        }
    }

    /// - Parameters:
    ///   - averageLengths: average tokens of each text field over the documents.
    init(schema: IndexSchema, averageLengths: [Double]) {
        k1 = schema.k1
        fieldCount = schema.textFields.count
        var factors = [Double](repeating: 0, count: fieldCount * 256)
        for (field, textField) in schema.textFields.enumerated() {
            let average = max(averageLengths[field], 1e-9)
            let b = textField.lengthNormalization
            for byte in 0..<256 {
                let length = Double(FieldNorm.decode(UInt8(byte)))
                factors[field * 256 + byte] = textField.weight / (1 - b + b * length / average)
            }
        }
        var saturated = [Double](repeating: 0, count: fieldCount * Self.tabulatedFrequencies * 256)
        for field in 0..<fieldCount {
            for tf in 1..<Self.tabulatedFrequencies {
                for byte in 0..<256 {
                    let x = Double(tf) * factors[field * 256 + byte]
                    saturated[(field * Self.tabulatedFrequencies + tf) * 256 + byte] = (k1 + 1) * x / (k1 + x)
                }
            }
        }
        storage = Tables(factors: factors, saturated: saturated)
        self.factors = UnsafePointer(storage.factors)
        self.saturated = UnsafePointer(storage.saturated)
    }

    static func idf(documentCount: Int, docFrequency: Int) -> Double {
        let n = Double(documentCount), df = Double(docFrequency)
        return log(1 + (n - df + 0.5) / (df + 0.5))
    }

    /// The saturated score of pseudo-frequency `tf` for a term of weight `weight` (idf × boost).
    @inline(__always)
    func saturate(_ tf: Double, weight: Double) -> Double {
        Self.saturate(tf, weight: weight, k1: k1)
    }

    /// The saturation itself, for callers that keep `k1` rather than the scorer.
    @inline(__always)
    static func saturate(_ tf: Double, weight: Double, k1: Double) -> Double {
        weight * (k1 + 1) * tf / (k1 + tf)
    }

    /// The score of a posting of a one-field schema, from its frequency and its document's
    /// norm byte: the table for small frequencies, else the saturation of `tf` × the norm's
    /// factor (`tf` clamped as the blocks' stored maxima are). Ranked OR's window loop does the same in C
    /// (`hz_add_postings`): a change here is made there too (`WindowKernelTests` compares them).
    @inline(__always)
    func oneFieldScore(frequency: UInt32, norm: UInt8, weight: Double) -> Double {
        frequency < UInt32(Self.tabulatedFrequencies)
            ? weight * saturated[Int(frequency) &* 256 &+ Int(norm)]
            : saturate(Double(min(frequency, UInt32(UInt16.max))) * factors[Int(norm)], weight: weight)
    }

    /// The score of the cursor's current document for a term of weight `weight`.
    @inline(__always)
    func score(_ cursor: PostingsCursor, segment: Segment, weight: Double) -> Double {
        if fieldCount == 1 {
            return oneFieldScore(frequency: cursor.frequency(field: 0), norm: segment.norm(field: 0, doc: Int(cursor.doc)), weight: weight)
        }
        return saturate(pseudoFrequency(cursor, segment: segment), weight: weight)
    }

    /// The pseudo-frequency of the cursor's current document.
    @inline(__always)
    func pseudoFrequency(_ cursor: PostingsCursor, segment: Segment) -> Double {
        let doc = Int(cursor.doc)
        var tf = 0.0
        for field in 0..<fieldCount {
            // Clamped as the blocks' stored maxima are (UInt16), so block bounds stay bounds.
            let frequency = min(cursor.frequency(field: field), UInt32(UInt16.max))
            if frequency > 0 {
                tf += Double(frequency) * factors[field * 256 + Int(segment.norm(field: field, doc: doc))]
            }
        }
        return tf
    }
}

