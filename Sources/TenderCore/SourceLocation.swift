/// A place in an input file: 1-based line and column, either of which may be unknown.
public struct SourceLocation: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, leaving out what is unknown (a column without a line is meaningless). `file` is the
    /// name as shown (escaped where it was read, see `VisibleText`); whatever could still end the line or reorder
    /// it is escaped here, so a name holding a line break or a bidi override cannot forge a location.
    public var description: String {
        let file = VisibleText.shown(self.file)
        guard let line else { return file }
        guard let column else { return "\(file):\(line)" }
        return "\(file):\(line):\(column)"
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line ?? 0, lhs.column ?? 0) < (rhs.file, rhs.line ?? 0, rhs.column ?? 0)
    }
}
