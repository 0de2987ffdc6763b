import Foundation
import TenderCore
import TenderModel
import Testing

@testable import TenderIntake

/// Issue 7: libxml2 compiles every rubric expression with errors pointing into the rubric, a dry run finds the
/// errors it only raises on evaluation, and the work per bid is bounded by an operation budget.
@Suite struct XPathBudgetTests {
    static let namespaces = [NamespaceBinding(prefix: "b", uri: "urn:tender-eval:bid:1")]
    static let start = SourceLocation(file: "rubric.yaml", line: 7, column: 20)

    static func errors(_ expression: String) -> [String] {
        let query = FactQuery(
            id: "c",
            expression: expression,
            kind: .number,
            location: SourceLocation(file: "rubric.yaml", line: 7, column: 19),
            expressionStart: start
        )
        do {
            _ = try BidImporter(queries: [query], namespaces: namespaces)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func compileErrorsPointAtTheCharacterInTheRubric() {
        #expect(
            Self.errors("1 + ") == [
                "rubric.yaml:7:24: error: invalid XPath expression '1 + ' in criterion 'c': the expression is not "
                    + "valid XPath 1.0 here"
            ]
        )
        // Columns count characters, libxml2 counts bytes.
        #expect(
            Self.errors("'人员' = ]") == [
                "rubric.yaml:7:27: error: invalid XPath expression ''人员' = ]' in criterion 'c': the expression is "
                    + "not valid XPath 1.0 here"
            ]
        )
    }

    @Test func errorsRaisedOnlyOnEvaluationAreFoundByTheDryRun() {
        #expect(
            Self.errors("sum('3')") == [
                "rubric.yaml:7:20: error: XPath expression 'sum('3')' in criterion 'c' cannot be evaluated: a function "
                    + "gets an argument of the wrong type (e.g. count() of a string)"
            ]
        )
        #expect(Self.errors("count(b:x) + sum(//b:y) div 2") == [])
    }

    @Test func gatesAreNamedAsGates() {
        let query = FactQuery(id: "gate:pm", expression: "b:x[", kind: .boolean, location: Self.start)
        #expect(throws: DiagnosticError.self) { try BidImporter(queries: [query], namespaces: Self.namespaces) }
        #expect(query.owner == "gate 'pm'")
    }

    static func bid(staff: Int) -> [UInt8] {
        var xml = """
            <bid xmlns="urn:tender-eval:bid:1" tender="T"><bidder><name>A</name></bidder>\
            <price currency="CNY"><total>100</total></price><capability><staff>
            """
        for index in 0..<staff {
            xml += "<person role=\"cleaner\"><name>p\(index)</name></person>"
        }
        xml += "</staff></capability></bid>"
        return Array(xml.utf8)
    }

    @Test func aBidOverTheOperationBudgetIsRejectedWithTheReason() throws {
        let query = FactQuery(
            id: "dup",
            expression: "count(//b:person[preceding-sibling::b:person/b:name = b:name])",
            kind: .number
        )
        let bytes = Self.bid(staff: 500)
        let roomy = try BidImporter(queries: [query], namespaces: Self.namespaces)
        #expect(roomy.importBid(bytes: bytes, file: "b.xml").bid?.facts["dup"] == Fact(.number(0)))
        let tight = try BidImporter(
            queries: [query],
            namespaces: Self.namespaces,
            limits: ImportLimits(maximumXPathOperations: 10_000)
        )
        let outcome = tight.importBid(bytes: bytes, file: "b.xml")
        #expect(outcome.bid == nil)
        #expect(
            outcome.diagnostics == [
                "b.xml: error: evaluating the rubric's expressions took more than 10000 XPath operations "
                    + "(criterion 'dup'); raise --max-xpath-operations if the rubric really needs that much work in "
                    + "one bid"
            ]
        )
        // The budget is per bid: a small bid after a rejected one is evaluated in full.
        #expect(tight.importBid(bytes: Self.bid(staff: 5), file: "c.xml").bid?.facts["dup"] == Fact(.number(0)))
    }
}
