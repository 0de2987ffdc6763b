/// A name or description given in Chinese, English or both.
public struct LocalizedText: Hashable, Sendable, Codable {
    public var zh: String?
    public var en: String?

    public init(zh: String? = nil, en: String? = nil) {
        self.zh = zh
        self.en = en
    }

    /// The text in the requested language, falling back to the other one so that nothing shows blank.
    public func text(in language: ReportLanguage) -> String {
        switch language {
        case .zh: return zh ?? en ?? ""
        case .en: return en ?? zh ?? ""
        }
    }
}

/// The languages reports are written in.
public enum ReportLanguage: String, Hashable, Sendable, Codable, CaseIterable {
    case zh
    case en
}
