import Foundation
import TenderCore
import TenderModel
import Testing

@testable import TenderIntake

/// The project manager (staff with role `project-manager`) and their optional phone, kept with their lines so
/// that a collusion signal can point at them; bids without a phone stay valid.
@Suite struct ProjectManagerImportTests {
    static func bid(staff: String) -> [UInt8] {
        Array(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <bid xmlns="urn:tender-eval:bid:1">
              <bidder><name>甲公司</name></bidder>
              <price currency="CNY"><total>100</total></price>
              <capability>
                <staff>
            \(staff)
                </staff>
              </capability>
            </bid>
            """.utf8
        )
    }

    @Test func everyProjectManagerIsReadWithPhoneAndLines() throws {
        let importer = try BidImporter(queries: [], namespaces: [])
        let staff = """
                  <person role="project-manager"><name>陈海燕</name><years-experience>16</years-experience>
                    <phone>+86 576-8888 1234</phone></person>
                  <person role="cleaner"><name>许秀英</name><phone>0576 1</phone></person>
                  <person role=" project-manager "><name>林志强</name></person>
            """
        let outcome = importer.importBid(bytes: Self.bid(staff: staff), file: "pm.xml")
        let bid = try #require(outcome.bid, "\(outcome.diagnostics)")
        #expect(
            bid.bidder.projectManagers == [
                ProjectManager(name: "陈海燕", phone: "+86 576-8888 1234", line: 7, phoneLine: 8),
                ProjectManager(name: "林志强", line: 10),
            ]
        )
    }

    @Test func aPhoneOutOfPlaceIsASchemaError() throws {
        let importer = try BidImporter(queries: [], namespaces: [])
        let staff = """
                  <person role="project-manager"><phone>0576 88881234</phone><name>陈海燕</name></person>
            """
        let outcome = importer.importBid(bytes: Self.bid(staff: staff), file: "pm.xml")
        #expect(outcome.bid == nil)
        #expect(outcome.diagnostics.contains { $0.description.hasPrefix("pm.xml:7:") })
    }
}
