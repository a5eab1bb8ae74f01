// koc_role.cpp — KOC vs 团长 from the incentive text (see koc_role.hpp).
#include "core/roles/koc_role.hpp"

#include <string>

namespace yt {

KocRole koc_role(const Koc& k) {
    std::string s = k.incentive;
    for (char& c : s) if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    for (const char* w : {"佣金", "提成", "返佣", "分佣", "抽成", "分成", "commission", "%", "％"})
        if (s.find(w) != std::string::npos) return KocRole::Leader;
    return KocRole::Koc;
}

}  // namespace yt
