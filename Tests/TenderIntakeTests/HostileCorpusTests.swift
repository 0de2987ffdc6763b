import Foundation
import TenderCore
import TenderModel
import TenderTestSupport
import Testing

@testable import TenderIntake

/// Issue 4 acceptance: every file of `../shared/corpus/hostile` has a stated outcome, finishes quickly, and
/// nothing from another file (`/etc/passwd`, the `.ent` side files) ever shows up in an outcome.
@Suite struct HostileCorpusTests {
    enum Expected {
        /// Rejected with exactly these diagnostics (the file name is prefixed).
        case rejected([String])
        /// Imported, with exactly this decoded bidder name.
        case bidder(String)
    }

    static let notABid = "is not a bid; expected a tender-eval bid, a UBL Tender or an ESPD response"
    static let entity = "error: bid uses an entity declaration; entities are not allowed in bids"
    static let doctype = "error: bid contains a document type declaration (DOCTYPE); bids must not declare DTDs"

    static let expected: [String: Expected] = [
        "chardet_big5_coolloud.org.tw.xml": .rejected([
            "105:14: error: bid is not well-formed XML: charRef: invalid decimal value"
        ]),
        "chardet_gb18030-bytes_no-declaration.xml": .rejected([
            "4:8: error: bid is not valid UTF-8 at line 4; declare its encoding (e.g. encoding=\"GB18030\")"
        ]),
        "chardet_gb2312_acnnewswire.net.xml": .rejected(["6:1: error: root element <rss> (namespace none) \(notABid)"]),
        "chardet_gb2312_w3cn.org.xml": .rejected(["6:1: error: root element <rss> (namespace none) \(notABid)"]),
        "chardet_gb2312_xy15400.blogcn.com.xml": .rejected([
            "6:1: error: root element <RDF> (namespace http://www.w3.org/1999/02/22-rdf-syntax-ns#) \(notABid)"
        ]),
        "defusedxml_cyclic.xml": .rejected(["2:1: \(entity)"]),
        "defusedxml_external-dtd.xml": .rejected(["2:1: \(doctype)"]),
        "defusedxml_external-file.xml": .rejected(["2:1: \(entity)"]),
        "defusedxml_external-http.xml": .rejected(["2:1: \(entity)"]),
        "defusedxml_quadratic.xml": .rejected(["2:1: \(entity)"]),
        "defusedxml_xmlbomb.xml": .rejected(["2:1: \(entity)"]),
        "derived_utf16be-bom_acnnewswire.net.xml": .rejected([
            "7:1: error: root element <rss> (namespace none) \(notABid)"
        ]),
        "libxml2_invalid-utf8_754947.xml": .rejected([
            "1:26: error: bid is not valid UTF-8 at line 1; declare its encoding (e.g. encoding=\"GB18030\")"
        ]),
        "libxml2_invalid-utf8_cdata.xml": .rejected([
            "2:14: error: bid declares encoding utf-8 but is not valid UTF-8 at line 2"
        ]),
        "libxml2_japancrlf_utf8-bom.xml": .rejected([
            "1:1: error: root element <入力メッセージ> (namespace "
                + "http://schemas.cordys.com/webapps/1.0/bpm/c8c8b82a-0ac0-3d19-01e2-bda74af9b826) \(notABid)"
        ]),
        "libxml2_lol_classic.xml": .rejected(["2:3: \(entity)"]),
        "libxml2_lol_eg.xml": .rejected(["2:1: \(doctype)"]),
        "libxml2_lol_param.xml": .rejected(["20:3: \(entity)"]),
        "libxml2_quadratic-defattr.xml": .rejected(["1:1: \(doctype)"]),
        "libxml2_rec_ext_ent.xml": .rejected(["2:3: \(entity)"]),
        "libxml2_slashdot16_utf16le-bom.xml": .rejected([
            "2:1: error: root element <ultramode> (namespace none) \(notABid)"
        ]),
        "libxml2_text-4-byte-UTF-16-LE.xml": .rejected(["2:1: error: root element <body> (namespace none) \(notABid)"]),
        "libxml2_truncated-utf16.xml": .rejected(["1:1: error: root element <d> (namespace none) \(notABid)"]),
        "libxml2_unsupported-encoding.xml": .rejected([
            "1:52: error: bid declares encoding 'unsupported-encoding', which cannot be read; "
                + "use UTF-8, GB18030, GBK, GB2312, Big5 or UTF-16"
        ]),
        "libxml2_utf16bebom.xml": .rejected(["3:1: error: root element <repository> (namespace none) \(notABid)"]),
        "payloadsallthethings_classic-xxe-etc-passwd.xml": .rejected(["2:1: \(doctype)"]),
        "selfwritten_deep-nesting-300.xml": .rejected([
            "3:196: error: bid nests elements more than 64 levels deep; the limit is 64"
        ]),
        "selfwritten_gb18030_tender-4byte-chars.xml": .bidder("𠮷祥㐀筑科技（深圳）有限公司"),
        "selfwritten_gbk_tender-gbk-only-chars.xml": .bidder("上海喆堃镕业建设工程有限公司"),
        "selfwritten_invalid-utf8_above-10FFFF.xml": .rejected([
            "11:35: error: bid declares encoding UTF-8 but is not valid UTF-8 at line 11"
        ]),
        "selfwritten_invalid-utf8_overlong.xml": .rejected([
            "11:35: error: bid declares encoding UTF-8 but is not valid UTF-8 at line 11"
        ]),
        "selfwritten_invalid-utf8_truncated-at-eof.xml": .rejected([
            "11:37: error: bid declares encoding UTF-8 but is not valid UTF-8 at line 11"
        ]),
        "selfwritten_utf16le-nobom_tender.xml": .bidder("广州市天河区示例投标有限公司"),
    ]

