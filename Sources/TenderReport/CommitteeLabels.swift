import TenderModel

/// The words for the committee file's findings and the members' reasons, in one language. Kept apart from
/// `Labels` because they state one idea: who scored, and whether the committee was lawfully composed.
struct CommitteeLabels: Sendable {
    /// The tender-level finding that the committee breaks a rule of the policy profile.
    var finding: @Sendable (CommitteeFinding) -> RichText
    var short: String
    /// A member's score with the reason the member wrote for it.
    var scoreWithReason: @Sendable (_ scored: RichText, _ reason: String) -> RichText
    /// What the committee file is used as, in the list of input files.
    var committeeFile: String

    static func labels(for language: ReportLanguage) -> CommitteeLabels {
        switch language {
        case .en: english
        case .zh: chinese
        }
    }

    static let english = CommitteeLabels(
        finding: { finding in
            switch finding {
            case .tooFewMembers(let count, let minimum, let largeBudget):
                return "Committee not lawfully composed: \(count) member\(count == 1 ? "" : "s"); 87号令 Art 47 "
                    + "requires at least \(minimum)" + (largeBudget ? " when the budget is 10,000,000 or more" : "")
            case .evenNumberOfMembers(let count):
                return "Committee not lawfully composed: \(count) members, an even number; 87号令 Art 47 requires an "
                    + "odd number"
            case .tooFewExperts(let experts, let members):
                return "Committee not lawfully composed: \(experts) of the \(members) members are experts; 87号令 "
                    + "Art 47 requires at least two thirds"
            case .purchaserRepresentativeChairs(let id, let name):
                return "Committee not lawfully composed: the chair \(user: id) (\(user: name)) is a purchaser "
                    + "representative; 87号令 Art 45 does not allow a purchaser representative to chair"
            }
        },
        short: "committee composition",
        scoreWithReason: { scored, reason in "\(scored) (reason: \(user: reason))" },
        committeeFile: "committee file"
    )

    static let chinese = CommitteeLabels(
        finding: { finding in
            switch finding {
            case .tooFewMembers(let count, let minimum, let largeBudget):
                return "评标委员会组成不合规：成员 \(count) 人；"
                    + (largeBudget ? "采购预算金额在1000万元以上，" : "")
                    + "87号令第47条要求不少于 \(minimum) 人"
            case .evenNumberOfMembers(let count):
                return "评标委员会组成不合规：成员 \(count) 人，为双数；87号令第47条要求成员人数为单数"
            case .tooFewExperts(let experts, let members):
                return "评标委员会组成不合规：\(members) 名成员中评审专家 \(experts) 人；87号令第47条要求评审专家不少于成员总数的三分之二"
            case .purchaserRepresentativeChairs(let id, let name):
                return "评标委员会组成不合规：评标委员会组长 \(user: id)（\(user: name)）为采购人代表；87号令第45条规定采购人代表不得担任组长"
            }
        },
        short: "评标委员会组成",
        scoreWithReason: { scored, reason in "\(scored)（理由：\(user: reason)）" },
        committeeFile: "评标委员会名单"
    )
}
