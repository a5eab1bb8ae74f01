// messages.cpp — zh/en texts for the rules module (keys "rules.*"): finding explanations
// ("rules.msg.*"), suggested fixes ("rules.fix.*"), severity and rule names for Settings.
// The arguments each key takes are listed in core/rules/check.cpp beside the call that makes it.
#include "core/i18n/i18n.hpp"

namespace yt {
namespace {
const Msg kMessages[] = {
    // Severities.
    {"rules.severity.error", "错误", "error"},
    {"rules.severity.warning", "警告", "warning"},
    {"rules.severity.info", "提示", "info"},

    // Subject kinds and the CLI's text output.
    {"rules.kind.account", "账号", "account"},
    {"rules.kind.group", "群", "group"},
    {"rules.kind.persona", "人设", "persona"},
    {"rules.kind.operator", "运营", "operator"},
    {"rules.kind.koc", "KOC", "KOC"},
    {"rules.kind.tier", "客户层", "tier"},
    {"rules.kind.scenario", "方案", "scenario"},
    {"rules.kind.workspace", "工作区", "workspace"},
    {"rules.kind.item", "内容", "item"},
    {"rules.kind.day", "日期", "day"},
    {"rules.cli.fix", "建议：{0}", "Fix: {0}"},
    {"rules.cli.summary", "{0} 个错误，{1} 个警告，{2} 个提示", "{0} error(s), {1} warning(s), {2} note(s)"},
    {"rules.cli.none", "没有发现问题。", "No findings."},
    {"rules.cli.as_of", "检查日期 {0}，容量预测 {1} 个月，日历检查 {2} 至 {3}",
     "Checked as of {0}; capacity forecast {1} months; calendar {2} to {3}"},

    // References.
    {"rules.msg.duplicate_id", "编号“{0}”被 {1} 个对象使用", "Id “{0}” is used by {1} objects"},
    {"rules.fix.duplicate_id", "给其中一个改一个新编号", "Give all but one of them a new id"},
    {"rules.msg.no_persona", "账号“{0}”没有指定人设", "Account “{0}” has no persona"},
    {"rules.fix.no_persona", "为它选一个人设，客户才知道在和谁说话", "Pick the persona this account speaks as"},
    {"rules.msg.unknown_persona", "账号“{0}”指向不存在的人设“{1}”", "Account “{0}” points to a missing persona “{1}”"},
    {"rules.fix.unknown_persona", "改为现有的人设，或新建人设“{1}”", "Choose an existing persona or create “{1}”"},
    {"rules.msg.no_operator", "账号“{0}”没有负责的运营", "Account “{0}” has no operator"},
    {"rules.fix.no_operator", "指定一名运营负责这个账号", "Assign an operator to this account"},
    {"rules.msg.unknown_operator", "账号“{0}”指向不存在的运营“{1}”", "Account “{0}” points to a missing operator “{1}”"},
    {"rules.fix.unknown_operator", "改为现有的运营，或新建运营“{1}”", "Choose an existing operator or create “{1}”"},
    {"rules.msg.no_owner", "群“{0}”没有群主账号", "Group “{0}” has no owner account"},
    {"rules.fix.no_owner", "指定一个账号作为群主", "Set the account that owns the group"},
    {"rules.msg.unknown_owner", "群“{0}”的群主“{1}”不是已登记的账号", "Group “{0}” is owned by “{1}”, which is not a known account"},
    {"rules.fix.unknown_owner", "改为现有账号，或先登记账号“{1}”", "Choose an existing account or add account “{1}”"},
    {"rules.msg.koc_unknown_group", "KOC“{0}”所在的群“{1}”不存在", "KOC “{0}” is in group “{1}”, which does not exist"},
    {"rules.fix.koc_unknown_group", "从该 KOC 的群列表中删掉“{1}”，或登记这个群", "Remove “{1}” from the KOC's groups or add the group"},
    {"rules.msg.persona_no_account", "人设“{0}”还没有任何账号", "Persona “{0}” has no account"},
    {"rules.fix.persona_no_account", "为这个人设开一个账号，或删除这个人设", "Open an account for this persona, or remove it"},
    // {0} tier key {1} customers {2} zh name {3} en name
    {"rules.msg.tier_unserved", "客户层“{2}”（{1} 人）没有任何人设负责", "Tier “{3}” ({1} customers) is not served by any persona"},
    {"rules.fix.tier_unserved", "把“{2}”加到某个人设的服务客户层", "Add “{3}” to the tiers of a persona"},
    // {0} persona {1} tier key {2} zh name {3} en name
    {"rules.msg.persona_unknown_tier", "人设“{0}”服务的客户层“{2}”不在当前分层结果中",
     "Persona “{0}” serves tier “{3}”, which the current tiering does not have"},
    {"rules.fix.persona_unknown_tier", "检查层名是否拼错，或换成现有的客户层", "Check the tier name or pick an existing tier"},

    // Accounts.  {0} account {1} friends {2} cap {3} growth/month {4} months until full
    //            {5} utilisation {6} persona {7} month to open {8} WeCom expanded cap
    {"rules.msg.no_cap", "账号“{0}”的平台没有已知的好友上限，无法检查容量",
     "Account “{0}”: its platform has no known friend cap, so capacity is not checked"},
    {"rules.fix.no_cap", "在账号上填写好友上限", "Enter the account's cap"},
    {"rules.msg.account_over_cap", "账号“{0}”有 {1} 位好友，超过上限 {2}",
     "Account “{0}” has {1} friends, over its cap of {2}"},
    {"rules.msg.account_fills", "账号“{0}”好友 {1}/{2}，按每月新增 {3} 人，约 {4} 个月后满",
     "Account “{0}” has {1}/{2} friends; at {3} new friends a month it is full in about {4} months"},
    {"rules.msg.account_near_cap", "账号“{0}”好友 {1}/{2}，已用 {5}", "Account “{0}” has {1}/{2} friends ({5} of its cap)"},
    {"rules.fix.open_account", "在第 {7} 个月内为人设“{6}”新开一个账号，把新好友引到新账号",
     "Open a new account for persona “{6}” within month {7} and route new friends to it"},
    {"rules.fix.open_account_now", "现在就为人设“{6}”新开一个账号，把新好友引到新账号",
     "Open a new account for persona “{6}” now and route new friends to it"},
    {"rules.fix.route_friends", "把新好友引到人设“{6}”下还有空位的账号", "Route new friends to accounts of “{6}” that still have room"},
    {"rules.fix.wecom_expand", "为该企业微信成员申请客户数扩容（最多 {8}），或新开账号",
     "Apply for a customer-limit expansion for this WeCom member (up to {8}), or open another account"},

    // Personas.  {0} persona {1} month {2} friends {3} total cap {4} more accounts {5} horizon
    {"rules.msg.persona_full_now", "人设“{0}”的账号已满（{2}/{3}）", "Persona “{0}”'s accounts are full ({2}/{3})"},
    {"rules.msg.persona_full_in", "人设“{0}”的账号将在第 {1} 个月满（现在 {2}/{3}）",
     "Persona “{0}”'s accounts fill up in month {1} (now {2}/{3})"},
    {"rules.fix.persona_capacity", "{5} 个月内需要再开 {4} 个账号", "Open {4} more account(s) within {5} months"},
    // {0} persona {1} month {2} more groups {3} horizon
    {"rules.msg.persona_groups", "人设“{0}”的群将在第 {1} 个月满", "Persona “{0}”'s groups fill up in month {1}"},
    {"rules.msg.persona_groups_now", "人设“{0}”的群已满", "Persona “{0}”'s groups are full"},
    {"rules.fix.persona_groups", "{3} 个月内准备 {2} 个新群（或用自动建群的活码）",
     "Prepare {2} new group(s) within {3} months (or a QR code that creates groups automatically)"},
    {"rules.msg.company_cap", "企业微信客户总数 {0}，超过企业上限 {1}", "WeCom customers total {0}, over the company cap of {1}"},
    {"rules.fix.company_cap", "为企业申请客户数扩容", "Apply for a company-wide customer-limit expansion"},

    // Groups.  {0} group {1} members {2} cap
    {"rules.msg.group_over_cap", "群“{0}”有 {1} 人，超过上限 {2}", "Group “{0}” has {1} members, over its cap of {2}"},
    {"rules.fix.group_over_cap", "核对人数或群主类型；新成员请进新群", "Check the count or who created it; send new members to a new group"},
    {"rules.msg.group_near_cap", "群“{0}”有 {1}/{2} 人，快满了", "Group “{0}” has {1}/{2} members and is nearly full"},
    {"rules.fix.group_near_cap", "准备下一个群", "Prepare the next group"},
    {"rules.msg.qr_member_limit", "群“{0}”已有 {1} 人（≥ {2}），群二维码不能再扫码进群",
     "Group “{0}” has {1} members (≥ {2}): its QR code no longer lets people join"},
    {"rules.fix.qr_member_limit", "改用邀请入群，或用活码把新成员引到新群",
     "Invite new members, or use a rotating QR code that sends them to a new group"},
    // {0} group {1} QR date {2} age in days {3} validity
    {"rules.msg.qr_expired", "群“{0}”的二维码生成于 {1}，已过 {2} 天（有效期 {3} 天）",
     "Group “{0}”'s QR code was made on {1}, {2} days ago (valid for {3} days)"},
    {"rules.fix.qr_expired", "重新生成群二维码，并替换所有物料上的旧码", "Make a new QR code and replace the old one wherever it is printed"},

    // Concentration.  {0} account {1} share {2} threshold
    {"rules.msg.concentration_value", "账号“{0}”持有 {1} 的收入或高价值客户（上限 {2}）",
     "Account “{0}” holds {1} of revenue or high-value customers (limit {2})"},
    {"rules.msg.concentration_revenue", "账号“{0}”持有 {1} 的收入（上限 {2}）", "Account “{0}” holds {1} of revenue (limit {2})"},
    {"rules.msg.concentration_friends", "账号“{0}”持有 {1} 的好友（上限 {2}）", "Account “{0}” holds {1} of all friends (limit {2})"},
    {"rules.fix.concentration", "把新客户和高价值客户分到其他账号，降低封号风险",
     "Spread new and high-value customers over other accounts so one ban cannot cost you the business"},

    // Workload.  {0} operator {1} hours needed {2} hours available {3} chats/day {4} items/day
    {"rules.msg.operator_hours", "运营“{0}”每天需要 {1} 小时（可用 {2} 小时）：{3} 次聊天，{4} 条内容",
     "Operator “{0}” needs {1} hours a day ({2} available): {3} chats, {4} items"},
    {"rules.fix.operator_hours", "把部分账号交给其他运营，或减少日历内容", "Hand some accounts to another operator, or post less"},

    // Sending quota.  {0} account/group {1} sends per month {2} quota
            
    // Rule names for Settings.
    // The economics plan's pool against the accounts (core/plan/assess_pool.cpp).
    {"rules.msg.pool_capacity", "方案“{0}”{1} 个月后私域池约 {2} 人，现有 {3} 个账号只剩 {4} 个空位：还需约 {5} 个账号（每号按 {6} 人计）",
     "Scenario “{0}” grows the pool to about {2} people in {1} months, but the {3} accounts have only {4} free places: about {5} more accounts needed ({6} each)"},
    {"rules.fix.pool_capacity", "在“人设与账号”开新号（企业微信账号可扩容），或在漏斗 ROI 调低引流量",
     "Open accounts on the Personas tab (WeCom accounts can be expanded), or plan less traffic in Funnel ROI"},

    {"rules.name.wechat.friend_cap", "个人微信好友上限", "Personal WeChat friend cap"},
    {"rules.name.wecom.customer_cap", "企业微信成员客户上限", "WeCom customers per member"},
    {"rules.name.wecom.customer_cap_expanded", "企业微信成员客户上限（扩容后）", "WeCom customers per member (expanded)"},
    {"rules.name.wecom.company_customer_cap", "企业微信企业客户上限", "WeCom customers per company"},
    {"rules.name.group.cap", "群人数上限", "Group size cap"},
    {"rules.name.group.cap_wechat_created", "微信用户创建的客户群上限", "Customer group created by a WeChat user"},
    {"rules.name.group.qr_days", "群二维码有效天数", "Group QR code validity (days)"},
    {"rules.name.calendar.festival_gap_horizon_days", "节日空档提醒看多远（天）", "Festival gap look-ahead (days)"},
    {"rules.name.wecom.group_qr_days", "企业微信「加入群聊」二维码有效天数（0 = 不过期）", "WeCom join-group code validity (days, 0 = never)"},
    {"rules.name.group.qr_member_limit", "群二维码可扫码入群的人数上限", "Group QR joins stop at (members)"},
    {"rules.name.group.invite_confirm_members", "邀请需确认的群人数", "Invitee must accept above (members)"},
    {"rules.name.group.real_name_members", "需实名验证的群人数", "Real-name check above (members)"},
    {"rules.name.group.transfer_per_day", "每天转给同一群主的群数", "Groups per day to one new owner"},
    {"rules.name.group.transfer_per_90d", "每个群 90 天内转让次数", "Owner transfers per group per 90 days"},
    {"rules.name.qq.group_cap", "QQ 群人数上限", "QQ group size cap"},
    {"rules.name.wecom.mass_quota_month", "企业群发：每位客户每月条数（0 = 当月天数）", "WeCom mass messages per customer per month (0 = days in the month)"},
    {"rules.name.wecom.member_mass_per_day", "成员群发：每位客户每天条数", "Member mass messages per customer per day"},
    {"rules.name.wecom.member_mass_customers", "成员群发：每次客户数", "Member mass message: customers per send"},
    {"rules.name.wecom.group_mass_groups", "客户群群发：每次群数", "Customer-group send: groups per send"},
    {"rules.name.moments.max_images", "朋友圈图片数上限", "Moments images per post"},
    {"rules.name.moments.max_text", "朋友圈正文字数上限", "Moments text length"},
    {"rules.name.wecom.moments_visible_per_day", "每位客户每天可见的成员朋友圈", "Company Moments visible per customer per day"},
    {"rules.name.moments.max_promo_share", "朋友圈促销占比上限", "Moments promotional share"},
    {"rules.name.calendar.max_touches_day", "每位客户每天触达上限", "Touches per customer per day"},
    {"rules.name.calendar.max_touches_week", "每位客户每周触达上限", "Touches per customer per week"},
    {"rules.name.calendar.deal_group_max_promo_share", "成交群促销占比上限", "Deal-group promotional share"},
    {"rules.name.calendar.promo_ratio_min_items", "判断促销占比的最少条数", "Minimum items to judge the promo share"},
    {"rules.name.calendar.moments_touch_weight", "一条朋友圈算几次触达", "Touches per Moments post"},
    {"rules.name.calendar.festival_lead_days", "节前预热天数", "Days of lead-in before a festival"},
    {"rules.name.content.mix_promo_margin", "人设促销占比可超出配比目标（估计）", "Persona promo share above its mix target (estimate)"},
    {"rules.name.content.mix_min_items", "判断内容配比的每周最少条数", "Minimum items a week to judge the content mix"},
    {"rules.name.roles.max_account_share", "单账号占比上限", "Largest share one account may hold"},
    {"rules.name.roles.near_cap_share", "账号接近上限的提醒比例", "Warn at this share of an account's cap"},
    {"rules.name.roles.horizon_months", "容量预测月数", "Capacity forecast (months)"},
    {"rules.name.roles.chats_per_new_friend", "每位新好友的聊天次数（估计）", "Chats per new friend (estimate)"},
    // Units of the rules, as Settings shows them.
    {"rules.unit.characters", "字", "characters"},
    {"rules.unit.chats", "次聊天", "chats"},
    {"rules.unit.customers", "位客户", "customers"},
    {"rules.unit.days", "天", "days"},
    {"rules.unit.friends", "位好友", "friends"},
    {"rules.unit.groups", "个群", "groups"},
    {"rules.unit.groups_per_day", "个群/天", "groups a day"},
    {"rules.unit.hours", "小时", "hours"},
    {"rules.unit.images", "张图片", "images"},
    {"rules.unit.items", "条", "items"},
    {"rules.unit.members", "人", "members"},
    {"rules.unit.minutes", "分钟", "minutes"},
    {"rules.unit.months", "个月", "months"},
    {"rules.unit.per_day", "次/天", "a day"},
    {"rules.unit.per_month", "次/月", "a month"},
    {"rules.unit.ratio", "比例", "ratio"},
    {"rules.unit.touches", "次触达", "touches"},
    {"rules.unit.transfers", "次转让", "transfers"},
    {"rules.name.roles.chats_per_friend_month", "每位好友每月聊天次数（估计）", "Chats per friend per month (estimate)"},
    {"rules.name.operator.hours_per_day", "运营每天工作小时", "Operator hours per day"},
    {"rules.name.operator.chats_per_hour", "运营每小时聊天数", "Operator chats per hour"},
    {"rules.name.operator.minutes_per_item", "每条内容所需分钟", "Minutes per calendar item"},
};
}  // namespace
MsgTable rules_messages() { return {kMessages, sizeof kMessages / sizeof kMessages[0]}; }
}  // namespace yt
