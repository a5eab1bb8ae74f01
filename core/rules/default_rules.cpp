// default_rules.cpp — the shipped platform caps, quotas and planning defaults, each with its source.
//
// Values, sources and dates come from /work/shared/notes/domain-and-anchors.md section (c) C1-C4.
// Where the notes give no date for a source, `date` is left empty rather than guessed. Numbers
// marked "plan default" have no public source: they are the planner's own starting points.
// Vendors change their limits: every value here is editable in Settings (ws.rules).
#include "core/rules/finding.hpp"
#include "core/rules/rule_value.hpp"
#include "core/rules/rules_model.hpp"

namespace yt {

const char* severity_name(Severity s) {
    switch (s) {
        case Severity::Error: return "error";
        case Severity::Warning: return "warning";
        case Severity::Info: return "info";
    }
    return "info";
}

RuleSet default_rules() {
    RuleSet rs;
    auto add = [&rs](const char* id, double value, const char* unit, const char* source, const char* date,
                     const char* note) { rs.rules.push_back(Rule{id, value, unit, source, date, note}); };

    // --- Accounts -----------------------------------------------------------------------------
    add("wechat.friend_cap", 5000, "friends",
        "Tencent spokesperson via 北京晚报 (gootoo.com.cn/…/t20140526_4693757.html)", "2014-05",
        "个人微信好友上限；群和公众号不计入。有报道称已提高到 10,000（avine.cn/10244.html，可信度低），"
        "确认后可改为 10000。Personal WeChat friend cap; groups and official accounts don't count.");
    add("wecom.customer_cap", 5000, "customers",
        "wescrm.com/siyuzhishiku/qiweiyunying/8852.html; siyuliuliang.net.cn; wescrm helpcenter 706", "",
        "企业微信每名成员的客户上限：起始 5,000，可扩容，最多 20,000（另有一页称 200,000）。默认按未扩容的 "
        "5,000 规划，这样在真正碰到上限之前就会提醒；扩容后把此值改为 20000，或在账号上填写上限。"
        "Starts at 5,000 per member and can be expanded to 20,000; planned at 5,000 so warnings come "
        "before the wall. Set 20000 here (or a per-account cap) once expanded.");
    add("wecom.customer_cap_expanded", 20000, "customers",
        "wescrm.com/siyuzhishiku/qiweiyunying/8852.html; wescrm helpcenter 706", "",
        "扩容后每名成员的客户上限（来源不一致：也有称 200,000）。Per-member maximum after expansion.");
    add("wecom.company_customer_cap", 50000, "customers",
        "wescrm.com/siyuzhishiku/qiweiyunying/8852.html; siyuliuliang.net.cn", "",
        "企业客户总数起始 50,000（未认证企业 200），可扩容，未见明确上限。Company-wide, expandable.");

    // --- Groups -------------------------------------------------------------------------------
    add("group.cap", 500, "members", "path411; zjbjg; m.ikscrm.com/school/qwzx/3021.html; weixinsiwei.com", "",
        "微信群上限；企业微信成员创建的客户群同为 500。WeChat group, and WeCom customer group created by a member.");
    add("group.cap_wechat_created", 200, "members", "m.ikscrm.com/school/qwzx/3021.html; weixinsiwei.com", "",
        "由微信用户创建的企业微信客户群上限 200（群主不是个人微信号时适用）。"
        "WeCom customer group created by a WeChat user.");
    add("group.qr_days", 7, "days", "cdnapi/huoma README; WeChat statement on the 7-day expiry (xinsiji.cc)", "",
        "群二维码有效期 7 天，过期需重新生成。Group QR code expires after 7 days.");
    add("wecom.group_qr_days", 0, "days", "developer.work.weixin.qq.com/document/path/99547 (客户群「加入群聊」管理)", "2026-01-05",
        "企业微信客户群的「加入群聊」二维码按配置长期有效（文档未写到期，直到删除配置；群满可自动建新群），0 表示不过期；"
        "若用企业微信客户端里的群二维码，改为 7。WeCom's 'join group' code lasts until its configuration is deleted "
        "(the doc states no expiry; 0 = never); set 7 if you share the client's own group QR instead.");
    add("group.qr_member_limit", 200, "members", "cdnapi/huoma README", "",
        "群满 200 人后二维码失效，只能邀请入群；用活码或新群承接。QR joins stop at 200 members; invite only after.");
    add("group.invite_confirm_members", 40, "members", "zjbjg.cn; zhaojingd.com.cn (low authority)", "",
        "超过 40 人邀请需对方确认（内容农场来源，仅供参考）。Over 40: invitee must accept.");
    add("group.real_name_members", 100, "members", "zjbjg.cn; zhaojingd.com.cn (low authority)", "",
        "超过 100 人需实名验证（内容农场来源，仅供参考）。Over 100: real-name verification.");
    add("group.transfer_per_day", 300, "groups_per_day",
        "metacpan QQ::weixin::work (quotes developer.work.weixin.qq.com doc 95703)", "",
        "企业微信：每天最多把 300 个群转给同一个新群主。WeCom: at most 300 groups a day to one new owner.");
    add("group.transfer_per_90d", 2, "transfers",
        "metacpan QQ::weixin::work (quotes developer.work.weixin.qq.com doc 95703)", "",
        "企业微信：同一个群 90 天内最多转让 2 次。WeCom: each group at most 2 owner transfers per 90 days.");
    add("qq.group_cap", 200, "members", "cn-qq.org/485.html and others (contradictory)", "",
        "QQ 群上限随群等级不同，常见 200/500/1000/2000；默认按最低的 200，按你的群等级修改。"
        "Depends on the group's tier; set yours.");

    // --- Sending quotas -------------------------------------------------------------------------
    add("wecom.mass_quota_month", 0, "per_month", "developer.work.weixin.qq.com/document/path/92135", "2025-11-17",
        "企业群发：每位客户（或客户群）每月最多收到“当月天数”条（28–31），可改为每周 7 条或每天 1 条。"
        "0 表示按当月天数（现行规则）；旧规则为每自然月 4 条（hexdocs.pm/wechat_sdk），填 4 即按旧规则检查。"
        "Per customer or customer group: at most the number of days in the month. 0 = days in the month "
        "(current rule); enter 4 for the older 4-a-month rule.");
    add("wecom.member_mass_per_day", 1, "per_day", "developer.work.weixin.qq.com/document/path/96997", "",
        "成员群发：默认每天最多给同一客户发 1 条。Member-initiated send: 1 per day to the same customer.");
    add("wecom.member_mass_customers", 20000, "customers", "developer.work.weixin.qq.com/document/path/96997", "",
        "成员群发每次最多 20,000 位客户。At most 20,000 customers per member send.");
    add("wecom.group_mass_groups", 2000, "groups", "weibanzhushou.com/help/2022/05/13/客户群群发-2", "2022-05-13",
        "客户群群发每次最多 2,000 个群。At most 2,000 groups per customer-group send.");

    // --- Moments ------------------------------------------------------------------------------
    add("moments.max_images", 9, "images", "developer.work.weixin.qq.com/document/path/96923, /97005", "",
        "客户朋友圈附件：9 张图片，或 1 个视频，或 1 个链接。Attachments: 9 images OR 1 video OR 1 link.");
    add("moments.max_text", 2000, "characters", "developer.work.weixin.qq.com/document/path/96923, /97005", "",
        "客户朋友圈正文最多 2,000 字。Text up to 2,000 characters.");
    add("wecom.moments_visible_per_day", 1, "per_day", "juejin.cn/post/7614884374551609379 (low authority)", "",
        "每名客户每日可见同一成员的朋友圈条数有限制，具体数字未核实；默认保守取 1。"
        "A cap exists but its number was not verified; conservative default.");
    add("moments.max_promo_share", 0.2, "ratio", "80/20 rule: radardigital.ca; edenpr.co.uk", "",
        "朋友圈促销内容占比上限（80/20 法则）；成交群可调高。Promotional share on Moments; raise it for deal groups.");

    // --- Calendar frequency caps --------------------------------------------------------------
    add("calendar.max_touches_day", 3, "touches",
        "plan default; Perfect Diary persona ~3 Moments/day (it-consultis.com); caps in support.ometria.com", "",
        "每位客户每天跨渠道最多触达次数。Touches per customer per day across channels.");
    add("calendar.max_touches_week", 10, "touches",
        "plan default; compare 3 in 7 days (support.dialoginsight.com), 6–8 a month (docs.aritic.com)", "",
        "每位客户每周跨渠道最多触达次数。Touches per customer per week across channels.");

    // Used by core/calendar/checks.cpp (values equal to its fallbacks).
    add("calendar.deal_group_max_promo_share", 0.8, "ratio",
        "Perfect Diary groups: >80% of group messages are product information (430618.com, citing 私域运营指南/newrankco)",
        "", "成交群（deal）里促销内容占比上限。Promotional share allowed in deal groups.");
    add("calendar.promo_ratio_min_items", 5, "items", "plan default", "",
        "窗口内内容少于这个条数时不判断促销占比。Below this many items in the window the ratio is not judged.");
    add("calendar.moments_touch_weight", 0.3, "ratio", "plan default", "",
        "一条朋友圈算作几次触达：朋友圈是被动浏览，不是每位好友都会看到，默认按 0.3 次计。"
        "How much one Moments post counts as a touch: Moments are browsed, not pushed, and not every friend sees each post; 0.3 by default.");
    add("calendar.festival_lead_days", 3, "days", "plan default", "",
        "大节日前这么多天内没有内容时提醒。Warn when nothing is planned this many days before a major festival.");
    add("calendar.festival_gap_horizon_days", 30, "days", "plan default", "",
        "只提醒今后这么多天内的大节日（更远的节日还不到排期的时候）。Only festivals within this many days ahead are checked for gaps.");

    // --- Content mix (core/plan/assess_content.cpp) -----------------------------------------------
    add("content.mix_promo_margin", 0.15, "ratio", "plan default (estimate, no published source)", "",
        "人设某一周的促销内容占比超过其内容配比目标这么多时提醒；这是估计值（留出一周内的正常波动），按你的节奏修改。"
        "Warn when a persona's promotion share in a week exceeds its mix target by more than this; an estimate "
        "(it leaves room for a week's normal swing): set it to your rhythm.");
    add("content.mix_min_items", 3, "items", "plan default", "",
        "一周内人设的内容少于这个条数时不判断内容配比。Below this many items of a persona in a week its mix is not judged.");

    // --- Group health (core/groups/group_health.cpp); playbook-facts §6: no authoritative 僵尸群
    // threshold exists, both numbers below are estimates from weak (blog) sources.
    add("group.zombie_speaking_ratio", 0.05, "ratio",
        "estimate: 520zimeiti.cn/47564.html (weak) calls a daily 5–10% of members speaking \"not bad\"; "
        "nctoro.com/a167946 (weak) gives 30–70% as healthy", "",
        "估计值（没有权威的僵尸群标准）：群的发言率（发言人数 ÷ 群人数）低于此值，且人均日消息也低于下一条规则时，"
        "标为僵尸群；按你的群的实际情况修改。企业微信的“截至当天有发过消息的群成员数”是当天还是累计尚未确认。"
        "An estimate (no authoritative zombie-group threshold exists): a group whose speaking ratio (speakers ÷ "
        "members) is below this, and whose messages per member-day are below the next rule, is flagged as a zombie "
        "group. Whether WeCom's member_has_msg counts that day or cumulatively is unverified.");
    add("group.zombie_msgs_per_member_day", 0.02, "per_member_day",
        "estimate: a tenth of the \"normal\" 100 messages a day for 500 members (0.2) in nctoro.com/a167946 (weak)", "",
        "估计值：人均日消息（消息数 ÷ 成员·天数）低于此值且发言率也低时标为僵尸群；来源博客称 500 人群每天约 100 条"
        "（0.2）为正常，这里取其十分之一。An estimate: messages per member-day under this (with a low speaking ratio) "
        "flag a zombie group; the blog source calls 100 a day for 500 members (0.2) normal, this is a tenth of that.");

    // --- Roles planning defaults ----------------------------------------------------------------
    add("roles.max_account_share", 0.3, "ratio", "plan default", "",
        "单个账号持有的收入或高价值客户占比超过此值时提醒（封号风险集中）。Concentration warning threshold.");
    add("roles.near_cap_share", 0.9, "ratio", "plan default", "",
        "账号好友数达到上限的这个比例时提醒。Warn when an account reaches this share of its cap.");
    add("roles.horizon_months", 6, "months", "plan default", "",
        "容量预测的月数；账号的“计划好友数”指这段时间结束时。Capacity forecast horizon.");
    add("roles.chats_per_friend_month", 0.3, "per_month", "plan default", "",
        "没有分层数据时，每位好友每月的一对一聊天次数估计。1-on-1 chats per friend per month when no tiers.");
    add("roles.chats_per_new_friend", 3, "chats", "plan default (estimate, no published source)", "",
        "每位新好友在加好友后几天里需要的一对一聊天次数（通过验证、欢迎语、答疑），按账号的新好友预测计入工作量；这是估计值，按你的欢迎流程修改。"
        "1-on-1 chats each new friend needs in the first days (accepting, greeting, first questions), added to the workload from each account's new-friend forecast; an estimate: set it to your welcome routine.");

    // --- Operators -------------------------------------------------------------------------------
    add("operator.hours_per_day", 8, "hours", "plan default", "", "运营每天工作小时数（新运营的默认值）。");
    add("operator.chats_per_hour", 30, "chats", "plan default", "", "运营每小时能处理的一对一聊天数（新运营的默认值）。");
    add("operator.minutes_per_item", 10, "minutes", "plan default", "",
        "每条日历内容（一条朋友圈、一次群消息或群发）所需分钟数。Minutes per calendar item.");
    return rs;
}

std::string rule_unit_text(const Rule& r, Lang l) {
    const std::string key = "rules.unit." + r.unit;
    return has_tr(key) ? tr(key, l) : r.unit;
}

std::string rule_source_text(const Rule& r, Lang l) {
    const RuleSet def = default_rules();
    const Rule* shipped = def.find(r.id);
    if (!shipped || shipped->source != r.source) return r.source;
    if (r.source == "plan default") return tr("rules.source.plan_default", l);
    const std::string key = "rules.source." + r.id;
    return has_tr(key) ? tr(key, l) : r.source;
}

double rule_value(const RuleSet& rs, const std::string& id) {
    if (const Rule* r = rs.find(id)) return r->value;
    RuleSet def = default_rules();
    if (const Rule* r = def.find(id)) return r->value;
    return 0;
}

}  // namespace yt
