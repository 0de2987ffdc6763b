internal import CLibXML2
import TenderCore
import TenderModel

enum ESPDNames {
    static let v1Roots: Set<String> = ["urn:grow:names:specification:ubl:schema:xsd:ESPDResponse-1"]
    static let v2Roots: Set<String> = [
        "urn:oasis:names:specification:ubl:schema:xsd:QualificationApplicationResponse-2",
        "urn:X-test:UBL:Pre-award:QualificationApplicationResponse",
    ]
    static let v1Aggregate: Set<String> = [
        "urn:grow:names:specification:ubl:schema:xsd:ESPD-CommonAggregateComponents-1"
    ]
    static let v1Basic: Set<String> = ["urn:grow:names:specification:ubl:schema:xsd:ESPD-CommonBasicComponents-1"]
}

/// Maps an ESPD response (v1 `ESPDResponse`, v2–v4 `QualificationApplicationResponse`) to `Bid`: the
/// economic operator's identity and size. An ESPD carries no price, so `price` is nil (the price criterion
/// cannot be evaluated for it) and a warning says so.
enum ESPDMapping {
    static func bid(root: xmlNodePtr, file: String, limits: ImportLimits) throws(DiagnosticError) -> (Bid, [Diagnostic])
    {
        let cac = UBLNames.cac
        let cbc = UBLNames.cbc
        let isVersion1 = root.localName == "ESPDResponse"
        let operatorParty =
            isVersion1
            ? root.child(ESPDNames.v1Aggregate, "EconomicOperatorParty")
            : root.child(cac, "EconomicOperatorParty")
        var warnings: [Diagnostic] = []
        guard let operatorParty, let party = operatorParty.child(cac, "Party"), var bidder = UBLParty.bidder(party)
        else {
            throw DiagnosticError(
                .error(
                    "ESPD response names no economic operator (EconomicOperatorParty/Party/PartyName/Name)",
                    at: SourceLocation(file: file, line: (operatorParty ?? root).line)
                )
            )
        }
        bidder.line = operatorParty.line
        var sizeNode: xmlNodePtr?
        var sizeCode: String?
        if isVersion1 {
            sizeNode = operatorParty.child(ESPDNames.v1Basic, "SMEIndicator")
            if let indicator = sizeNode?.nonEmptyText?.lowercased() {
                sizeCode = indicator == "true" ? "sme" : (indicator == "false" ? "large" : indicator)
            }
        } else {
            sizeNode = party.child(cbc, "IndustryClassificationCode")
            sizeCode = sizeNode?.nonEmptyText?.lowercased()
        }
        if let sizeCode {
            switch sizeCode {
            case "micro": bidder.size = .micro
            case "small": bidder.size = .small
            case "medium": bidder.size = .medium
            case "large": bidder.size = .large
            case "sme":
                bidder.size = .medium
                warnings.append(
                    .warning(
                        "ESPD says only that the bidder is an SME, not whether it is micro, small or medium; "
                            + "recorded as medium",
                        at: SourceLocation(file: file, line: sizeNode?.line)
                    )
                )
            default:
                warnings.append(
                    .warning(
                        "unknown enterprise size '\(sizeCode.prefix(40))'; the size is left unknown",
                        at: SourceLocation(file: file, line: sizeNode?.line)
                    )
                )
            }
        }
        warnings.append(
            .warning(
                "an ESPD response carries no price; the price criterion cannot be evaluated for this bid",
                at: SourceLocation(file: file, line: root.line)
            )
        )
        let bid = Bid(
            file: file,
            format: .espdResponse,
            tenderReference: root.child(cbc, "ContractFolderID")?.nonEmptyText,
            submittedAt: UBLParty.issued(root),
            bidder: bidder,
            price: nil,
            commitments: [],
            violations: [],
            attachments: [],
            facts: [:]
        )
        _ = limits
        return (bid, warnings)
    }
}
