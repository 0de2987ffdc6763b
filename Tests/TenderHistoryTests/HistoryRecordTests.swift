import Foundation
import TenderCore
import TenderModel
import Testing

@testable import TenderHistory

@Suite struct HistoryRecordTests {
    typealias Values = HistoryTestValues

    struct Fault: Error {}

    private func database(_ folder: TemporaryFolder) throws -> HistoryDatabase {
        try HistoryDatabase.open(path: folder.path("tender-eval.sqlite"), mode: .create, sha256: Values.sha256)
    }

    @Test func registeringTheSamePlanTwiceDoesNothingAndAnotherPlanIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let database = try database(folder)
        let plan = Values.plan()
        #expect(try database.registerContract(plan: plan, planBytes: Values.planBytes(plan)) == .registered)
        #expect(try database.registerContract(plan: plan, planBytes: Values.planBytes(plan)) == .alreadyRegistered)
        let other = Values.planBytes(plan, variant: "weights changed")
        let error = #expect(throws: DiagnosticError.self) {
            try database.registerContract(plan: plan, planBytes: other)
        }
        #expect(
            error?.description
                == "plan-HYJG-2020-FW-017-HT.yaml:1:1: error: contract HYJG-2020-FW-017-HT is already in the history "
                + "with another plan (plan-HYJG-2020-FW-017-HT.yaml, sha256 \(Values.sha256(Values.planBytes(plan)))); "
                + "this plan's sha256 is \(Values.sha256(other)): a contract's plan cannot change once it is recorded"
        )
    }

    @Test func recordsReadBackInOrderWithTheirLocations() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let database = try database(folder)
        let plan = Values.plan()
        let may = Values.month("2021-05")
        try database.registerContract(plan: plan, planBytes: Values.planBytes(plan))
        try database.recordSheets(contractID: plan.contract.id, month: may, Values.allSheets(may, respondents: 40))
        let records = try database.monthRecords(contractID: plan.contract.id, month: may)
        #expect(records.survey == Values.survey(may, count: 40))
        #expect(records.survey[6].answers.count == 3)
        #expect(records.survey[3].location.description == "survey-2021-05.csv:5:1")
        #expect(records.teams[1].location.description == "team-2021-05.csv:3")
        #expect(records.departments[0].reason == "扣分理由\n第二行")
        #expect(records.patrol[1].location.description == "other.csv:3:4")
        #expect(records.patrol == Values.patrol(may))
        #expect(records.sheets == Values.allSheets(may).map(\.sheet))
        #expect(try database.recordedMonths(contractID: plan.contract.id) == [may])
        let empty = try database.monthRecords(contractID: plan.contract.id, month: Values.month("2021-06"))
        #expect(empty.sheets.isEmpty && empty.survey.isEmpty)
    }

    @Test func aSourceIsRecordedOnceAMonth() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let database = try database(folder)
        let plan = Values.plan()
        let may = Values.month("2021-05")
        try database.registerContract(plan: plan, planBytes: Values.planBytes(plan))
        let first = Values.sheet(.survey, may, recordedOn: "2021-06-03")
        try database.recordSheet(
            contractID: plan.contract.id,
            month: may,
            sheet: first,
            records: .survey(Values.survey(may, count: 3))
        )
        var again = first
        again.file = "survey-2021-05-again.csv"
        again.recordedOn = "2021-06-09"
        let error = #expect(throws: DiagnosticError.self) {
            try database.recordSheet(
                contractID: plan.contract.id,
                month: may,
                sheet: again,
                records: .survey(Values.survey(may, count: 4))
            )
        }
        #expect(
            error?.description
                == "survey-2021-05-again.csv: error: survey for 2021-05 was already recorded on 2021-06-03 from "
                + "survey-2021-05.csv (sha256 \(first.sha256)); record a correction instead"
        )
        #expect(try database.monthRecords(contractID: plan.contract.id, month: may).survey.count == 3)
    }

    @Test func aFindingNumberIsUniqueWithinTheContractAndMonthsStayInsideIt() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let database = try database(folder)
        let plan = Values.plan()
        try database.registerContract(plan: plan, planBytes: Values.planBytes(plan))
        let may = Values.month("2021-05")
        let june = Values.month("2021-06")
        try database.recordSheet(
            contractID: plan.contract.id,
            month: may,
            sheet: Values.sheet(.patrol, may),
            records: .patrol(Values.patrol(may))
        )
        var reused = Values.patrol(june)
        reused[0].id = Values.patrol(may)[0].id
        let error = #expect(throws: DiagnosticError.self) {
            try database.recordSheet(
                contractID: plan.contract.id,
                month: june,
                sheet: Values.sheet(.patrol, june),
                records: .patrol(reused)
            )
        }
        #expect(
            error?.description
                == "patrol-2021-06.csv:2:1: error: finding P-2021-05-1 was already recorded for 2021-05 from "
                + "patrol-2021-05.csv; a finding's number is unique within the contract, not only the sheet, because a "
                + "correction names a finding by its number (--patrol-deduction): number them with the month, e.g. "
                + "P-2021-06-01"
        )
        let outside = Values.month("2024-01")
        let late = #expect(throws: DiagnosticError.self) {
            try database.recordSheets(contractID: plan.contract.id, month: outside, Values.allSheets(outside))
        }
        #expect(
            late?.description
                == "\(database.path): error: 2024-01 is outside contract HYJG-2020-FW-017-HT, which runs from "
                + "2021-01-01 to 2023-12-31"
        )
    }

    /// Every write point of every write, a throwing hook: the file's bytes and every row are as before.
    @Test(arguments: HistoryWritePoint.allCases)
    func aFaultAtAnyWritePointLeavesTheDatabaseUnchanged(point: HistoryWritePoint) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let database = try database(folder)
        let plan = Values.plan()
        let may = Values.month("2021-05")
        let june = Values.month("2021-06")
        // Some history already there, so a rollback has something to preserve.
        try database.registerContract(plan: plan, planBytes: Values.planBytes(plan))
        try database.recordSheets(contractID: plan.contract.id, month: may, Values.allSheets(may))
        try database.storeMonthlyEvaluation(
            try Values.evaluation(may, score: 60, standing: "unqualified"),
            raised: [],
            computedOn: "2021-06-04",
            correctionsThrough: 0
        )
        var bytes = try Data(contentsOf: URL(fileURLWithPath: database.path))
        var dump = try database.dump()
        var reached = false
        var reachedAny = false
        let hook: HistoryFaultHook = { passed in
            if passed == point {
                reached = true
                throw Fault()
            }
        }
        let other = Values.plan(id: "HYJG-2021-FW-003-HT")
        let writes: [() throws -> Void] = [
            { try database.registerContract(plan: other, planBytes: Values.planBytes(other), faultHook: hook) },
            {
                try database.recordSheets(
                    contractID: plan.contract.id,
                    month: june,
                    Values.allSheets(june),
                    faultHook: hook
                )
            },
            {
                try database.appendCorrection(
                    CorrectionRequest(
                        contractID: plan.contract.id,
                        month: may,
                        target: .teamScore(team: "保洁一班"),
                        from: "95",
                        to: "98",
                        reason: "复核",
                        by: "考评小组",
                        date: "2021-06-10"
                    ),
                    validate: { _, _ in },
                    faultHook: hook
                )
            },
            {
                try database.storeMonthlyEvaluation(
                    try Values.evaluation(may, score: 61, standing: "unqualified"),
                    raised: [
                        RaisedRule(
                            contractID: plan.contract.id,
                            ruleID: "three-unqualified",
                            raisedIn: may,
                            months: [may],
                            consequence: LocalizedText(en: "Warning"),
                            warnsNextTender: true
                        )
                    ],
                    computedOn: "2021-06-11",
                    correctionsThrough: 0,
                    faultHook: hook
                )
            },
        ]
        // A write that does not pass the point commits; one that does must leave no trace.
        for write in writes {
            reached = false
            do {
                try write()
            } catch is Fault {}
            if reached {
                reachedAny = true
                #expect(try Data(contentsOf: URL(fileURLWithPath: database.path)) == bytes)
                #expect(try database.dump() == dump)
            } else {
                #expect(try database.dump() != dump)
            }
            bytes = try Data(contentsOf: URL(fileURLWithPath: database.path))
            dump = try database.dump()
        }
        #expect(reachedAny, "no write passed \(point.rawValue)")
        #expect(!FileManager.default.fileExists(atPath: database.path + "-journal"))
    }

    /// A process killed inside the transaction: the files on disk at that moment (the database and its hot
    /// journal), opened afresh, hold exactly what was there before the write. The import is large enough for
    /// SQLite to spill changed pages into the database file before the commit, so recovery is really exercised.
    @Test func aProcessKilledInsideAnImportLeavesTheDatabaseAsItWas() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let database = try database(folder)
        let plan = Values.plan()
        let may = Values.month("2021-05")
        try database.registerContract(plan: plan, planBytes: Values.planBytes(plan))
        try database.recordSheets(contractID: plan.contract.id, month: may, Values.allSheets(may))
        let dump = try database.dump()
        let before = try Data(contentsOf: URL(fileURLWithPath: database.path))
        let crashed = folder.path("crashed.sqlite")
        var spilled = false
        let june = Values.month("2021-06")
        #expect(throws: Fault.self) {
            try database.recordSheets(
                contractID: plan.contract.id,
                month: june,
                Values.allSheets(june, respondents: 20_000)
            ) { point in
                guard point == .afterRecords else { return }
                // What a SIGKILL here would leave on disk.
                let manager = FileManager.default
                try manager.copyItem(atPath: database.path, toPath: crashed)
                if manager.fileExists(atPath: database.path + "-journal") {
                    try manager.copyItem(atPath: database.path + "-journal", toPath: crashed + "-journal")
                }
                spilled = try Data(contentsOf: URL(fileURLWithPath: crashed)) != before
                throw Fault()
            }
        }
        #expect(spilled, "the import never reached the database file before the kill; recovery was not tested")
        let recovered = try HistoryDatabase.open(path: crashed, mode: .existing, sha256: Values.sha256)
        #expect(try recovered.dump() == dump)
        #expect(try recovered.verify().isEmpty)
    }
}
