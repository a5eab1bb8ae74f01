// ui_messages.hpp — the app's own texts (keys "ui.*", "tab.*", "storage.*"): the words of its
// screens, which the core and the command line never show. Core keeps the texts it renders
// itself (error and finding codes, report and export words); the app adds these tables to the
// catalogue once, before its first frame (register_ui_messages(), called by App).
#pragma once
#include "core/i18n/i18n.hpp"

namespace yt::app {

// Adds the tables below to the catalogue (once; later calls do nothing).
void register_ui_messages();

MsgTable ui_messages();           // messages_ui.cpp (screens, tabs, storage)
MsgTable ui_tiers_messages();     // messages_ui_tiers.cpp (the Tiers tab, the import dialog)
MsgTable ui_calendar_messages();  // messages_ui_calendar.cpp
MsgTable ui_shell_messages();     // messages_ui_shell.cpp (files, storage, help, themes)
MsgTable ui_protect_messages();   // messages_ui_protect.cpp (passphrase, lock, wipe, exports)
MsgTable ui_roles_messages();     // messages_ui_roles.cpp (the Personas tab)
MsgTable ui_roi_messages();       // messages_ui_roi.cpp (the ROI tab)
MsgTable ui_journeys_messages();  // messages_ui_journeys.cpp
MsgTable ui_content_messages();   // messages_ui_content.cpp (the compliance scan's screens)
MsgTable ui_groups_messages();    // messages_ui_groups.cpp (group health)
MsgTable ui_dash_messages();      // messages_ui_dash.cpp (the Dashboard's print button)

}  // namespace yt::app
