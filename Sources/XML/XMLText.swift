/// Makes arbitrary text legal as XML 1.0 character data.
///
/// XML 1.0 forbids C0 control characters other than tab, line feed and carriage return, and the
/// non-characters U+FFFE and U+FFFF; a document containing one is not well-formed and every reader rejects
/// it. Swift strings cannot hold lone surrogates (invalid UTF-8 is decoded to U+FFFD), so these are the
/// only characters left to drop. Markup characters (`<`, `&`, quotes) are *not* touched here: libxml2
/// escapes them when it writes.
public enum XMLText {
    /// The text without the characters XML 1.0 forbids; returns the input itself when it is already clean
    /// (the common case costs one pass over its UTF-8 bytes).
    public static func safe(_ text: String) -> String {
        var text = text
        let clean = text.withUTF8 { isClean($0) }
        if clean { return text }
        return text.withUTF8 { bytes in
            var out = [UInt8]()
            out.reserveCapacity(bytes.count)
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D {
                    i += 1
                    continue
                }
                if b == 0xEF, i + 2 < bytes.count, bytes[i + 1] == 0xBF, bytes[i + 2] >= 0xBE {
                    i += 3
                    continue
                }
                out.append(b)
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    @inline(__always)
    static func isClean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for i in bytes.indices {
            let b = bytes[i]
            if b < 0x20 {
                if b != 0x09 && b != 0x0A && b != 0x0D { return false }
            } else if b == 0xEF, i + 2 < bytes.count, bytes[i + 1] == 0xBF, bytes[i + 2] >= 0xBE {
                return false
            }
        }
        return true
    }
}
