/// Turns a token sequence into the feature strings a model sees.
///
/// Feature names carry a prefix saying which kind they are, so that the word "on" and the
/// character bigram "on" never collide in the vocabulary or the hash space:
/// - `w:` word n-grams, tokens joined by one space: "w:not entering"
/// - `c:` character n-grams *within word boundaries*: each token is padded with one space on
///   either side and cut into n-grams of Unicode scalars ("c: we", "c:we'", …). Padding lets
///   a model tell prefixes and suffixes from inner pieces, which is why `char_wb` beats plain
///   character n-grams on short texts. A token shorter than n yields its padded self once, as
///   scikit-learn's `char_wb` analyzer does.
public struct NGramGenerator: Sendable, Equatable, Codable {
    public var words: NGramRange?
    public var characters: NGramRange?

    public init(words: NGramRange? = NGramRange(1, 2), characters: NGramRange? = nil) {
        self.words = words
        self.characters = characters
    }

    public static let wordPrefix = "w:"
    public static let characterPrefix = "c:"

    public func forEachFeature(of tokens: [String], prefix: String = "", _ body: (String) -> Void) {
        if let words {
            for n in words.lower...words.upper where n <= tokens.count {
                for start in 0...(tokens.count - n) {
                    var feature = prefix + Self.wordPrefix + tokens[start]
                    for k in (start + 1)..<(start + n) {
                        feature += " "
                        feature += tokens[k]
                    }
                    body(feature)
                }
            }
        }
        if let characters {
            var padded: [Unicode.Scalar] = []
            for token in tokens {
                padded.removeAll(keepingCapacity: true)
                padded.append(" ")
                padded.append(contentsOf: token.unicodeScalars)
                padded.append(" ")
                for n in characters.lower...characters.upper {
                    if n >= padded.count {
                        body(prefix + Self.characterPrefix + Self.string(padded[...]))
                        break
                    }
                    for start in 0...(padded.count - n) {
                        body(prefix + Self.characterPrefix + Self.string(padded[start..<(start + n)]))
                    }
                }
            }
        }
    }

    public func features(of tokens: [String]) -> [String] {
        var out: [String] = []
        forEachFeature(of: tokens) { out.append($0) }
        return out
    }

    static func string(_ s: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: s)
        return String(view)
    }
}
