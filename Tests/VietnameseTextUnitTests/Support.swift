import VietnameseText

/// The canonical forms of `text`'s tokens.
func canonical(_ text: String) -> [String] { VietnameseAnalyzer().tokens(in: text).map(\.canonical) }

/// The folded forms of `text`'s tokens.
func folded(_ text: String) -> [String] { VietnameseAnalyzer().tokens(in: text).map(\.folded) }

/// The original texts of `text`'s tokens.
func texts(_ text: String) -> [String] { VietnameseAnalyzer().tokens(in: text).map(\.text) }

/// A string built from code points, so that no editor or tool can normalise it:
/// `scalars("a", 0x0323, 0x0302)` is `a` + dot below + circumflex, in that order.
func scalars(_ parts: Any...) -> String {
    var view = String.UnicodeScalarView()
    for part in parts {
        switch part {
        case let text as String: view.append(contentsOf: text.unicodeScalars)
        case let value as Int: view.append(Unicode.Scalar(UInt32(value))!)
        default: fatalError("scalars() takes strings and code points")
        }
    }
    return String(view)
}
