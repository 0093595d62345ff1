/// Byte-level character classes for UTF-8 text. ASCII is decided by table; the few non-ASCII characters
/// that matter in news (curly quotes, dashes, no-break spaces, currency signs) are named; any other
/// non-ASCII character counts as a letter, which is right for names in Latin, Cyrillic, Arabic or CJK scripts.
public enum CharClass: UInt8, Sendable {
    case space, newline, letter, digit, apostrophe, hyphen, period, punctuation, symbol
}

public enum UTF8Scan {
    /// Decodes the scalar at `i`; returns it and its byte length (1 for an invalid lead byte).
    @inlinable
    public static func scalar(_ bytes: [UInt8], _ i: Int) -> (value: UInt32, length: Int) {
        let b0 = bytes[i]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        let n = bytes.count
        if b0 & 0xE0 == 0xC0, i + 1 < n {
            return ((UInt32(b0 & 0x1F) << 6) | UInt32(bytes[i + 1] & 0x3F), 2)
        }
        if b0 & 0xF0 == 0xE0, i + 2 < n {
            return ((UInt32(b0 & 0x0F) << 12) | (UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F), 3)
        }
        if b0 & 0xF8 == 0xF0, i + 3 < n {
            return ((UInt32(b0 & 0x07) << 18) | (UInt32(bytes[i + 1] & 0x3F) << 12)
                | (UInt32(bytes[i + 2] & 0x3F) << 6) | UInt32(bytes[i + 3] & 0x3F), 4)
        }
        return (0xFFFD, 1)
    }

    /// `classify` of each ASCII byte: the tokenizer looks up every character of the text, most of them ASCII.
    public static let asciiClasses: [CharClass] = (0..<128).map { classify(UInt32($0)) }

    public static func classify(_ scalar: UInt32) -> CharClass {
        if scalar < 0x80 {
            switch scalar {
            case 0x0A, 0x0D, 0x0B, 0x0C: return .newline
            case 0x20, 0x09: return .space
            case 0x30...0x39: return .digit
            case 0x41...0x5A, 0x61...0x7A: return .letter
            case 0x27: return .apostrophe
            case 0x2D: return .hyphen
            case 0x2E: return .period
            case 0x21, 0x22, 0x28, 0x29, 0x2C, 0x3A, 0x3B, 0x3F, 0x5B, 0x5D, 0x7B, 0x7D, 0x60: return .punctuation
            case 0x00...0x1F, 0x7F: return .space
            default: return .symbol
            }
        }
        switch scalar {
        case 0x85, 0x2028, 0x2029: return .newline
        case 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000, 0xFEFF, 0x80...0x9F: return .space
        case 0x2019, 0x02BC: return .apostrophe
        case 0x2010, 0x2011: return .hyphen
        case 0x2012...0x2015, 0x2018, 0x201A...0x201F, 0x2026, 0xAB, 0xBB, 0x2039, 0x203A, 0x2022, 0xB7,
             0x3001, 0x3002, 0xFF0C, 0xFF1A, 0xFF1B, 0xBF, 0xA1:
            return .punctuation
        case 0xA2...0xA9, 0xAC...0xB1, 0xB4, 0xB6, 0xD7, 0xF7, 0x20A0...0x20CF, 0x2100...0x214F, 0x2190...0x2BFF,
             0xFFFD, 0x1F000...0x1FAFF:
            return .symbol
        case 0x300...0x36F: return .letter  // combining marks stay inside words
        default: return .letter
        }
    }

    public static func isUppercase(_ scalar: UInt32) -> Bool {
        scalar < 0x80 ? scalar >= 0x41 && scalar <= 0x5A : hasUppercaseProperty(scalar)
    }

    public static func isLowercase(_ scalar: UInt32) -> Bool {
        scalar < 0x80 ? scalar >= 0x61 && scalar <= 0x7A : hasLowercaseProperty(scalar)
    }

    // Out of line: inlined, the Unicode property look-up made every caller (the tokenizer's word scan, once
    // per word) set up room for a `Unicode.Scalar.Properties` on entry, ASCII word or not.
    @inline(never)
    static func hasUppercaseProperty(_ scalar: UInt32) -> Bool {
        Unicode.Scalar(scalar)?.properties.isUppercase ?? false
    }

    @inline(never)
    static func hasLowercaseProperty(_ scalar: UInt32) -> Bool {
        Unicode.Scalar(scalar)?.properties.isLowercase ?? false
    }
}
