import GRDB
public import TenderCore
public import TenderModel

extension HistoryDatabase {
    /// Records one sheet; see `recordSheets`.
    public func recordSheet(
        contractID: String,
        month: YearMonth,
        sheet: RecordedSheet,
        records: SheetRecords,
        faultHook: HistoryFaultHook = { _ in }
    ) throws {
        try recordSheets(
            contractID: contractID,
            month: month,
            [SheetBatch(sheet: sheet, records: records)],
            faultHook: faultHook
        )
    }

    /// Records a month's sheets of a registered contract in ONE transaction: all of them or none, so a command
    /// that was killed can simply be run again. Each sheet gets a batch row (file, SHA-256, recorded-on) with the
    /// SHA-256 of its rows' canonical form. A source already recorded for the month is an error: the record
    /// stays as first imported and changes go through `appendCorrection`.
    public func recordSheets(
        contractID: String,
        month: YearMonth,
        _ batches: [SheetBatch],
        faultHook: HistoryFaultHook = { _ in }
    ) throws {
        try write { db in
            try insert(db, contractID: contractID, month: month, batches: batches, faultHook: faultHook)
        }
    }

    /// Registers the plan's contract (when it is not yet registered) and records the month's sheets, in ONE
    /// transaction: what `tender-eval perf record` does, so a killed command leaves no trace at all.
    public func recordSheets(
        registering plan: EvaluationPlan,
        planBytes: [UInt8],
        sameMeaning: ([UInt8]) -> Bool = { _ in false },
        month: YearMonth,
        _ batches: [SheetBatch],
        faultHook: HistoryFaultHook = { _ in }
    ) throws {
        try write { db in
            _ = try register(db, plan: plan, planBytes: planBytes, sameMeaning: sameMeaning, faultHook: faultHook)
            try insert(db, contractID: plan.contract.id, month: month, batches: batches, faultHook: faultHook)
        }
    }

    private func insert(
        _ db: Database,
        contractID: String,
        month: YearMonth,
        batches: [SheetBatch],
        faultHook: HistoryFaultHook
    ) throws {
        try requireContract(db, contractID)
        try requireMonthInContract(db, contractID, month)
        for batch in batches {
            try insert(db, contractID: contractID, month: month, batch: batch, faultHook: faultHook)
        }
        try faultHook(.beforeCommit)
    }

    private func insert(
        _ db: Database,
        contractID: String,
        month: YearMonth,
        batch: SheetBatch,
        faultHook: HistoryFaultHook
    ) throws {
        let sheet = batch.sheet
        guard sheet.source == batch.records.source else {
            preconditionFailure("a \(sheet.source.rawValue) sheet holds \(batch.records.source.rawValue) records")
        }
        if let earlier = try Row.fetchOne(
            db,
            sql:
                "SELECT recorded_on, file, file_sha256 FROM record_batch WHERE contract_id = ? AND month = ? AND source = ?",
            arguments: [contractID, month.description, sheet.source.rawValue]
        ) {
            let recordedOn: String = earlier["recorded_on"]
            let file: String = earlier["file"]
            let digest: String = earlier["file_sha256"]
            throw DiagnosticError(
                .error(
                    "\(sheet.source.rawValue) for \(month) was already recorded on \(recordedOn) from \(file) "
                        + "(sha256 \(digest)); record a correction instead",
                    at: SourceLocation(file: sheet.file)
                )
            )
        }
        let rowsDigest = sha256(
            BatchCanonicalForm.bytes(contractID: contractID, month: month, sheet: sheet, records: batch.records)
        )
        try db.cachedStatement(
            sql: """
                INSERT INTO record_batch (contract_id, month, source, file, file_sha256, recorded_on, row_count,
                    rows_sha256)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            contractID, month.description, sheet.source.rawValue, sheet.file, sheet.sha256, sheet.recordedOn,
            batch.records.count, rowsDigest,
        ])
        let batchID = db.lastInsertedRowID
        try faultHook(.afterBatch)
        switch batch.records {
        case .survey(let responses):
            try insertSurvey(db, batchID: batchID, responses, sheet: sheet)
        case .team(let teams):
            try insertTeams(db, batchID: batchID, teams, sheet: sheet)
        case .department(let scores):
            try insertDepartments(db, batchID: batchID, scores, sheet: sheet)
        case .patrol(let findings):
            try insertPatrol(db, contractID: contractID, batchID: batchID, findings, sheet: sheet)
        }
        try faultHook(.afterRecords)
    }

    private func insertSurvey(_ db: Database, batchID: Int64, _ responses: [SurveyResponse], sheet: RecordedSheet)
        throws
    {
        let responseStatement = try db.cachedStatement(
            sql: """
                INSERT INTO survey_response (batch_id, ordinal, respondent, file, line, column_number)
                VALUES (?, ?, ?, ?, ?, ?)
                """
        )
        let answerStatement = try db.cachedStatement(
            sql: "INSERT INTO survey_answer (response_id, ordinal, item, answer) VALUES (?, ?, ?, ?)"
        )
        for (ordinal, response) in responses.enumerated() {
            let place = RecordLocation(response.location, sheetFile: sheet.file)
            try responseStatement.execute(arguments: [
                batchID, ordinal, response.respondent, place.file, place.line, place.column,
            ])
            let responseID = db.lastInsertedRowID
            for (answerOrdinal, answer) in response.answers.enumerated() {
                try answerStatement.execute(arguments: [responseID, answerOrdinal, answer.item, answer.answer])
            }
        }
    }

    private func insertTeams(_ db: Database, batchID: Int64, _ teams: [TeamRecommendation], sheet: RecordedSheet)
        throws
    {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO team_score (batch_id, ordinal, team, score_units, reason, file, line, column_number)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """
        )
        for (ordinal, team) in teams.enumerated() {
            let place = RecordLocation(team.location, sheetFile: sheet.file)
            try statement.execute(arguments: [
                batchID, ordinal, team.team, team.score.units, team.reason, place.file, place.line, place.column,
            ])
        }
    }

