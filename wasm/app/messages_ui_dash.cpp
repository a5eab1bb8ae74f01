// messages_ui_dash.cpp — zh/en texts of the Dashboard's print button (keys "ui.*"; registered by
// register_ui_messages(), ui_messages.hpp).
#include "app/ui_messages.hpp"

namespace yt::app {
namespace {
const Msg kMessages[] = {
    {"ui.dash.print", "打印方案", "Print plan"},
    {"ui.dash.printed", "已打开可打印的方案 {0}：打印，或在打印对话框中存为 PDF。", "Opened the printable plan {0}: print it, or save it as PDF from the print dialog."},
};
}  // namespace
MsgTable ui_dash_messages() { return {kMessages, sizeof kMessages / sizeof kMessages[0]}; }
}  // namespace yt::app
