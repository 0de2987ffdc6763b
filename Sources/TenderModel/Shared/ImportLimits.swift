/// Limits no genuine bid reaches; exceeding one rejects that bid with a clear diagnostic.
public struct ImportLimits: Hashable, Sendable {
    /// Largest bid file read at all, checked before parsing (default 50 MiB).
    public var maximumFileBytes: Int
    /// Deepest element nesting (default 64; the native format needs 5). libxml2 itself stops at 256.
    public var maximumDepth: Int
    /// Longest single text or attribute value in bytes (default 1 MiB).
    public var maximumTextLength: Int
    /// Most attachments one bid may list (default 1000).
    public var maximumAttachments: Int
    /// Most operations libxml2's XPath engine may spend on the rubric's expressions in one bid (default 100
    /// million). A count, not a time, so that the same inputs always give the same result on any machine. Simple
    /// paths read in the single walk cost nothing against it. libxml2 does not count everything: building the
    /// string value of a large node (`string-length(/)` in a predicate) is free against it, hence the time budget.
    public var maximumXPathOperations: Int
    /// Longest time one bid may take to be read and to have the rubric's expressions evaluated in it (default 20
    /// seconds). A safety net behind `maximumXPathOperations` for the work libxml2 does not count: unlike the
    /// count, whether a bid near it gets through can depend on the machine.
    public var maximumSecondsPerBid: Int

    public init(
        maximumFileBytes: Int = 50 * 1024 * 1024,
        maximumDepth: Int = 64,
        maximumTextLength: Int = 1024 * 1024,
        maximumAttachments: Int = 1000,
        maximumXPathOperations: Int = 100_000_000,
        maximumSecondsPerBid: Int = 20
    ) {
        self.maximumFileBytes = maximumFileBytes
        self.maximumDepth = maximumDepth
        self.maximumTextLength = maximumTextLength
        self.maximumAttachments = maximumAttachments
        self.maximumXPathOperations = maximumXPathOperations
        self.maximumSecondsPerBid = maximumSecondsPerBid
    }
}
