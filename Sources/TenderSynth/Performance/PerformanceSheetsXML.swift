import TenderCore

extension SyntheticPerformanceMonth {
    /// The sheets in the XML form of docs/performance-sheets.md (namespace `urn:tender-eval:performance:1`),
    /// for the reader's XML path: the same records as the CSV sheets.
    public func sheetsXML(plan: SyntheticPerformancePlan) -> [(name: String, bytes: [UInt8])] {
        [
            ("survey-\(month).xml", surveyXML(plan: plan)),
            ("team-\(month).xml", teamXML(plan: plan)),
            ("department-\(month).xml", departmentXML(plan: plan)),
            ("patrol-\(month).xml", patrolXML(plan: plan)),
        ]
    }

    public func surveyXML(plan: SyntheticPerformancePlan) -> [UInt8] {
        let itemIDs = plan.services.map(\.id)
        let labels = plan.answers.map(\.label)
        var xml = XMLText(root: "survey", plan: plan, month: month)
        for respondent in respondents {
            xml.text += "  <response id=\"\(XMLText.escaped(respondent.id))\" submitted=\"\(respondent.submitted)\">"
            for (item, answer) in zip(itemIDs, respondent.answers) where answer >= 0 {
                xml.text += "<answer item=\"\(XMLText.escaped(item))\">\(XMLText.escaped(labels[Int(answer)]))</answer>"
            }
            xml.text += "</response>\n"
        }
        return xml.finished()
    }

    public func teamXML(plan: SyntheticPerformancePlan) -> [UInt8] {
        var xml = XMLText(root: "teams", plan: plan, month: month)
        for team in teams {
            xml.text +=
                "  <team name=\"\(XMLText.escaped(team.team))\" score=\"\(team.score.plainText)\">"
                + "\(XMLText.escaped(team.reason ?? ""))</team>\n"
        }
        return xml.finished()
    }

    public func departmentXML(plan: SyntheticPerformancePlan) -> [UInt8] {
        var xml = XMLText(root: "departments", plan: plan, month: month)
        for score in departments {
            xml.text +=
                "  <score department=\"\(XMLText.escaped(score.department))\" item=\"\(XMLText.escaped(score.item))\" "
                + "score=\"\(score.score.plainText)\">\(XMLText.escaped(score.reason ?? ""))</score>\n"
        }
        return xml.finished()
    }

    public func patrolXML(plan: SyntheticPerformancePlan) -> [UInt8] {
        var xml = XMLText(root: "patrol", plan: plan, month: month)
        for finding in findings {
            xml.text +=
                "  <finding id=\"\(XMLText.escaped(finding.id))\" date=\"\(finding.date)\" "
                + "place=\"\(XMLText.escaped(finding.place))\" item=\"\(XMLText.escaped(finding.item))\" "
                + "deduction=\"\(finding.deduction.plainText)\" photo=\"\(XMLText.escaped(finding.photo))\">"
                + "\(XMLText.escaped(finding.description))</finding>\n"
        }
        return xml.finished()
    }
}

/// One sheet's XML text, opened with its root element naming the contract and the month.
struct XMLText {
    var text: String
    let root: String

    init(root: String, plan: SyntheticPerformancePlan, month: some CustomStringConvertible) {
        self.root = root
        text =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<\(root) xmlns=\"urn:tender-eval:performance:1\" "
            + "contract=\"\(Self.escaped(plan.contractID))\" month=\"\(month)\">\n"
    }

    func finished() -> [UInt8] {
        Array((text + "</\(root)>\n").utf8)
    }

    static func escaped(_ value: String) -> String {
        var result = ""
        for character in value {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
