/// Bounds on what reading one `.xlsx` may cost, checked before and while it is unzipped and parsed, so that a
/// hostile file (a zip bomb, a sheet of a million rows) is refused with an error instead of exhausting memory.
public struct SpreadsheetReadLimits: Hashable, Sendable {
    /// Largest `.xlsx` file read at all (default 16 MiB; a filled score sheet is a few tens of KiB).
    public var maximumFileBytes: Int
    /// Most bytes all entries may expand to together, declared or actual (default 64 MiB).
    public var maximumExpandedBytes: Int
    /// Highest expansion ratio of one entry above 1 MiB (default 200; Excel's XML compresses about 10 to 30
    /// times, a zip bomb a thousand times or more).
    public var maximumCompressionRatio: Int
    /// Most entries in the archive (default 1,000).
    public var maximumEntries: Int
    /// Most sheets in the workbook (default 255).
    public var maximumSheets: Int
    /// Most cells with content in one sheet (default 1,000,000).
    public var maximumCellsPerSheet: Int

    public init(
        maximumFileBytes: Int = 16 * 1024 * 1024,
        maximumExpandedBytes: Int = 64 * 1024 * 1024,
        maximumCompressionRatio: Int = 200,
        maximumEntries: Int = 1000,
        maximumSheets: Int = 255,
        maximumCellsPerSheet: Int = 1_000_000
    ) {
        self.maximumFileBytes = maximumFileBytes
        self.maximumExpandedBytes = maximumExpandedBytes
        self.maximumCompressionRatio = maximumCompressionRatio
        self.maximumEntries = maximumEntries
        self.maximumSheets = maximumSheets
        self.maximumCellsPerSheet = maximumCellsPerSheet
    }
}
