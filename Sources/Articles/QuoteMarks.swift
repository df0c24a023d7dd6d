/// The quotation-mark families the extractor understands, and how to tell an opening mark from
/// a closing one (or from an apostrophe) by its neighbours.
enum QuoteFamily: Sendable {
    case double      // “ ” and straight "
    case single      // ‘ ’
    case guillemet   // « »

    static func isLetterOrDigit(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        return c.properties.isAlphabetic || c.properties.numericType != nil
    }

    static func isSpaceOrStart(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return true }
        return c.properties.isWhitespace || "([{—–-:;/".unicodeScalars.contains(c)
    }

    /// The family a mark at this position opens, if it opens one.
    static func opening(_ c: Unicode.Scalar, before: Unicode.Scalar?, after: Unicode.Scalar?) -> QuoteFamily? {
        switch c {
        case "\u{201C}", "\u{201E}": return .double
        case "\u{00AB}": return .guillemet
        case "\"": return isSpaceOrStart(before) || !isLetterOrDigit(before) && after.map { !$0.properties.isWhitespace } == true ? .double : nil
        case "\u{2018}": return isLetterOrDigit(before) ? nil : .single
        // Scraped pages often use ” where “ belongs ("Syria.”The serious approach"): a right mark
        // glued to the word after it, with no letter before it, opens.
        case "\u{201D}": return !isLetterOrDigit(before) && isLetterOrDigit(after) ? .double : nil
        default: return nil
        }
    }

    /// Whether `c` closes a quotation of this family.
    func closes(_ c: Unicode.Scalar, after: Unicode.Scalar?) -> Bool {
        switch self {
        case .double: return c == "\u{201D}" || c == "\"" || (c == "\u{201C}" && !QuoteFamily.isLetterOrDigit(after))
        case .single: return c == "\u{2019}" && !QuoteFamily.isLetterOrDigit(after)
        case .guillemet: return c == "\u{00BB}"
        }
    }
}
