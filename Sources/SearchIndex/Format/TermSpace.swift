/// The two spaces a term lives in. Every token is indexed in the folded space; a
/// token whose canonical form differs (it has accents) is indexed in the canonical
/// space too. The raw value is the first byte of a term in the term dictionary.
public enum TermSpace: UInt8, Sendable, Hashable {
    /// Accents removed: `ban` for `bàn`, `bán`, `ban`.
    case folded = 0
    /// Accents kept: `bàn`. Only for tokens whose canonical form differs from the folded one.
    case canonical = 1
}
