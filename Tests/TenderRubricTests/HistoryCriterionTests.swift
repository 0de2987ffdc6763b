import TenderCore
import TenderModel
import Testing

@testable import TenderRubric

@Suite struct HistoryCriterionTests {
    static let buyerLine =
        "  buyer: {zh: 台州市黄岩区机关事务中心, en: Huangyan District Government Offices Administration Centre}\n"
    static let standardHistory = [
        "months: 36", "buyer: this-buyer", "neutral: 3", "linear: {from: 70, to: 100, points-from: 0, points-to: 5}",
    ]

    /// A rubric whose reputation group reads the performance history: `history` are the lines of the criterion's
    /// `history:` mapping (line 18 onwards, column 13), `dates` the date lines of the tender header.
    static func yaml(
        history: [String] = standardHistory,
        dates: String = "  evaluation-date: 2022-11-20\n  published: 2022-10-15\n",
        buyer: String = buyerLine,
        profile: String = "cn-87",
        extraCriterion: String = ""
    ) -> String {
        "tender:\n  id: T-2\n  currency: CNY\n" + buyer + dates + "  profile: \(profile)\n"
            + "groups:\n"
            + "  - {id: price, points: 30, criteria: [{id: price, points: 30, price: lowest-price-ratio}]}\n"
            + "  - id: reputation\n    points: 70\n    criteria:\n"
            + "      - {id: service, points: \(extraCriterion.isEmpty ? 65 : 60), judgement: {}}\n"
            + "      - id: past-performance\n"
            + "        name: {zh: 以往合同月考评得分, en: Monthly evaluations on past contracts}\n"
            + "        points: 5\n        history:\n"
            + history.map { "            " + $0 + "\n" }.joined() + extraCriterion
    }

    static func errors(_ text: String) -> [String] {
        RubricFixtures.errors(inline: text, file: "h.yaml")
    }

    @Test func historyCriterionLoadsWithItsWindowBeforeThePublicationMonth() throws {
        let loaded = try RubricLoader.load(bytes: Array(Self.yaml().utf8), file: "h.yaml")
        let rubric = loaded.rubric
        let rules = rubric.historyRules
        #expect(rules.map(\.criterionID) == ["past-performance"])
        let rule = try #require(rules.first?.rule)
        #expect(rule.months == 36)
        #expect(rule.buyer == .thisBuyer)
        #expect(rule.neutral == Points(units: 3_000_000))
        #expect(rule.scale == .linear(lower: 70, upper: 100, lowerPoints: 0, upperPoints: 5))
        #expect(rule.location.description == "h.yaml:18:13")
        let window = try #require(rubric.historyWindow)
        #expect(window.first == YearMonth("2019-10") && window.last == YearMonth("2022-09"))
    }

    @Test func withoutAPublicationDateTheWindowEndsBeforeTheEvaluationMonth() throws {
        let text = Self.yaml(dates: "  evaluation-date: 2022-01-20\n")
        let rubric = try RubricLoader.load(bytes: Array(text.utf8), file: "h.yaml").rubric
        let window = try #require(rubric.historyWindow)
        #expect(window.first == YearMonth("2019-01") && window.last == YearMonth("2021-12"))
    }

    @Test func theDatabaseWindowIsTheLongestOfSeveralCriteria() throws {
        let second =
            "      - id: recent\n        points: 5\n        history:\n"
            + "            {months: 12, buyer: any, neutral: 2.5, bands: [{from: 0, to: 90, points: 0}, {from: 90, points: 5}]}\n"
        let rubric = try RubricLoader.load(bytes: Array(Self.yaml(extraCriterion: second).utf8), file: "h.yaml").rubric
        #expect(rubric.historyRules.map(\.criterionID) == ["past-performance", "recent"])
        let recent = try #require(rubric.historyWindow(for: rubric.historyRules[1].rule))
        #expect(recent.first == YearMonth("2021-10") && recent.last == YearMonth("2022-09"))
        let longest = try #require(rubric.historyWindow)
        #expect(longest.first == YearMonth("2019-10") && longest.last == YearMonth("2022-09"))
    }

