import Foundation
import TenderCore
import TenderModel
import Testing

@testable import TenderRubric

@Suite struct RubricLoaderTests {
    @Test func validRubricLoadsEveryKey() throws {
        let loaded = try RubricFixtures.load("valid.yaml")
        let rubric = loaded.rubric
        #expect(loaded.warnings.isEmpty)
        #expect(rubric.file == "valid.yaml")

        let tender = rubric.tender
        #expect(tender.id == "HYJG-2020-FW-017")
        #expect(
            tender.title
                == LocalizedText(zh: "黄岩区机关后勤保障服务社会化采购项目", en: "Huangyan District government logistics services")
        )
        #expect(tender.buyer.zh == "台州市黄岩区机关事务中心")
        #expect(tender.currency == "CNY")
        #expect(tender.budget == 9_800_000)
        #expect(tender.method == .comprehensive)
        #expect(tender.decimals == 2)
        #expect(tender.rounding == .perCriterion)
        #expect(tender.minimumValidBids == 3)
        #expect(tender.evaluationDate == "2020-11-20")
        #expect(tender.profile == "cn-87")
        #expect(
            tender.tieBreak == [
                .technicalScore, .groupScore(["capability", "quality"]), .criterionScore("service-plan"),
                .earliestSubmission,
            ]
        )
        #expect(tender.location == SourceLocation(file: "valid.yaml", line: 3, column: 3))

        #expect(rubric.namespaces == [NamespaceBinding(prefix: "b", uri: "urn:tender-eval:bid:1")])
        #expect(rubric.pricePolicy.sizeDeductions == [.small: 10, .micro: 20])
        #expect(rubric.pricePolicy.abnormallyLowPercent == 20)
        #expect(rubric.committee.members == 5)
        #expect(rubric.committee.aggregation == .trimmedMean)
        #expect(rubric.committee.disagreementPercent == 30)
        #expect(rubric.committee.location == SourceLocation(file: "valid.yaml", line: 21, column: 12))

        #expect(rubric.gates.map(\.id) == ["no-major-violation", "confidentiality", "licence", "has-manager"])
        #expect(rubric.gates[0].rule == .noViolations(severity: .major, withinYears: 3))
        #expect(rubric.gates[1].rule == .commitment(kind: "confidentiality"))
        #expect(rubric.gates[2].rule == .attachment(type: "business-licence"))
        #expect(rubric.gates[2].name == LocalizedText(zh: "营业执照"))
        #expect(
            rubric.gates[3].rule == .xpath(test: "count(b:capability/b:staff/b:person[@role='project-manager']) >= 1")
        )
        #expect(rubric.gates[3].location == SourceLocation(file: "valid.yaml", line: 34, column: 5))

        #expect(rubric.groups.map(\.id) == ["price", "capability", "quality", "reputation"])
        #expect(
            rubric.groups.map(\.points) == [
                30, (try? Points(parsing: "33.3"))!, (try? Points(parsing: "33.3"))!, (try? Points(parsing: "3.4"))!,
            ]
        )
        #expect(rubric.groups.map(\.isPrice) == [true, false, false, false])
        let criteria = Dictionary(uniqueKeysWithValues: rubric.criteria.map { ($0.id, $0) })
        #expect(criteria["price"]?.rule == .price(.lowestPriceRatio))
        #expect(criteria["price"]?.name == LocalizedText(zh: "投标报价", en: "Bid price"))
        #expect(
            criteria["qualified-staff"]?.rule
                == .objective(
                    ObjectiveRule(
                        value: "count(b:capability/b:staff/b:person[b:qualification])",
                        scale: .perItem(each: (try? Points(parsing: "0.5"))!, cap: 8),
                        valueLocation: SourceLocation(file: "valid.yaml", line: 54, column: 18)
                    )
                )
        )
        let response = try #require(criteria["response-time"])
        #expect(response.name == LocalizedText(zh: "response-time", en: "response-time"))
        guard case .objective(let responseRule) = response.rule, case .bands(let bands) = responseRule.scale else {
            Issue.record("response-time should be a banded objective criterion")
            return
        }
        #expect(responseRule.value == "b:capability/b:emergency-response/@minutes")
        #expect(bands.map(\.from) == [0, 16, 31])
        #expect(bands.map(\.to) == [16, 31, nil])
        #expect(bands.map(\.points) == [5, 3, 0])
        #expect(bands[2].location == SourceLocation(file: "valid.yaml", line: 63, column: 15))

        let plan = try #require(criteria["service-plan"])
        #expect(plan.points == (try? Points(parsing: "20.3"))!)
        #expect(
            plan.rule
                == .judgement(
                    JudgementRule(
                        step: (try? Points(parsing: "0.1"))!,
                        bands: [
                            AdjectivalBand(
                                label: LocalizedText(zh: "优", en: "Excellent"),
                                min: 16,
                                max: (try? Points(parsing: "20.3"))!
                            ),
                            AdjectivalBand(label: LocalizedText(zh: "中", en: "Fair"), min: 8, max: 16),
                        ]
                    )
                )
        )
        #expect(plan.guidance?.zh == "* 方案完整、针对性强得 16-20.3 分\n* 方案基本完整得 8-16 分")
        #expect(plan.guidance?.en == "Complete and specific plans earn 16 to 20.3 points.")

        guard case .objective(let satisfaction) = criteria["satisfaction"]?.rule else {
            Issue.record("satisfaction should be objective")
            return
        }
        #expect(
            satisfaction.scale
                == .linear(lower: 80, upper: 100, lowerPoints: 0, upperPoints: (try? Points(parsing: "26.3"))!)
        )
        guard case .objective(let iso) = criteria["iso9001"]?.rule else {
            Issue.record("iso9001 should be objective")
            return
        }
        #expect(iso.scale == .yesNo(yes: 3, no: 0))
        guard case .objective(let rating) = criteria["association-rating"]?.rule else {
            Issue.record("association-rating should be objective")
            return
        }
        #expect(
            rating.scale
                == .lookup(
                    entries: [
                        LookupEntry(key: "AAA", points: 4), LookupEntry(key: "AA", points: 2),
                        LookupEntry(key: "A", points: 1),
                    ],
                    otherwise: 0
                )
        )
        #expect(criteria["references"]?.rule == .judgement(JudgementRule(step: nil, bands: [])))
    }

    @Test func pointsAreExactDecimals() throws {
        let rubric = try RubricFixtures.load("valid.yaml").rubric
        let total = try Points.sum(rubric.groups.map(\.points))
        #expect(total == 100)
        #expect(rubric.groups[1].points.plainText == "33.3")
    }

    @Test func minimalRubricGetsDefaults() throws {
        let loaded = try RubricFixtures.load("minimal.yaml")
        let tender = loaded.rubric.tender
        #expect(tender.method == .comprehensive)
        #expect(tender.decimals == 2)
        #expect(tender.rounding == .perCriterion)
        #expect(tender.minimumValidBids == 3)
        #expect(tender.tieBreak.isEmpty)
        #expect(tender.profile == nil)
        #expect(tender.budget == nil)
        #expect(tender.title == LocalizedText())
        #expect(tender.evaluationDate == "2024-02-29")
        #expect(loaded.rubric.pricePolicy == PricePolicy(sizeDeductions: [:], abnormallyLowPercent: 20))
        #expect(loaded.rubric.committee == CommitteePolicy(members: nil, aggregation: .mean, disagreementPercent: 30))
        #expect(loaded.rubric.gates.isEmpty)
        #expect(loaded.rubric.namespaces.isEmpty)
        #expect(loaded.warnings.isEmpty)
    }

    @Test func thirdsSumExactlyToOneHundred() {
        let yaml = """
            tender: {id: T, currency: CNY, evaluation-date: 2024-01-15}
            groups:
              - id: price
                points: 33.3
                criteria: [{id: price, points: 33.3, price: lowest-price-ratio}]
              - id: a
                points: 33.3
                criteria: [{id: a1, points: 11.1, judgement: {}}, {id: a2, points: 22.2, judgement: {}}]
              - id: b
                points: 33.4
                criteria: [{id: b1, points: 0.1, judgement: {}}, {id: b2, points: 0.2, judgement: {}}, {id: b3, points: 33.1, judgement: {}}]
            """
        #expect(RubricFixtures.errors(inline: yaml) == [])
    }

    @Test func factQueriesListGatesThenObjectiveCriteria() throws {
        let rubric = try RubricFixtures.load("valid.yaml").rubric
        let facts = rubric.factQueries
        #expect(
            facts.map(\.id) == [
                "gate:has-manager", "qualified-staff", "response-time", "satisfaction", "iso9001", "association-rating",
            ]
        )
        #expect(facts.map(\.kind) == [.boolean, .number, .number, .number, .boolean, .text])
        #expect(facts[0].expression == "count(b:capability/b:staff/b:person[@role='project-manager']) >= 1")
        // A gate's expression is located at its `xpath` value, so libxml2's compile errors point into it.
        #expect(facts[0].location == SourceLocation(file: "valid.yaml", line: 36, column: 12))
        #expect(facts[0].expressionStart == SourceLocation(file: "valid.yaml", line: 36, column: 13))
        #expect(facts[2].expression == "b:capability/b:emergency-response/@minutes")
        #expect(facts[2].location == SourceLocation(file: "valid.yaml", line: 59, column: 18))
    }

    @Test func namesMayBePlainTextOrEnglishOnly() throws {
        let yaml = """
            tender: {id: T, title: 采购项目, buyer: {en: City}, currency: CNY, evaluation-date: 2024-01-15}
            groups:
              - {id: price, name: 价格, points: 100, criteria: [{id: price, points: 100, price: linear}]}
            """
        let rubric = try RubricLoader.load(bytes: Array(yaml.utf8), file: "t.yaml").rubric
        #expect(rubric.tender.title == LocalizedText(zh: "采购项目"))
        #expect(rubric.tender.buyer == LocalizedText(en: "City"))
        #expect(rubric.groups[0].name == LocalizedText(zh: "价格"))
        #expect(rubric.groups[0].criteria[0].rule == .price(.linear))
    }
}
