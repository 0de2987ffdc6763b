public import TenderCore
import TenderFiles
public import TenderModel
import TenderRubric

/// The committee file of a run, read and checked against the rubric.
public struct CommitteeInput: Sendable {
    public var committee: Committee
    public var sha256: String
    /// The rubric's policy profile against the committee's make-up (see `CommitteeLoader.policyDiagnostics`).
    public var policyErrors: [Diagnostic]

    /// The committee named with `--committee` or found in a bids folder, or nil when there is none.
    ///
    /// - Throws: a committee file that cannot be read or is wrong, and committee files found in two bids folders.
    static func load(_ inventory: InputInventory, rubric: Rubric) throws(DiagnosticError) -> CommitteeInput? {
        if inventory.committeeCandidates.count > 1 {
            throw DiagnosticError(
                .error(
                    "more than one committee file: "
                        + inventory.committeeCandidates.map(\.display).joined(separator: ", ")
                        + "; a tender has one committee, so name its file with --committee",
                    at: SourceLocation(file: inventory.committeeCandidates[1].display)
                )
            )
        }
        guard let path = inventory.committee else { return nil }
        return try load(path, rubric: rubric)
    }

    /// Reads and checks one committee file.
    static func load(_ path: InputPath, rubric: Rubric) throws(DiagnosticError) -> CommitteeInput {
        let bytes = try InputFiles.read(path, limit: CommitteeLoader.maximumFileSize, as: .committee).get()
        let committee = try CommitteeLoader.load(bytes: bytes, file: path.display, rubric: rubric)
        return CommitteeInput(
            committee: committee,
            sha256: SHA256Digest.hex(bytes),
            policyErrors: CommitteeLoader.policyDiagnostics(committee, rubric: rubric)
        )
    }
}
