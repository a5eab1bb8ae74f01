// messages.cpp — zh/en texts for the tiering module's error codes and labels (keys "tiering.*").
#include "core/i18n/i18n.hpp"

namespace yt {
namespace {
const Msg kMessages[] = {
    // errors
    {"tiering.bad_table", "订单表各列长度不一致（订单 {0}，日期 {1}，金额 {2}）",
     "the order table's columns differ in length (orders {0}, dates {1}, amounts {2})"},
    {"tiering.no_orders", "没有订单数据", "there are no orders"},
    {"tiering.bad_customer_index", "客户序号 {0} 超出范围（共 {1} 位客户）",
     "customer index {0} is out of range ({1} customers)"},
    {"tiering.bad_binning", "未知的分箱方式“{0}”（可选：quintile、quartile、tercile、custom）",
     "unknown binning \"{0}\" (use quintile, quartile, tercile or custom)"},
    {"tiering.bad_cutoffs", "{0} 的自定义分界点无效：需要 1 到 9 个严格递增的数，且 R、F、M 个数相同",
     "invalid custom cut-offs for {0}: give 1 to 9 strictly ascending numbers, the same count for R, F and M"},
    {"tiering.no_buyers", "截至 {0} 没有任何客户下单", "no customer has a purchase on or before {0}"},
    {"tiering.bad_split", "未知的高低划分方式“{0}”（可选：mean、median、manual）",
     "unknown high/low split \"{0}\" (use mean, median or manual)"},
    {"tiering.bad_lifecycle", "生命周期天数无效（新客 {0}，活跃 {1}，沉睡 {2}）：需 新客 ≥ 0 且 0 < 活跃 ≤ 沉睡",
     "invalid lifecycle days (new {0}, active {1}, dormant {2}): need new >= 0 and 0 < active <= dormant"},
    {"tiering.bad_unit", "未知的时间单位“{0}”（可选：day、week、month）",
     "unknown time unit \"{0}\" (use day, week or month)"},
    {"tiering.calibration_before_data", "校准截止日 {0} 早于最早的订单日期 {1}",
     "the calibration end {0} is before the first order date {1}"},
    {"tiering.too_few_customers", "客户太少，无法拟合模型（{0} 位，至少需要 {1} 位）；改用规则分层",
     "too few customers to fit the model ({0}, need at least {1}); using rule-based tiers"},
    {"tiering.too_few_repeat_buyers", "复购客户太少，无法拟合模型（{0} 位，至少需要 {1} 位）；改用规则分层",
     "too few repeat buyers to fit the model ({0}, need at least {1}); using rule-based tiers"},
    {"tiering.fit_failed", "模型 {0} 拟合失败；改用规则分层", "fitting the {0} model failed; using rule-based tiers"},
    {"tiering.fit_not_converged", "模型 {0} 未收敛（{1}）；改用规则分层",
     "the {0} model did not converge ({1}); using rule-based tiers"},
    {"tiering.bad_clv_options", "CLV 参数 {0} 无效", "invalid CLV setting: {0}"},
    {"tiering.bad_date", "日期“{0}”无效（格式 YYYY-MM-DD）", "invalid date \"{0}\" (use YYYY-MM-DD)"},
    {"tiering.bad_option", "选项 {0} 的值“{1}”无效", "invalid value \"{1}\" for option {0}"},
    {"tiering.missing_file", "请指定订单文件", "give an order file"},
    {"tiering.import_unavailable", "导入模块尚不可用", "the importer is not available yet"},
    // the eight segments (keys are stable ids)
    {"tiering.seg.important_value", "重要价值客户", "Important value"},
    {"tiering.seg.important_develop", "重要发展客户", "Important to develop"},
    {"tiering.seg.important_keep", "重要保持客户", "Important to keep"},
    {"tiering.seg.important_retain", "重要挽留客户", "Important to win back"},
    {"tiering.seg.general_value", "一般价值客户", "General value"},
    {"tiering.seg.general_develop", "一般发展客户", "General to develop"},
    {"tiering.seg.general_keep", "一般保持客户", "General to keep"},
    {"tiering.seg.general_retain", "一般挽留客户", "General to win back"},
    {"tiering.seg.none", "未下单", "No purchase"},
    // common English RFM names for the same segments (our documented mapping)
    {"tiering.seg.important_value.rfm", "冠军客户", "Champions"},
    {"tiering.seg.important_develop.rfm", "潜在忠诚客户", "Potential Loyalist"},
    {"tiering.seg.important_keep.rfm", "不能失去的客户", "Can't Lose Them"},
    {"tiering.seg.important_retain.rfm", "有流失风险的客户", "At Risk"},
    {"tiering.seg.general_value.rfm", "忠诚客户", "Loyal Customers"},
    {"tiering.seg.general_develop.rfm", "有潜力的新客户", "Promising / New"},
    {"tiering.seg.general_keep.rfm", "需要关注的客户", "Need Attention"},
    {"tiering.seg.general_retain.rfm", "休眠/流失客户", "Hibernating / Lost"},
    // lifecycle stages
    {"tiering.stage.new", "新客", "New"},
    {"tiering.stage.active", "活跃", "Active"},
    {"tiering.stage.dormant", "沉睡", "Dormant"},
    {"tiering.stage.churned", "流失", "Churned"},
    {"tiering.stage.none", "未下单", "No purchase"},
    // profile dimensions
    {"tiering.dim.basic", "基础属性", "Basic attributes"},
    {"tiering.dim.preference", "偏好", "Preferences"},
    {"tiering.dim.behaviour", "行为", "Behaviour"},
    {"tiering.dim.value", "商业价值", "Commercial value"},
    // models
    {"tiering.model.bgnbd", "BG/NBD 购买次数模型", "BG/NBD purchase model"},
    {"tiering.model.gamma_gamma", "Gamma-Gamma 客单价模型", "Gamma-Gamma spend model"},
};
}  // namespace
MsgTable tiering_messages() { return {kMessages, sizeof kMessages / sizeof kMessages[0]}; }
}  // namespace yt
