import Foundation
public import TenderCore
public import TenderModel
import Yams

/// Reads a decisions file (`decisions.yaml`) against the rubric and the committee, and checks its hash chain,
/// collecting every problem before throwing, each at its file, line and column:
///
/// ```yaml
/// decisions:
///   - previous: 0000…0000          # SHA-256 of the entry before (the first: 64 zeros); `tender-eval decisions seal`
///     date: 2020-11-20
///     by: 评委1
///     kind: recusal
///     member: 评委4
///     bidder: 台州市黄岩九峰后勤服务有限公司
///     reason: 评委4 三年内曾在该公司任职，申请回避
/// ```
///
/// Which bidders and current values the entries name is checked when they are applied (`DecisionRounds`), where
/// the bids and the scores are known. It never reads files itself, and never hashes: the caller passes SHA-256.
public enum DecisionLoader {
    public static let maximumFileSize = 4 * 1024 * 1024
    public static let defaultFileName = DecisionsFile.defaultName

    static let commonKeys = ["previous", "date", "by", "kind", "reason"]
    static let kindKeys: [String: [String]] = [
        "correction": ["member", "bidder", "criterion", "from", "to", "ground"],
        "recusal": ["member", "bidder"],
        "replacement": ["member", "new-member"],
        "clarification": ["bidder", "outcome"],
        "duplicate": ["bidder", "file"],
        "consensus": ["bidder", "criterion", "score"],
        "dissent": ["member", "statement"],
    ]

    /// Loads the decisions and checks them against the rubric and the committee.
    ///
    /// - Parameters:
    ///   - bytes: the file's bytes.
    ///   - file: the file's name as diagnostics show it.
    ///   - rubric: the rubric whose criteria and dates the decisions are checked against.
    ///   - committee: the committee file, when there is one: members are named by its ids or names.
    ///   - sha256: lower-case hex SHA-256 of bytes (the pipeline's libcrypto digest).
    /// - Returns: the decisions in file order, each with its hash.
    /// - Throws: every malformed entry, unknown member or criterion, impossible date and broken link of the chain.
    public static func load(
        bytes: [UInt8],
        file: String,
        rubric: Rubric,
        committee: Committee?,
        sha256: ([UInt8]) -> String
    ) throws(DiagnosticError) -> DecisionLog {
        let (raw, reader) = try parse(bytes: bytes, file: file)
        var decisions: [Decision] = []
        var previousHash = DecisionChain.genesis
        var previousEntry: (number: Int, location: SourceLocation)?
        var lastDate: (date: String, location: SourceLocation)?
        let builder = DecisionBuilder(reader: reader, rubric: rubric, committee: committee)
        for (index, entry) in raw.entries.enumerated() {
            let number = index + 1
            let hash = sha256(entry.canonicalBytes())
            checkLink(entry, number: number, expected: previousHash, before: previousEntry, reader: reader)
            previousHash = hash
            previousEntry = (number, entry.location)
            guard var decision = builder.build(entry, number: number, hash: hash) else { continue }
            if let lastDate, decision.date < lastDate.date {
                reader.error(
                    "decision \(number) is dated \(decision.date), before decision \(number - 1) "
                        + "(\(lastDate.date), \(lastDate.location.lineColumnText)); decisions apply in order, so "
                        + "record them in the order they were made",
                    at: decision.location(of: "date")
                )
            }
            lastDate = (decision.date, decision.location(of: "date"))
            decision.number = number
            decisions.append(decision)
        }
        let found = reader.diagnosticsInFileOrder()
        if found.contains(where: { $0.severity == .error }) {
            throw DiagnosticError(DiagnosticLimit.capped(found, file: file))
        }
        return DecisionLog(file: file, decisions: decisions)
    }

