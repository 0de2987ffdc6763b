public import TenderModel

extension ReportRenderer {
    /// A criterion's whole rule as plain text, worded as the report states it: for a spreadsheet's criteria sheet.
    public static func ruleText(of criterion: Criterion, in evaluation: Evaluation, language: ReportLanguage) -> String
    {
        let context = ReportContext(language: language, toolVersion: "", inputs: [], prettyJSON: false)
        return ReportBuilder(evaluation: evaluation, context: context).ruleText(criterion).plain
    }
}
