import TenderCore
import TenderModel

/// Every word the performance reports print, in one language. Numbers arrive formatted; names and reasons from
/// plans and records arrive as `RichText.user`, so each format escapes them.
struct PerformanceLabels: Sendable {
    var htmlLanguage: String
    var none: String
    var dash: String
    var listSeparator: String
    var periodTitle: @Sendable (_ contract: RichText) -> RichText
    var monthTitle: @Sendable (_ month: String, _ contract: RichText) -> RichText

    // Contract
    var contractSection: String
    var contractID: String
    var tender: String
    var buyer: String
    var contractor: String
    var registrationID: String
    var services: String
    var term: String
    var sources: String
    var rounding: String
    var standings: String
    var rules: String
    var roundingRule: @Sendable (_ rounding: PlanRounding, _ decimals: Int) -> String
    var weights:
        @Sendable (_ survey: String, _ team: String, _ department: String, _ cap: String, _ each: String)
            -> String
    var band: @Sendable (_ name: RichText, _ atLeast: String, _ consequence: RichText?) -> RichText
    var rule:
        @Sendable (_ count: Int, _ within: Int, _ standing: RichText, _ consequence: RichText, _ warns: Bool)
            -> RichText

    // Summary and trend
    var summarySection: String
    var monthsScored: @Sendable (_ scored: Int, _ pending: Int) -> String
    var meanScore: String
    var meanFormula: @Sendable (_ sum: String, _ count: Int, _ mean: String) -> String
    var monthsPerStanding: String
    var monthCount: @Sendable (_ count: Int) -> String
    var chartTitle: String
    var chartScore: String
    var chartMarked: String

    // Month table
    var monthsSection: String
    var month: String
    var sourceName: @Sendable (_ source: PerformanceSource) -> String
    var sourceColumn: @Sendable (_ source: PerformanceSource) -> String
    var deduction: String
    var score: String
    var standing: String
    var consequence: String
    var capped: @Sendable (_ total: String, _ applied: String) -> String
    var floored: @Sendable (_ unrounded: String) -> String
    /// After a negative sum in the score line: the monthly score is never below 0.
    var floorNote: String
    var pending: @Sendable (_ status: PendingStatus, _ sources: [String]) -> String
    var stale: @Sendable (_ correction: Int) -> String
    var staleStanding: @Sendable (_ standing: RichText, _ note: String) -> RichText

    // Rules, corrections, computations, sheets
    var raisedSection: String
    var raisedRule:
        @Sendable (_ rule: RichText, _ months: String, _ raisedIn: String, _ consequence: RichText) -> RichText
    var ruleSummary: @Sendable (_ count: Int, _ within: Int, _ standing: RichText) -> RichText
    var correctionsSection: String
    var number: String
    var date: String
    var record: String
    var change: String
    var reason: String
    var by: String
    var struck: String
    var target: @Sendable (_ target: CorrectionTarget, _ item: (String) -> RichText) -> RichText
    var supersededSection: String
    var supersededNote: String
    var computation: String
    var computedOn: String
    var correctionsUpTo: String
    var computationText: @Sendable (_ number: Int, _ date: String) -> String
    var sheetsSection: String
    var source: String
    var file: String
    var recordedOn: String

    // Monthly report
    var calculationSection: String
    var formula: String
    var contribution: String
    var sourceFormula: @Sendable (_ source: PerformanceSource, _ sum: String, _ count: Int, _ mean: String) -> String
    var contributionFormula: @Sendable (_ weight: String, _ mean: String, _ result: String) -> String
    var patrolFormula: @Sendable (_ terms: String, _ count: Int) -> String
    var patrolCap: @Sendable (_ total: String, _ cap: String, _ applied: String) -> String
    var scoreLine: @Sendable (_ terms: String, _ result: String) -> String
    var standingLine: @Sendable (_ score: String, _ atLeast: String, _ name: RichText) -> RichText
    var surveySection: String
    var item: String
    var answers: String
    var mean: String
    var teamSection: String
    var team: String
    var departmentSection: String
    var department: String
    var total: String
    var itemMean: String
    var departmentReasons: String
    var patrolSection: String
    var findingID: String
    var place: String
    var description: String
    var photo: String
    var photoSHA256: String
    var corrected: @Sendable (_ value: String, _ from: String, _ numbers: [Int], _ reasons: RichText) -> RichText
    var notApplied: @Sendable (_ numbers: String) -> String
    var notScored: String
    var raisedThisMonth: String

    // CSV columns
    var status: String
    var scored: String
    var deductionTotal: String
    var unrounded: String
    var correctionsColumn: String
    var name: String
    var value: String
    var weight: String
    var reasonOrDescription: String
    var cappedNote: String

    static func labels(for language: ReportLanguage) -> PerformanceLabels {
        switch language {
        case .en: english
        case .zh: chinese
        }
    }
}
