import GRDB
public import TenderCore
public import TenderModel

extension HistoryDatabase {
    /// The contracts whose contractor's name has one of `nameKeys` (`BidderIdentity.nameKey(_:).value`), whatever
    /// their registration id, that have a published monthly score or a `warns-next-tender` warning in `window`
    /// and whose buyer `buyerMatches`: keyed by name key, each list in contract id order. A tender compares them
    /// with the bids' registration ids to notice a record that an id written otherwise kept out of the
    /// evaluation; they never give points.
    public func contractors(
        nameKeys: [String],
        window: ClosedRange<YearMonth>,
        buyerMatches: (LocalizedText) -> Bool = { _ in true }
    ) throws(DiagnosticError) -> [String: [ContractorRecord]] {
        try read { db in try Self.contractors(db, nameKeys: nameKeys, window: window, buyerMatches: buyerMatches) }
    }

    static func contractors(
        _ db: Database,
        nameKeys: [String],
        window: ClosedRange<YearMonth>,
        buyerMatches: (LocalizedText) -> Bool
    ) throws -> [String: [ContractorRecord]] {
        let wanted = Set(nameKeys)
        guard !wanted.isEmpty else { return [:] }
        let first = window.lowerBound.description
        let last = window.upperBound.description
        var found: [String: [ContractorRecord]] = [:]
        // The name key is Unicode normalisation SQLite cannot do, so every contract's name is keyed here: a
        // buyer's history holds contracts by the hundred, not by the million, and only its names are read.
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT id, tender_id, buyer_zh, buyer_en, contractor_name, contractor_registration_id
                FROM contract ORDER BY id
                """
        )
        for row in rows {
            let name: String = row["contractor_name"]
            guard let key = BidderIdentity.nameKey(name)?.value, wanted.contains(key) else { continue }
            let buyer = LocalizedText(zh: row["buyer_zh"], en: row["buyer_en"])
            guard buyerMatches(buyer) else { continue }
            let id: String = row["id"]
            let months =
                try Int.fetchOne(
                    db.cachedStatement(
                        sql: """
                            SELECT COUNT(DISTINCT month) FROM monthly_score
                            WHERE contract_id = ? AND month BETWEEN ? AND ? AND superseded_by IS NULL
                            """
                    ),
                    arguments: [id, first, last]
                ) ?? 0
            let warnings =
                try Int.fetchOne(
                    db.cachedStatement(
                        sql: """
                            SELECT COUNT(*) FROM raised_rule r JOIN monthly_score s ON s.id = r.score_id
                            WHERE r.contract_id = ? AND r.raised_in BETWEEN ? AND ? AND r.warns_next_tender
                                AND s.superseded_by IS NULL
                            """
                    ),
                    arguments: [id, first, last]
                ) ?? 0
            guard months > 0 || warnings > 0 else { continue }
            found[key, default: []].append(
                ContractorRecord(
                    contractID: id,
                    tenderID: row["tender_id"],
                    buyer: buyer,
                    contractor: PerformanceContractor(name: name, registrationID: row["contractor_registration_id"]),
                    scoredMonths: months,
                    warnings: warnings
                )
            )
        }
        return found
    }
}
