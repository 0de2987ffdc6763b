/// An XPath prefix bound to a namespace URI; documents are matched by URI, never by the prefix they use.
public struct NamespaceBinding: Hashable, Sendable, Codable {
    public var prefix: String
    public var uri: String

    public init(prefix: String, uri: String) {
        self.prefix = prefix
        self.uri = uri
    }
}
