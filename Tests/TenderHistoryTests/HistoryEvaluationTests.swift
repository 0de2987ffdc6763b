import Foundation
import TenderCore
import TenderModel
import Testing

@testable import TenderHistory

@Suite struct HistoryEvaluationTests {
    typealias Values = HistoryTestValues

    private func database(_ folder: TemporaryFolder) throws -> HistoryDatabase {
        try HistoryDatabase.open(path: folder.path("tender-eval.sqlite"), mode: .create, sha256: Values.sha256)
    }

    private func rule(_ contractID: String, _ month: String, months: [String]) -> RaisedRule {
        RaisedRule(
            contractID: contractID,
            ruleID: "three-unqualified",
            raisedIn: Values.month(month),
            months: months.map(Values.month),
            consequence: LocalizedText(zh: "下次招标时提请评标委员会注意", en: "Warning to the committee"),
            warnsNextTender: true
        )
    }

    @Test func recomputingAMonthKeepsTheEarlierComputation() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let database = try database(folder)
        let plan = Values.plan()
        try database.registerContract(plan: plan, planBytes: Values.planBytes(plan))
        let may = Values.month("2021-05")
        let first = try Values.evaluation(may, score: Points(units: 69_990_000), standing: "unqualified")
        let raised = rule(plan.contract.id, "2021-05", months: ["2021-03", "2021-04", "2021-05"])
        try database.storeMonthlyEvaluation(first, raised: [raised], computedOn: "2021-06-04", correctionsThrough: 0)
        let second = try Values.evaluation(may, score: 71, standing: "qualified", corrections: [1])
        try database.storeMonthlyEvaluation(second, raised: [], computedOn: "2021-07-03", correctionsThrough: 1)
        let june = try Values.evaluation(Values.month("2021-06"), score: 92, standing: "excellent")
        try database.storeMonthlyEvaluation(june, raised: [], computedOn: "2021-07-03", correctionsThrough: 1)

