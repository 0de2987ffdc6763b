import TenderCore
public import TenderModel

/// One input file of an evaluation, named as the user gave it, with the SHA-256 of its bytes.
public struct ReportInput: Hashable, Sendable {
    /// The path as given on the command line (relative paths stay relative, so reports do not leak home folders).
    public var path: String
    /// Lower-case hex SHA-256 of the file's bytes.
    public var sha256: String

    public init(path: String, sha256: String) {
        self.path = path
        self.sha256 = sha256
    }
}

/// Everything a report needs besides the evaluation itself. Renderers read no clock and no file: whatever is
/// volatile (tool version, input hashes) is passed in here, so the same inputs always give the same bytes.
public struct ReportContext: Hashable, Sendable {
    public var language: ReportLanguage
    public var toolVersion: String
    /// Every file the evaluation read; reports list them sorted by path.
    public var inputs: [ReportInput]
    /// `result.json` indented for reading (`--pretty`) instead of compact.
    public var prettyJSON: Bool

    public init(language: ReportLanguage, toolVersion: String, inputs: [ReportInput] = [], prettyJSON: Bool = false) {
        self.language = language
        self.toolVersion = toolVersion
        self.inputs = inputs
        self.prettyJSON = prettyJSON
    }

    /// The inputs sorted by the bytes of their path, so the order never depends on how they were collected.
    var sortedInputs: [ReportInput] {
        inputs.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }
}
