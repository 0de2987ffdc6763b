public import TenderCore
public import TenderModel
import Yams

/// Reads a contract's evaluation plan (the monthly performance evaluation after the award, 月考评), validated like
/// a rubric: every problem is collected before throwing, each at its file, line and column. The format is
/// described in docs/performance-plan.md.
public enum PlanLoader {
    /// The format version this build reads (`plan: 1`).
    public static let formatVersion = 1
    /// Largest plan file accepted, in bytes (a real plan is a few kilobytes).
    public static let maximumFileSize = 1024 * 1024
    /// A contract's service items (保洁, 秩序维护, 工程维修, 会务服务, …): a handful in practice; every sheet has a
    /// column or row per item, so a list of thousands is refused before it is read.
    public static let maximumServices = 50
    /// Answers a survey question offers (满意, 基本满意, 一般, 不满意).
    public static let maximumAnswers = 20
    /// Standing bands (优秀, 合格, 不合格).
    public static let maximumStandings = 10
    public static let maximumRules = 20
    public static let maximumDepartmentItems = 50
    /// The longest window a standing rule may look back over, and the largest count it may ask for (ten years).
    public static let maximumRuleMonths = 120
    /// The largest minimum of respondents, teams or departments a plan may require in a month.
    public static let maximumMinimum = 1_000_000

    static let topKeys = ["plan", "contract", "decimals", "rounding", "sources", "standings", "rules"]
    static let contractKeys = ["id", "tender", "buyer", "contractor", "services", "start", "end"]
    static let contractorKeys = ["name", "registration-id"]
    static let serviceKeys = ["id", "name"]
    static let sourceKeys = ["survey", "team", "department", "patrol"]
    static let surveyKeys = ["weight", "answers", "items", "minimum-responses"]
    static let answerKeys = ["label", "value"]
    static let teamKeys = ["weight", "step", "minimum-teams", "reasons"]
    static let departmentKeys = ["weight", "items", "step", "minimum-departments", "reasons"]
    static let departmentItemKeys = ["id", "points"]
    static let patrolKeys = ["maximum-per-finding", "monthly-cap", "photo"]
    static let standingKeys = ["id", "name", "at-least", "consequence"]
    static let ruleKeys = ["id", "standing", "count", "within-months", "consequence", "warns-next-tender"]

    /// Loads and validates a plan from the bytes of a YAML file; `file` names it in diagnostics.
    ///
    /// - Throws: one `DiagnosticError` holding every problem found, in file order.
    public static func load(bytes: [UInt8], file: String) throws(DiagnosticError) -> EvaluationPlan {
        let root = try YAMLInputFile.root(
            bytes: bytes,
            file: file,
            maximumSize: maximumFileSize,
            kind: "performance evaluation plan",
            needs: "'plan', 'contract', 'sources' and 'standings'"
        )
        if let problem = notAPlan(root, file: file) { throw DiagnosticError(problem) }
        let reader = NodeReader(file: file)
        let plan = PlanBuilder(reader: reader).build(root: root)
        let found = reader.diagnosticsInFileOrder()
        if found.contains(where: { $0.severity == .error }) {
            throw DiagnosticError(DiagnosticLimit.capped(found, file: file))
        }
        guard let plan else {
            // The builder reports an error whenever it gives up; this is a guard, not a path.
            throw DiagnosticError(.error("evaluation plan could not be read", at: SourceLocation(file: file)))
        }
        return plan
    }

    /// One error for a file that is plainly something else (a rubric given by mistake, a list, any other YAML),
    /// rather than one error per key of it.
    static func notAPlan(_ root: Node, file: String) -> Diagnostic? {
        let location = YAMLDocument.location(root.mark, file: file)
        guard case .mapping(let top) = root else {
            return .error(
                "file is not an evaluation plan: its top level is \(NodeReader.describe(root)), not a mapping with "
                    + "the keys 'plan', 'contract', 'sources' and 'standings'; nothing else in it was read",
                at: location
            )
        }
        let keys = top.keys.compactMap(\.string)
        if !keys.contains("plan"), keys.contains("tender") || keys.contains("groups") {
            return .error(
                "file is a tender rubric, not an evaluation plan (it has 'tender' and 'groups', and no 'plan'); a "
                    + "contract's plan starts with 'plan: 1' and 'contract'; nothing else in it was read",
                at: location
            )
        }
        guard !keys.contains(where: topKeys.contains) else { return nil }
        return .error(
            "file is not an evaluation plan: none of its \(top.count) top-level \(top.count == 1 ? "key" : "keys") "
                + "is a plan key (\(topKeys.joined(separator: ", "))); nothing else in it was read",
            at: location
        )
    }
}
