import GRDB
public import TenderCore
public import TenderModel

/// What a later tender reads from the history, and the months it must not read yet.
public struct HistoryQueryResult: Hashable, Sendable {
    public var history: PerformanceHistory
    /// One error per stale month of a matching contract in the window (its published score predates a
    /// correction): the tender must not be scored from it until `perf month` computes it again.
    public var staleMonths: [Diagnostic]
}

extension HistoryDatabase {
    /// The history of the bidders whose registration-id keys (`BidderIdentity.registrationIDKey(_:).value`) are
    /// given, over the whole months of `window`: for each matching contract whose buyer `buyerMatches`, the latest
    /// computation of every month in the window, and the `warns-next-tender` rules raised in the window.
    /// A key with no such month and no warning is absent from `bidders` (the rubric's neutral value applies).
    /// `digest` is the SHA-256 of the canonical text of every row used (docs/performance-history.md), so the same
    /// database and inputs always give the same digest and any change of a used row changes it.
    /// `database` is the name to report the database by (default: the path it was opened with).
    /// `nameKeys` (the bidders' `BidderIdentity.nameKey` values) fill `contractorsByName` from the same read
    /// (`contractors(nameKeys:window:buyerMatches:)`); they are not part of the digest, as they give no points.
    public func history(
        registrationKeys: [String],
        nameKeys: [String] = [],
        window: ClosedRange<YearMonth>,
        buyerMatches: (LocalizedText) -> Bool,
        database: String? = nil
    ) throws(DiagnosticError) -> HistoryQueryResult {
        let first = window.lowerBound.description
        let last = window.upperBound.description
        let (bidders, text, stale, named) = try read { db in
            var bidders: [String: BidderHistory] = [:]
            var text = CanonicalText()
            text.line("window", first + " " + last)
            var staleMonths: [StaleMonth] = []
            for key in Set(registrationKeys).sorted() {
                var contracts: [ContractHistory] = []
                var warnings: [RaisedRule] = []
                var bidderText = CanonicalText()
                bidderText.line("bidder", key)
                let contractRows = try Row.fetchAll(
                    db.cachedStatement(
                        sql: "SELECT * FROM contract WHERE contractor_registration_key = ? ORDER BY id"
                    ),
                    arguments: [key]
                )
                for row in contractRows {
                    let contract = Self.contract(row)
                    guard buyerMatches(contract.buyer) else { continue }
                    let months = try Self.historyMonths(db, contractID: contract.id, first: first, last: last)
                    let raised = try Self.warnings(db, contractID: contract.id, first: first, last: last)
                    guard !months.isEmpty || !raised.isEmpty else { continue }
                    contracts.append(
                        ContractHistory(
                            contractID: contract.id,
                            tenderID: contract.tenderID,
                            buyer: contract.buyer,
                            contractor: contract.contractor,
                            months: months.map(\.month)
                        )
                    )
                    warnings += raised
                    Self.describe(contract, months: months, warnings: raised, into: &bidderText)
                    staleMonths += try Self.staleMonths(db, contractIDs: [contract.id]).filter {
                        window.contains($0.month)
                    }
                }
                if !contracts.isEmpty {
                    bidders[key] = BidderHistory(contracts: contracts, warnings: warnings)
                    text.append(bidderText)
                }
            }
            let named = try Self.contractors(db, nameKeys: nameKeys, window: window, buyerMatches: buyerMatches)
            return (bidders, text, staleMonths, named)
        }
        let name = database ?? path
        return HistoryQueryResult(
            history: PerformanceHistory(
                firstMonth: window.lowerBound,
                lastMonth: window.upperBound,
                bidders: bidders,
                database: name,
                digest: sha256(text.bytes),
                contractorsByName: named
            ),
            staleMonths: stale.map { month in
                .error(
                    "contract \(month.contractID), \(month.month): the published score was computed with corrections "
                        + "up to \(month.correctionsThrough), but correction "
                        + month.newerCorrections.map(String.init).joined(separator: ", ")
                        + " changes that month; compute it again with `tender-eval perf month`",
                    at: SourceLocation(file: name)
                )
            }
        )
    }

    struct UsedMonth {
        var month: HistoryMonth
        var computedOn: String
        var correctionsThrough: Int
    }

    private static func historyMonths(_ db: Database, contractID: String, first: String, last: String) throws
        -> [UsedMonth]
    {
        try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT s.month, s.score_units, s.standing, s.computed_on, s.corrections_through,
                        t.name_zh, t.name_en
                    FROM monthly_score s
                    LEFT JOIN contract_standing t ON t.contract_id = s.contract_id AND t.standing_id = s.standing
                    WHERE s.contract_id = ? AND s.month BETWEEN ? AND ? AND s.superseded_by IS NULL
                    ORDER BY s.month
                    """
            ),
            arguments: [contractID, first, last]
        ).map { row in
            let monthText: String = row["month"]
            guard let month = YearMonth(monthText) else { throw StoredValueError(what: "month \(monthText)") }
            return UsedMonth(
                month: HistoryMonth(
                    month: month,
                    score: Points(units: row["score_units"]),
                    standing: row["standing"],
                    standingName: LocalizedText(zh: row["name_zh"], en: row["name_en"])
                ),
                computedOn: row["computed_on"],
                correctionsThrough: row["corrections_through"]
            )
        }
    }

    private static func warnings(_ db: Database, contractID: String, first: String, last: String) throws
        -> [RaisedRule]
    {
        try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT r.* FROM raised_rule r JOIN monthly_score s ON s.id = r.score_id
                    WHERE r.contract_id = ? AND r.raised_in BETWEEN ? AND ? AND r.warns_next_tender
                        AND s.superseded_by IS NULL
                    ORDER BY r.raised_in, r.rule_id
                    """
            ),
            arguments: [contractID, first, last]
        ).map(raisedRule)
    }

    private static func describe(
        _ contract: RegisteredContract,
        months: [UsedMonth],
        warnings: [RaisedRule],
        into text: inout CanonicalText
    ) {
        text.line("contract", contract.id)
        text.line("tender", contract.tenderID)
        text.line("buyer-zh", contract.buyer.zh)
        text.line("buyer-en", contract.buyer.en)
        text.line("contractor", contract.contractor.name)
        text.line("registration-id", contract.contractor.registrationID)
        text.line("plan-sha256", contract.planSHA256)
        for used in months {
            text.line("month", used.month.month.description)
            text.line("score", used.month.score.plainText)
            text.line("standing", used.month.standing)
            text.line("computed-on", used.computedOn)
            text.line("corrections-through", String(used.correctionsThrough))
        }
        for rule in warnings {
            text.line("warning", rule.ruleID)
            text.line("raised-in", rule.raisedIn.description)
            text.line("months", rule.months.map(\.description).joined(separator: " "))
        }
    }
}
