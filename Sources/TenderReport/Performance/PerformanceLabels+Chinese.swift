import TenderCore
import TenderModel

extension PerformanceLabels {
    static let chinese = PerformanceLabels(
        htmlLanguage: "zh-CN",
        none: "无。",
        dash: "—",
        listSeparator: "、",
        periodTitle: { contract in "合同 \(contract) 履约考评报告" },
        monthTitle: { month, contract in "合同 \(contract) \(month) 月度考评报告" },
        contractSection: "合同与考评方案",
        contractID: "合同编号",
        tender: "招标项目",
        buyer: "采购人",
        contractor: "服务单位",
        registrationID: "统一社会信用代码",
        services: "服务内容",
        term: "服务期限",
        sources: "考评构成",
        rounding: "取舍规则",
        standings: "考评等次",
        rules: "等次规则",
        roundingRule: { rounding, decimals in
            switch rounding {
            case .perSource: return "各项得分分别保留 \(decimals) 位小数（四舍五入）"
            case .total: return "仅月度得分保留 \(decimals) 位小数（四舍五入）"
            }
        },
        weights: { survey, team, department, cap, each in
            "群众测评 \(survey)%，班组推荐 \(team)%，科室考评 \(department)%；周巡查每项最多扣 \(each) 分，每月最多扣 \(cap) 分"
        },
        band: { name, atLeast, consequence in
            let base: RichText = "\(name) ≥ \(atLeast)"
            return consequence.map { base + "（" + $0 + "）" } ?? base
        },
        rule: { count, within, standing, consequence, warns in
            let base: RichText = "\(within) 个月内 \(count) 个月\(standing) → \(consequence)"
            return warns ? base + "（该服务单位下次投标时提示评标委员会）" : base
        },
        summarySection: "概况与趋势",
        monthsScored: { scored, pending in
            "已考评 \(scored) 个月" + (pending > 0 ? "，\(pending) 个月暂无有效得分" : "")
        },
        meanScore: "月度平均得分",
        meanFormula: { sum, count, mean in "\(sum) / \(count) = \(mean)" },
        monthsPerStanding: "各等次月数",
        monthCount: { count in " \(count) 个月" },
        chartTitle: "月度得分与各项得分（0–100）及考评等次",
        chartScore: "月度得分",
        chartMarked: "最低等次",
        monthsSection: "各月考评",
        month: "月份",
        sourceName: { source in
            switch source {
            case .survey: return "群众测评"
            case .team: return "班组推荐"
            case .department: return "科室考评"
            case .patrol: return "周巡查"
            }
        },
        sourceColumn: { source in
            switch source {
            case .survey: return "群众测评 S"
            case .team: return "班组推荐 S"
            case .department: return "科室考评 S"
            case .patrol: return "周巡查"
            }
        },
        deduction: "扣分",
        score: "得分",
        standing: "等次",
        consequence: "结果",
        capped: { total, applied in "\(total) → \(applied)（封顶）" },
        floored: { unrounded in "（\(unrounded) < 0，计 0）" },
        floorNote: "（月度得分不低于 0）",
        pending: { status, sources in
            switch status {
            case .incomplete: return "未考评：\(sources.joined(separator: "、"))尚未录入"
            case .notComputed: return "已录入，尚未计算"
            case .stale(let correction): return "已失效：计算早于更正 \(correction)"
            }
        },
        stale: { correction in "已失效：计算早于更正 \(correction)" },
        staleStanding: { standing, note in standing + "（" + .text(note) + "）" },
        raisedSection: "触发的等次规则",
        raisedRule: { rule, months, raisedIn, consequence in
            "\(rule)：\(months) → \(consequence)（于 \(raisedIn) 触发）"
        },
        ruleSummary: { count, within, standing in "\(within) 个月内 \(count) 个月\(standing)" },
        correctionsSection: "更正记录",
        number: "序号",
        date: "日期",
        record: "记录",
        change: "原值 → 更正值",
        reason: "理由",
        by: "决定人",
        struck: "（未作答）",
        target: { target, item in
            switch target {
            case .surveyAnswer(let respondent, let id): return "群众测评，答卷 \(user: respondent)，\(item(id))"
            case .teamScore(let team): return "班组推荐，\(user: team)"
            case .departmentScore(let department, let id): return "科室考评，\(user: department)，\(item(id))"
            case .patrolDeduction(let finding): return "周巡查扣分，问题 \(user: finding)"
            }
        },
        supersededSection: "已被取代的计算",
        supersededNote: "同一月份较早的计算结果，已由后来的计算取代，留档备查。",
        computation: "计算",
        computedOn: "计算日期",
        correctionsUpTo: "已计入更正至",
        computationText: { number, date in "第 \(number) 次计算（\(date)）" },
        sheetsSection: "录入的表格",
        source: "来源",
        file: "文件",
        recordedOn: "录入日期",
        calculationSection: "月度得分计算",
        formula: "单项得分 S",
        contribution: "计入得分",
        sourceFormula: { source, sum, count, mean in
            switch source {
            case .survey: return "答卷分值合计 / 答卷项数 = \(sum) / \(count) = \(mean)"
            case .team: return "班组得分合计 / 班组数 = \(sum) / \(count) = \(mean)"
            case .department: return "科室合计 / 科室数 = \(sum) / \(count) = \(mean)"
            case .patrol: return "\(sum)"
            }
        },
        contributionFormula: { weight, mean, result in "\(weight) × \(mean) / 100 = \(result)" },
        patrolFormula: { terms, count in "\(count) 项问题，扣分合计 = \(terms)" },
        patrolCap: { total, cap, applied in "min(\(total), \(cap)) = \(applied)" },
        scoreLine: { terms, result in "月度得分 = \(terms) = \(result)" },
        standingLine: { score, atLeast, name in "考评等次：\(score) ≥ \(atLeast) → \(name)" },
        surveySection: "群众测评：各项目答卷分布",
        item: "项目",
        answers: "答卷数",
        mean: "平均分",
        teamSection: "班组推荐",
        team: "班组",
        departmentSection: "科室考评",
        department: "科室",
        total: "合计",
        itemMean: "平均",
        departmentReasons: "低于项目分值的评分理由：",
        patrolSection: "周巡查问题",
        findingID: "编号",
        place: "地点",
        description: "问题",
        photo: "照片",
        photoSHA256: "照片 SHA-256",
        corrected: { value, from, numbers, reasons in
            let which = numbers.map(String.init).joined(separator: "、")
            return "\(value)（由 \(from) 更正，更正 \(which)：" + reasons + "）"
        },
        notApplied: { numbers in "更正 \(numbers) 录入于本月得分计算之后，未计入本月得分；须重新计算本月得分。" },
        notScored: "本月尚无得分。",
        raisedThisMonth: "本月触发的等次规则",
        status: "状态",
        scored: "已考评",
        deductionTotal: "扣分合计",
        unrounded: "未取舍得分",
        correctionsColumn: "更正",
        name: "名称",
        value: "数值",
        weight: "权重",
        reasonOrDescription: "理由或问题",
        cappedNote: "封顶"
    )
}
