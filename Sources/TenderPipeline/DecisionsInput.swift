public import TenderCore
import TenderFiles
public import TenderModel
import TenderRubric

/// The decisions file of a run, read, chained and checked against the rubric and the committee.
public struct DecisionsInput: Sendable {
    public var log: DecisionLog
    public var sha256: String

    /// The decisions named with `--decisions` or found in a bids folder, or nil when there are none.
    ///
    /// - Throws: a decisions file that cannot be read, is wrong or whose chain is broken; decisions files found in
    ///   two bids folders.
    static func load(
        _ inventory: InputInventory,
        rubric: Rubric,
        committee: Committee?
    ) throws(DiagnosticError) -> DecisionsInput? {
        if inventory.decisionsCandidates.count > 1 {
            throw DiagnosticError(
                .error(
                    "more than one decisions file: "
                        + inventory.decisionsCandidates.map(\.display).joined(separator: ", ")
                        + "; a tender has one record of decisions, so name its file with --decisions",
                    at: SourceLocation(file: inventory.decisionsCandidates[1].display)
                )
            )
        }
        guard let path = inventory.decisions else { return nil }
        return try load(path, rubric: rubric, committee: committee)
    }

    static func load(_ path: InputPath, rubric: Rubric, committee: Committee?) throws(DiagnosticError) -> DecisionsInput
    {
        let bytes = try InputFiles.read(path, limit: DecisionLoader.maximumFileSize, as: .decisions).get()
        let log = try DecisionLoader.load(
            bytes: bytes,
            file: path.display,
            rubric: rubric,
            committee: committee,
            sha256: SHA256Digest.hex
        )
        return DecisionsInput(log: log, sha256: SHA256Digest.hex(bytes))
    }
}

extension DecisionLog {
    /// Members replaced by a recorded replacement (补抽): they no longer sit on the committee.
    var replacedMembers: Set<String> {
        Set(
            decisions.compactMap { decision in
                if case .replacement(let member, _) = decision.kind { return member }
                return nil
            }
        )
    }
}

extension CommitteeInput {
    /// The policy profile's rules against the members who sit on the committee once `log`'s replacements are
    /// made (a committee file lists the replaced member and the one drawn in their place).
    func policyErrors(after log: DecisionLog?, rubric: Rubric) -> [Diagnostic] {
        guard let replaced = log?.replacedMembers, !replaced.isEmpty else { return policyErrors }
        var seated = committee
        seated.members.removeAll { replaced.contains($0.id) }
        return CommitteeLoader.policyDiagnostics(seated, rubric: rubric)
    }
}

/// `tender-eval decisions seal FILE`: fills in the `previous` hash of every entry appended since the last seal.
public enum DecisionsSeal {
    /// - Returns: how many entries were sealed (the file is rewritten only when some were).
    /// - Throws: a file that cannot be read or written, a malformed file, a broken chain.
    public static func run(path: String) throws(DiagnosticError) -> Int {
        let bytes = try InputFiles.read(path, limit: DecisionLoader.maximumFileSize, as: .decisions).get()
        let file = VisibleText.escaped(path)
        let sealed = try DecisionLoader.seal(bytes: bytes, file: file, sha256: SHA256Digest.hex)
        guard sealed.sealed > 0 else { return 0 }
        try OutputFolder.replaceFile(atPath: path, with: sealed.bytes)
        return sealed.sealed
    }
}
