import Foundation
import TenderCore
import TenderModel
import TenderRubric
import TenderSynth
import Testing

@testable import TenderIntake

/// The importer's single walk against libxml2's XPath engine alone: for the example tender's bids, the
/// import fixtures and a few hundred synthetic bids, under the example rubric, synthetic rubrics and a list
/// of tricky simple expressions, the whole import outcome (facts with their lines, warnings, rejections)
/// must be identical both ways.
@Suite struct SingleWalkDifferentialTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    static func exampleRubric() throws -> Rubric {
        let url = repository.appendingPathComponent("rubrics/huangyan-logistics-2020.yaml")
        let bytes = [UInt8](try Data(contentsOf: url))
        return try RubricLoader.load(bytes: bytes, file: "huangyan-logistics-2020.yaml").rubric
    }

    /// The example tender's bids and the import tests' fixtures (some of which are rejected, on purpose).
    static func repositoryBids() throws -> [(file: String, bytes: [UInt8])] {
        var files: [(file: String, bytes: [UInt8])] = []
        for folder in ["bids/huangyan-logistics-2020", "Tests/TenderIntakeTests/Fixtures"] {
            let url = repository.appendingPathComponent(folder)
            let names = try FileManager.default.contentsOfDirectory(atPath: url.path)
                .filter { $0.hasSuffix(".xml") }.sorted()
            for name in names {
                files.append(("\(folder)/\(name)", [UInt8](try Data(contentsOf: url.appendingPathComponent(name)))))
            }
        }
        return files
    }

    static func syntheticBids(_ tender: SyntheticTender) -> [(file: String, bytes: [UInt8])] {
        tender.bids.map { (file: $0.fileName, bytes: Array($0.xml.utf8)) }
    }

    /// Imports every file both ways and checks that the outcomes are equal; returns how many were imported.
    @discardableResult
    static func compare(
        queries: [FactQuery],
        namespaces: [NamespaceBinding],
        files: [(file: String, bytes: [UInt8])],
        expectSimple minimum: Int
    ) throws -> Int {
        let walk = try BidImporter(queries: queries, namespaces: namespaces)
        let xpath = try BidImporter(queries: queries, namespaces: namespaces, evaluation: .libxml2Only)
        let planned = try CompiledQueries(queries: queries, namespaces: namespaces).singleWalkCount
        #expect(planned >= minimum, "only \(planned) of \(queries.count) queries take the single walk")
        var imported = 0
        for (file, bytes) in files {
            let walked = walk.importBid(bytes: bytes, file: file)
            let evaluated = xpath.importBid(bytes: bytes, file: file)
            if walked != evaluated, case .imported(let left, let leftWarnings) = walked,
                case .imported(let right, let rightWarnings) = evaluated
            {
                for query in queries where left.facts[query.id] != right.facts[query.id] {
                    let walkFact = String(describing: left.facts[query.id])
                    let xpathFact = String(describing: right.facts[query.id])
                    Issue.record("\(file): '\(query.expression)' as \(query.kind): \(walkFact) ≠ \(xpathFact)")
                }
                #expect(leftWarnings == rightWarnings, "\(file)")
            } else {
                #expect(walked == evaluated, "\(file)")
            }
            if case .imported = walked { imported += 1 }
        }
        // The parallel path uses the same pooled plans.
        #expect(walk.importBids(files) == xpath.importBids(files))
        return imported
    }

    @Test func exampleRubricOnTheExampleBidsAndFixtures() throws {
        let rubric = try Self.exampleRubric()
        let files = try Self.repositoryBids()
        let imported = try Self.compare(
            queries: rubric.factQueries,
            namespaces: rubric.namespaces,
            files: files,
            expectSimple: 5
        )
        #expect(imported >= 9)
    }

    @Test func exampleRubricOnSyntheticBids() throws {
        let rubric = try Self.exampleRubric()
        let tender = SyntheticTender.generate(bids: 120, criteria: 30, seed: 11)
        let imported = try Self.compare(
            queries: rubric.factQueries,
            namespaces: rubric.namespaces,
            files: Self.syntheticBids(tender),
            expectSimple: 5
        )
        #expect(imported == 120)
    }

    @Test(arguments: [(bids: 150, criteria: 50, seed: UInt64(42)), (100, 12, 7), (60, 80, 3)])
    func syntheticRubricOnSyntheticBids(bids: Int, criteria: Int, seed: UInt64) throws {
        let tender = SyntheticTender.generate(bids: bids, criteria: criteria, seed: seed)
        let rubric = try RubricLoader.load(bytes: Array(tender.rubricYAML.utf8), file: "rubric.yaml").rubric
        let queries = rubric.factQueries
        let imported = try Self.compare(
            queries: queries,
            namespaces: rubric.namespaces,
            files: Self.syntheticBids(tender),
            expectSimple: queries.count / 2
        )
        #expect(imported == bids)
    }

    @Test func trickyExpressionsOnEveryKindOfBid() throws {
        var files = try Self.repositoryBids()
        files += Self.syntheticBids(SyntheticTender.generate(bids: 80, criteria: 40, seed: 5))
        let handWritten = Self.handWrittenBids.map { (file: $0.name, bytes: Array($0.xml.utf8)) }
        files += handWritten
        var queries: [FactQuery] = []
        for (index, expression) in Self.trickyExpressions.enumerated() {
            for kind in [FactQuery.Kind.number, .text, .boolean] {
                queries.append(FactQuery(id: "t\(index)-\(kind.rawValue)", expression: expression, kind: kind))
            }
        }
        let namespaces = [
            NamespaceBinding(prefix: "b", uri: "urn:tender-eval:bid:1"),
            NamespaceBinding(
                prefix: "cac",
                uri: "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
            ),
            NamespaceBinding(
                prefix: "cbc",
                uri: "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
            ),
            NamespaceBinding(prefix: "t", uri: "urn:oasis:names:specification:ubl:schema:xsd:Tender-2"),
        ]
        let imported = try Self.compare(
            queries: queries,
            namespaces: namespaces,
            files: files,
            expectSimple: queries.count - 3 * Self.trickyFallbacks
        )
        #expect(imported >= 90)
        let checked = try Self.compare(
            queries: queries,
            namespaces: namespaces,
            files: handWritten,
            expectSimple: queries.count - 3 * Self.trickyFallbacks
        )
        #expect(checked == handWritten.count, "every hand-written bid must import, or its facts are not compared")
    }

    /// Simple expressions with the details XPath 1.0 defines precisely (first node in document order, string
    /// value of nested and mixed content, attribute predicates with quotes, absent nodes, absolute against
    /// relative, predicates on a child element), and at the end a few that are not simple.
    static let trickyExpressions: [String] = [
        "b:bidder/b:name", "/b:bid/b:bidder/b:name", "/b:tender/b:bidder/b:name", "b:bidder", "number(b:bidder)",
        "b:bidder/b:contact", "b:price", "b:price/b:total", "number(b:price/b:total)", "b:price/@currency",
        "b:price/b:line", "b:price/b:line/@item", "count(b:price/b:line)", "string(b:price/b:line[@item='保洁服务'])",
        "b:price/b:line[@item=\"垃圾清运\"]", "b:price/b:line[@item]", "b:price/b:line[@item='']",
        "b:capability/b:staff/b:person[b:qualification]/b:name",
        "count(b:capability/b:staff/b:person[b:qualification])",
        "count(b:capability/b:staff/b:person[@role])", "b:capability/b:staff/b:person[@role='electrician']/b:name",
        "b:capability/b:staff/b:person/b:years-experience", "b:capability/b:staff/b:person[b:nothing]",
        "count(b:capability/b:equipment/b:item)", "b:capability/b:equipment/b:item/@count",
        "number(b:capability/b:equipment/b:item/@count)", "b:capability/b:spare-parts/@stock-value",
        "b:capability/b:emergency-response/@minutes", "b:capability/b:emergency-response",
        "boolean(b:commitments/b:commitment[@kind='confidentiality'])", "b:commitments/b:commitment[@kind='integrity']",
        "b:commitments/b:commitment[@kind='integrity']/@signed",
        "boolean(b:quality/b:certification[@standard='ISO9001'])",
        "b:quality/b:certification[@standard='ISO14001']/@number", "string(b:quality/b:association-rating/@grade)",
        "b:reputation/b:past-contract/@satisfaction", "count(b:reputation/b:past-contract[@satisfaction])",
        "b:reputation/b:violation/@severity", "b:reputation/b:violation[@severity='major']/@date",
        "count(b:reputation/b:violation)", "b:facts/b:fact[@name='vehicles']", "count(b:facts/b:fact)",
        "b:facts/b:fact/@name", "b:facts/b:fact[@name='licensed-guards']/@unit", "@tender", "/b:bid/@submitted",
        "string(@tender)", "number(@nothing)", "bid", "b:capability", "number(b:capability)",
        "b:attachments/b:attachment[@type='certificate']/@name", "count(b:attachments/b:attachment[@sha256])",
        "b:bidder/b:contact/b:person", "b:bidder/b:size", "b:bidder/b:registration-id/@scheme", "b:notes/b:note",
        "b:notes/b:note[@lang=\"it's\"]", "b:notes/b:note[@lang='say \"hi\"']", "count(b:notes/b:note[b:em])",
        "b:notes/b:note[b:em]/b:em", "b:notes/plain", "b:notes/b:plain", "count(b:notes/b:note)", "b:notes/note",
        "t:Tender", "cac:TendererParty/cac:Party/cac:PartyName/cbc:Name",
        "/t:Tender/cbc:ContractFolderID", "count(cac:TenderedProject)", "cac:TendererParty/cac:PartyName/cbc:Name",
        "cac:TenderedProject/cac:LegalMonetaryTotal/cbc:PayableAmount/@currencyID",
        "number(cac:TenderedProject/cac:LegalMonetaryTotal/cbc:PayableAmount)",
        // Not simple (keep `trickyFallbacks` in step).
        "sum(b:price/b:line)", "//b:person[1]/b:name", "b:facts/b:fact[@name='vehicles'] * 2",
    ]
    static let trickyFallbacks = 3

    /// Documents that are not schema-valid bids still get facts when they are UBL tenders, so these carry
    /// mixed content and odd attributes.
    static let handWrittenBids: [(name: String, xml: String)] = [
        (
            "mixed-ubl.xml",
            """
            <?xml version="1.0"?>
            <t:Tender xmlns:t="urn:oasis:names:specification:ubl:schema:xsd:Tender-2"
                xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
                xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
                xmlns:b="urn:tender-eval:bid:1" tender=" T-1 ">
              <cbc:ContractFolderID> CF-9 </cbc:ContractFolderID>
              <cac:TendererParty><cac:PartyName><cbc:Name>甲<!-- c -->乙 <![CDATA[丙]]></cbc:Name>
              </cac:PartyName></cac:TendererParty>
              <cac:TenderedProject><cac:LegalMonetaryTotal>
                <cbc:PayableAmount currencyID="CNY"> 100.50 </cbc:PayableAmount></cac:LegalMonetaryTotal>
              </cac:TenderedProject>
              <cac:TenderedProject><cac:LegalMonetaryTotal>
                <cbc:PayableAmount currencyID="CNY">20</cbc:PayableAmount></cac:LegalMonetaryTotal>
              </cac:TenderedProject>
              <b:notes>
                <cbc:note lang="it's">same local name, other namespace</cbc:note>
                <note lang="it's">same local name, no namespace</note>
                <b:plain>namespaced plain</b:plain>
                <b:note lang="it's">one<b:em>two</b:em>three</b:note>
                <b:note lang='say "hi"'>  否  </b:note>
                <b:note lang="">1e2</b:note>
                <b:note>&#x4E2D;&amp;&lt;</b:note>
                <plain>no namespace</plain>
              </b:notes>
              <b:facts><b:fact name="vehicles" unit="辆">7</b:fact><b:fact name="vehicles">8</b:fact></b:facts>
              <b:bidder><b:name>  </b:name><b:contact><b:person>王</b:person></b:contact></b:bidder>
            </t:Tender>
            """
        )
    ]
}
