import GRDB
public import TenderCore
public import TenderModel

/// A correction as asked for, before the history numbers and chains it.
public struct CorrectionRequest: Hashable, Sendable {
    public var contractID: String
    public var month: YearMonth
    public var target: CorrectionTarget
    public var from: String
    public var to: String
    public var reason: String
    public var by: String
    /// `YYYY-MM-DD`.
    public var date: String

    public init(
        contractID: String,
        month: YearMonth,
        target: CorrectionTarget,
        from: String,
        to: String,
        reason: String,
        by: String,
        date: String
    ) {
        self.contractID = contractID
        self.month = month
        self.target = target
        self.from = from
        self.to = to
        self.reason = reason
        self.by = by
        self.date = date
    }
}

extension HistoryDatabase {
    /// Appends a correction to the contract's chain in one transaction: its number (one more than the last),
    /// `previous` (the last entry's hash) and `hash` are computed inside the transaction, so two officers
    /// correcting at once cannot fork the chain. The month must have the target's source recorded.
    ///
    /// `validate` is called inside the transaction with the month's original records and that month's
    /// corrections in number order, the new one LAST; it checks the new correction's `from` against the value
    /// after the earlier ones and its `to` against the plan (the scoring module supplies it). Throwing refuses
    /// the correction and writes nothing. Returns the correction as stored.
    @discardableResult
    public func appendCorrection(
        _ request: CorrectionRequest,
        validate: (MonthRecords, [PerformanceCorrection]) throws -> Void,
        faultHook: HistoryFaultHook = { _ in }
    ) throws -> PerformanceCorrection {
        try write { db in
            try requireContract(db, request.contractID)
            let records = try Self.monthRecords(db, contractID: request.contractID, month: request.month)
            guard records.sheets.contains(where: { $0.source == request.target.source }) else {
                throw HistoryDatabase.refusal(
                    path,
                    "no \(request.target.source.rawValue) sheet is recorded for \(request.month) of contract "
                        + "\(request.contractID); there is nothing to correct"
                )
            }
            let chain = try Self.corrections(db, contractID: request.contractID)
            var correction = PerformanceCorrection(
                number: (chain.last?.number ?? 0) + 1,
                contractID: request.contractID,
                month: request.month,
                target: request.target,
                from: request.from,
                to: request.to,
                reason: request.reason,
                by: request.by,
                date: request.date,
                previous: chain.last?.hash,
                hash: ""
            )
            correction.hash = sha256(CorrectionCanonicalForm.bytes(correction))
            try validate(records, chain.filter { $0.month == request.month } + [correction])
            let subject = CorrectionCanonicalForm.subject(request.target)
            try db.execute(
                sql: """
                    INSERT INTO correction (contract_id, number, month, target, subject, item, from_value, to_value,
                        reason, decided_by, decided_on, previous, hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    correction.contractID, correction.number, correction.month.description,
                    CorrectionCanonicalForm.targetName(correction.target), subject.subject, subject.item,
                    correction.from, correction.to, correction.reason, correction.by, correction.date,
                    correction.previous, correction.hash,
                ]
            )
            try faultHook(.afterCorrection)
            try faultHook(.beforeCommit)
            return correction
        }
    }

    /// The contract's corrections in number order, as stored (`verify()` checks their chain).
    public func corrections(contractID: String) throws(DiagnosticError) -> [PerformanceCorrection] {
        try read { db in try Self.corrections(db, contractID: contractID) }
    }

    static func corrections(_ db: Database, contractID: String) throws -> [PerformanceCorrection] {
        try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM correction WHERE contract_id = ? ORDER BY number"),
            arguments: [contractID]
        ).map(correction)
    }

    static func correction(_ row: Row) throws -> PerformanceCorrection {
        let monthText: String = row["month"]
        let targetName: String = row["target"]
        guard let month = YearMonth(monthText),
            let target = CorrectionCanonicalForm.target(name: targetName, subject: row["subject"], item: row["item"])
        else {
            throw StoredValueError(what: "correction \(row["number"] as Int)")
        }
        return PerformanceCorrection(
            number: row["number"],
            contractID: row["contract_id"],
            month: month,
            target: target,
            from: row["from_value"],
            to: row["to_value"],
            reason: row["reason"],
            by: row["decided_by"],
            date: row["decided_on"],
            previous: row["previous"],
            hash: row["hash"]
        )
    }
}

/// A stored value this build cannot read back (changed by hand): reported as a diagnostic at the database.
struct StoredValueError: Error, CustomStringConvertible {
    var what: String
    var description: String { "\(what) holds a value tender-eval cannot read; was it changed by hand?" }
}
