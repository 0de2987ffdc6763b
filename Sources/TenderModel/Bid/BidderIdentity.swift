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

    /// The invisible characters of `text`, each once, in order of first appearance.
    public static func invisibleCharacters(in text: String) -> [Unicode.Scalar] {
        var seen = Set<Unicode.Scalar>()
        return text.unicodeScalars.filter { VisibleText.isInvisible($0) && seen.insert($0).inserted }
    }

    /// `U+200B` style code point.
    public static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Whether a name is written as a registered name is: no invisible characters and no letters, digits or
    /// ideographs in a compatibility form (full-width Ａ, circled ①, mathematical 𝐀, the compatibility ideograph
    /// U+F90A for 金). Full-width punctuation such as （） and the ideographic space are ordinary Chinese
    /// typography and do not count.
    public static func isPlainName(_ text: String) -> Bool {
        invisibleCharacters(in: text).isEmpty && !hasCompatibilityForms(text)
    }

    /// Whether `written` carries evidence of a deliberate disguise that its match with `other` needed: invisible
    /// characters, or letters, digits or ideographs in a compatibility form, found in `written`, without which the
    /// two would not be equal. White space and letter case are ordinary formatting (ids are written in groups,
    /// in either case) and are never evidence: a copy that differs from the original only there cannot be told
    /// apart from it by its spelling, whichever of the two is the copy.
    public static func isDisguised(_ written: String, matching other: String, part: Part) -> Bool {
        let needed = neededSteps(written, other, part: part)
        return (needed.contains(.invisible) && !invisibleCharacters(in: written).isEmpty)
            || (needed.contains(.compatibility) && hasCompatibilityForms(written))
    }

    /// Letters, digits or ideographs in a compatibility form (full-width Ａ, circled ①, U+F90A for 金); full-width
    /// punctuation and the ideographic space are ordinary typography and do not count.
    public static func hasCompatibilityForms(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            guard !scalar.isASCII, !VisibleText.isInvisible(scalar) else { return false }
            let mapped = String(scalar).precomposedStringWithCompatibilityMapping.unicodeScalars
            if mapped.count == 1 && mapped.first == scalar { return false }
            return mapped.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
        }
    }

    /// What had to be set aside for `written` to match `other`, e.g. "after removing U+200B and ignoring letter
    /// case": each step of the key that the two need in order to be equal. Nil when both are written the same.
    public static func differences(_ written: String, _ other: String, part: Part) -> String? {
        let mine = written.trimmingCharacters(in: .whitespacesAndNewlines)
        let theirs = other.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !sameScalars(mine, theirs) else { return nil }
        var needed: [String] = []
        for step in neededSteps(written, other, part: part) {
            switch step {
            case .invisible:
                let characters = Set(invisibleCharacters(in: mine)).symmetricDifference(invisibleCharacters(in: theirs))
                needed.append(
                    "removing " + characters.sorted { $0.value < $1.value }.map(codePoint).joined(separator: ", ")
                )
            case .compatibility:
                needed.append(
                    "reading compatibility characters (full-width letters, compatibility ideographs) as plain ones"
                )
            case .space: needed.append("ignoring white space")
            case .letterCase: needed.append("ignoring letter case")
            }
        }
        return needed.isEmpty ? "after normalisation" : "after " + needed.joined(separator: " and ")
    }

    /// The steps of a key, in the order the key applies them.
    private enum Step: CaseIterable {
        case invisible
        case compatibility
        case space
        case letterCase
    }

    /// Each step of the key without which `written` and `other` would not be equal.
    private static func neededSteps(_ written: String, _ other: String, part: Part) -> [Step] {
        let mine = written.trimmingCharacters(in: .whitespacesAndNewlines)
        let theirs = other.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !sameScalars(mine, theirs) else { return [] }
        let isName = part == .name
        func apply(_ step: Step, _ text: String) -> String {
            switch step {
            case .invisible: return stripped(text)
            case .compatibility: return text.precomposedStringWithCompatibilityMapping
            case .space: return isName ? collapsingWhiteSpace(text) : spaceless(text)
            case .letterCase: return isName ? text : text.uppercased()
            }
        }
        func key(_ text: String, skipping skipped: Step) -> String {
            Step.allCases.reduce(text) { text, step in step == skipped ? text : apply(step, text) }
        }
        return Step.allCases.filter { !sameScalars(key(mine, skipping: $0), key(theirs, skipping: $0)) }
    }

    /// Scalars, not `String ==`: Swift's canonical equivalence already treats U+F90A and 金 as equal.
    private static func sameScalars(_ lhs: String, _ rhs: String) -> Bool {
        Array(lhs.unicodeScalars) == Array(rhs.unicodeScalars)
    }

    private static func stripped(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !VisibleText.isInvisible($0) }))
    }

    private static func spaceless(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !isSpace($0) }))
    }

    /// Invisible characters out, NFKC, and invisible characters out again (NFKC can expose some).
    private static func compatible(_ text: String) -> String {
        // Printable ASCII and unified CJK ideographs are their own NFKC form and hold nothing invisible: most names
        // and ids are only that, and need neither the normaliser nor a property look-up.
        if text.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) || (0x4E00...0x9FFF).contains($0.value) })
        {
            return text
        }
        return stripped(stripped(text).precomposedStringWithCompatibilityMapping)
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x21...0x7E, 0x4E00...0x9FFF: false
        default: scalar.properties.isWhitespace
        }
    }

    private static func collapsingWhiteSpace(_ text: String) -> String {
        // Most names have no white space to collapse or trim: keep them as they are.
        if !text.unicodeScalars.contains(where: isSpace) { return text }
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
