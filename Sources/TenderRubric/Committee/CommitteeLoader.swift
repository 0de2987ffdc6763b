import Foundation
public import TenderCore
public import TenderModel
import Yams

/// Reads a committee file (`committee.yaml`) against the rubric whose groups its members score, collecting every
/// problem before throwing, each at its file, line and column:
///
/// ```yaml
/// members:
///   - id: 评委1
///     name: 王建国
///     role: expert                     # or purchaser-representative
///     chair: true                      # exactly one member
///     groups: [capability, quality]    # default: every group without a price criterion
/// ```
///
/// It never reads files itself (callers read through TenderFiles' bounded reader).
public enum CommitteeLoader {
    /// Largest committee file accepted, in bytes (a real one is under a kilobyte; this leaves room for any
    /// committee and refuses files given by mistake).
    public static let maximumFileSize = 4 * 1024 * 1024
    /// The file looked for beside the bids when no `--committee` is given.
    public static let defaultFileName = CommitteeFile.defaultName

    static let topKeys = ["members"]
    static let memberKeys = ["id", "name", "role", "chair", "groups"]

    /// Loads the committee and checks it against the rubric: unknown keys, missing or duplicate ids, unknown or
    /// price groups, no chair or several. The policy profile's rules (`policyDiagnostics`) are not applied here.
    public static func load(bytes: [UInt8], file: String, rubric: Rubric) throws(DiagnosticError) -> Committee {
        let root = try YAMLInputFile.root(
            bytes: bytes,
            file: file,
            maximumSize: maximumFileSize,
            kind: "committee file",
            needs: "a 'members' list"
        )
        let reader = NodeReader(file: file)
        let committee = CommitteeBuilder(reader: reader, rubric: rubric).build(root: root)
        let found = reader.diagnosticsInFileOrder()
        if found.contains(where: { $0.severity == .error }) {
            throw DiagnosticError(DiagnosticLimit.capped(found, file: file))
        }
        guard let committee else {
            throw DiagnosticError(.error("committee file could not be read", at: SourceLocation(file: file)))
        }
        return committee
    }

    /// The rubric's policy profile against the committee, as errors at the committee file: under `cn-87`, at
    /// least 5 members (7 when the budget is 10,000,000 or more), an odd number, experts at least two thirds, and
    /// no purchaser representative in the chair (87号令 Arts 45, 47; 政府采购法实施条例 Art 41).
    public static func policyDiagnostics(_ committee: Committee, rubric: Rubric) -> [Diagnostic] {
        let findings = committee.policyFindings(
            profile: rubric.tender.profile,
            budgetAtLeastLarge: rubric.budgetAtLeastLargeCommitteeThreshold
        )
        return findings.map { finding in
            .error(message(for: finding), at: location(of: finding, in: committee))
        }
    }

    /// The English statement of a finding, as `check` prints it.
    public static func message(for finding: CommitteeFinding) -> String {
        switch finding {
        case .tooFewMembers(let count, let minimum, let largeBudget):
            return "cn-87: the committee has \(count) member\(count == 1 ? "" : "s"); 87号令 Art 47 requires at least "
                + "\(minimum)" + (largeBudget ? " when the budget is 10,000,000 or more" : "")
        case .evenNumberOfMembers(let count):
            return "cn-87: the committee has \(count) members, an even number; 87号令 Art 47 requires an odd number"
        case .tooFewExperts(let experts, let members):
            return "cn-87: \(experts) of the \(members) members are experts; 87号令 Art 47 requires at least two "
                + "thirds (\((2 * members + 2) / 3))"
        case .purchaserRepresentativeChairs(let id, let name):
            return "cn-87: the chair '\(VisibleText.escaped(id))' (\(VisibleText.escaped(name))) is a purchaser "
                + "representative; 87号令 Art 45 does not allow a purchaser representative to chair the committee"
        }
    }

    private static func location(of finding: CommitteeFinding, in committee: Committee) -> SourceLocation {
        switch finding {
        case .purchaserRepresentativeChairs(let id, _):
            return committee.members.first { $0.id == id }?.location ?? SourceLocation(file: committee.file)
        case .tooFewMembers, .evenNumberOfMembers, .tooFewExperts:
            return committee.location ?? SourceLocation(file: committee.file)
        }
    }
}
