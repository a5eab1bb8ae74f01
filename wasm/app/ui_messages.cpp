// ui_messages.cpp — registering the app's tables with the catalogue (see ui_messages.hpp).
#include "app/ui_messages.hpp"

namespace yt::app {

void register_ui_messages() {
    static const bool done = [] {
        for (MsgTable t : {ui_messages(), ui_tiers_messages(), ui_calendar_messages(), ui_shell_messages(),
                           ui_protect_messages(), ui_roles_messages(), ui_roi_messages(), ui_journeys_messages(),
                           ui_content_messages(), ui_groups_messages(), ui_dash_messages()})
            add_message_table(t);
        return true;
    }();
    (void)done;
}

}  // namespace yt::app
