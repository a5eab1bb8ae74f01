// assess_audiences.cpp — AudienceFigures and the SCRM tag list (see assess_audiences.hpp).
#include "core/plan/assess_audiences.hpp"

#include <algorithm>

#include "core/io/csv_write.hpp"
#include "core/io/mask.hpp"

namespace yt {

namespace {

AudienceFigure figure_of(const Audience& a, AudienceResult&& r, std::uint32_t customers) {
    AudienceFigure f;
    f.id = a.id;
    f.name = a.name;
    f.error = std::move(r.error);
    f.count = r.count;
    f.share = customers > 0 ? static_cast<double>(r.count) / customers : 0.0;
    f.by_segment = r.by_segment;
    f.members = std::make_shared<const std::vector<std::uint8_t>>(std::move(r.member));
    return f;
}

bool same_list(const std::vector<Audience>& a, const std::vector<Audience>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!same_audience(a[i], b[i])) return false;
    return true;
}

// Phone-like: seven digits or more, and nothing but digits, + - ( ) and spaces.
bool phone_like(const std::string& s) {
    int digits = 0;
    for (char c : s) {
        if (c >= '0' && c <= '9') ++digits;
        else if (c != '+' && c != '-' && c != ' ' && c != '(' && c != ')') return false;
    }
    return digits >= 7;
}

}  // namespace

const AudienceFigure* AudienceFigures::find(const std::string& id) const {
    for (const AudienceFigure& f : list)
        if (f.id == id) return &f;
    return nullptr;
}

AudienceInputs audience_inputs(const OrderTable* orders, const TierFigures& tiers, const AudienceColumns* columns) {
    AudienceInputs in;
    in.orders = orders;
    in.columns = columns;
    if (tiers.tiers) {
        in.segment = &tiers.tiers->segments.segment;
        in.stage = &tiers.tiers->lifecycle.stage;
    }
    if (tiers.clv && !tiers.clv->error) {
        in.clv = &tiers.clv->result.clv;
        in.p_alive = &tiers.clv->result.p_alive;
    }
    return in;
}

void assess_audiences(const Workspace& ws, const OrderTable* orders, const TierFigures& tiers, AudienceFigures& out) {
    const OrdersIdentity id = orders_identity(orders);
    const bool new_orders = !out.key_set || id != out.key_orders;
    if (!new_orders && out.key_generation == tiers.generation && same_list(out.key_audiences, ws.audiences)) return;
    out.key_set = true;
    out.key_orders = id;
    out.key_generation = tiers.generation;
    out.key_audiences = ws.audiences;
    if (new_orders) out.columns.reset();
    out.list.clear();
    out.tiers_of.clear();
    out.ready = orders && tiers.index && orders->customers() > 0;
    out.customers = out.ready ? static_cast<std::uint32_t>(orders->customers()) : 0;
    if (out.ready && !out.columns) out.columns = std::make_shared<const AudienceColumns>(audience_columns(*orders, *tiers.index));
    const AudienceInputs in = audience_inputs(out.ready ? orders : nullptr, tiers, out.columns.get());
    ++out.computations;
    std::vector<AudienceResult> rs = evaluate_audiences(ws.audiences, in);
    for (std::size_t i = 0; i < rs.size(); ++i) {
        if (!rs[i].error && out.ready) out.tiers_of[rs[i].id] = rs[i].segment_keys();
        out.list.push_back(figure_of(ws.audiences[i], std::move(rs[i]), out.customers));
        if (!out.ready) out.list.back().members.reset();
    }
}

AudienceFigure audience_figure(const Audience& a, const Workspace& ws, const OrderTable* orders, const TierFigures& tiers,
                               const AudienceFigures& figures) {
    const bool ready = figures.ready && figures.columns;
    const AudienceInputs in = audience_inputs(ready ? orders : nullptr, tiers, figures.columns.get());
    return figure_of(a, evaluate_audience(a, ws.audiences, in), figures.customers);
}

bool personas_with_audience_tiers(const Workspace& ws, const std::map<std::string, std::vector<std::string>>& tiers_of,
                                  Workspace& out) {
    auto is_audience = [&](const std::string& t) {
        return std::any_of(ws.audiences.begin(), ws.audiences.end(), [&](const Audience& a) { return a.id == t; });
    };
    bool any = false;
    for (const Persona& p : ws.roles.personas)
        any = any || std::any_of(p.tiers.begin(), p.tiers.end(), is_audience);
    if (!any) return false;
    out = ws;
    for (Persona& p : out.roles.personas) {
        std::vector<std::string> tiers;
        auto add = [&](const std::string& t) {
            if (std::find(tiers.begin(), tiers.end(), t) == tiers.end()) tiers.push_back(t);
        };
        for (const std::string& t : p.tiers) {
            if (!is_audience(t)) {
                add(t);
                continue;
            }
            auto it = tiers_of.find(t);
            if (it != tiers_of.end())
                for (const std::string& seg : it->second) add(seg);
        }
        p.tiers = std::move(tiers);
    }
    return true;
}

std::string audience_csv(const Audience& a, const AudienceFigure& f, const OrderTable& orders, bool mask) {
    CsvWriter w;
    w.text("客户ID").text("手机号").text("标签").end_row();
    if (!f.members || f.error) return w.take();
    const std::string& tag = a.name.empty() ? a.id : a.name;
    const std::vector<std::uint8_t>& m = *f.members;
    const std::size_t n = std::min(m.size(), orders.customers());
    const bool phones = !orders.customer_phones.empty();
    for (std::size_t c = 0; c < n; ++c) {
        if (!m[c]) continue;
        const std::string& id = orders.customer_ids.at(static_cast<std::uint32_t>(c));
        w.text(mask && phone_like(id) ? mask_phone(id) : id);
        const std::string phone = phones && c < orders.customer_phones.size() ? orders.customer_phones[c] : std::string();
        w.text(mask && !phone.empty() ? mask_phone(phone) : phone);
        w.text(tag).end_row();
    }
    return w.take();
}

}  // namespace yt
