import Foundation
import TenderCore
import TenderModel
import Testing

@testable import TenderIntake

@Suite struct FactQueryTests {
    static let namespaces = [NamespaceBinding(prefix: "b", uri: "urn:tender-eval:bid:1")]

    static let queries = [
        FactQuery(id: "staff", expression: "count(/b:bid/b:capability/b:staff/b:person)", kind: .number),
        FactQuery(
            id: "experience",
            expression: "/b:bid/b:capability/b:staff/b:person/b:years-experience",
            kind: .number
        ),
        FactQuery(id: "stock", expression: "/b:bid/b:capability/b:spare-parts/@stock-value", kind: .number),
        FactQuery(id: "satisfaction", expression: "sum(//b:past-contract/@satisfaction) div 10", kind: .number),
        FactQuery(id: "rating", expression: "/b:bid/b:quality/b:association-rating/@grade", kind: .text),
        FactQuery(id: "iso", expression: "boolean(//b:certification[@standard='ISO9001'])", kind: .boolean),
        FactQuery(id: "integrity", expression: "//b:commitment[@kind='integrity']", kind: .boolean),
        FactQuery(id: "iso14001", expression: "//b:certification[@standard='ISO14001']/@number", kind: .text),
        FactQuery(id: "missing", expression: "/b:bid/b:capability/b:nothing", kind: .number),
        FactQuery(id: "nan", expression: "number('x')", kind: .number),
        FactQuery(id: "vehicles", expression: "//b:fact[@name='vehicles']", kind: .number),
        FactQuery(id: "name-as-number", expression: "/b:bid/b:bidder/b:name", kind: .number),
    ]

    @Test func factsOfEveryKindAreRead() throws {
        let importer = try BidImporter(queries: Self.queries, namespaces: Self.namespaces)
        let outcome = importer.importBid(bytes: try fixture("valid-bid.xml"), file: "bid.xml")
        let bid = try #require(outcome.bid, "\(outcome.diagnostics)")
        #expect(bid.facts["staff"] == Fact(.number(2)))
        #expect(bid.facts["experience"] == Fact(.number(12), line: 24))
        #expect(bid.facts["stock"] == Fact(.number(150_000), line: 33))
        #expect(bid.facts["satisfaction"] == Fact(.number((try? ExactRatio(parsing: "9.65"))!)))
        #expect(bid.facts["rating"] == Fact(.text("AAA"), line: 38))
        #expect(bid.facts["iso"] == Fact(.boolean(true)))
        #expect(bid.facts["integrity"] == Fact(.boolean(true), line: 47))
        #expect(bid.facts["iso14001"] == Fact(.absent))
        #expect(bid.facts["missing"] == Fact(.absent))
        #expect(bid.facts["nan"] == Fact(.absent))
        #expect(bid.facts["vehicles"] == Fact(.number(12), line: 53))
        #expect(bid.facts["name-as-number"] == Fact(.absent, line: 4))
        #expect(
            outcome.warnings == [
                "bid.xml:4: warning: criterion 'name-as-number' expects a number but the bid gives "
                    + "'台州市安洁物业服务有限公司'; the value is missing"
            ]
        )
    }

    @Test func namespacesAreMatchedByURINotPrefix() throws {
        let importer = try BidImporter(
            queries: [FactQuery(id: "total", expression: "/x:bid/x:price/x:total", kind: .number)],
            namespaces: [NamespaceBinding(prefix: "x", uri: "urn:tender-eval:bid:1")]
        )
        let bytes = Array(
            """
            <t:bid xmlns:t="urn:tender-eval:bid:1"><t:bidder><t:name>A</t:name></t:bidder>
            <t:price currency="CNY"><t:total> 12.50 </t:total></t:price></t:bid>
            """.utf8
        )
        let bid = try #require(importer.importBid(bytes: bytes, file: "p.xml").bid)
        #expect(bid.facts["total"] == Fact(.number((try? ExactRatio(parsing: "12.50"))!), line: 2))
    }

    @Test func invalidExpressionIsADiagnosticAtTheQuery() {
        let location = SourceLocation(file: "rubric.yaml", line: 12, column: 16)
        let error = #expect(throws: DiagnosticError.self) {
            _ = try BidImporter(
                queries: [
                    FactQuery(id: "staff", expression: "count(b:x", kind: .number, location: location),
                    FactQuery(id: "iso", expression: "q:cert/@n", kind: .text, location: location),
                    FactQuery(id: "ok", expression: "child::b:bid/b:*[@kind='q:x']", kind: .text, location: location),
                ],
                namespaces: Self.namespaces
            )
        }
        #expect(
            error?.diagnostics.map(\.description) == [
                "rubric.yaml:12:16: error: invalid XPath expression 'count(b:x' in criterion 'staff': the expression is "
                    + "not valid XPath 1.0 here",
                "rubric.yaml:12:16: error: XPath expression 'q:cert/@n' in criterion 'iso' uses the prefix 'q', "
                    + "which the rubric does not declare",
            ]
        )
    }

    @Test func numberConversionKeepsDecimalsExact() {
        #expect(FactConversion.decimal(from: 0.1 + 0.2) == (try? ExactRatio(parsing: "0.3")))
        #expect(FactConversion.decimal(from: 3) == ExactRatio(3))
        #expect(FactConversion.decimal(from: 2_288_231.72) == (try? ExactRatio(parsing: "2288231.72")))
    }
}

@Suite struct ConcurrencyTests {
    @Test func parallelImportEqualsSerialImport() throws {
        let importer = try BidImporter(queries: FactQueryTests.queries, namespaces: FactQueryTests.namespaces)
        let sources = [
            "valid-bid.xml", "gb18030-bid.xml", "utf16le-bom-bid.xml", "utf16be-bid.xml", "schema-violation.xml",
            "malformed.xml", "doctype-entity.xml", "gbk-declared-utf8-bytes.xml",
        ]
        var files: [(file: String, bytes: [UInt8])] = []
        for index in 0..<200 {
            let name = sources[index % sources.count]
            files.append((file: "\(index)-\(name)", bytes: try fixture(name)))
        }
        let serial = files.map { importer.importBid(bytes: $0.bytes, file: $0.file) }
        let parallel = importer.importBids(files)
        #expect(parallel == serial)
        #expect(parallel.compactMap(\.bid).count == 100)
    }

    /// The worker pool hands bids out in whatever order its threads ask; the batch, outcomes and failed
    /// queries alike, is the same for one worker, a few, and more workers than bids, run after run.
    @Test(arguments: [1, 2, 3, 8, 64])
    func theBatchDoesNotDependOnTheNumberOfWorkers(workers: Int) throws {
        let importer = try BidImporter(queries: FactQueryTests.queries, namespaces: FactQueryTests.namespaces)
        let sources = ["valid-bid.xml", "malformed.xml", "gb18030-bid.xml", "schema-violation.xml", "utf16be-bid.xml"]
        var files: [(file: String, bytes: [UInt8])] = []
        for index in 0..<37 {
            let name = sources[(index * 7) % sources.count]
            files.append((file: "\(index)-\(name)", bytes: try fixture(name)))
        }
        let serial = files.map { importer.importBid(bytes: $0.bytes, file: $0.file) }
        for _ in 0..<3 {
            let batch = importer.importBatch(files, workers: workers)
            #expect(batch.outcomes == serial)
            #expect(batch.evaluationFailures.count == files.count)
        }
        #expect(importer.importBatch([], workers: workers).outcomes.isEmpty)
    }
}