    @Test func thisBuyerWarnsUnderCn87AndAnyBuyerDoesNot() throws {
        let loaded = try RubricLoader.load(bytes: Array(Self.yaml().utf8), file: "h.yaml")
        #expect(
            loaded.warnings.map(\.description) == [
                "h.yaml:18:13: warning: cn-87: criterion 'past-performance' counts past performance only with this "
                    + "buyer (buyer: this-buyer), which favours the incumbent; 政府采购法实施条例 Art 20(4) and 87号令 "
                    + "Art 17 forbid performance conditions tied to a particular region or buyer; consider 'buyer: any'"
            ]
        )
        var history = Self.standardHistory
        history[1] = "buyer: any"
        let anyBuyer = try RubricLoader.load(bytes: Array(Self.yaml(history: history).utf8), file: "h.yaml")
        #expect(anyBuyer.warnings.isEmpty)
        let noProfile = try RubricLoader.load(bytes: Array(Self.yaml(profile: "none").utf8), file: "h.yaml")
        #expect(noProfile.warnings.isEmpty)
    }

    @Test func badHistoryKeysAreEachReportedWhereTheyAreWritten() {
        let text = Self.yaml(history: [
            "months: 0", "buyer: this_buyer", "neutral: 0", "monts: 3", "yes-no: {yes: 5}",
        ])
        #expect(
            Self.errors(text) == [
                "h.yaml:18:21: error: months must be a whole number from 1 to 120, found '0'",
                "h.yaml:19:20: error: 'buyer' must be one of this-buyer, any, found 'this_buyer'; did you mean "
                    + "'this-buyer'?",
                "h.yaml:20:22: error: neutral 0 rates a bidder without past performance as the worst possible; FAR "
                    + "15.305(a)(2)(iv) rates a bidder with no record neutrally, neither favourably nor unfavourably: "
                    + "give points above 0 and at most the criterion's 5 points",
                "h.yaml:21:13: error: unknown key 'monts' in the history of criterion 'past-performance'; did you "
                    + "mean 'months'?",
                "h.yaml:22:13: error: a mean monthly score is a number: 'yes-no' cannot turn it into points; use one "
                    + "of linear, bands, per-item",
            ]
        )
    }

    @Test func monthsNeutralAndTheScaleStayWithinTheirLimits() {
        let text = Self.yaml(history: [
            "months: 121", "buyer: any", "neutral: 6", "linear: {from: 70, to: 100, points-from: 0, points-to: 6}",
        ])
        #expect(
            Self.errors(text) == [
                "h.yaml:18:21: error: months must be a whole number from 1 to 120, found '121'",
                "h.yaml:20:22: error: neutral 6 is above the criterion's 5 points",
                "h.yaml:21:68: error: points-to 6 is above the criterion's 5 points",
            ]
        )
    }

    @Test func requiredKeysAndAScaleAreAskedFor() {
        #expect(
            Self.errors(Self.yaml(history: ["months: 12", "neutral: 2"])) == [
                "h.yaml:18:13: error: missing required key 'buyer' in the history of criterion 'past-performance'",
                "h.yaml:18:13: error: criterion 'past-performance' needs a scale for the mean monthly score: one of "
                    + "linear, bands, per-item",
            ]
        )
    }

    @Test func withoutPublicationOrEvaluationDateTheCriterionHasNoWindow() {
        #expect(
            Self.errors(Self.yaml(dates: "")) == [
                "h.yaml:2:3: error: missing required key 'evaluation-date' in 'tender'",
                "h.yaml:12:9: error: criterion 'past-performance' reads the performance history of the months before "
                    + "the tender was published: the tender header needs 'published' (or 'evaluation-date') as a "
                    + "date written YYYY-MM-DD",
            ]
        )
        // A publication date alone is enough for the window (the header still wants its evaluation date).
        #expect(
            Self.errors(Self.yaml(dates: "  published: 2022-10-15\n")) == [
                "h.yaml:2:3: error: missing required key 'evaluation-date' in 'tender'"
            ]
        )
    }

    @Test func thisBuyerNeedsTheTenderHeaderToNameTheBuyer() {
        #expect(
            Self.errors(Self.yaml(buyer: "")) == [
                "h.yaml:17:13: error: criterion 'past-performance' counts only contracts with this buyer "
                    + "(buyer: this-buyer), but the tender header names no 'buyer'"
            ]
        )
    }
}
