// test_finding_args.cpp — typed finding arguments (core/rules/finding.hpp): each kind rendered in
// both languages at the edge, in no language for JSON, and a message that names a tier or a
// channel reads in the reader's language.
#include <catch2/catch.hpp>

#include "core/rules/finding.hpp"

using namespace yt;

TEST_CASE("finding arguments: typed values, rendered in the reader's language") {
    CHECK(FindingArg::num(4720).str() == "4,720");
    CHECK(FindingArg::num(7.94).str() == "7.9");
    CHECK(FindingArg::percent(0.125).str() == "12.5%");
    CHECK(FindingArg::percent(0.8).str() == "80%");
    CHECK(FindingArg::day(days_from_civil(2026, 11, 11)).str() == "2026-11-11");
    CHECK(FindingArg::day(days_from_civil(2026, 11, 11)).as_day() == days_from_civil(2026, 11, 11));
    CHECK(FindingArg("小王").as_day() == 0);  // only a day argument is a day

    const FindingArg moments = FindingArg::name("calendar.channel.moments");
    CHECK(finding_arg_text(moments, Lang::Zh) == "朋友圈");
    CHECK(finding_arg_text(moments, Lang::En) == "Moments");
    CHECK(moments.str() == "calendar.channel.moments");  // JSON and tests see the key

    // A tier the user defined is named as written; a segment by its catalogue name.
    CHECK(FindingArg::name_or("tiering.seg.vip_custom", "vip_custom") == FindingArg("vip_custom"));
    REQUIRE(has_tr("tiering.seg.important_value"));
    const FindingArg both = FindingArg::names({"tiering.seg.important_value", "vip_custom"});
    CHECK(finding_arg_text(both, Lang::Zh) == std::string(tr("tiering.seg.important_value", Lang::Zh)) + "、vip_custom");
    CHECK(finding_arg_text(both, Lang::En) == std::string(tr("tiering.seg.important_value", Lang::En)) + ", vip_custom");

    Finding f;
    f.message = "calendar.finding.festival_gap";
    f.fix = "calendar.fix.festival_gap";
    f.args = {FindingArg::name("calendar.festival.double_11"), FindingArg::day(days_from_civil(2026, 11, 11)),
              FindingArg::num(3), FindingArg::day(days_from_civil(2026, 11, 8)), "double_11"};
    CHECK(finding_message(f, Lang::Zh) == "双11（2026-11-11）前 3 天（从 2026-11-08 起）没有任何内容安排。");
    CHECK(finding_message(f, Lang::En).find("before Double 11 (Singles' Day) (2026-11-11)") != std::string::npos);
    CHECK_FALSE(finding_fix(f, Lang::En).empty());
    f.fix.clear();
    CHECK(finding_fix(f, Lang::Zh).empty());
}
