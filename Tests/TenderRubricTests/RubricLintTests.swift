import TenderCore
import TenderModel
import Testing

@testable import TenderRubric

@Suite struct RubricLintTests {
    @Test func cn87WarnsAboutPriceWeightFormulaAndBannedFactors() throws {
        let loaded = try RubricFixtures.load("lint.yaml")
        #expect(
            loaded.warnings.map(\.description) == [
                "lint.yaml:7:5: warning: cn-87: price weight 8 is below the 10 % floor for services (87号令 Art 55)",
                "lint.yaml:10:9: warning: cn-87: price formula 'linear' is not the 低价优先法 that 87号令 Art 55 "
                    + "requires; use lowest-price-ratio",
                "lint.yaml:14:9: warning: cn-87: criterion 'headcount' seems to score headcount; 87号令 Art 17 forbids "
                    + "scoring suppliers on size such as registered capital, turnover or headcount",
                "lint.yaml:15:9: warning: cn-87: criterion 'capital' seems to score registered capital (注册资本); "
                    + "87号令 Art 17 forbids scoring suppliers on size such as registered capital, turnover or headcount",
            ]
        )
    }

    @Test func noProfileMeansNoLint() throws {
        var bytes = try RubricFixtures.bytes("lint.yaml")
        let text = String(decoding: bytes, as: UTF8.self).replacing("profile: cn-87", with: "profile: none")
        bytes = Array(text.utf8)
        let loaded = try RubricLoader.load(bytes: bytes, file: "lint.yaml")
        #expect(loaded.warnings.isEmpty)
        #expect(loaded.rubric.tender.profile == nil)
    }

    @Test func chineseNamesOfBannedFactorsAreRecognised() throws {
        let yaml = """
            tender: {id: T, currency: CNY, evaluation-date: 2024-01-15, profile: cn-87}
            groups:
              - {id: price, points: 30, criteria: [{id: price, points: 30, price: lowest-price-ratio}]}
              - id: q
                points: 70
                criteria:
                  - {id: staff, name: 从业人员数量, points: 20, judgement: {}}
                  - {id: revenue, name: {en: Annual turnover}, points: 20, judgement: {}}
                  - {id: age, name: {zh: 成立年限}, points: 30, judgement: {}}
            """
        let warnings = try RubricLoader.load(bytes: Array(yaml.utf8), file: "t.yaml").warnings.map(\.message)
        #expect(warnings.count == 3)
        #expect(warnings[0].hasPrefix("cn-87: criterion 'staff' seems to score headcount (从业人员);"))
        #expect(warnings[1].hasPrefix("cn-87: criterion 'revenue' seems to score turnover;"))
        #expect(warnings[2].hasPrefix("cn-87: criterion 'age' seems to score years in business (成立年限);"))
    }

    @Test func groupPointsWithMoreDecimalsThanTheRubricGiveAWarning() throws {
        let yaml = """
            tender: {id: T, currency: CNY, evaluation-date: 2024-01-15, decimals: 1}
            groups:
              - {id: price, points: 30.25, criteria: [{id: price, points: 30.25, price: lowest-price-ratio}]}
              - {id: q, points: 69.75, criteria: [{id: plan, points: 69.75, judgement: {}}]}
            """
        let loaded = try RubricLoader.load(bytes: Array(yaml.utf8), file: "t.yaml")
        #expect(
            loaded.warnings.map(\.description) == [
                "t.yaml:3:25: warning: group 'price' has 2 decimals but scores are rounded to 1",
                "t.yaml:4:21: warning: group 'q' has 2 decimals but scores are rounded to 1",
            ]
        )
    }

    @Test(arguments: [
        ("5", "9800000", [String]()),
        ("7", "12000000", []),
        (
            "4", "1000000",
            [
                "c.yaml:10:12: warning: cn-87: a committee of 4 members; 87号令 Art 47 requires at least 5 and an odd number"
            ]
        ),
        (
            "5", "10000000",
            [
                "c.yaml:10:12: warning: cn-87: the budget is 10,000,000 or more, so 87号令 Art 47 requires a committee "
                    + "of at least 7 members (this rubric has 5)"
            ]
        ),
    ])
    func committeeSizeFollowsArticle47(members: String, budget: String, expected: [String]) throws {
        let yaml = """
            tender:
              id: C-1
              title: Committee
              buyer: Buyer
              currency: CNY
              budget: \(budget)
              evaluation-date: 2020-11-20
              profile: cn-87
            committee:
              members: \(members)
            groups:
              - id: price
                points: 100
                criteria:
                  - id: price
                    points: 100
                    price: lowest-price-ratio
            """
        let loaded = try RubricLoader.load(bytes: Array(yaml.utf8), file: "c.yaml")
        #expect(loaded.warnings.map(\.description) == expected)
    }

    @Test func sizeDeductionsBelowHundredAndWithinThePolicyRange() throws {
        func yaml(_ deductions: String) -> [UInt8] {
            Array(
                """
                tender:
                  id: D-1
                  title: Deductions
                  buyer: Buyer
                  currency: CNY
                  evaluation-date: 2020-11-20
                  profile: cn-87
                price-policy:
                  size-deductions: {\(deductions)}
                groups:
                  - id: price
                    points: 100
                    criteria:
                      - id: price
                        points: 100
                        price: lowest-price-ratio
                """.utf8
            )
        }
        let error = #expect(throws: DiagnosticError.self) {
            try RubricLoader.load(bytes: yaml("small: 100"), file: "d.yaml")
        }
        #expect(error?.description == "d.yaml:9:28: error: the small deduction must be below 100 %, found '100'")
        let loaded = try RubricLoader.load(bytes: yaml("small: 6, micro: 10"), file: "d.yaml")
        #expect(
            loaded.warnings.map(\.description) == [
                "d.yaml:2:3: warning: cn-87: the small enterprise deduction is 6 %; 财库〔2022〕19号 sets 10–20 % "
                    + "for small and micro enterprises"
            ]
        )
    }
}
