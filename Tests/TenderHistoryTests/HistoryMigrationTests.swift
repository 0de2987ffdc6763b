import Foundation
import TenderCore
import TenderModel
import Testing

@testable import TenderHistory

@Suite struct HistoryMigrationTests {
    typealias Values = HistoryTestValues

    @Test func migratingANewFileAppliesEveryMigrationAndASecondRunDoesNothing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("tender-eval.sqlite")
        let database = try HistoryDatabase.open(path: path, mode: .migrate, sha256: Values.sha256)
        #expect(try database.migrate() == ["v1-contracts-and-records", "v2-standing-events"])
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(try database.migrate() == [])
        #expect(try database.appliedMigrations() == HistoryDatabase.knownMigrations)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        let again = try HistoryDatabase.open(path: path, mode: .migrate, sha256: Values.sha256)
        #expect(try again.migrate() == [])
        _ = try HistoryDatabase.open(path: path, mode: .existing, sha256: Values.sha256)
    }

    @Test func createModeMakesACurrentDatabaseWithTheApplicationID() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("tender-eval.sqlite")
        let database = try HistoryDatabase.open(path: path, mode: .create, sha256: Values.sha256)
        #expect(try database.appliedMigrations() == HistoryDatabase.knownMigrations)
        let header = Array(try Data(contentsOf: URL(fileURLWithPath: path)).prefix(100))
        #expect(Array(header[68..<72]) == Array("TNDR".utf8))
    }

    @Test func aVersionOneDatabaseWithDataMigratesAndReadsBack() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("old.sqlite")
        let plan = Values.plan()
        let march = Values.month("2021-03")
        let evaluation = try Values.evaluation(march, score: 88, standing: "qualified")
        do {
            let old = try HistoryDatabase.open(path: path, mode: .migrate, sha256: Values.sha256)
            try old.migrate(upTo: "v1-contracts-and-records")
            try old.registerContract(plan: plan, planBytes: Values.planBytes(plan))
            try old.recordSheets(contractID: plan.contract.id, month: march, Values.allSheets(march))
            try old.storeMonthlyEvaluation(evaluation, raised: [], computedOn: "2021-04-02", correctionsThrough: 0)
        }
        let refusal = #expect(throws: DiagnosticError.self) {
            try HistoryDatabase.open(path: path, mode: .existing, sha256: Values.sha256)
        }
        #expect(
            refusal?.description
                == "\(path): error: was made by an earlier tender-eval (last migration v1-contracts-and-records); "
                + "run `tender-eval history migrate` to upgrade it (v2-standing-events)"
        )
        let database = try HistoryDatabase.open(path: path, mode: .migrate, sha256: Values.sha256)
        #expect(try database.migrate() == ["v2-standing-events"])
        #expect(try database.migrate() == [])

        let contract = try #require(try database.registeredContract(id: plan.contract.id))
        #expect(contract.planBytes == Values.planBytes(plan))
        #expect(contract.buyer == plan.contract.buyer)
        let records = try database.monthRecords(contractID: plan.contract.id, month: march)
        #expect(records.survey == Values.survey(march, count: 5))
        #expect(records.teams == Values.teams(march))
        #expect(records.departments == Values.departments(march))
        #expect(records.patrol == Values.patrol(march))
        #expect(records.sheets.map(\.source) == [.survey, .team, .department, .patrol])
        let months = try database.monthlyEvaluations(contractID: plan.contract.id)
        #expect(months.map(\.latest.evaluation) == [evaluation])
        #expect(try database.verify().isEmpty)
    }

    @Test func aDatabaseFromANewerBuildIsRefusedAndLeftUnchanged() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("tender-eval.sqlite")
        do {
            let database = try HistoryDatabase.open(path: path, mode: .create, sha256: Values.sha256)
            try database.executeByHand("INSERT INTO grdb_migrations (identifier) VALUES ('v3-payments')")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        for mode in [HistoryDatabase.OpenMode.create, .existing, .migrate] {
            let refusal = #expect(throws: DiagnosticError.self) {
                try HistoryDatabase.open(path: path, mode: mode, sha256: Values.sha256)
            }
            #expect(
                refusal?.description
                    == "\(path): error: was written by a newer tender-eval: it has migrations this build does not "
                    + "know (v3-payments); use that version of tender-eval"
            )
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }
}
