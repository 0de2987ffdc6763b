import Foundation
import TenderModel
import Testing

@testable import TenderRubric

@Suite struct RubricValidationTests {
    @Test func groupPointsSummingTo9999Fail() throws {
        #expect(
            try RubricFixtures.errors("sum-99.99.yaml") == [
                "sum-99.99.yaml:5:1: error: group points sum to 99.99, expected 100"
            ]
        )
    }

    @Test func criteriaPointsMustSumToTheGroup() throws {
        #expect(
            try RubricFixtures.errors("criteria-sum.yaml") == [
                "criteria-sum.yaml:11:5: error: criteria points in group 'capability' sum to 34.5, expected 35"
            ]
        )
    }

    @Test func unknownKeysSuggestTheClosestKey() throws {
        #expect(
            try RubricFixtures.errors("unknown-keys.yaml") == [
                "unknown-keys.yaml:5:3: error: unknown key 'tie-brake' in 'tender'; did you mean 'tie-break'?",
                "unknown-keys.yaml:11:9: error: unknown key 'pionts' in criterion 'price'; did you mean 'points'?",
                "unknown-keys.yaml:13:9: error: unknown key 'colour' in criterion 'price'; expected one of: id, name, "
                    + "points, objective, judgement, price, history",
            ]
        )
    }

    @Test func duplicateIDs() throws {
        #expect(
            try RubricFixtures.errors("duplicate-ids.yaml") == [
                "duplicate-ids.yaml:7:10: error: duplicate gate id 'licence' (already used at line 6)",
                "duplicate-ids.yaml:17:9: error: duplicate group id 'quality' (already used at line 13)",
                "duplicate-ids.yaml:20:14: error: duplicate criterion id 'plan' (already used at line 16)",
            ]
        )
    }

    @Test func duplicateYAMLKeysPointAtTheRepeat() throws {
        #expect(
            try RubricFixtures.errors("duplicate-yaml-key.yaml") == [
                "duplicate-yaml-key.yaml:12:9: error: key 'points' appears twice in the same mapping (first at line 10)"
            ]
        )
    }

    @Test func duplicateKeysInAFlowMapping() {
        let yaml = "tender: {id: A, id: B}\n"
        #expect(
            RubricFixtures.errors(inline: yaml) == [
                "inline.yaml:1:10: error: key 'id' appears more than once in this mapping"
            ]
        )
    }

    @Test func bandsWithGapsOverlapsOrDescendingOrder() throws {
        #expect(
            try RubricFixtures.errors("bands.yaml") == [
                "bands.yaml:21:22: error: bands leave a gap between 10 and 12",
                "bands.yaml:28:22: error: bands overlap between 8 and 10",
                "bands.yaml:29:34: error: band points 12 are above the criterion's 10 points",
                "bands.yaml:36:22: error: bands must be in ascending order: 'from' 5 comes after 10",
            ]
        )
    }

    @Test func scalesStayWithinTheCriterionPoints() throws {
        #expect(
            try RubricFixtures.errors("scales.yaml") == [
                "scales.yaml:19:38: error: cap 9 is above the criterion's 8 points",
                "scales.yaml:24:25: error: yes 4 is above the criterion's 3 points",
                "scales.yaml:29:25: error: points 5 for 'AAA' are above the criterion's 4 points",
                "scales.yaml:35:35: error: linear 'to' must be above 'from' (100), found 80",
                "scales.yaml:35:66: error: points-to 6 is above the criterion's 5 points",
                "scales.yaml:39:17: error: step 0.3 does not divide the criterion's 10 points",
                "scales.yaml:41:53: error: judgement band 'Excellent' max 11 is above the criterion's 10 points",
                "scales.yaml:42:31: error: judgement band '良' min 7 is above its max 6",
                "scales.yaml:46:25: error: XPath prefix 'c' is not declared in 'namespaces'",
            ]
        )
    }

    @Test func badNumbersAreRefused() throws {
        #expect(
            try RubricFixtures.errors("bad-numbers.yaml") == [
                "bad-numbers.yaml:5:11: error: budget must be a plain decimal number, found '1e400'",
                "bad-numbers.yaml:8:13: error: points must be a plain decimal number, found '.nan'",
                "bad-numbers.yaml:10:29: error: points must be a plain decimal number, found '.inf'",
                "bad-numbers.yaml:12:13: error: points must be greater than 0, found '-5'",
                "bad-numbers.yaml:14:28: error: points has more than 18 digits, found '12345678901234567890123'",
                "bad-numbers.yaml:15:29: error: points must be a plain decimal number, found '0x1F'",
            ]
        )
    }

    @Test(arguments: [
        ("-5", "must not be negative, found '-5'"),
        ("1e2", "must be a plain decimal number, found '1e2'"),
        ("1.", "must be a plain decimal number, found '1.'"),
        ("1-2", "must be a plain decimal number, found '1-2'"),
        ("NaN", "must be a plain decimal number, found 'NaN'"),
        ("-.inf", "must be a plain decimal number, found '-.inf'"),
        ("[1]", "must be a number, found a list"),
        ("", "must be a number, found nothing"),
    ])
    func bandPointsMustBePlainDecimals(text: String, message: String) {
        let yaml = """
            tender: {id: T, currency: CNY, evaluation-date: 2024-01-15}
            namespaces: {b: urn:x}
            groups:
              - {id: price, points: 90, criteria: [{id: price, points: 90, price: lowest-price-ratio}]}
              - id: q
                points: 10
                criteria:
                  - id: x
                    points: 10
                    objective:
                      value: b:x
                      bands:
                        - {from: 0, to: 5, points: 1}
                        - from: 5
                          points: \(text)
            """
        #expect(
            RubricFixtures.errors(inline: yaml) == [
                "inline.yaml:15:\(text.isEmpty ? 22 : 23): error: points \(message)"
            ]
        )
    }

    @Test func missingRequiredKeys() throws {
        #expect(
            try RubricFixtures.errors("missing-keys.yaml") == [
                "missing-keys.yaml:2:3: error: missing required key 'id' in 'tender'",
                "missing-keys.yaml:2:3: error: missing required key 'currency' in 'tender'",
                "missing-keys.yaml:2:3: error: missing required key 'evaluation-date' in 'tender'",
                "missing-keys.yaml:4:5: error: missing required key 'points' in group 'price'",
                "missing-keys.yaml:6:9: error: criterion 'price' needs one of: objective, judgement, price, history",
                "missing-keys.yaml:8:5: error: missing required key 'id' in a group",
            ]
        )
    }

    @Test func missingTopLevelKeys() {
        #expect(
            RubricFixtures.errors(inline: "namespaces: {b: urn:x}\n") == [
                "inline.yaml:1:1: error: missing required key 'tender' at the top level",
                "inline.yaml:1:1: error: missing required key 'groups' at the top level",
            ]
        )
        #expect(
            RubricFixtures.errors(inline: "# nothing\n") == [
                "inline.yaml: error: rubric is empty; it needs at least 'tender' and 'groups'"
            ]
        )
        #expect(
            RubricFixtures.errors(inline: "- a\n- b\n") == [
                "inline.yaml:1:1: error: file is not a tender-eval rubric: its top level is a list, not a mapping "
                    + "with the keys 'tender' and 'groups'; nothing else in it was read"
            ]
        )
    }

    @Test func aFileOfUnknownKeysIsNotARubricInOneError() {
        #expect(
            RubricFixtures.errors(inline: (1...30).map { "user\($0):x:1:::" }.joined(separator: "\n")) == [
                "inline.yaml:1:1: error: file is not a tender-eval rubric: none of its 30 top-level keys is a rubric "
                    + "key (tender, namespaces, price-policy, committee, gates, groups); nothing else in it was read"
            ]
        )
    }

    @Test func tieBreakReferencesAndLowestPriceMethod() throws {
        #expect(
            try RubricFixtures.errors("lowest-price.yaml") == [
                "lowest-price.yaml:6:15: error: tie-break 'technical' needs at least one group besides price",
                "lowest-price.yaml:6:26: error: tie-break refers to unknown group 'quality'",
                "lowest-price.yaml:6:41: error: tie-break refers to unknown criterion 'pricee'; did you mean 'price'?",
            ]
        )
    }

    @Test func lowestEvaluatedPriceAllowsOnlyThePriceGroup() {
        let yaml = """
            tender: {id: T, currency: CNY, method: lowest-evaluated-price, evaluation-date: 2024-01-15, tie-break: [earliest-submission]}
            groups:
              - {id: price, points: 90, criteria: [{id: price, points: 90, price: lowest-price-ratio}]}
              - {id: q, points: 10, criteria: [{id: plan, points: 10, judgement: {}}]}
            """
        #expect(
            RubricFixtures.errors(inline: yaml) == [
                "inline.yaml:4:5: error: method lowest-evaluated-price ranks bids on price alone, so group 'q' would "
                    + "never count; turn its requirements into gates or use method comprehensive"
            ]
        )
    }

    @Test func priceCriterionRules() {
        let yaml = """
            tender: {id: T, currency: CNY, evaluation-date: 2024-01-15}
            groups:
              - id: price
                points: 100
                criteria:
                  - {id: price, points: 50, price: lowest-price}
                  - {id: price2, points: 50, price: linear}
            """
        #expect(
            RubricFixtures.errors(inline: yaml) == [
                "inline.yaml:6:40: error: 'price' must be one of lowest-price-ratio, linear, found 'lowest-price'; "
                    + "did you mean 'lowest-price-ratio'?"
            ]
        )
        let twoPrices = yaml.replacingOccurrences(of: "price: lowest-price}", with: "price: linear}")
        #expect(
            RubricFixtures.errors(inline: twoPrices) == [
                "inline.yaml:3:5: error: the price criterion 'price' must be alone in its group, but group 'price' "
                    + "also has 'price2'",
                "inline.yaml:7:9: error: criterion 'price2' is a second price criterion; a rubric has exactly one",
            ]
        )
        let noPrice = """
            tender: {id: T, currency: CNY, evaluation-date: 2024-01-15}
            groups:
              - {id: q, points: 100, criteria: [{id: plan, points: 100, judgement: {}}]}
            """
        #expect(
            RubricFixtures.errors(inline: noPrice) == [
                "inline.yaml:2:1: error: the rubric has no price criterion; add a group whose one criterion has "
                    + "'price: lowest-price-ratio'"
            ]
        )
    }

    @Test func headerValuesAreChecked() {
        let yaml = """
            tender:
              id: T
              currency: yuan
              evaluation-date: 2023-02-29
              decimals: 7
              minimum-valid-bids: 0
              method: cheapest
              rounding: per-total
              profile: cn87
              tie-break: [technicall, lowest]
            price-policy:
              size-deductions: {small: 120, tiny: 5}
              abnormally-low: 0
            committee: {members: 2, aggregation: trimmed-mean, disagreement: 101}
            groups:
              - {id: price, points: 100, criteria: [{id: price, points: 100, price: linear}]}
            """
        #expect(
            RubricFixtures.errors(inline: yaml) == [
                "inline.yaml:3:13: error: currency must be a 3-letter ISO 4217 code such as CNY, found 'yuan'",
                "inline.yaml:4:20: error: evaluation-date must be a date written YYYY-MM-DD, found '2023-02-29'",
                "inline.yaml:5:13: error: decimals must be a whole number from 0 to 6, found '7'",
                "inline.yaml:6:23: error: minimum-valid-bids must be a whole number 1 or more, found '0'",
                "inline.yaml:7:11: error: 'method' must be one of comprehensive, lowest-evaluated-price, found 'cheapest'",
                "inline.yaml:8:13: error: 'rounding' must be one of per-criterion, total, found 'per-total'",
                "inline.yaml:9:12: error: 'profile' must be one of cn-87, eu, none, found 'cn87'; did you mean 'cn-87'?",
                "inline.yaml:10:15: error: unknown tie-break rule 'technicall'; did you mean 'technical'?",
                "inline.yaml:10:27: error: unknown tie-break rule 'lowest'; expected technical, group:<id>[+<id>…], "
                    + "criterion:<id> or earliest-submission",
                "inline.yaml:12:28: error: the small deduction must be a percentage from 0 to 100, found '120'",
                "inline.yaml:12:33: error: unknown key 'tiny' in 'size-deductions'; expected one of: large, medium, small, micro",
                "inline.yaml:13:19: error: abnormally-low must be greater than 0, found '0'",
                "inline.yaml:14:38: error: trimmed-mean drops the highest and the lowest score, so it needs at least 3 "
                    + "members, not 2",
                "inline.yaml:14:66: error: disagreement must be a percentage from 0 to 100, found '101'",
            ]
        )
    }

    @Test func gateRulesAreChecked() {
        let yaml = """
            tender: {id: T, currency: CNY, evaluation-date: 2024-01-15}
            namespaces: {b: urn:x}
            gates:
              - {id: a}
              - {id: b, commitment: integrity, attachment: licence}
              - {id: c, violations: {severity: grave}}
              - {id: d, xpath: "count(b:x[@k='1')"}
              - {id: e, xpath: "x:y or 'unterminated"}
              - {id: bad id, commitment: integrity}
            groups:
              - {id: price, points: 100, criteria: [{id: price, points: 100, price: linear}]}
            """
        #expect(
            RubricFixtures.errors(inline: yaml) == [
                "inline.yaml:4:5: error: gate 'a' needs one of: violations, commitment, attachment, xpath",
                "inline.yaml:5:36: error: gate 'b' has both 'commitment' and 'attachment'; give exactly one",
                "inline.yaml:6:25: error: missing required key 'within-years' in 'violations' of gate 'c'",
                "inline.yaml:6:36: error: 'severity' must be one of major, minor, found 'grave'",
                "inline.yaml:7:37: error: XPath expression has an unmatched ')'",
                "inline.yaml:8:21: error: XPath prefix 'x' is not declared in 'namespaces'",
                "inline.yaml:8:28: error: XPath expression has an unterminated string",
                "inline.yaml:9:10: error: 'id' must use only letters, digits, '-', '_' and '.', found 'bad id'",
            ]
        )
    }

    @Test func wrongTypesAreReported() {
        let yaml = """
            tender: [T]
            namespaces: urn:x
            gates: {id: a}
            groups:
              - id: price
                points: [100]
                criteria: {id: price}
            """
        #expect(
            RubricFixtures.errors(inline: yaml) == [
                "inline.yaml:1:9: error: 'tender' must be a mapping of keys, found a list",
                "inline.yaml:2:13: error: 'namespaces' must be a mapping of keys, found 'urn:x'",
                "inline.yaml:3:8: error: 'gates' must be a list, found a mapping",
                "inline.yaml:6:13: error: points must be a number, found a list",
                "inline.yaml:7:15: error: 'criteria' must be a list, found a mapping",
            ]
        )
    }

    @Test func multipleErrorsAreReportedTogetherInFileOrder() {
        let yaml = """
            tender: {id: T, currency: CNY, evaluation-date: 2024-01-15, decimals: 9}
            groups:
              - id: price
                points: 30
                criteria: [{id: price, points: 30, price: lowest-price-ratio}]
              - id: quality
                pionts: 70
                criteria:
                  - {id: plan, points: .nan, judgement: {step: 0}}
                  - {id: plan, points: 5, objective: {value: "z:x", yes-no: {yes: 6}}}
            """
        #expect(
            RubricFixtures.errors(inline: yaml) == [
                "inline.yaml:1:71: error: decimals must be a whole number from 0 to 6, found '9'",
                "inline.yaml:7:5: error: unknown key 'pionts' in group 'quality'; did you mean 'points'?",
                "inline.yaml:9:28: error: points must be a plain decimal number, found '.nan'",
                "inline.yaml:9:52: error: step must be greater than 0, found '0'",
                "inline.yaml:10:14: error: duplicate criterion id 'plan' (already used at line 9)",
                "inline.yaml:10:51: error: XPath prefix 'z' is not declared in 'namespaces'",
                "inline.yaml:10:71: error: yes 6 is above the criterion's 5 points",
            ]
        )
    }
}