    @Test(.enabled(if: SharedData.available("corpus/hostile"), "needs ../shared/corpus/hostile beside the clone"))
    func everyHostileFileHasItsExpectedOutcome() throws {
        guard let folder = sharedCorpus("hostile") else { return }
        let importer = try BidImporter(
            queries: [FactQuery(id: "everything", expression: "string(/)", kind: .text)],
            namespaces: []
        )
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let entityTexts = try names.filter { $0.hasSuffix(".ent") }.map {
            try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let forbidden = ["root:x:0:0", "/bin/bash", "/usr/sbin/nologin", "hahahaha"] + entityTexts
        let xmlNames = names.filter { $0.hasSuffix(".xml") }
        #expect(xmlNames.count >= 33)
        for name in xmlNames {
            let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
            let start = ContinuousClock.now
            let outcome = importer.importBid(bytes: bytes, file: name)
            let elapsed = ContinuousClock.now - start
            // A hang guard, not a benchmark: each of these takes milliseconds.
            #expect(elapsed < .seconds(1), "\(name) took \(elapsed)")
            for text in forbidden where !text.isEmpty {
                #expect(!outcome.allText.contains(text), "\(name) leaks text of another file: \(text.prefix(30))")
            }
            guard let expected = Self.expected[name] else {
                Issue.record("\(name) has no expected outcome in HostileCorpusTests.expected; add one")
                continue
            }
            switch expected {
            case .rejected(let diagnostics):
                #expect(outcome.diagnostics == diagnostics.map { "\(name):\($0)" }, "\(name)")
            case .bidder(let bidder):
                #expect(outcome.bid?.bidder.name == bidder, "\(name): \(outcome.diagnostics)")
            }
        }
        #expect(Set(Self.expected.keys).isSubset(of: Set(xmlNames)), "expected outcomes for files that are gone")
    }

    @Test(.enabled(if: SharedData.available("corpus/hostile"), "needs ../shared/corpus/hostile beside the clone"))
    func realChineseFeedsDecodeToTheRightCharacters() throws {
        guard let folder = sharedCorpus("hostile") else { return }
        let samples = [
            ("chardet_gb2312_acnnewswire.net.xml", "中国银联"),
            ("derived_utf16be-bom_acnnewswire.net.xml", "中国银联"),
            ("chardet_gb2312_w3cn.org.xml", "网页设计"),
            ("libxml2_slashdot16_utf16le-bom.xml", "Slashdot"),
        ]
        for (name, expected) in samples {
            let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
            let text = try BidImporter.decodedText(bytes: bytes, file: name)
            #expect(text.contains(expected), "\(name) does not decode to text containing \(expected)")
        }
    }

    @Test(
        .enabled(
            if: SharedData.available("corpus/ubl") && SharedData.available("corpus/espd"),
            "needs ../shared/corpus"
        )
    )
    func ublAndESPDFilesImportWithTheirBidders() throws {
        guard let ubl = sharedCorpus("ubl"), let espd = sharedCorpus("espd") else { return }
        let importer = try BidImporter(queries: [], namespaces: [])
        let bidders: [String: String] = [
            "cenbii_trdm044_UseCase1_Tender.xml": "Economic Operator Inc.",
            "cenbii_trdm044_UseCase2_Tender-2lots.xml": "Economic Operator Inc.",
            "cenbii_trdm090_UseCase1_Tender.xml": "Economic Operator Inc.",
            "peppol-prac_T005_Tender.xml": "Dutch Tulip Ltd.",
            "espd-edm-v2.0.2_REGULATED-ESPD-Response.xml": "Edisys",
            "espd-edm-v2.1.1_BASIC-ESPDResponse.xml": "__EoName",
            "espd-edm-v3.3.0_ESPD-Response.xml": "__ProcurerName",
            "espd-edm-v4.1.0_ESPD-Response.xml": "__Procurer Official Name__",
            "espd-service-v1_espd-response-20161101-full.xml": "Ben larbi",
            "espd-service-v1_response_to_merge.xml": "ACME Corp.",
            "uprc_espd-response-v2-81_default-ns.xml": "__EoName",
            "vefa-preaward_Example1-ESPDResponse-SMART-2015-0065.xml": "ACME Corp.",
        ]
        let noOperator = "error: ESPD response names no economic operator (EconomicOperatorParty/Party/PartyName/Name)"
        let withoutOperator: [String: String] = [
            "espd-service-v1_certificates_quality.xml": "2: \(noOperator)",
            "espd-service-v1_general_yearly_turnover.xml": "2: \(noOperator)",
            "vefa-preaward_ESPD_response_bogus-empty-EO.xml": "18: \(noOperator)",
        ]
        for folder in [ubl, espd] {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            where name.hasSuffix(".xml") {
                let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
                let outcome = importer.importBid(bytes: bytes, file: name)
                if let bidder = bidders[name] {
                    #expect(outcome.bid?.bidder.name == bidder, "\(name): \(outcome.diagnostics)")
                } else if let diagnostic = withoutOperator[name] {
                    #expect(outcome.diagnostics == ["\(name):\(diagnostic)"])
                } else {
                    #expect(outcome.diagnostics.count == 1 && outcome.diagnostics[0].hasSuffix(Self.notABid), "\(name)")
                }
            }
        }
    }

    @Test(.enabled(if: SharedData.available("corpus/ubl"), "needs ../shared/corpus/ubl beside the clone"))
    func ublTenderMapping() throws {
        guard let ubl = sharedCorpus("ubl") else { return }
        let importer = try BidImporter(queries: [], namespaces: [])
        func load(_ name: String) throws -> BidImportOutcome {
            importer.importBid(bytes: [UInt8](try Data(contentsOf: ubl.appendingPathComponent(name))), file: name)
        }
        let one = try #require(try load("cenbii_trdm044_UseCase1_Tender.xml").bid)
        #expect(one.format == .ublTender)
        #expect(one.price?.total == 219_388)
        #expect(one.price?.currency == "EUR")
        let lots = try load("cenbii_trdm044_UseCase2_Tender-2lots.xml")
        #expect(lots.bid?.price?.total == 440_000)
        #expect(lots.bid?.price?.lines.map(\.amount) == [340_000, 100_000])
        #expect(
            lots.warnings == [
                "cenbii_trdm044_UseCase2_Tender-2lots.xml:70: warning: tender covers 2 lots; its price is the sum of "
                    + "their payable amounts (440000 EUR)"
            ]
        )
        let peppol = try #require(try load("peppol-prac_T005_Tender.xml").bid)
        #expect(peppol.price == nil)
        #expect(peppol.attachments.count == 2)
        #expect(
            peppol.attachments.first
                == Attachment(
                    name: "507-20161124 - eTendering SBDH for UBL v4.2.xlsx.p7m",
                    type: "310",
                    sha256: "72182b98a9dab9a553ccf161ea049d41337e51dfdf74ddc8ab7b68e7cffb7d1b",
                    line: 19
                )
        )
        #expect(peppol.submittedAt == "2016-11-24T11:10:04+01:00")
    }
}
