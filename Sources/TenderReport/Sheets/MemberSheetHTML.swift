import TenderCore
public import TenderModel

/// A member sheet as a printable HTML page: A4, an explicit CJK font stack, the member and the tender at the top,
/// each criterion's guidance once, a table per bidder with an empty score and reason cell per criterion, the
/// conflict-of-interest declaration per bidder, and a signature line.
public enum MemberSheetHTML {
    public static func render(_ sheet: MemberSheet) -> [UInt8] {
        let text = MemberSheetText(sheet: sheet)
        let e = HTMLWriter.escape
        let member = sheet.member
        var out = """
            <!DOCTYPE html>
            <html lang="\(sheet.language.rawValue)">
            <head>
            <meta charset="utf-8">
            <title>\(e(text.title)) — \(e(member.id)) — \(e(sheet.tenderID))</title>
            <style>
            @page { size: A4 portrait; margin: 15mm 12mm; }
            body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", \
            "SimSun", sans-serif; font-size: 10.5pt; line-height: 1.45; color: #000; }
            h1 { font-size: 15pt; margin: 0 0 4mm; }
            h2 { font-size: 12pt; margin: 6mm 0 2mm; break-after: avoid; }
            table { width: 100%; border-collapse: collapse; margin: 2mm 0 4mm; }
            thead { display: table-header-group; }
            th, td { border: 1px solid #444; padding: 1.5mm 2mm; vertical-align: top; word-break: keep-all; \
            overflow-wrap: break-word; }
            th { background: #eee; white-space: nowrap; }
            td.fill { height: 9mm; min-width: 18mm; }
            td.reason { width: 45%; }
            section.bidder { break-inside: avoid; }
            .sign { margin-top: 10mm; }
            </style>
            </head>
            <body>
            <h1>\(e(text.title))：\(e(sheet.tenderTitle.text(in: sheet.language)))</h1>
            <p>\(e(sheet.tenderID)) · \(e(member.id)) \(e(member.name)) · \(e(text.roleName))\
            \(member.isChair ? (text.zh ? " · 组长" : " · chair") : "")</p>
            <p>\(e(text.instructions))</p>

            """
        if !sheet.criteria.isEmpty {
            out += "<h2>\(e(text.zh ? "评分项与评分指引" : "Criteria and guidance"))</h2>\n<table>\n<thead><tr>"
            for header in [
                text.header(.criterion), text.header(.criterionName), text.header(.maximum),
                text.header(.allowedScores), text.header(.guidance),
            ] {
                out += "<th>\(e(header))</th>"
            }
            out += "</tr></thead>\n<tbody>\n"
            for criterion in sheet.criteria {
                out += "<tr><td>\(e(criterion.id))</td><td>\(e(criterion.name.text(in: sheet.language)))</td>"
                out += "<td>\(e(criterion.maximum.plainText))</td><td>\(e(text.allowedScores(criterion)))</td>"
                out += "<td>\(e(text.guidance(criterion)))</td></tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        for bidder in sheet.bidders {
            out += "<section class=\"bidder\">\n<h2>\(e(bidder.name))"
            if let id = bidder.registrationID { out += " <small>(\(e(id)))</small>" }
            out += "</h2>\n<p>\(e(text.declaration))：☐ \(e(text.zh ? "是" : "yes"))　☐ \(e(text.zh ? "否" : "no"))</p>\n"
            if !sheet.criteria.isEmpty {
                out += "<table>\n<thead><tr><th>\(e(text.header(.criterionName)))</th>"
                out += "<th>\(e(text.header(.score)))</th><th>\(e(text.header(.reason)))</th></tr></thead>\n<tbody>\n"
                for criterion in sheet.criteria {
                    out += "<tr><td>\(e(criterion.name.text(in: sheet.language))) "
                    out += "(0–\(e(criterion.maximum.plainText)))</td><td class=\"fill\"></td>"
                    out += "<td class=\"fill reason\"></td></tr>\n"
                }
                out += "</tbody>\n</table>\n"
            }
            out += "</section>\n"
        }
        let sign =
            text.zh ? "评委签名：______________　　日期：______________" : "Signature: ______________    Date: ______________"
        out += "<p class=\"sign\">\(e(sign))</p>\n</body>\n</html>\n"
        return Array(out.utf8)
    }
}
