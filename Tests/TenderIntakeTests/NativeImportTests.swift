import Foundation
import TenderCore
import TenderModel
import Testing

@testable import TenderIntake

@Suite struct NativeImportTests {
    let importer: BidImporter

    init() throws {
        importer = try BidImporter(queries: [], namespaces: [])
    }

    /// A bid that breaks the schema thousands of times is refused just the same, with the first violations listed
    /// and the rest counted, so one hostile file cannot flood the terminal and the report.
    @Test func thousandsOfSchemaViolationsAreCountedNotListed() throws {
        let people = (0..<3_000).map { "<person bogus=\"\($0)\"><name>p\($0)</name></person>" }.joined()
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bid xmlns="urn:tender-eval:bid:1" tender="X"><bidder><name>A</name></bidder>\
            <price currency="CNY"><total>1</total></price><capability><staff>\(people)</staff></capability></bid>
            """
        let outcome = importer.importBid(bytes: Array(xml.utf8), file: "many.xml")
        #expect(outcome.bid == nil)
        #expect(outcome.diagnostics.count == 21)
        #expect(
            outcome.diagnostics.last
                == "many.xml: error: bid does not follow the bid schema in 2980 more places, not listed"
        )
    }

    @Test func fullValidBidMapsEveryField() throws {
        let outcome = importer.importBid(bytes: try fixture("valid-bid.xml"), file: "valid-bid.xml")
        let bid = try #require(outcome.bid, "\(outcome.diagnostics)")
        #expect(outcome.warnings.isEmpty)
        #expect(bid.format == .native)
        #expect(bid.tenderReference == "HYJG-2020-FW-017")
        #expect(bid.submittedAt == "2020-11-18T09:30:00+08:00")
        #expect(
            bid.bidder
                == Bidder(
                    name: "台州市安洁物业服务有限公司",
                    registrationID: "91331003MA2A1B2C3D",
                    size: .small,
                    contactPerson: "王丽",
                    phone: "0576-84123456",
                    email: "tender@anjie.example.cn",
                    address: "浙江省台州市黄岩区劳动北路118号",
                    line: 3,
                    fieldLines: [.contactPerson: 8, .phone: 9, .email: 10, .address: 12],
                    projectManagers: [ProjectManager(name: "李强", line: 22)]
                )
        )
        #expect(
            bid.price
                == BidPrice(
                    total: (try? Money(parsing: "2856000.00"))!,
                    currency: "CNY",
                    lines: [
                        PriceLine(item: "保洁服务", amount: (try? Money(parsing: "1200000"))!, line: 16),
                        PriceLine(item: "秩序维护", amount: (try? Money(parsing: "1656000"))!, line: 17),
                    ],
                    line: 14
                )
        )
        #expect(
            bid.commitments == [
                Commitment(kind: "technical-service", signedOn: "2020-11-15", text: "按招标文件要求提供全部技术服务", line: 45),
                Commitment(kind: "confidentiality", signedOn: "2020-11-15", text: "对采购人信息严格保密", line: 46),
                Commitment(kind: "integrity", signedOn: nil, text: "廉洁自律", line: 47),
            ]
        )
        #expect(
            bid.violations == [
                Violation(
                    date: "2019-06-12",
                    severity: .minor,
                    description: "虚假宣传被处罚款",
                    authority: "台州市市场监督管理局",
                    line: 42
                )
            ]
        )
        #expect(
            bid.attachments == [
                Attachment(
                    name: "营业执照.pdf",
                    type: "business-licence",
                    sha256: "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b",
                    line: 50
                )
            ]
        )
        #expect(importer.validateSchema(bytes: try fixture("valid-bid.xml"), file: "valid-bid.xml").isEmpty)
    }

    @Test func schemaViolationsAreReportedWithTheirLines() throws {
        let outcome = importer.importBid(bytes: try fixture("schema-violation.xml"), file: "bad.xml")
        #expect(
            outcome.diagnostics == [
                "bad.xml:5: error: bid does not follow the bid schema: element 'size': [facet 'enumeration'] "
                    + "The value 'huge' is not an element of the set {'large', 'medium', 'small', 'micro'}",
                "bad.xml:8: error: bid does not follow the bid schema: element 'total': '2,856,000' is not a valid "
                    + "value of the atomic type 'money'",
            ]
        )
    }

    @Test func malformedXMLIsRejectedAtTheLineAndColumn() throws {
        let outcome = importer.importBid(bytes: try fixture("malformed.xml"), file: "malformed.xml")
        #expect(
            outcome.diagnostics == [
                "malformed.xml:4:21: error: bid is not well-formed XML: opening and ending tag mismatch: name line 4 and nam"
            ]
        )
    }

    @Test func doctypeWithEntitiesIsRefusedBeforeExpansion() throws {
        let outcome = importer.importBid(bytes: try fixture("doctype-entity.xml"), file: "lol.xml")
        #expect(
            outcome.diagnostics == [
                "lol.xml:4:3: error: bid uses an entity declaration; entities are not allowed in bids"
            ]
        )
        let plain = Array("<!DOCTYPE bid SYSTEM \"bid.dtd\">\n<bid/>".utf8)
        #expect(
            importer.importBid(bytes: plain, file: "dtd.xml").diagnostics == [
                "dtd.xml:1:1: error: bid contains a document type declaration (DOCTYPE); bids must not declare DTDs"
            ]
        )
    }

    @Test(arguments: [
        ("gb18030-bid.xml", "𠮷祥㐀筑物业（台州）有限公司"),
        ("utf16le-bom-bid.xml", "黄岩区保洁服务有限公司"),
        ("utf16be-bid.xml", "黄岩区保洁服务有限公司"),
    ])
    func encodingsDecodeToTheRightCharacters(file: String, name: String) throws {
        let outcome = importer.importBid(bytes: try fixture(file), file: file)
        let bid = try #require(outcome.bid, "\(outcome.diagnostics)")
        #expect(bid.bidder.name == name)
        #expect(bid.price?.total == (try? Money(parsing: "100.50")))
    }

    @Test func encodingThatContradictsTheBytesIsAnError() throws {
        #expect(
            importer.importBid(bytes: try fixture("gbk-declared-utf8-bytes.xml"), file: "a.xml").diagnostics == [
                "a.xml:4:11: error: bid declares encoding GBK but its bytes are UTF-8"
            ]
        )
        #expect(
            importer.importBid(bytes: try fixture("gbk-undeclared.xml"), file: "b.xml").diagnostics == [
                "b.xml:3:11: error: bid is not valid UTF-8 at line 3; declare its encoding (e.g. encoding=\"GB18030\")"
            ]
        )
        #expect(
            importer.importBid(bytes: try fixture("gb2312-declared-gbk-bytes.xml"), file: "d.xml").diagnostics == [
                "d.xml:3:17: error: bid is not valid GB2312 at line 3 (byte 0x86); declare the encoding its bytes use "
                    + "(e.g. encoding=\"GB18030\")"
            ]
        )
        let unknown = Array("<?xml version=\"1.0\" encoding=\"KLINGON-8\"?>\n<bid/>".utf8)
        #expect(
            importer.importBid(bytes: unknown, file: "c.xml").diagnostics == [
                "c.xml:1:41: error: bid declares encoding 'KLINGON-8', which cannot be read; "
                    + "use UTF-8, GB18030, GBK, GB2312, Big5 or UTF-16"
            ]
        )
    }

    @Test func limitsRejectWithAClearMessage() throws {
        let bytes = try fixture("valid-bid.xml")
        let tiny = try BidImporter(queries: [], namespaces: [], limits: ImportLimits(maximumFileBytes: 100))
        #expect(
            tiny.importBid(bytes: bytes, file: "big.xml").diagnostics == [
                "big.xml: error: bid file is \(bytes.count) bytes; the limit is 100 bytes"
            ]
        )
        let shallow = try BidImporter(queries: [], namespaces: [], limits: ImportLimits(maximumDepth: 3))
        #expect(
            shallow.importBid(bytes: bytes, file: "deep.xml").diagnostics == [
                "deep.xml:8:7: error: bid nests elements more than 3 levels deep; the limit is 3"
            ]
        )
        let short = try BidImporter(queries: [], namespaces: [], limits: ImportLimits(maximumTextLength: 20))
        #expect(
            short.importBid(bytes: bytes, file: "long.xml").diagnostics == [
                "long.xml:2: error: attribute 'submitted' of <bid> is longer than 20 bytes, the limit for one text"
            ]
        )
        let few = try BidImporter(queries: [], namespaces: [], limits: ImportLimits(maximumAttachments: 0))
        #expect(
            few.importBid(bytes: bytes, file: "many.xml").diagnostics == [
                "many.xml:49: error: bid lists 1 attachments; the limit is 0"
            ]
        )
        #expect(importer.importBid(bytes: [], file: "empty.xml").diagnostics == ["empty.xml: error: bid file is empty"])
    }

    @Test func otherDocumentsAreNotBids() {
        let rss = Array("<?xml version=\"1.0\"?>\n  <rss version=\"2.0\"><channel/></rss>\n".utf8)
        #expect(
            importer.importBid(bytes: rss, file: "feed.xml").diagnostics == [
                "feed.xml:2:3: error: root element <rss> (namespace none) is not a bid; "
                    + "expected a tender-eval bid, a UBL Tender or an ESPD response"
            ]
        )
    }

    @Test func embeddedSchemaEqualsTheRepositoryFile() throws {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("schemas/tender-bid-1.xsd")
        let file = try Data(contentsOf: url)
        #expect(Array(EmbeddedSchema.text.utf8) == [UInt8](file))
        #expect(BidSchema.native.loadProblems.isEmpty)
    }
}
