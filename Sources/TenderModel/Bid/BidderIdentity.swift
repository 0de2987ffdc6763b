import Foundation
import TenderCore

/// How bidder names and registration ids are compared: never as written, always through one key, so that a
/// zero-width space, a full-width letter or a different letter case cannot make one bidder look like two (or a
/// spoofed bid look like a new bidder). Duplicate detection and score-sheet matching both use these keys.
public enum BidderIdentity {
    /// Which part of a bidder's identity a key stands for; a name key never equals an id key.
    public enum Part: String, Hashable, Sendable {
        case name
        case registrationID = "registration-id"
    }

    /// One comparable identity: the part it stands for and the normalised text.
    public struct Key: Hashable, Sendable, Comparable {
        public var part: Part
        public var value: String

        public static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.part.rawValue, lhs.value) < (rhs.part.rawValue, rhs.value)
        }
    }

    /// The key of a name: invisible characters removed, NFKC, white space trimmed and inner runs collapsed to one
    /// space. Nil when nothing is left.
    public static func nameKey(_ text: String) -> Key? {
        let value = collapsingWhiteSpace(compatible(text))
        return value.isEmpty ? nil : Key(part: .name, value: value)
    }

    /// The key of a registration id: like a name, but with no white space at all and letters in upper case
    /// (统一社会信用代码 and VAT numbers are case-insensitive and often written in groups).
    public static func registrationIDKey(_ text: String) -> Key? {
        let value = String(
            String.UnicodeScalarView(compatible(text).uppercased().unicodeScalars.filter { !isSpace($0) })
        )
        return value.isEmpty ? nil : Key(part: .registrationID, value: value)
    }

    /// Characters that do not show, or that reorder what is shown: format characters (zero-width space and
    /// joiners, word joiner, BOM, soft hyphen, bidi embeddings, overrides and isolates) and every other
    /// default-ignorable code point (Hangul fillers, variation selectors, tags).
    public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isDefaultIgnorableCodePoint || scalar.properties.generalCategory == .format
    }

    /// The invisible characters of `text`, each once, in order of first appearance.
    public static func invisibleCharacters(in text: String) -> [Unicode.Scalar] {
        var seen = Set<Unicode.Scalar>()
        return text.unicodeScalars.filter { isInvisible($0) && seen.insert($0).inserted }
    }

    /// `U+200B` style code point.
    public static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The text with each invisible character shown as an escape (`\u{200B}`), for messages and reports: the same
    /// form every untrusted text is shown in (see `VisibleText`).
    public static func visible(_ text: String) -> String {
        VisibleText.escaped(text)
    }

    /// Whether a name is written as a registered name is: no invisible characters and no letters, digits or
    /// ideographs in a compatibility form (full-width Ａ, circled ①, mathematical 𝐀, the compatibility ideograph
    /// U+F90A for 金). Full-width punctuation such as （） and the ideographic space are ordinary Chinese
    /// typography and do not count.
    public static func isPlainName(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            if isInvisible(scalar) { return false }
            guard !scalar.isASCII else { return true }
            let mapped = String(scalar).precomposedStringWithCompatibilityMapping.unicodeScalars
            if mapped.count == 1 && mapped.first == scalar { return true }
            return !mapped.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
        }
    }

    /// Whether an id is written exactly as its key (upper case, no spaces, no invisible or compatibility forms).
    public static func isPlainRegistrationID(_ text: String) -> Bool {
        registrationIDKey(text)?.value == text.trimmingCharacters(in: .whitespaces)
    }

    /// What had to be set aside for `written` to match `other`, e.g. "after removing U+200B and ignoring letter
    /// case": each step of the key that the two need in order to be equal. Nil when both are written the same.
    public static func differences(_ written: String, _ other: String, part: Part) -> String? {
        let mine = written.trimmingCharacters(in: .whitespacesAndNewlines)
        let theirs = other.trimmingCharacters(in: .whitespacesAndNewlines)
        // Scalars, not `String ==`: Swift's canonical equivalence already treats U+F90A and 金 as equal.
        func same(_ lhs: String, _ rhs: String) -> Bool { Array(lhs.unicodeScalars) == Array(rhs.unicodeScalars) }
        guard !same(mine, theirs) else { return nil }
        let isName = part == .name
        let steps: [(name: String, apply: (String) -> String)] = [
            ("invisible", { stripped($0) }),
            ("full-width", { $0.precomposedStringWithCompatibilityMapping }),
            ("space", { isName ? collapsingWhiteSpace($0) : spaceless($0) }),
            ("case", { isName ? $0 : $0.uppercased() }),
        ]
        func key(_ text: String, skipping skipped: String) -> String {
            steps.reduce(text) { text, step in step.name == skipped ? text : step.apply(text) }
        }
        var needed: [String] = []
        for (name, _) in steps where !same(key(mine, skipping: name), key(theirs, skipping: name)) {
            switch name {
            case "invisible":
                let characters = Set(invisibleCharacters(in: mine)).symmetricDifference(invisibleCharacters(in: theirs))
                needed.append(
                    "removing " + characters.sorted { $0.value < $1.value }.map(codePoint).joined(separator: ", ")
                )
            case "full-width":
                needed.append(
                    "reading compatibility characters (full-width letters, compatibility ideographs) as plain ones"
                )
            case "space": needed.append("ignoring white space")
            default: needed.append("ignoring letter case")
            }
        }
        return needed.isEmpty ? "after normalisation" : "after " + needed.joined(separator: " and ")
    }

    private static func stripped(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !isInvisible($0) }))
    }

    private static func spaceless(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !isSpace($0) }))
    }

    /// Invisible characters out, NFKC, and invisible characters out again (NFKC can expose some).
    private static func compatible(_ text: String) -> String {
        stripped(stripped(text).precomposedStringWithCompatibilityMapping)
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace
    }

    private static func collapsingWhiteSpace(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isSpace(scalar) {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(scalar)
            }
        }
        return String(result)
    }
}
