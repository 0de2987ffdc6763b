/// Enterprise size class as declared in a bid (China's 中小企业划型标准; the EU's SME definition).
public enum EnterpriseSize: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    case large
    case medium
    case small
    case micro

    public static func < (lhs: EnterpriseSize, rhs: EnterpriseSize) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// How grave a recorded legal violation is; a `major` one within the look-back period disqualifies
/// (政府采购法 Art 22: no major violation in the three years before the tender).
public enum ViolationSeverity: String, Hashable, Sendable, Codable, CaseIterable {
    case major
    case minor
}
