/// What an index file must agree on with the schema that opens it: the fields, in
/// order, which keep positions, and whether accented forms are indexed. (Weights
/// and BM25 parameters act at query time and may change between runs.)
extension IndexSchema {
    var fingerprint: String {
        let text = textFields.map { "\($0.name)\($0.storesPositions ? "+p" : "")" }.joined(separator: ",")
        return "text=\(text);keyword=\(keywordFields.joined(separator: ","));numeric=\(numericFields.joined(separator: ","));accents=\(indexesCanonicalForms)"
    }
}
