import Foundation
import TenderModel

/// How values are made comparable before bidders are compared, so that writing a shared value differently
/// (full-width digits, another case, extra spaces, a country code) does not hide it.
enum CollusionNormalising {
    /// The bidder-identity key (`BidderIdentity.nameKey`: invisible characters — format characters, variation
    /// selectors, Hangul fillers and every other default-ignorable code point — removed, NFKC, white space
    /// collapsed), then lower case; a space next to a Han character is dropped, since Chinese names and addresses
    /// are written with or without spaces between characters ("王 芳" is "王芳"). One normaliser for identities
    /// and signals, so a character that cannot hide a duplicate bidder cannot hide a shared address either.
    static func folded(_ text: String) -> String {
        guard let written = BidderIdentity.nameKey(text)?.value else { return "" }
        // Most keys (names, addresses, phone numbers, e-mail addresses) are unified CJK ideographs and printable
        // ASCII without capitals or spaces: already folded, with nothing to look up per character.
        if written.unicodeScalars.allSatisfy({ scalar in
            switch scalar.value {
            case 0x21...0x40, 0x5B...0x7E, 0x4E00...0x9FFF: true
            default: false
            }
        }) {
            return written
        }
        return foldedByCharacter(written)
    }

    /// Lower case and the spaces next to Han characters dropped, character by character, for any key.
    static func foldedByCharacter(_ written: String) -> String {
        let key = written.lowercased()
        var scalars: [Unicode.Scalar] = []
        var pendingSpace = false
        for scalar in key.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !scalars.isEmpty
                continue
            }
            if pendingSpace, let last = scalars.last, !isHan(last), !isHan(scalar) {
                scalars.append(" ")
            }
            pendingSpace = false
            scalars.append(scalar)
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }

    /// A phone number reduced to the digits that identify the line: the international prefix (`+` or `00`)
    /// with China's country code 86 dropped, then the domestic trunk prefix `0`. So `+86 576-8888 1234`,
    /// `0086 576 88881234` and `(0576) 8888-1234` all become `57688881234`; a number with another country code
    /// keeps it, after a `+`. Nil when fewer than 7 digits remain: too short to identify anyone.
    static func phone(_ text: String) -> String? {
        let compatible = BidderIdentity.nameKey(text)?.value ?? ""
        var digits = String(
            compatible.unicodeScalars.filter { $0.value >= 0x30 && $0.value <= 0x39 }.map(Character.init)
        )
        var international = compatible.trimmingCharacters(in: .whitespaces).hasPrefix("+")
        if digits.hasPrefix("00") {
            digits.removeFirst(2)
            international = true
        }
        if international {
            guard digits.hasPrefix("86") else { return digits.count >= 7 ? "+" + digits : nil }
            digits.removeFirst(2)
        }
        if digits.hasPrefix("0") { digits.removeFirst() }
        return digits.count >= 7 ? digits : nil
    }

    /// An e-mail address compared whole and case-insensitively; nil when it has no `@`.
    static func email(_ text: String) -> String? {
        let folded = folded(text).replacingOccurrences(of: " ", with: "")
        return folded.contains("@") ? folded : nil
    }

    /// The sentences of a text: split after `。！？；` (full-width or ASCII) and at line breaks; a full stop ends a
    /// sentence only before white space or the end, so `3.5` stays whole. Each comes folded (to compare) and as
    /// written with its white space collapsed (to show).
    static func sentences(_ text: String) -> [(folded: String, written: String)] {
        var sentences: [(String, String)] = []
        var current = String.UnicodeScalarView()
        func finish() {
            let written = String(current).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            let key = folded(written)
            if !key.isEmpty { sentences.append((key, written)) }
            current = String.UnicodeScalarView()
        }
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            switch scalar {
            case "。", "！", "？", "；", "!", "?", ";", "\n", "\r":
                finish()
            case ".", "．":
                if pending.map({ $0.properties.isWhitespace }) ?? true { finish() } else { current.append(scalar) }
            default:
                current.append(scalar)
            }
        }
        finish()
        return sentences
    }

    private static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2E80...0x2FDF, 0x3005, 0x3007, 0x3021...0x3029, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,
            0x20000...0x3FFFF:
            return true
        default:
            return false
        }
    }
}
