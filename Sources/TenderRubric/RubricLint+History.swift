import TenderCore
import TenderModel

extension RubricLint {
    /// Past performance counted only with this buyer scores the incumbent up and every newcomer to this buyer at
    /// the neutral value, however well it served others: a condition tied to one region or one customer is what
    /// 政府采购法实施条例 Art 20(4) calls discriminatory, and 87号令 Art 17 forbids such differential treatment.
    static func historyWarnings(for rubric: Rubric) -> [Diagnostic] {
        rubric.historyRules.filter { $0.rule.buyer == .thisBuyer }.map { entry in
            .warning(
                "cn-87: criterion '\(VisibleText.excerpt(entry.criterionID))' counts past performance only with "
                    + "this buyer (buyer: this-buyer), which favours the incumbent; 政府采购法实施条例 Art 20(4) and "
                    + "87号令 Art 17 forbid performance conditions tied to a particular region or buyer; consider "
                    + "'buyer: any'",
                at: entry.rule.location
            )
        }
    }
}
