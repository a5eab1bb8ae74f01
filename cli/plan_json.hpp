// plan_json.hpp — the Assessment as JSON for `yutang check --json` and `calendar --json`: findings
// (rendered in the chosen language, with their keys and arguments) and the headline figures.
#pragma once
#include <string>

#include "core/i18n/i18n.hpp"
#include "core/plan/assess.hpp"

namespace yt::cli {

// {"rule","severity","subject_kind","subject","value","limit","message","fix","message_key","fix_key","args"}
std::string finding_json(const Finding& f, Lang lang);
// The subject kind's name ("账号", "Account"), or the key itself.
std::string kind_label(const std::string& kind, Lang lang);
std::string quoted(const std::string& s);

// {"orders":{customers,orders,revenue,first_day,last_day},"segments":{key:n},"lifecycle":{stage:n},
//  "accounts":[{id,name,share,revenue_share,customers,basis}],
//  "economics":{"calibration":{…},"active":{ltv,cac_public,cac_private,ltv_cac,payback_month,roi}}}
std::string headline_json(const Workspace& ws, const Assessment& a);

}  // namespace yt::cli