    /// The file with a `previous` filled in on every entry that has none, after checking that every entry that
    /// has one is intact: sealing appends to the chain, it never repairs it.
    ///
    /// - Returns: the new bytes and how many entries were sealed (the bytes are unchanged when none was).
    /// - Throws: a malformed file, a broken link, an unsealed entry followed by a sealed one, a flow-style entry.
    public static func seal(
        bytes: [UInt8],
        file: String,
        sha256: ([UInt8]) -> String
    ) throws(DiagnosticError) -> (bytes: [UInt8], sealed: Int) {
        let (raw, reader) = try parse(bytes: bytes, file: file)
        var previousHash = DecisionChain.genesis
        var previousEntry: (number: Int, location: SourceLocation)?
        var insertions: [(line: Int, previous: String)] = []
        var firstUnsealed: (number: Int, location: SourceLocation)?
        for (index, entry) in raw.entries.enumerated() {
            let number = index + 1
            if entry.value("previous") == nil {
                if entry.isFlow {
                    reader.error(
                        "decision \(number) is written as a flow mapping ({…}); write it as a block mapping (one key "
                            + "per line) so that seal can add its 'previous' line",
                        at: entry.location
                    )
                }
                firstUnsealed = firstUnsealed ?? (number, entry.location)
                insertions.append((entry.firstKeyLine, previousHash))
                previousHash = sha256(entry.canonicalBytes(previous: previousHash))
            } else {
                if let unsealed = firstUnsealed {
                    reader.error(
                        "decision \(number) is sealed but decision \(unsealed.number) "
                            + "(\(unsealed.location.lineColumnText)) before it is not; new decisions are appended at "
                            + "the end of the file",
                        at: entry.location
                    )
                }
                checkLink(entry, number: number, expected: previousHash, before: previousEntry, reader: reader)
                previousHash = sha256(entry.canonicalBytes())
            }
            previousEntry = (number, entry.location)
        }
        try reader.diagnostics.throwIfErrors()
        guard !insertions.isEmpty else { return (bytes, 0) }
        var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
        for insertion in insertions.reversed() {
            let index = insertion.line - 1
            guard lines.indices.contains(index) else { continue }
            let line = lines[index]
            let prefix = line.prefix { $0 == " " || $0 == "-" }
            let indent = String(repeating: " ", count: prefix.count)
            let rest = line.dropFirst(prefix.count)
            lines[index] = prefix + "previous: " + insertion.previous
            lines.insert(indent + rest, at: index + 1)
        }
        return (Array(lines.joined(separator: "\n").utf8), insertions.count)
    }

    private static func parse(bytes: [UInt8], file: String) throws(DiagnosticError) -> (RawDecisionFile, NodeReader) {
        let root = try YAMLInputFile.root(
            bytes: bytes,
            file: file,
            maximumSize: maximumFileSize,
            kind: "decisions file",
            needs: "a 'decisions' list"
        )
        let reader = NodeReader(file: file)
        guard let raw = RawDecisionFile.read(root, reader: reader) else {
            try reader.diagnostics.throwIfErrors()
            throw DiagnosticError(.error("decisions file could not be read", at: SourceLocation(file: file)))
        }
        return (raw, reader)
    }

    /// Checks that the entry's `previous` is the hash of the entry before it, naming that entry when not.
    private static func checkLink(
        _ entry: RawDecisionEntry,
        number: Int,
        expected: String,
        before: (number: Int, location: SourceLocation)?,
        reader: NodeReader
    ) {
        guard let field = entry.fields.first(where: { $0.key == "previous" }) else {
            reader.error(
                "decision \(number) has no 'previous' (the hash of the entry before it); run "
                    + "'tender-eval decisions seal \(reader.file)' after appending decisions",
                at: entry.location
            )
            return
        }
        guard field.value != expected else { return }
        if let before {
            reader.error(
                "decision \(number)'s 'previous' does not match decision \(before.number) "
                    + "(\(before.location.lineColumnText)): decision \(before.number) was edited, or an entry between "
                    + "them was removed or moved, after decision \(number) was recorded",
                at: field.location
            )
        } else {
            reader.error(
                "decision 1's 'previous' is not the chain's start (64 zeros): an entry before it was removed or the "
                    + "entries were reordered",
                at: field.location
            )
        }
    }
}
