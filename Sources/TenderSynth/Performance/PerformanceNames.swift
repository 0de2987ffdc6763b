/// Names a buyer's staff would write on the sheets: liaison teams, departments, patrol places and what was found.
enum PerformanceNames {
    /// The buyer's liaison teams (对口联络组), one per building or area the contractor serves: each rates the service
    /// it sees in its own building.
    static let teams = ["行政楼联络组", "文体中心联络组", "机关食堂联络组", "档案大楼联络组", "地下停车场联络组", "室外广场联络组"]

    static let departments = ["办公室", "机要科", "财务科", "综合科", "信息中心", "人事科", "后勤保障科", "档案室"]

    /// Why a liaison team marks the service below 100, per service item id: what it notices in its building.
    static let teamReasons: [String: [String]] = [
        "cleaning": ["本楼公共区域偶有积水未及时清理", "卫生间保洁巡检间隔过长", "本楼垃圾桶清理不及时"],
        "order-patrol": ["本楼访客登记不规范", "夜间巡查记录不完整", "本楼门岗交接班时脱岗"],
        "maintenance": ["本楼报修后响应超过承诺时限", "空调报修后两天才处理", "维修后未回访本楼"],
        "conference": ["会务保障人员到场偏晚", "会场布置与会议通知不符", "会议室茶水补充不及时"],
        "facade": ["外墙清洗未提前通知本楼人员", "吊篮作业时段与办公时间冲突", "清洗污水溅到本楼窗台"],
        "garbage": ["本楼厨余垃圾清运不及时", "本楼垃圾分类投放点清理不及时", "清运车辆在本楼门前停放占道"],
    ]
    static let genericTeamReasons = ["服务响应不及时", "与联络组沟通不及时"]

    /// Reasons a department gives for a score below the item's points, per service item id.
    static let departmentReasons: [String: [String]] = [
        "cleaning": ["卫生间异味未及时处理", "办公区地面有污渍", "垃圾桶未按时清理", "玻璃门窗有明显手印"],
        "order-patrol": ["外来车辆未登记即放行", "岗亭人员脱岗", "巡查记录缺漏", "快递堆放影响通行"],
        "maintenance": ["照明故障修复超过24小时", "水龙头漏水反复报修", "空调维修不及时", "报修回访缺失"],
        "conference": ["会议室设备调试不及时", "会后清场不彻底", "茶歇准备不足", "席卡摆放有误"],
        "facade": ["外墙清洗后留有水渍", "吊篮作业未提前通知科室", "高处作业警戒区设置不规范", "玻璃幕墙清洗周期延误"],
        "garbage": ["厨余垃圾清运不及时", "垃圾分类桶混装", "清运车辆停放占道", "垃圾房异味明显"],
    ]
    static let genericReasons = ["服务响应不及时", "工作记录不完整", "现场管理有待加强"]

    /// A place a patrol visits and the problems that can be found there.
    struct Site {
        let place: String
        let problems: [String]
    }

    /// Where a patrol finds what, per service item id: each problem is one that happens at its place and belongs
    /// to the service (a leaking pipe in the water-tank room is maintenance, not cleaning).
    static let sites: [String: [Site]] = [
        "cleaning": [
            Site(place: "行政楼3楼卫生间", problems: ["地面有积水未清理", "卫生间纸巾未补充", "洗手台有污渍未擦拭"]),
            Site(place: "行政楼1楼大厅", problems: ["大厅地面有污渍未清理", "玻璃门有明显手印"]),
            Site(place: "档案大楼楼梯间", problems: ["楼梯扶手积灰", "楼梯转角有杂物未清理"]),
            Site(place: "机关食堂餐厅", problems: ["餐桌未及时擦拭", "垃圾桶满溢未清理"]),
        ],
        "order-patrol": [
            Site(place: "西侧消防通道", problems: ["消防通道被车辆占用", "消防通道堆放杂物"]),
            Site(place: "东大门岗亭", problems: ["岗亭无人值守", "外来人员未登记即进入"]),
            Site(place: "地下停车场B区", problems: ["夜间巡逻未打卡", "车辆压线停放未劝导"]),
            Site(place: "南门非机动车棚", problems: ["非机动车乱停放未整理"]),
        ],
        "maintenance": [
            Site(place: "行政楼楼顶水箱间", problems: ["水管接口渗漏", "水箱间巡检记录缺失"]),
            Site(place: "档案大楼2楼走廊", problems: ["走廊照明损坏未修"]),
            Site(place: "行政楼电梯厅", problems: ["电梯按钮失灵未报修"]),
            Site(place: "地下停车场入口", problems: ["道闸故障未修复", "出入口照明损坏未修"]),
        ],
        "conference": [
            Site(place: "文体中心报告厅", problems: ["报告厅座椅损坏未报修", "报告厅音响未调试"]),
            Site(place: "行政楼2楼会议室", problems: ["会议室音响未调试", "会后物品未清理"]),
            Site(place: "行政楼5楼小会议室", problems: ["投影仪遥控器缺失", "会前茶水未准备"]),
        ],
        "facade": [
            Site(place: "行政楼东立面外墙", problems: ["外墙清洗后仍有明显水渍", "外墙空调外机支架积污未清洗"]),
            Site(place: "文体中心南侧玻璃幕墙", problems: ["玻璃幕墙清洗不彻底留有污痕"]),
            Site(place: "档案大楼北侧吊篮作业区", problems: ["吊篮作业区未设警戒线", "吊篮下方未安排监护人员"]),
            Site(place: "行政楼屋面吊篮停放点", problems: ["高处作业人员安全绳未系挂", "吊篮收工后未固定"]),
        ],
        "garbage": [
            Site(place: "机关食堂后院垃圾房", problems: ["厨余垃圾桶满溢未清运", "垃圾房地面油污未冲洗"]),
            Site(place: "行政楼西侧垃圾分类亭", problems: ["垃圾分类桶混装未分拣", "分类投放点异味明显"]),
            Site(place: "南门外清运通道", problems: ["清运车辆沿途撒漏", "清运车辆未按时到达"]),
            Site(place: "室外广场垃圾收集点", problems: ["收集点垃圾清运不及时"]),
        ],
    ]
    static let genericSites = [
        Site(place: "行政楼1楼大厅", problems: ["服务记录缺失"]),
        Site(place: "室外广场", problems: ["作业现场未设警示标识"]),
    ]
}
