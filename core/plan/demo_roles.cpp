// demo_roles.cpp — the demo roles plan for 花漾 Huayang (see demo_roles.hpp for what it shows).
#include "core/plan/demo_roles.hpp"

#include "core/model/dates.hpp"
#include "core/plan/demo.hpp"
#include "core/roles/capacity.hpp"
#include "core/rules/rules_model.hpp"

namespace yt {

namespace {

Persona xiaowan() {
    Persona p;
    p.id = "p_xiaowan";
    p.name = "小婉";
    p.initial = "婉";
    p.color = 0xf08080u;
    p.bio = "26 岁，在杭州做设计的上班族，爱护肤爱拍照，分享通勤妆、好物和日常。";
    p.tone = "像闺蜜一样聊天：口语、真诚、爱用表情，不催单。";
    p.taboo_words = {"最好", "第一", "根治", "100%有效", "医用级"};
    // She also runs the deal groups (coupons, live perks): about a quarter of her ordinary weeks
    // are promotions, so that is her target; the Double 11 week goes well over it.
    p.mix = ContentMix{35, 25, 15, 25};
    p.tiers = {"general_value", "general_develop", "general_keep", "general_retain"};
    return p;
}

Persona expert() {
    Persona p;
    p.id = "p_expert";
    p.name = "美妆顾问阿杰";
    p.initial = "杰";
    p.color = 0x4682b4u;
    p.bio = "8 年专柜彩妆师、皮肤管理顾问，一对一解答肤质、成分和搭配问题。";
    p.tone = "专业、耐心、讲成分讲依据；先问肤质再推荐，不夸大功效。";
    p.taboo_words = {"最", "第一", "治疗", "药妆", "无副作用"};
    p.mix = ContentMix{20, 50, 15, 15};
    p.tiers = {"important_value", "important_develop", "important_keep", "important_retain"};
    return p;
}

Account account(const char* id, const char* name, int platform, const char* persona, const char* op,
                int friends, int planned, double revenue_share, double cap_override = 0) {
    Account a;
    a.id = id;
    a.name = name;
    a.platform = static_cast<int>(platform);
    a.persona = persona;
    a.operator_id = op;
    a.friends = friends;
    a.planned_friends = planned;
    a.revenue_share = revenue_share;
    a.cap_override = cap_override;
    return a;
}

// qr_age: days before the demo's today (kDemoToday) that the group's QR code was made; -1 = none.
Group group(const char* id, const char* name, const char* type, const char* owner, int members, int qr_age,
            std::vector<std::string> tiers, bool by_wechat_user = false) {
    Group g;
    g.id = id;
    g.name = name;
    g.type = type;
    g.owner_account = owner;
    g.members = members;
    g.qr_created_day = qr_age >= 0 ? kDemoToday - qr_age : 0;
    g.tiers = std::move(tiers);
    g.created_by_wechat_user = by_wechat_user;
    return g;
}

Koc koc(const char* id, const char* name, const char* customer, std::vector<std::string> groups, int circle,
        const char* incentive, const char* status) {
    Koc k;
    k.id = id;
    k.name = name;
    k.customer = customer;
    k.groups = std::move(groups);
    k.circle_size = circle;
    k.incentive = incentive;
    k.status = status;
    return k;
}

// The script library, in the order shown: 小婉's entries, then 阿杰's. Ids s1, s2, … as a
// schema 4 workspace's scripts get them when migrated; a keyword reply's trigger is its keyword.
std::vector<ScriptEntry> demo_scripts() {
    struct Row {
        const char* persona;
        const char* category;
        const char* trigger;
        const char* reply;
        const char* note;
    };
    static const Row rows[] = {
        {"p_xiaowan", "welcome", "新好友通过后",
         "嗨{昵称}～我是小婉🌸 谢谢你选择花漾！我每天会在朋友圈分享通勤妆和好物，有任何护肤问题随时找我～"
         "回复【新人】领取 10 元无门槛券哦",
         "通过后 1 分钟内自动发送；附新人券小程序卡片"},
        {"p_xiaowan", "welcome", "进群欢迎", "欢迎新朋友进群🎉 群里每周三晚 8 点有福利秒杀，周日有晒单抽奖，先看看群公告哦～",
         "群机器人或群主发送；新人 3 人以上合并欢迎"},
        {"p_xiaowan", "faq", "怎么查物流？", "亲把订单号发我，我帮你查～一般发货后 2-3 天到，江浙沪次日达哦",
         "运营 10 分钟内回复；超过 5 天未到转售后"},
        {"p_xiaowan", "faq", "敏感肌能用吗？",
         "我自己是混油偏敏，用着没问题～不过每个人肤质不同，建议先在耳后试用 2 天；想更仔细了解可以问问我们的顾问阿杰",
         "涉及肤质问题转美妆顾问阿杰"},
        {"p_xiaowan", "faq", "有没有小样？", "有的！下单正装会送同系列小样，新人也可以用 9.9 元买体验装～", "体验装链接见小程序"},
        {"p_xiaowan", "keyword", "优惠券", "这是本周的券👉【小程序卡片】满 199 减 30，周日 24 点前有效～", "关键词自动回复"},
        {"p_xiaowan", "keyword", "直播", "本周五晚 8 点直播间见！预约直播👉【视频号预约卡片】直播间有专属赠品哦", "关键词自动回复"},
        {"p_xiaowan", "keyword", "退货", "收到～我马上帮你处理。麻烦发一下订单号和商品照片，7 天无理由退货运费我们承担", "转售后流程"},
        {"p_xiaowan", "crisis", "过敏/不适",
         "真的很抱歉让你不舒服了😢 请先停用并用清水洗净；方便发一下照片和使用的产品吗？我马上请顾问阿杰联系你",
         "30 分钟内回复；转顾问阿杰一对一跟进；可全额退款并补偿 20 元券；严重情况建议就医"},
        {"p_xiaowan", "crisis", "发错货/漏发", "非常抱歉！我们马上给你补发正确的商品，原商品不用寄回啦，再送你一份小样表示歉意",
         "1 小时内回复；补发并登记仓库差错"},
        {"p_xiaowan", "crisis", "物流太慢", "抱歉让你久等了，我已经催快递并登记加急，今天下班前给你回复最新进度",
         "当天给出进度；超过 7 天未到可补发"},
        {"p_xiaowan", "objection", "有点贵",
         "{昵称}，理解的～{商品}一瓶能用两个月左右，算下来一天不到两块钱；这周下单还能用{优惠券}，我帮你算算到手价？",
         "先认同再算账；不贬低其他品牌"},
        {"p_xiaowan", "festival", "中秋问候", "{昵称}中秋快乐🌕 小婉给你留了一张{优惠券}，月饼可以少吃，护肤不能少哦～",
         "中秋前一天上午发；只发近 90 天互动过的好友"},
        {"p_expert", "welcome", "新好友通过后",
         "你好，我是花漾美妆顾问阿杰。发我一张素颜自然光照片，或告诉我你的肤质和最近的困扰，我帮你搭一套合适的方案。",
         "通过后 5 分钟内发送；先问肤质再推荐"},
        {"p_expert", "faq", "烟酰胺和 VC 能一起用吗？", "可以一起用，现在的配方稳定性都不错；刚开始建议早 VC 晚烟酰胺，皮肤适应后再叠加。",
         "不做功效承诺；敏感肌先建立耐受"},
        {"p_expert", "faq", "油皮夏天怎么选粉底？", "优先选持妆型、哑光或半哑光的粉底，上妆前用控油妆前乳，T 区少量多次。", "可附教程视频"},
        {"p_expert", "keyword", "肤质测试", "点这里做 1 分钟肤质测试👉【小程序卡片】，做完把结果发我，我给你一对一建议。", "关键词自动回复"},
        {"p_expert", "keyword", "会员", "会员每月有专属礼盒和生日礼，累计消费满 1000 元自动升级，详情看这里👉【会员卡片】", "关键词自动回复"},
        {"p_expert", "objection", "用了没效果",
         "理解你的心情。护肤一般要 28 天左右一个周期，我们一起看看用法和搭配是否合适？方便说说你的用量和顺序吗？",
         "24 小时内跟进；确认用法后可换购其他产品"},
        {"p_expert", "crisis", "过敏/不适",
         "请立刻停用并用清水洗净，冷敷缓解；发我照片和产品批号，我们全额退款，严重时请尽快就医，费用我们协助处理。",
         "30 分钟内回复；登记不良反应；必要时上报品控"},
    };
    std::vector<ScriptEntry> out;
    for (const Row& r : rows) {
        ScriptEntry e;
        e.id = "s" + std::to_string(out.size() + 1);
        e.persona = r.persona;
        e.category = r.category;
        e.trigger = r.trigger;
        if (e.category == "keyword") e.keywords = {e.trigger};
        e.reply = r.reply;
        e.note = r.note;
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace

void fill_demo_roles(Workspace& ws) {
    if (ws.brand.empty()) ws.brand = "花漾 Huayang";
    ws.rules = default_rules();

    RolesPlan& r = ws.roles;
    r = RolesPlan{};
    r.personas = {xiaowan(), expert()};

    // acc1 has a plan of +300 friends a month (6,520 by the 6-month horizon) and is 94% full;
    // the others share monthly_new_friends by their current size.
    r.accounts = {
        account("acc1", "小婉-1号", kPlatformWeChat, "p_xiaowan", "op1", 4720, 6520, 0.18),
        account("acc2", "小婉-2号", kPlatformWeChat, "p_xiaowan", "op1", 3100, 0, 0.12),
        account("acc3", "阿杰-企微", kPlatformWeCom, "p_expert", "op2", 3600, 0, 0.42),
        account("acc4", "小婉-企微", kPlatformWeCom, "p_xiaowan", "op1", 6800, 0, 0.28, 20000),
    };
    r.monthly_new_friends = 600;

    r.groups = {
        // g2 still advertises its QR code at 236 members (past the 200 limit); g4's code is 12 days old (a WeCom
        // "加入群聊" code: it does not expire).
        group("g1", "花漾福利1群", "deal", "acc1", 420, -1, {"general_value", "general_develop"}),
        group("g2", "花漾福利2群", "deal", "acc2", 236, 6, {"general_develop", "general_keep"}),
        group("g3", "小婉新人群", "community", "acc4", 150, 4, {"general_develop"}),
        group("g4", "阿杰护肤课堂", "course", "acc3", 180, 12, {"important_develop", "important_value"}),
        group("g5", "花漾黑金会员群", "vip", "acc3", 120, -1, {"important_value", "important_keep"}, true),
        group("g6", "小婉晒单群", "community", "acc4", 60, 2, {"general_value"}),
    };

    Operator op1;
    op1.id = "op1";
    op1.name = "运营小周";
    op1.hours_per_day = 8;
    op1.chats_per_hour = 30;
    Operator op2;
    op2.id = "op2";
    op2.name = "阿杰（兼直播）";
    op2.hours_per_day = 7.5;   // also hosts the live streams
    op2.chats_per_hour = 15;   // one-to-one skin consultations take longer
    r.operators = {op1, op2};

    r.kocs = {
        koc("k1", "Lily 宝妈", "C10023", {"g1", "g6"}, 800, "新品试用 + 每带 1 单返 10 元券", "active"),
        koc("k2", "小鹿", "C20417", {"g3"}, 300, "晒单抽奖优先 + 生日礼盒", "candidate"),
        koc("k3", "Ann 护肤控", "C00388", {"g4", "g5"}, 1500, "黑金会员权益 + 新品首发体验官", "active"),
    };

    r.scripts = demo_scripts();
}

}  // namespace yt
