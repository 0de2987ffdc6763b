/// Names a buyer's staff would write on the sheets: teams, departments, patrol places and what was found.
enum PerformanceNames {
    static let teams = ["保洁一班", "保洁二班", "秩序维护班", "工程维修班", "会务服务班", "绿化养护班"]

    static let departments = ["办公室", "机要科", "财务科", "综合科", "信息中心", "人事科", "后勤保障科", "档案室"]

    static let places = [
        "行政楼3楼卫生间", "行政楼1楼大厅", "地下停车场B区", "东大门岗亭", "文体中心报告厅", "2号楼会议室",
        "食堂后厨通道", "西侧消防通道", "行政楼楼顶水箱间", "档案楼2楼走廊", "南门非机动车棚", "配电房",
    ]

    static let teamReasons = [
        "公共区域偶有积水未及时清理", "会议室茶水补充不及时", "夜间巡逻记录不完整", "维修响应超过承诺时限",
        "垃圾清运不及时", "访客登记不规范", "空调报修后两天才处理", "会场布置与通知不符",
    ]

    /// Reasons a department gives for a score below the item's points, per service item id.
    static let departmentReasons: [String: [String]] = [
        "cleaning": ["卫生间异味未及时处理", "办公区地面有污渍", "垃圾桶未按时清理", "玻璃门窗有明显手印"],
        "order-patrol": ["外来车辆未登记即放行", "岗亭人员脱岗", "巡查记录缺漏", "快递堆放影响通行"],
        "maintenance": ["照明故障修复超过24小时", "水龙头漏水反复报修", "空调维修不及时", "报修回访缺失"],
        "conference": ["会议室设备调试不及时", "会后清场不彻底", "茶歇准备不足", "席卡摆放有误"],
    ]
    static let genericReasons = ["服务响应不及时", "工作记录不完整", "现场管理有待加强"]

    /// What a patrol finds, per service item id.
    static let findings: [String: [String]] = [
        "cleaning": ["地面有积水未清理", "垃圾桶满溢", "卫生间纸巾未补充", "楼梯扶手积灰"],
        "order-patrol": ["岗亭无人值守", "消防通道被车辆占用", "夜间巡逻未打卡", "外来人员未登记"],
        "maintenance": ["走廊照明损坏未修", "水管接口渗漏", "电梯按钮失灵未报修", "门禁故障"],
        "conference": ["会议室音响未调试", "报告厅座椅损坏未报修", "会后物品未清理", "投影仪遥控器缺失"],
    ]
    static let genericFindings = ["服务记录缺失", "作业现场未设警示标识"]
}
