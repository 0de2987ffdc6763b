import Foundation
import TenderCore
import TenderModel

/// Text escaping for the XML and CSV the generator writes.
enum Escape {
    static func xml(_ text: String) -> String {
        guard text.contains(where: { "&<>\"'".contains($0) }) else { return text }
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default: result.append(character)
            }
        }
        return result
    }

    /// An RFC 4180 field: quoted when it holds a comma, quote or line break.
    static func csv(_ text: String) -> String {
        guard text.contains(where: { ",\"\r\n".contains($0) }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A YAML double-quoted scalar.
    static func yaml(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

extension ScaledDecimal {
    /// Plain text of an exact decimal (`2856000.5`, `96.125`).
    var synthText: String {
        plainText
    }

    /// Money with exactly two decimals (`2856000.50`).
    var moneyText: String {
        fixedText(places: max(2, decimalPlaces))
    }
}

extension ExactRatio {
    /// Plain text of an exact decimal (`96.125`).
    var synthText: String {
        plainText
    }
}

enum BidXML {
    static func render(_ bid: SyntheticBid, tenderID: String) -> String {
        let x = Escape.xml
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bid xmlns="urn:tender-eval:bid:1" tender="\(x(tenderID))" submitted="\(bid.submitted)">
              <bidder>
                <name>\(x(bid.name))</name>
                <registration-id scheme="USCC">\(bid.registrationID)</registration-id>
                <size>\(bid.size.rawValue)</size>
                <contact>
                  <person>\(x(bid.contactPerson))</person>
                  <phone>\(bid.phone)</phone>
                  <email>\(x(bid.email))</email>
                </contact>
                <address>\(x(bid.address))</address>
              </bidder>
              <price currency="CNY">
                <total>\(bid.total.moneyText)</total>

            """
        for line in bid.priceLines {
            out += "    <line item=\"\(x(line.item))\">\(line.amount.moneyText)</line>\n"
        }
        out += "  </price>\n  <capability>\n    <staff>\n"
        for person in bid.staff {
            out += "      <person role=\"\(x(person.role))\"><name>\(x(person.name))</name>"
            for qualification in person.qualifications {
                out += "<qualification>\(x(qualification))</qualification>"
            }
            out += "<years-experience>\(person.yearsExperience)</years-experience></person>\n"
        }
        out += "    </staff>\n    <equipment>\n"
        for item in bid.equipment {
            out += "      <item count=\"\(item.count)\">\(x(item.name))</item>\n"
        }
        out += "    </equipment>\n"
        out += "    <spare-parts stock-value=\"\(bid.sparePartsStockValue.synthText)\">常用备件库</spare-parts>\n"
        out += "    <emergency-response minutes=\"\(bid.emergencyMinutes)\">24小时应急值班</emergency-response>\n"
        out += "  </capability>\n  <quality>\n"
        for certification in bid.certifications {
            out +=
                "    <certification standard=\"\(x(certification.standard))\" number=\"\(x(certification.number))\" "
                + "valid-until=\"\(certification.validUntil)\"/>\n"
        }
        out += "    <association-rating grade=\"\(x(bid.associationGrade))\" issuer=\"\(x(bid.associationIssuer))\"/>\n"
        out += "  </quality>\n  <reputation>\n"
        for contract in bid.pastContracts {
            out +=
                "    <past-contract client=\"\(x(contract.client))\" year=\"\(contract.year)\" "
                + "value=\"\(contract.value.synthText)\" satisfaction=\"\(contract.satisfaction.synthText)\"/>\n"
        }
        for violation in bid.violations {
            out +=
                "    <violation date=\"\(violation.date)\" severity=\"\(violation.severity.rawValue)\" "
                + "authority=\"\(x(violation.authority))\">\(x(violation.text))</violation>\n"
        }
        out += "  </reputation>\n  <commitments>\n"
        for commitment in bid.commitments {
            let signed = commitment.signed.map { " signed=\"\($0)\"" } ?? ""
            out += "    <commitment kind=\"\(x(commitment.kind))\"\(signed)>\(x(commitment.text))</commitment>\n"
        }
        out += "  </commitments>\n  <attachments>\n"
        for attachment in bid.attachments {
            out +=
                "    <attachment name=\"\(x(attachment.name))\" type=\"\(x(attachment.type))\" "
                + "sha256=\"\(attachment.sha256)\"/>\n"
        }
        out += "  </attachments>\n"
        if !bid.factElements.isEmpty {
            out += "  <facts>\n"
            for fact in bid.factElements {
                let unit = fact.unit.map { " unit=\"\(x($0))\"" } ?? ""
                out += "    <fact name=\"\(x(fact.name))\"\(unit)>\(x(fact.value))</fact>\n"
            }
            out += "  </facts>\n"
        }
        out += "</bid>\n"
        return out
    }
}

enum RubricYAML {
    static func render(
        plan: [PlannedCriterion],
        tenderID: String,
        budgetCents: Int,
        bids: Int,
        seed: UInt64,
        members: Int
    ) -> String {
        let criteriaCount = plan.count
        var out = """
            # Synthetic tender generated by tender-eval-bench files (seed \(seed), \(bids) bids, \(criteriaCount) criteria).
            # Deterministic: the same seed, bid count and criteria count give the same bytes.
            tender:
              id: \(tenderID)
              title:
                zh: 机关后勤保障服务社会化采购项目（合成数据：\(bids) 份投标，\(criteriaCount) 项评审因素）
                en: Government logistics services (synthetic data with \(bids) bids and \(criteriaCount) criteria)
              buyer: {zh: 合成测试采购人, en: Synthetic test buyer}
              currency: CNY
              budget: \(Fixed.text(budgetCents, places: 2))
              method: comprehensive
              decimals: 2
              rounding: per-criterion
              minimum-valid-bids: 3
              evaluation-date: 2024-06-20
              profile: cn-87
              tie-break: [technical]
            namespaces:
              b: urn:tender-eval:bid:1
            price-policy:
              size-deductions: {small: 10, micro: 10}
              abnormally-low: 20
            committee:
              members: \(members)
              aggregation: mean
              disagreement: 30
              # Synthetic scores carry no written reasons; a real cn-87 rubric keeps the default, required.
              reasons: optional
            gates:
              - id: no-major-violation
                name: {zh: 近三年内无重大违法记录, en: No major legal violation in the last three years}
                violations: {severity: major, within-years: 3}
              - id: confidentiality
                name: {zh: 保密承诺, en: Confidentiality commitment}
                commitment: confidentiality
              - id: integrity
                name: {zh: 诚信承诺, en: Integrity commitment}
                commitment: integrity
            groups:

            """
        for group in CriteriaPlan.groups {
            let criteria = plan.filter { $0.group == group.id }
            guard !criteria.isEmpty else { continue }
            let points = criteria.reduce(0) { $0 + $1.points }
            out += "  - id: \(group.id)\n"
            out += "    name: {zh: \(group.zh), en: \(group.en)}\n"
            out += "    points: \(Fixed.points(points))\n"
            out += "    criteria:\n"
            for criterion in criteria {
                out += "      - id: \(criterion.id)\n"
                out += "        name: {zh: \(criterion.zh), en: \(criterion.en)}\n"
                out += "        points: \(Fixed.points(criterion.points))\n"
                switch criterion.rule {
                case .price:
                    out += "        price: lowest-price-ratio\n"
                case .judgement(let step):
                    out += "        judgement:\n"
                    out += "          step: \(Fixed.points(step))\n"
                    out += "          guidance: {zh: 方案完整、针对性强、措施可行的得高分, en: Complete and specific plans earn more}\n"
                case .objective(let source, let scale):
                    out += "        objective:\n"
                    out += "          value: \(Escape.yaml(CriteriaPlan.expression(for: source)))\n"
                    out += render(scale)
                }
            }
        }
        return out
    }

    private static func render(_ scale: PlannedScale) -> String {
        let p = Fixed.points
        switch scale {
        case .linear(let from, let to, let pointsFrom, let pointsTo):
            return
                "          linear: {from: \(from), to: \(to), points-from: \(p(pointsFrom)), points-to: \(p(pointsTo))}\n"
        case .bands(let bands):
            var out = "          bands:\n"
            for band in bands {
                if let to = band.to {
                    out += "            - {from: \(band.from), to: \(to), points: \(p(band.points))}\n"
                } else {
                    out += "            - {from: \(band.from), points: \(p(band.points))}\n"
                }
            }
            return out
        case .perItem(let each, let cap):
            return "          per-item: {each: \(p(each)), cap: \(p(cap))}\n"
        case .yesNo(let yes):
            return "          yes-no: {yes: \(p(yes)), no: 0}\n"
        case .lookup(let entries):
            let table = entries.map { "\($0.key): \(p($0.points))" }.joined(separator: ", ")
            return "          lookup: {\(table)}\n          otherwise: 0\n"
        }
    }
}