    private func insertDepartments(
        _ db: Database,
        batchID: Int64,
        _ scores: [DepartmentScore],
        sheet: RecordedSheet
    ) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO department_score (batch_id, ordinal, department, item, score_units, reason, file, line,
                    column_number)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        )
        for (ordinal, score) in scores.enumerated() {
            let place = RecordLocation(score.location, sheetFile: sheet.file)
            try statement.execute(arguments: [
                batchID, ordinal, score.department, score.item, score.score.units, score.reason, place.file,
                place.line, place.column,
            ])
        }
    }

    private func insertPatrol(
        _ db: Database,
        contractID: String,
        batchID: Int64,
        _ findings: [PatrolFinding],
        sheet: RecordedSheet
    ) throws {
        let earlier = try db.cachedStatement(
            sql: """
                SELECT b.month, b.file FROM patrol_finding f JOIN record_batch b ON b.id = f.batch_id
                WHERE f.contract_id = ? AND f.finding_id = ?
                """
        )
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO patrol_finding (batch_id, ordinal, contract_id, finding_id, finding_date, place, item,
                    description, deduction_units, photo, photo_sha256, file, line, column_number)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        )
        for (ordinal, finding) in findings.enumerated() {
            if let row = try Row.fetchOne(earlier, arguments: [contractID, finding.id]) {
                let month: String = row["month"]
                let file: String = row["file"]
                throw DiagnosticError(
                    .error(
                        "finding \(finding.id) was already recorded for \(month) from \(file); a finding's number is "
                            + "unique within the contract, not only the sheet, because a correction names a finding "
                            + "by its number (--patrol-deduction): number them with the month, e.g. P-\(finding.date.prefix(7))-01",
                        at: finding.location
                    )
                )
            }
            let place = RecordLocation(finding.location, sheetFile: sheet.file)
            try statement.execute(arguments: [
                batchID, ordinal, contractID, finding.id, finding.date, finding.place, finding.item,
                finding.description, finding.deduction.units, finding.photo, finding.photoSHA256, place.file,
                place.line, place.column,
            ])
        }
    }

    private func requireMonthInContract(_ db: Database, _ contractID: String, _ month: YearMonth) throws {
        let row = try Row.fetchOne(
            db,
            sql: "SELECT start_date, end_date FROM contract WHERE id = ?",
            arguments: [contractID]
        )
        guard let row else { return }
        let start: String = row["start_date"]
        let end: String = row["end_date"]
        guard let first = YearMonth(dayText: start), let last = YearMonth(dayText: end) else { return }
        if month < first || month > last {
            throw HistoryDatabase.refusal(
                path,
                "\(month) is outside contract \(contractID), which runs from \(start) to \(end)"
            )
        }
    }

    /// The months of the contract with at least one sheet recorded, oldest first.
    public func recordedMonths(contractID: String) throws(DiagnosticError) -> [YearMonth] {
        try read { db in
            try String.fetchAll(
                db,
                sql: "SELECT DISTINCT month FROM record_batch WHERE contract_id = ? ORDER BY month",
                arguments: [contractID]
            ).map { text in
                guard let month = YearMonth(text) else { throw StoredValueError(what: "month \(text)") }
                return month
            }
        }
    }

    /// Everything recorded for `month` of the contract: rows in recorded order, each located at its place in the
    /// sheet it came from (`file:line[:col]`), and the sheets recorded (in source order).
    public func monthRecords(contractID: String, month: YearMonth) throws(DiagnosticError) -> MonthRecords {
        try read { db in try Self.monthRecords(db, contractID: contractID, month: month) }
    }

    static func monthRecords(_ db: Database, contractID: String, month: YearMonth) throws -> MonthRecords {
        var records = MonthRecords(contractID: contractID, month: month)
        let batches = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM record_batch WHERE contract_id = ? AND month = ?"),
            arguments: [contractID, month.description]
        )
        var byID: [Int64: RecordedSheet] = [:]
        for row in batches {
            guard let source = PerformanceSource(rawValue: row["source"]) else { continue }
            let sheet = RecordedSheet(
                source: source,
                file: row["file"],
                sha256: row["file_sha256"],
                recordedOn: row["recorded_on"]
            )
            byID[row["id"]] = sheet
        }
        let order = PerformanceSource.allCases
        records.sheets = byID.values.sorted {
            order.firstIndex(of: $0.source)! < order.firstIndex(of: $1.source)!
        }
        for (batchID, sheet) in byID {
            switch try rows(db, batchID: batchID, sheet: sheet) {
            case .survey(let rows): records.survey = rows
            case .team(let rows): records.teams = rows
            case .department(let rows): records.departments = rows
            case .patrol(let rows): records.patrol = rows
            }
        }
        return records
    }

    /// The rows of one batch as recorded, in their sheet order.
    static func rows(_ db: Database, batchID: Int64, sheet: RecordedSheet) throws -> SheetRecords {
        func location(_ row: Row) -> SourceLocation {
            RecordLocation(file: row["file"], line: row["line"], column: row["column_number"])
                .location(sheetFile: sheet.file)
        }
        switch sheet.source {
        case .survey:
            let answers = try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT a.response_id, a.item, a.answer FROM survey_answer a
                        JOIN survey_response r ON r.id = a.response_id
                        WHERE r.batch_id = ? ORDER BY a.response_id, a.ordinal
                        """
                ),
                arguments: [batchID]
            )
            var answersByResponse: [Int64: [SurveyItemAnswer]] = [:]
            for row in answers {
                answersByResponse[row["response_id"], default: []].append(
                    SurveyItemAnswer(item: row["item"], answer: row["answer"])
                )
            }
            let responses = try Row.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM survey_response WHERE batch_id = ? ORDER BY ordinal"),
                arguments: [batchID]
            )
            return .survey(
                responses.map { row in
                    SurveyResponse(
                        respondent: row["respondent"],
                        answers: answersByResponse[row["id"]] ?? [],
                        location: location(row)
                    )
                }
            )
        case .team:
            let rows = try Row.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM team_score WHERE batch_id = ? ORDER BY ordinal"),
                arguments: [batchID]
            )
            return .team(
                rows.map { row in
                    TeamRecommendation(
                        team: row["team"],
                        score: Points(units: row["score_units"]),
                        reason: row["reason"],
                        location: location(row)
                    )
                }
            )
        case .department:
            let rows = try Row.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM department_score WHERE batch_id = ? ORDER BY ordinal"),
                arguments: [batchID]
            )
            return .department(
                rows.map { row in
                    DepartmentScore(
                        department: row["department"],
                        item: row["item"],
                        score: Points(units: row["score_units"]),
                        reason: row["reason"],
                        location: location(row)
                    )
                }
            )
        case .patrol:
            let rows = try Row.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM patrol_finding WHERE batch_id = ? ORDER BY ordinal"),
                arguments: [batchID]
            )
            return .patrol(
                rows.map { row in
                    PatrolFinding(
                        id: row["finding_id"],
                        date: row["finding_date"],
                        place: row["place"],
                        item: row["item"],
                        description: row["description"],
                        deduction: Points(units: row["deduction_units"]),
                        photo: row["photo"],
                        photoSHA256: row["photo_sha256"],
                        location: location(row)
                    )
                }
            )
        }
    }
}
