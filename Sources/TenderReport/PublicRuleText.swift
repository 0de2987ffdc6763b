public import TenderModel

extension ReportRenderer {
    /// A criterion's whole rule as plain text, worded as the report states it: for a spreadsheet's criteria sheet.
    public static func ruleText(of criterion: Criterion, in evaluation: Evaluation, language: ReportLanguage) -> String
    {
        let context = ReportContext(language: language, toolVersion: "", inputs: [], prettyJSON: false)
        return ReportBuilder(evaluation: evaluation, context: context).ruleText(criterion).plain
    }

    /// A bid's status as the reports word it (有效, 无效, 未评审 / valid, disqualified, not evaluated).
    public static func statusName(_ status: BidStatus, language: ReportLanguage) -> String {
        labels(for: language).statusName(status)
    }
}