        let months = try database.monthlyEvaluations(contractID: plan.contract.id)
        #expect(months.map(\.month) == [may, Values.month("2021-06")])
        #expect(months[0].latest.evaluation == second)
        #expect(months[0].latest.correctionsThrough == 1)
        #expect(months[0].latest.raised.isEmpty)
        #expect(
            months[0].superseded == [
                StoredEvaluation(evaluation: first, computedOn: "2021-06-04", correctionsThrough: 0, raised: [raised])
            ]
        )
        #expect(months[1].latest.evaluation == june && months[1].superseded.isEmpty)
    }

    @Test func aMonthIsStaleWhenACorrectionOfItIsNewerThanItsComputation() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let database = try database(folder)
        let plan = Values.plan()
        try database.registerContract(plan: plan, planBytes: Values.planBytes(plan))
        let may = Values.month("2021-05")
        let june = Values.month("2021-06")
        for month in [may, june] {
            try database.recordSheets(contractID: plan.contract.id, month: month, Values.allSheets(month))
            try database.storeMonthlyEvaluation(
                try Values.evaluation(month, score: 80, standing: "qualified"),
                raised: [],
                computedOn: "2021-07-01",
                correctionsThrough: 0
            )
        }
        #expect(try database.staleMonths(contractID: plan.contract.id).isEmpty)
        func correct(_ month: String, to: String) throws {
            try database.appendCorrection(
                CorrectionRequest(
                    contractID: plan.contract.id,
                    month: Values.month(month),
                    target: .teamScore(team: "会务组"),
                    from: "100",
                    to: to,
                    reason: "复核",
                    by: "考评小组",
                    date: "2021-07-05"
                ),
                validate: { _, _ in }
            )
        }
        try correct("2021-06", to: "99")
        try correct("2021-06", to: "98")
        #expect(
            try database.staleMonths(contractID: plan.contract.id) == [
                StaleMonth(contractID: plan.contract.id, month: june, correctionsThrough: 0, newerCorrections: [1, 2])
            ]
        )
        // A correction of another month does not make June stale again once June is recomputed through 2.
        try database.storeMonthlyEvaluation(
            try Values.evaluation(june, score: 79, standing: "qualified", corrections: [1, 2]),
            raised: [],
            computedOn: "2021-07-06",
            correctionsThrough: 2
        )
        try correct("2021-05", to: "97")
        #expect(
            try database.staleMonths(contractID: plan.contract.id) == [
                StaleMonth(contractID: plan.contract.id, month: may, correctionsThrough: 0, newerCorrections: [3])
            ]
        )
    }

    /// Two contracts of one contractor (one with another buyer), one of another contractor; months inside and
    /// outside the window; a superseded computation; a warning.
    private func populated(_ folder: TemporaryFolder) throws -> HistoryDatabase {
        let database = try database(folder)
        let main = Values.plan()
        let elsewhere = Values.plan(
            id: "JJ-2021-007-HT",
            registrationID: "9133 1003 ma2a xxxxxx",
            buyer: LocalizedText(zh: "台州市椒江区人民医院"),
            start: "2021-06-01",
            end: "2022-05-31"
        )
        let stranger = Values.plan(id: "HYJG-2019-FW-002-HT", registrationID: "91331003MA2BYYYYYY")
        for plan in [main, elsewhere, stranger] {
            try database.registerContract(plan: plan, planBytes: Values.planBytes(plan))
        }
        let scores: [(EvaluationPlan, String, Points, String)] = [
            (main, "2021-01", 95, "excellent"),
            (main, "2021-02", 65, "unqualified"),
            (main, "2021-03", 66, "unqualified"),
            (main, "2021-04", 67, "unqualified"),
            (main, "2021-05", 88, "qualified"),
            (elsewhere, "2021-06", 91, "excellent"),
            (stranger, "2021-03", 75, "qualified"),
        ]
        for (plan, month, score, standing) in scores {
            try database.storeMonthlyEvaluation(
                try Values.evaluation(
                    contractID: plan.contract.id,
                    Values.month(month),
                    score: score,
                    standing: standing
                ),
                raised: month == "2021-04"
                    ? [rule(plan.contract.id, month, months: ["2021-02", "2021-03", "2021-04"])] : [],
                computedOn: "2021-07-01",
                correctionsThrough: 0
            )
        }
        // Superseded: the published score of 2021-05 is 88, not this earlier 50.
        try database.storeMonthlyEvaluation(
            try Values.evaluation(Values.month("2021-05"), score: 50, standing: "unqualified"),
            raised: [],
            computedOn: "2021-06-01",
            correctionsThrough: 0
        )
        try database.storeMonthlyEvaluation(
            try Values.evaluation(Values.month("2021-05"), score: 88, standing: "qualified"),
            raised: [],
            computedOn: "2021-07-02",
            correctionsThrough: 0
        )
        return database
    }

    @Test func theHistoryQueryReadsLatestScoresInTheWindowByRegistrationKey() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let database = try populated(folder)
        let key = try #require(BidderIdentity.registrationIDKey("91331003ma2axxxxxx")).value
        let result = try database.history(
            registrationKeys: [key, "NOBODY"],
            window: Values.month("2021-02")...Values.month("2022-01"),
            buyerMatches: { _ in true },
            database: "tender-eval.sqlite"
        )
        #expect(result.staleMonths.isEmpty)
        let history = result.history
        #expect(history.database == "tender-eval.sqlite")
        #expect(history.firstMonth == Values.month("2021-02") && history.lastMonth == Values.month("2022-01"))
        #expect(Array(history.bidders.keys) == [key])
        let bidder = try #require(history.bidders[key])
        #expect(bidder.contracts.map(\.contractID) == ["HYJG-2020-FW-017-HT", "JJ-2021-007-HT"])
        #expect(bidder.contracts[0].months.map(\.month.description) == ["2021-02", "2021-03", "2021-04", "2021-05"])
        #expect(bidder.monthScores == [65, 66, 67, 88, 91])
        #expect(bidder.contracts[0].months[0].standingName == LocalizedText(zh: "不合格", en: "Unqualified"))
        #expect(bidder.warnings == [rule("HYJG-2020-FW-017-HT", "2021-04", months: ["2021-02", "2021-03", "2021-04"])])

        // This buyer only; a window that leaves out the warning's month.
        let thisBuyer = try database.history(
            registrationKeys: [key],
            window: Values.month("2021-05")...Values.month("2021-12"),
            buyerMatches: { $0.zh == Values.buyer.zh }
        )
        let only = try #require(thisBuyer.history.bidders[key])
        #expect(only.contracts.map(\.contractID) == ["HYJG-2020-FW-017-HT"])
        #expect(only.monthScores == [88])
        #expect(only.warnings.isEmpty)
        #expect(thisBuyer.history.database == database.path)
    }

    @Test func theDigestIsStableAndFollowsEveryRowUsed() throws {
        let key = try #require(BidderIdentity.registrationIDKey("91331003MA2AXXXXXX")).value
        let window = Values.month("2021-01")...Values.month("2021-12")
        var digests: [String] = []
        for _ in 0..<2 {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let database = try populated(folder)
            digests.append(
                try database.history(registrationKeys: [key], window: window, buyerMatches: { _ in true }).history
                    .digest
            )
        }
        #expect(digests[0] == digests[1])
        #expect(digests[0].count == 64)

        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let database = try populated(folder)
        try database.executeByHand("UPDATE monthly_score SET score_units = 66000001 WHERE month = '2021-02'")
        let changed = try database.history(registrationKeys: [key], window: window, buyerMatches: { _ in true })
        #expect(changed.history.digest != digests[0])
        let narrower = try database.history(
            registrationKeys: [key],
            window: Values.month("2021-01")...Values.month("2021-11"),
            buyerMatches: { _ in true }
        )
        #expect(narrower.history.digest != changed.history.digest)
    }

    @Test func aStaleMonthInTheWindowIsReportedAsAnError() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let database = try populated(folder)
        let march = Values.month("2021-03")
        try database.recordSheets(contractID: "HYJG-2020-FW-017-HT", month: march, Values.allSheets(march))
        try database.appendCorrection(
            CorrectionRequest(
                contractID: "HYJG-2020-FW-017-HT",
                month: march,
                target: .teamScore(team: "保洁一班"),
                from: "95",
                to: "100",
                reason: "复核",
                by: "考评小组",
                date: "2021-07-09"
            ),
            validate: { _, _ in }
        )
        let key = try #require(BidderIdentity.registrationIDKey("91331003MA2AXXXXXX")).value
        let inside = try database.history(
            registrationKeys: [key],
            window: Values.month("2021-01")...Values.month("2021-12"),
            buyerMatches: { _ in true },
            database: "tender-eval.sqlite"
        )
        #expect(
            inside.staleMonths.map(\.description) == [
                "tender-eval.sqlite: error: contract HYJG-2020-FW-017-HT, 2021-03: the published score was computed "
                    + "with corrections up to 0, but correction 1 changes that month; compute it again with "
                    + "`tender-eval perf month`"
            ]
        )
        let outside = try database.history(
            registrationKeys: [key],
            window: Values.month("2021-04")...Values.month("2021-12"),
            buyerMatches: { _ in true }
        )
        #expect(outside.staleMonths.isEmpty)
    }

    @Test func contractsAreAlsoFoundByTheContractorsNameWhateverTheirRegistrationID() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let database = try populated(folder)
        // Every plan of `populated` names 台州清和物业服务有限公司, under two registration keys.
        let nameKey = try #require(BidderIdentity.nameKey("台州清和物业服务有限公司")).value
        let window = Values.month("2021-02")...Values.month("2022-01")
        let found = try database.contractors(nameKeys: [nameKey, "无此公司"], window: window)
        #expect(Array(found.keys) == [nameKey])
        let records = try #require(found[nameKey])
        #expect(records.map(\.contractID) == ["HYJG-2019-FW-002-HT", "HYJG-2020-FW-017-HT", "JJ-2021-007-HT"])
        #expect(
            records.map(\.contractor.registrationID) == [
                "91331003MA2BYYYYYY", "91331003MA2AXXXXXX", "9133 1003 ma2a xxxxxx",
            ]
        )
        // 2021-02 … 2021-05 of the main contract (May counted once: its superseded computation is not a month),
        // and its warning of 2021-04.
        #expect(records.map(\.scoredMonths) == [1, 4, 1])
        #expect(records.map(\.warnings) == [0, 1, 0])
        #expect(records[1].buyer == Values.buyer && records[1].tenderID == "HYJG-2020-FW-017")

        // This buyer, a window without the stranger's month: only the main contract's May.
        let narrow = try database.contractors(
            nameKeys: [nameKey],
            window: Values.month("2021-05")...Values.month("2021-12"),
            buyerMatches: { $0.zh == Values.buyer.zh }
        )
        #expect(narrow[nameKey]?.map(\.contractID) == ["HYJG-2020-FW-017-HT"])
        #expect(narrow[nameKey]?.map(\.scoredMonths) == [1])
        #expect(narrow[nameKey]?.map(\.warnings) == [0])

        // The tender's query carries them beside the bidders; without name keys it reads none, and the digest
        // (of the rows that give points) is the same either way.
        let key = try #require(BidderIdentity.registrationIDKey("91331003MA2AXXXXXX")).value
        let withNames = try database.history(
            registrationKeys: [key],
            nameKeys: [nameKey],
            window: window,
            buyerMatches: { _ in true }
        )
        let without = try database.history(registrationKeys: [key], window: window, buyerMatches: { _ in true })
        #expect(withNames.history.contractorsByName == found)
        #expect(without.history.contractorsByName.isEmpty)
        #expect(withNames.history.digest == without.history.digest)
        #expect(withNames.history.bidders == without.history.bidders)
    }
}
