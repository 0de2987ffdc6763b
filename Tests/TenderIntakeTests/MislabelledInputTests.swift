import Foundation
import TenderCore
import TenderModel
import Testing

@testable import TenderIntake

/// Inputs found by the review of the whole change: each must give a clear diagnostic, never wrong text.
@Suite struct MislabelledInputTests {
    private let importer: BidImporter = {
        do {
            return try BidImporter(
                queries: [FactQuery(id: "huge", expression: "number(//b:fact[@name='huge'])", kind: .number)],
                namespaces: [NamespaceBinding(prefix: "b", uri: "urn:tender-eval:bid:1")]
            )
        } catch {
            fatalError("\(error)")
        }
    }()

    private func bid(encoding: String, name: String, facts: String = "") -> [UInt8] {
        Array(
            """
            <?xml version="1.0" encoding="\(encoding)"?>
            <bid xmlns="urn:tender-eval:bid:1">
              <bidder><name>\(name)</name></bidder>
              <price currency="CNY"><total>100</total></price>\(facts)
            </bid>
            """.utf8
        )
    }

    @Test(arguments: ["ISO-8859-1", "windows-1252", "GBK"])
    func anyEncodingDeclaredOnUTF8BytesIsRefused(encoding: String) {
        let outcome = importer.importBid(bytes: bid(encoding: encoding, name: "台州市安澜物业"), file: "m.xml")
        #expect(outcome.diagnostics == ["m.xml:3:17: error: bid declares encoding \(encoding) but its bytes are UTF-8"])
    }

    @Test func latin1TextThatIsReallyLatin1IsRead() throws {
        var bytes = bid(encoding: "ISO-8859-1", name: "Caf#")
        let index = try #require(bytes.firstIndex(of: UInt8(ascii: "#")))
        bytes[index] = 0xE9
        #expect(importer.importBid(bytes: bytes, file: "l.xml").bid?.bidder.name == "Café")
    }

    @Test func aNumberTooLargeToUseExactlyIsWarnedNotSilentlyDropped() throws {
        let digits = String(repeating: "9", count: 301)
        let facts = "\n  <facts><fact name=\"huge\">\(digits)</fact></facts>"
        let outcome = importer.importBid(bytes: bid(encoding: "UTF-8", name: "Big", facts: facts), file: "h.xml")
        let bid = try #require(outcome.bid, "\(outcome.diagnostics)")
        #expect(bid.facts["huge"]?.value == .absent)
        #expect(
            outcome.warnings == [
                "h.xml: warning: criterion 'huge' gives a number too large to use exactly; the value is missing"
            ]
        )
    }

    @Test func textThatIsNotXMLIsNotCalledEmpty() {
        let outcome = importer.importBid(bytes: Array("garbage<".utf8), file: "g.xml")
        #expect(outcome.diagnostics.first?.contains("bid file is empty or does not start with an XML element") == true)
    }
}
