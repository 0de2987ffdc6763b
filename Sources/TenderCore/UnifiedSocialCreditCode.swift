/// The 统一社会信用代码 (unified social credit code) of GB 32100-2015: 18 characters from a 31-character alphabet
/// (the digits and the capital letters without I, O, Z, S and V, which are too easily read as 1, 0, 2, 5 and U),
/// the last a check character over the first 17. Every organisation registered in China has one, so a code that
/// fails the check was mistyped or altered, and cannot be the key a registry or a performance history knows.
public enum UnifiedSocialCreditCode {
    public static let length = 18

    /// The alphabet in value order: a character's value is its index (0…30).
    public static let alphabet: [Unicode.Scalar] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY".unicodeScalars)

    /// Weight of the character at position i (0-based) of the first 17: 3^i mod 31.
    static let weights: [Int] = {
        var weights: [Int] = []
        var weight = 1
        for _ in 0..<(length - 1) {
            weights.append(weight)
            weight = weight * 3 % 31
        }
        return weights
    }()

    private static let values: [Unicode.Scalar: Int] = Dictionary(
        uniqueKeysWithValues: alphabet.enumerated().map { ($0.element, $0.offset) }
    )

    /// What keeps `code` from being a valid code, nil when it is one. `code` is compared exactly as given: pass the
    /// normalised form (upper case, no spaces) if formatting is to be forgiven. A character outside the alphabet
    /// is reported before a wrong length, since it usually explains the length (`91331003-MA2J4P6N44`).
    public static func problem(in code: String) -> Problem? {
        let scalars = Array(code.unicodeScalars)
        if let index = scalars.firstIndex(where: { values[$0] == nil }) {
            return .character(scalars[index], position: index + 1)
        }
        guard scalars.count == length else { return .length(scalars.count) }
        let expected = checkCharacter(of: scalars.prefix(length - 1))
        guard let expected, expected == scalars[length - 1] else {
            return .checkCharacter(expected: expected ?? "?", found: scalars[length - 1])
        }
        return nil
    }

    /// The check character of the first 17 characters (GB 32100-2015 §4.3 / Annex B): C18 = 31 − (Σ value × weight
    /// mod 31), with 31 written as 0. Nil when there are not 17 characters of the alphabet.
    public static func checkCharacter(of first17: some Collection<Unicode.Scalar>) -> Unicode.Scalar? {
        guard first17.count == length - 1 else { return nil }
        var sum = 0
        for (scalar, weight) in zip(first17, weights) {
            guard let value = values[scalar] else { return nil }
            sum += value * weight
        }
        return alphabet[(31 - sum % 31) % 31]
    }

    public enum Problem: Hashable, Sendable {
        /// A character that no code contains (a separator, a lookalike from another script, I, O, Z, S or V), and
        /// its 1-based position.
        case character(Unicode.Scalar, position: Int)
        /// Only characters of the alphabet, but not 18 of them.
        case length(Int)
        /// 18 characters of the alphabet whose last is not the check character of the first 17.
        case checkCharacter(expected: Unicode.Scalar, found: Unicode.Scalar)
    }
}
