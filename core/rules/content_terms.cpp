// content_terms.cpp — the shipped content-compliance terms, each with level, category and source.
//
// From the playbook's section 1 (/work/shared/notes/playbook-facts.md): the Advertising Law
// (广告法, revised 2015, amended 2018 and 2021) Art. 9(3) names 国家级、最高级、最佳; the 1997
// ruling 工商广字[1997]207号 adds 极品; Art. 17 forbids claims of treating disease in ads for
// anything but medicine. The longer lists are commonly cited, not law: 有赞's guide (not official,
// by its own words) and copied "违禁词" tables (weak). Cosmetics words come from the 2010
// 化妆品命名指南 (about product names) and the 2021 化妆品监督管理条例 / 2022 标签管理办法 (no
// medical effect, no efficacy guarantees). SAMR's 2023 guideline says to judge words in context:
// hence levels, and exceptions for ordinals (第一次) and times (最近).
#include "core/rules/content_terms.hpp"

#include <algorithm>

namespace yt {

namespace {

const char* const kLaw9 = "广告法第九条第三项 (shbk5.com/falv/88011.html; jingyinlaw.com/zxzx/6853.html)";
const char* const kLaw17 = "广告法第十七条 (non-medical ads: no disease treatment claims, no medical terms)";
const char* const kYouzan = "有赞《新〈广告法〉避雷指南》 (bbs.youzan.com tid=726791)";
const char* const kNaming = "化妆品命名指南, SFDA 2010-02-08 (taiwan.cn t20100209_1251610)";
const char* const kWeakMed = "xuyi.biz forum tid=34318";
const char* const kBeijing = "北京市场监管局 2022-12-12 (976977.cn mirror)";

const char* const kNoteYouzan =
    "常见违禁词表收录，法律未逐字列出；执法看语境（2023 年执法指南）。来源自称非官方。"
    "Commonly listed, not written into the law; enforcement judges context. The source says it is not official.";
const char* const kNoteNaming =
    "2010 年命名指南针对产品名称；用在宣传文案里同样属于夸大功效（化妆品标签管理办法）。"
    "The 2010 guide is about product names; in copy it is still an efficacy claim.";
const char* const kNoteWeak =
    "来源为论坛帖（可信度低，未核实）；属广告法第十七条所禁的医疗/疗效用语一类。"
    "Weak source (a forum thread, unverified); falls under Art. 17's medical wording.";

}  // namespace

std::vector<ContentTerm> default_content_terms() {
    std::vector<ContentTerm> out;
    auto add = [&out](const char* id, const char* word, const char* level, const char* category,
                      std::vector<std::string> exceptions, const char* source, const char* note) {
        ContentTerm t;
        t.id = id;
        t.word = word;
        t.level = level;
        t.category = category;
        t.exceptions = std::move(exceptions);
        t.source = source;
        t.note = note;
        t.builtin = true;
        out.push_back(std::move(t));
    };
    // --- Absolute terms named by the law or an official ruling --------------------------------
    const char* law_note =
        "法条点名的用语，罚款 20 万–100 万元（第五十七条）。真实的官方评级、奖项名称可能合法（2023 年执法指南，终稿措辞未核实）。"
        "Named in the law; fines of ¥200k–1M (Art. 57). True official grades and award names may be lawful.";
    add("abs.national", "国家级", "block", "absolute", {}, kLaw9, law_note);
    add("abs.supreme", "最高级", "block", "absolute", {}, kLaw9, law_note);
    add("abs.best", "最佳", "block", "absolute", {"最佳使用方法", "最佳使用时间", "最佳赏味期"}, kLaw9,
        "法条点名。2022 年执法指南草案对“最佳使用方法/时间”等使用说明不罚（终稿未核实），已列为例外。"
        "Named in the law; usage tips such as the best time to use are exempted by the 2022 draft guideline (final wording unverified).");
    add("abs.jipin", "极品", "block", "absolute", {}, "工商广字[1997]207号 (xj.zkzxpx.net 101626999973996)",
        "1997 年的答复认定“极品”属绝对化用语。A 1997 ruling counts 极品 as an absolute term.");
    // --- Commonly listed absolute terms -------------------------------------------------------
    add("abs.zui", "最", "warn", "absolute", {"最近", "最后", "最初", "最终", "最早", "最晚", "最新进度", "最新消息", "最新动态"}, kYouzan,
        "“最”字开头的比较级（最好、最低价、最受欢迎…）；表示时间的“最近、最后、最新进度”等不算。"
        "Superlatives starting with 最; time words such as 最近 (recently) or 最新进度 (the latest status) are not claims.");
    add("abs.first", "第一", "warn", "absolute",
        {"第一次", "第一步", "第一天", "第一周", "第一期", "第一批", "第一眼", "第一时间", "第一章", "第一节", "第一单",
         "第一件", "第一轮", "第一波"},
        kYouzan,
        "排名（全网第一、销量第一）；第一次、第一步等序数词不是排名，不提示（2023 年执法指南：结合语境）。"
        "Rank claims; ordinals such as 第一次 (the first time) are not ranks and are skipped.");
    add("abs.only", "唯一", "warn", "absolute", {}, kYouzan, kNoteYouzan);
    add("abs.no1", "NO.1", "warn", "absolute", {}, kYouzan, kNoteYouzan);
    add("abs.top1", "TOP1", "warn", "absolute", {}, kYouzan, kNoteYouzan);
    add("abs.world", "世界级", "warn", "absolute", {}, kYouzan, kNoteYouzan);
    add("abs.global", "全球级", "warn", "absolute", {}, kYouzan, kNoteYouzan);
    add("abs.top", "顶级", "warn", "absolute", {}, kYouzan, "另见化妆品命名指南。Also in the 2010 cosmetics naming guide.");
    add("abs.topnotch", "顶尖", "warn", "absolute", {}, kYouzan, kNoteYouzan);
    add("abs.extreme", "极致", "warn", "absolute", {}, kYouzan, kNoteYouzan);
    add("abs.ultimate", "终极", "warn", "absolute", {}, kYouzan, kNoteYouzan);
    add("abs.supremacy", "至尊", "warn", "absolute", {}, kYouzan, kNoteYouzan);
    add("abs.first_choice", "首选", "warn", "absolute", {}, kYouzan, kNoteYouzan);
    add("abs.first_shop", "首家", "warn", "absolute", {}, kYouzan, kNoteYouzan);
    add("abs.exclusive", "独家", "info", "absolute", {}, kYouzan,
        "真实的独家（如独家赠品）可以；“独家配方”需有依据。True exclusives are fine; an exclusive formula needs proof.");
    add("abs.champion", "销量冠军", "warn", "absolute", {}, kYouzan,
        "可证明的限时限地销量事实可能合法（2022 年执法指南草案）。Provable, dated sales facts may be lawful (2022 draft).");
    add("abs.trump", "王牌", "warn", "absolute", {}, kYouzan, kNoteYouzan);
    add("abs.absolutely", "绝对", "warn", "absolute", {}, kYouzan, kNoteYouzan);
    add("abs.forever", "永久", "warn", "absolute", {}, kYouzan, kNoteYouzan);
    add("abs.universal", "万能", "warn", "absolute", {}, kYouzan, kNoteYouzan);
    add("abs.hundred", "100%", "warn", "absolute", {}, kYouzan,
        "绝对化承诺（100% 有效）；成分事实（100% 纯棉）可能合法，结合语境。Absolute promises; a true composition fact may be lawful.");
    add("abs.unprecedented", "史无前例", "warn", "absolute", {}, kYouzan, kNoteYouzan);
    // --- Medical claims (Art. 17; the 2010 naming guide's medical words) ----------------------
    const char* med_note =
        "非医疗广告不得宣称疾病治疗功能、使用医疗用语；化妆品不得明示或暗示医疗作用（化妆品监督管理条例，2021）。"
        "Non-medical ads may not claim to treat disease; cosmetics may not state or imply a medical effect.";
    add("med.cure", "根治", "block", "medical", {}, kLaw17, med_note);
    add("med.treat", "治疗", "block", "medical", {}, kLaw17, med_note);
    add("med.heal", "治愈", "block", "medical", {}, kLaw17, med_note);
    add("med.antiinflam", "消炎", "block", "medical", {}, kNaming, med_note);
    add("med.antiinflam2", "抗炎", "block", "medical", {}, kNaming, med_note);
    add("med.bacterio", "抑菌", "block", "medical", {}, kNaming, med_note);
    add("med.germicide", "杀菌", "block", "medical", {}, kNaming, med_note);
    add("med.scar", "祛疤", "block", "medical", {}, kNaming, med_note);
    add("med.hair", "生发", "block", "medical", {}, kNaming, med_note);
    add("med.drug_use", "药用", "block", "medical", {}, kNaming, med_note);
    add("med.prescription", "处方", "warn", "medical", {}, kNaming, med_note);
    add("med.antiallergy", "抗敏", "warn", "medical", {}, kNaming, med_note);
    add("med.desensitize", "脱敏", "warn", "medical", {}, kNaming, med_note);
    add("med.cosmeceutical", "药妆", "warn", "medical", {}, kBeijing,
        "没有“药妆”“医学护肤品”这一类别（北京市场监管局 2022-12-12，来源为转载，可信度低）。"
        "There is no 'cosmeceutical' category (Beijing SAMR 2022-12-12; weak mirror).");
    add("med.derma", "医学护肤", "warn", "medical", {}, kBeijing,
        "没有“医学护肤品”这一类别（来源为转载，可信度低）。There is no 'medical skincare' category (weak mirror).");
    add("med.no_rebound", "不反弹", "warn", "medical", {}, kWeakMed, kNoteWeak);
    add("med.no_side_effect", "无副作用", "warn", "medical", {}, kWeakMed, kNoteWeak);
    add("med.no_toxic", "无毒副作用", "warn", "medical", {}, kWeakMed, kNoteWeak);
    add("med.refund", "无效退款", "warn", "medical", {}, kWeakMed, kNoteWeak);
    // --- Cosmetics efficacy claims -------------------------------------------------------------
    add("cos.spots", "祛斑", "warn", "cosmetics", {}, kBeijing,
        "祛斑美白属特殊化妆品，须注册；普通化妆品宣称即违法（来源为转载，可信度低）。"
        "Spot removal and whitening are special cosmetics needing registration (weak mirror).");
    add("cos.whiten", "美白", "info", "cosmetics", {}, kBeijing,
        "美白需特殊化妆品注册证；产品已注册则可宣称。Whitening needs a special-cosmetics registration; fine once registered.");
    add("cos.special", "特效", "warn", "cosmetics", {}, kNaming, kNoteNaming);
    add("cos.instant", "速效", "warn", "cosmetics", {}, kNaming, kNoteNaming);
    add("cos.miracle", "神效", "warn", "cosmetics", {}, kNaming, kNoteNaming);
    add("cos.wonder", "奇效", "warn", "cosmetics", {}, kNaming, kNoteNaming);
    add("cos.all_effect", "全效", "info", "cosmetics", {}, kNaming, kNoteNaming);
    add("cos.skin_change", "换肤", "warn", "cosmetics", {}, kNaming, kNoteNaming);
    add("cos.wrinkles", "去除皱纹", "warn", "cosmetics", {}, kNaming, kNoteNaming);
    add("cos.slim", "瘦脸", "warn", "cosmetics", {}, kNaming, kNoteNaming);
    add("cos.fat", "溶脂", "warn", "cosmetics", {}, kNaming, kNoteNaming);
    add("cos.acne", "祛痘", "info", "cosmetics", {}, "playbook-facts.md §1.2 (unverified)",
        "不在禁用词表里；2021 年功效分类目录是否允许作为有依据的宣称未核实：需有功效评价依据。"
        "Not on the lists; whether the 2021 efficacy catalogue allows it is unverified: keep the evidence.");
    return out;
}

std::vector<ContentTerm> restore_content_terms(const std::vector<ContentTerm>& current) {
    std::vector<ContentTerm> out = default_content_terms();
    for (const ContentTerm& t : current) {
        const bool shipped = std::any_of(out.begin(), out.end(), [&](const ContentTerm& d) { return d.builtin && d.id == t.id; });
        if (!shipped) out.push_back(t);
    }
    return out;
}

Status check_content_term(const ContentTerm& t) {
    if (t.word.empty()) return Error("content.bad_term_word", {t.id}, Location{"", 0, 0, "word"});
    if (t.level != "block" && t.level != "warn" && t.level != "info")
        return Error("content.bad_term_level", {t.level}, Location{"", 0, 0, "level"});
    if (t.category != "absolute" && t.category != "medical" && t.category != "cosmetics")
        return Error("content.bad_term_category", {t.category}, Location{"", 0, 0, "category"});
    return ok_status();
}

}  // namespace yt
