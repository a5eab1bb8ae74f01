// messages_core.cpp — zh/en texts for locations, persistence, commands and the CLI.
#include "core/i18n/i18n.hpp"

namespace yt {
namespace {
const Msg kMessages[] = {
    {"loc.line", "第 {0} 行", "line {0}"},
    {"loc.column", "第 {0} 列", "column {0}"},
    {"loc.field", "字段 {0}", "field {0}"},
    {"persist.empty", "文件是空的。", "The file is empty."},
    {"persist.not_json", "不是有效的 JSON：{0}", "Not valid JSON: {0}"},
    {"persist.not_workspace", "这不是鱼塘工作区文件。", "This is not a Yutang workspace file."},
    {"persist.bad_envelope", "工作区文件头缺少或损坏。", "The workspace file header is missing or damaged."},
    {"persist.too_new", "此文件由更新版本的鱼塘保存（格式 {0}，本版本支持到 {1}），请升级后再打开；现有工作不受影响。",
     "This file was saved by a newer Yutang (schema {0}; this version reads up to {1}). Update to open it; your current work is untouched."},
    {"persist.checksum", "校验和不符：文件已损坏或被改动。", "Checksum mismatch: the file is damaged or was altered."},
    {"persist.bad_payload", "工作区内容无法读取：{0}", "The workspace content cannot be read: {0}"},
    {"persist.schema_unknown", "未知的格式版本 {0}。", "Unknown schema version {0}."},
    {"cmd.empty", "空命令。", "Empty command."},
    {"cmd.not_json", "命令不是有效的 JSON：{0}", "The command is not valid JSON: {0}"},
    {"cmd.missing_field", "缺少字段 {0}。", "Missing field {0}."},
    {"cmd.bad_value", "取值无效：{0}", "Invalid value: {0}"},
    {"cmd.unknown_type", "未知的命令类型 {0}。", "Unknown command type {0}."},
    {"cmd.unknown_section", "未知的列表 {0}。", "Unknown list {0}."},
    {"cmd.unknown_id", "找不到 ID 为 {0} 的对象。", "No object with id {0}."},
    {"cmd.duplicate_id", "ID {0} 已存在。", "The id {0} already exists."},
    {"cmd.missing_id", "缺少 ID。", "Missing id."},
    {"cmd.id_changed", "不能修改对象 {0} 的 ID。", "The id of {0} cannot be changed."},
    {"cmd.bad_op", "无效的操作。", "Invalid operation."},
    {"cmd.rename", "重命名工作区", "Rename workspace"},
    {"cmd.brand", "修改品牌", "Change brand"},
    {"cmd.language", "切换语言", "Switch language"},
    {"cmd.mask", "切换脱敏", "Toggle masking"},
    {"cmd.theme", "切换主题", "Switch theme"},
    {"cmd.rule", "修改平台规则", "Edit platform rule"},
    {"cmd.tiering", "修改分层设置", "Edit tiering settings"},
    {"cmd.insert", "新增", "Add"},
    {"cmd.update", "修改", "Edit"},
    {"cmd.erase", "删除", "Delete"},
    {"cli.cannot_read", "无法读取文件 {0}。", "Cannot read file {0}."},
    {"cli.cannot_write", "无法写入文件 {0}。", "Cannot write file {0}."},
    {"cli.edited_outside", "注意：此工作区文件在鱼塘之外被修改过（校验和不符），内容已通过完整检查。", "Note: this workspace file was edited outside Yutang (its checksum does not match); its contents passed every check."},
    {"cli.usage", "用法错误：{0}。运行 yutang --help 查看帮助。", "Usage error: {0}. Run yutang --help."},
    {"cli.applied", "已执行 {0} 条命令。", "{0} commands applied."},
    {"cli.unknown_command", "未知的子命令 {0}。运行 yutang --help 查看帮助。", "Unknown subcommand {0}. Run yutang --help."},
};
}  // namespace
MsgTable core_messages() { return {kMessages, sizeof kMessages / sizeof kMessages[0]}; }
}  // namespace yt
