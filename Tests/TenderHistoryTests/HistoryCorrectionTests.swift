import Foundation
import TenderCore
import TenderModel
import Testing

@testable import TenderHistory

@Suite struct HistoryCorrectionTests {
    typealias Values = HistoryTestValues

    struct Refused: Error {}

    private func recorded(_ folder: TemporaryFolder) throws -> (HistoryDatabase, EvaluationPlan) {
        let database = try HistoryDatabase.open(
            path: folder.path("tender-eval.sqlite"),
            mode: .create,
            sha256: Values.sha256
        )
        let plan = Values.plan()
        try database.registerContract(plan: plan, planBytes: Values.planBytes(plan))
        for month in ["2021-05", "2021-06"].map(Values.month) {
            try database.recordSheets(contractID: plan.contract.id, month: month, Values.allSheets(month))
        }
        return (database, plan)
    }

    private func request(
        _ month: String,
        _ target: CorrectionTarget,
        from: String,
        to: String,
        contractID: String = "HYJG-2020-FW-017-HT"
    ) -> CorrectionRequest {
        CorrectionRequest(
            contractID: contractID,
            month: Values.month(month),
            target: target,
            from: from,
            to: to,
            reason: "监督委员会复核：照片显示\n已整改",
            by: "监督委员会",
            date: "2021-07-02"
        )
    }

    @Test func correctionsAreNumberedAndChainedAndTheValidatorSeesTheMonthsChain() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (database, plan) = try recorded(folder)
        var seen: [(MonthRecords, [Int])] = []
        let validate: (MonthRecords, [PerformanceCorrection]) throws -> Void = { records, chain in
            seen.append((records, chain.map(\.number)))
        }
        let first = try database.appendCorrection(
            request("2021-05", .teamScore(team: "保洁一班"), from: "95", to: "98"),
            validate: validate
        )
        let second = try database.appendCorrection(
            request("2021-06", .patrolDeduction(finding: "P-2021-06-1"), from: "2", to: "0"),
            validate: validate
        )
        let third = try database.appendCorrection(
            request("2021-05", .surveyAnswer(respondent: "R1000", item: "cleaning"), from: "满意", to: ""),
            validate: validate
        )
        #expect([first.number, second.number, third.number] == [1, 2, 3] as [Int])
        #expect(first.previous == nil)
        #expect(second.previous == first.hash)
        #expect(third.previous == second.hash)
        #expect(seen.map(\.1) == [[1], [2], [1, 3]] as [[Int]])
        let mayRecords = try database.monthRecords(contractID: plan.contract.id, month: Values.month("2021-05"))
        #expect(seen[0].0 == mayRecords)
        #expect(try database.corrections(contractID: plan.contract.id) == [first, second, third])
        #expect(try database.verify().isEmpty)

        // The documented canonical form, byte for byte.
        let expected =
            "by: 监督委员会\ncontract: HYJG-2020-FW-017-HT\ndate: 2021-07-02\nfrom: 满意\nitem: cleaning\n"
            + "month: 2021-05\nnumber: 3\nprevious: \(second.hash)\nreason: 监督委员会复核：照片显示\\n已整改\n"
            + "respondent: R1000\ntarget: survey-answer\nto: \n"
        #expect(CorrectionCanonicalForm.bytes(third) == Array(expected.utf8))
        #expect(third.hash == Values.sha256(Array(expected.utf8)))
    }

    @Test func aRefusedCorrectionWritesNothing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (database, plan) = try recorded(folder)
        let dump = try database.dump()
        #expect(throws: Refused.self) {
            try database.appendCorrection(
                request("2021-05", .teamScore(team: "保洁一班"), from: "90", to: "98"),
                validate: { _, _ in throw Refused() }
            )
        }
        let error = #expect(throws: DiagnosticError.self) {
            try database.appendCorrection(
                request("2021-07", .teamScore(team: "保洁一班"), from: "95", to: "98"),
                validate: { _, _ in }
            )
        }
        #expect(
            error?.description
                == "\(database.path): error: no team sheet is recorded for 2021-07 of contract \(plan.contract.id); "
                + "there is nothing to correct"
        )
        #expect(try database.dump() == dump)
    }

    @Test func aCorrectionChangedByHandIsFound() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (database, _) = try recorded(folder)
        for (month, to) in [("2021-05", "98"), ("2021-05", "99"), ("2021-06", "97")] {
            try database.appendCorrection(
                request(month, .teamScore(team: "保洁一班"), from: "95", to: to),
                validate: { _, _ in }
            )
        }
        let stored = try database.corrections(contractID: "HYJG-2020-FW-017-HT")
        try database.executeByHand("UPDATE correction SET to_value = '100' WHERE number = 2")
        let changed = try database.corrections(contractID: "HYJG-2020-FW-017-HT")[1]
        #expect(
            try database.verify().map(\.description) == [
                "\(database.path): error: contract HYJG-2020-FW-017-HT, correction 2: its contents no longer match "
                    + "its hash (stored \(stored[1].hash), now \(Values.sha256(CorrectionCanonicalForm.bytes(changed)))); "
                    + "it was changed outside tender-eval"
            ]
        )
        // Removing an entry breaks the numbering and the chain.
        try database.executeByHand("UPDATE correction SET to_value = '99' WHERE number = 2")
        #expect(try database.verify().isEmpty)
        try database.executeByHand("DELETE FROM correction WHERE number = 2")
        #expect(
            try database.verify().map(\.description) == [
                "\(database.path): error: contract HYJG-2020-FW-017-HT, correction 3 follows correction 1: a "
                    + "correction is missing from the chain",
                "\(database.path): error: contract HYJG-2020-FW-017-HT, correction 3: its previous hash is "
                    + "\(stored[1].hash) but the entry before it has \(stored[0].hash); the chain is broken",
            ]
        )
    }

    @Test func aRecordChangedByHandIsFound() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (database, _) = try recorded(folder)
        let before = try database.verify()
        #expect(before.isEmpty)
        try database.executeByHand(
            "UPDATE survey_answer SET answer = '满意' WHERE response_id = 3 AND ordinal = 0"
        )
        try database.executeByHand("UPDATE patrol_finding SET deduction_units = 0 WHERE finding_id = 'P-2021-06-2'")
        try database.executeByHand("UPDATE contract SET plan_text = X'00'")
        let findings = try database.verify().map(\.description)
        #expect(findings.count == 3)
        #expect(
            findings[0].hasPrefix(
                "\(database.path): error: contract HYJG-2020-FW-017-HT: the stored plan no longer matches its SHA-256"
            )
        )
        #expect(
            findings[2].hasPrefix(
                "\(database.path): error: contract HYJG-2020-FW-017-HT, patrol for 2021-06 (from patrol-2021-06.csv): "
                    + "the recorded rows no longer match the hash taken when they were imported (stored "
            )
        )
        #expect(findings[1].contains("survey for 2021-05 (from survey-2021-05.csv): the recorded rows no longer match"))
    }
}
