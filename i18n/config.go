package i18n

import (
	"errors"

	"github.com/vipbook/vipbook/config"
)

// configKey is the key of a config problem's words.
func configKey(p config.Problem) Key { return configKeys[p] }

var configKeys = map[config.Problem]Key{
	config.ProblemRead:             ConfigProblemRead,
	config.ProblemSyntax:           ConfigProblemSyntax,
	config.ProblemUnknown:          ConfigProblemUnknown,
	config.ProblemNotScheme:        ConfigProblemNotScheme,
	config.ProblemNegative:         ConfigProblemNegative,
	config.ProblemNegativeAmount:   ConfigProblemNegativeAmount,
	config.ProblemFestivalLead:     ConfigProblemFestivalLead,
	config.ProblemCareEvery:        ConfigProblemCareEvery,
	config.ProblemLapseFactor:      ConfigProblemLapseFactor,
	config.ProblemLapseDays:        ConfigProblemLapseDays,
	config.ProblemNegativeWeight:   ConfigProblemNegativeWeight,
	config.ProblemPyramidLevels:    ConfigProblemPyramidLevels,
	config.ProblemPyramidNoName:    ConfigProblemPyramidNoName,
	config.ProblemPyramidTwice:     ConfigProblemPyramidTwice,
	config.ProblemPyramidShare:     ConfigProblemPyramidShare,
	config.ProblemPyramidShares:    ConfigProblemPyramidShares,
	config.ProblemCardNoLevels:     ConfigProblemCardNoLevels,
	config.ProblemCardYearStart:    ConfigProblemCardYearStart,
	config.ProblemCardDowngrade:    ConfigProblemCardDowngrade,
	config.ProblemCardNoName:       ConfigProblemCardNoName,
	config.ProblemCardTwice:        ConfigProblemCardTwice,
	config.ProblemCardNegative:     ConfigProblemCardNegative,
	config.ProblemCardNoThreshold:  ConfigProblemCardNoThreshold,
	config.ProblemCardNegativeRule: ConfigProblemCardNegativeRule,
	config.ProblemCardRuleUndated:  ConfigProblemCardRuleUndated,
	config.ProblemCardValid:        ConfigProblemCardValid,
	config.ProblemCardRenew:        ConfigProblemCardRenew,
	config.ProblemCardVoidUnder:    ConfigProblemCardVoidUnder,
}

// configError says a config.Error in the catalog's language, or returns
// false when err holds none.
func (c *Catalog) configError(err error) (string, bool) {
	var ce *config.Error
	if !errors.As(err, &ce) {
		return "", false
	}
	what := c.T(configKey(ce.Problem), ce.Args...)
	switch {
	case ce.Problem == config.ProblemRead:
		return c.T(ConfigRead, ce.File, what), true
	case ce.Line > 0:
		return c.T(ConfigBadLine, ce.File, ce.Line, what), true
	}
	return c.T(ConfigBad, ce.File, what), true
}

// configTables are the words of config.go, English and Chinese.
func configTables() (en, zh map[Key]string) {
	en = map[Key]string{
		ConfigBadLine: "bad config file: %s line %d: %s",
		ConfigBad:     "bad config file: %s: %s",
		ConfigRead:    "read the config file %s: %s",

		ConfigProblemRead:             "%s",
		ConfigProblemSyntax:           "%s; fix that line, or move the file away to use the defaults",
		ConfigProblemUnknown:          "unknown setting %q; check its spelling against the documented settings, or remove it",
		ConfigProblemNotScheme:        "tiers.scheme %q is not a scheme; use one of %s",
		ConfigProblemNegative:         "%s is %d; it cannot be negative",
		ConfigProblemNegativeAmount:   "%s is %g; it cannot be negative",
		ConfigProblemFestivalLead:     "rhythm.festival_lead_days is %d; it must be 1 to 366 days",
		ConfigProblemCareEvery:        "rhythm.care_every_days must be at least 1 (days between care messages)",
		ConfigProblemLapseFactor:      "rhythm.lapse_factor is %g; it must be more than 0 (2.0 means twice the client's usual gap)",
		ConfigProblemLapseDays:        "%s is %d; it must be at least 1 day",
		ConfigProblemNegativeWeight:   "%s is %g; a weight cannot be negative (0 switches the term off)",
		ConfigProblemPyramidLevels:    "tiers.pyramid needs at least two levels ([[tiers.pyramid.levels]] with name and share)",
		ConfigProblemPyramidNoName:    "pyramid level %d has no name",
		ConfigProblemPyramidTwice:     "pyramid level %q is named twice",
		ConfigProblemPyramidShare:     "pyramid level %q has share %g; write the fraction of clients it takes, between 0 and 1 (0.10 for the top 10%%)",
		ConfigProblemPyramidShares:    "the pyramid's shares add up to %g; they must leave room for the last level (at most 1)",
		ConfigProblemCardNoLevels:     "card scheme %q has no levels ([[tiers.cards.%s.levels]] with name and a threshold)",
		ConfigProblemCardYearStart:    "tiers.cards.%s.year_start %q is not a day of the year; write it as MM-DD, like 08-01",
		ConfigProblemCardDowngrade:    "tiers.cards.%s.downgrade %q: use %q or %q",
		ConfigProblemCardNoName:       "card scheme %q: level %d has no name",
		ConfigProblemCardTwice:        "card scheme %q: level %q is named twice",
		ConfigProblemCardNegative:     "card scheme %q: level %q has a negative threshold",
		ConfigProblemCardNoThreshold:  "card scheme %q: level %q has no threshold; set purchase, day, month or year",
		ConfigProblemCardNegativeRule: "card scheme %q: level %q has a negative void_under, renew or upgrade",
		ConfigProblemCardRuleUndated:  "card scheme %q: level %q sets void_under, renew or upgrade without valid; set valid = %q or %q on every level",
		ConfigProblemCardValid:        "card scheme %q: level %q has valid = %q; every level of a dated scheme needs valid = %q (to the end of the period) or %q (one year from the day reached)",
		ConfigProblemCardRenew:        "card scheme %q: level %q is valid to the period's end; renew is for year cards (use void_under)",
		ConfigProblemCardVoidUnder:    "card scheme %q: level %q is valid one year; void_under is for period cards (use renew)",
	}
	zh = map[Key]string{
		ConfigBadLine: "配置文件有误：%s 第 %d 行：%s",
		ConfigBad:     "配置文件有误：%s：%s",
		ConfigRead:    "无法读取配置文件 %s：%s",

		ConfigProblemRead:             "%s",
		ConfigProblemSyntax:           "格式不对（TOML 解析器：%s）；请改正这一行，或把文件移开以使用默认设置",
		ConfigProblemUnknown:          "没有 %q 这项设置；请对照文档核对拼写，或删去这一项",
		ConfigProblemNotScheme:        "tiers.scheme %q 不是已有的方案；请用其中之一：%s",
		ConfigProblemNegative:         "%s 为 %d；不能为负数",
		ConfigProblemNegativeAmount:   "%s 为 %g；不能为负数",
		ConfigProblemFestivalLead:     "rhythm.festival_lead_days 为 %d；须为 1 至 366 天",
		ConfigProblemCareEvery:        "rhythm.care_every_days 至少为 1（两次关怀消息之间的天数）",
		ConfigProblemLapseFactor:      "rhythm.lapse_factor 为 %g；须大于 0（2.0 表示客户平常间隔的两倍）",
		ConfigProblemLapseDays:        "%s 为 %d；至少为 1 天",
		ConfigProblemNegativeWeight:   "%s 为 %g；权重不能为负数（0 表示不计这一项）",
		ConfigProblemPyramidLevels:    "tiers.pyramid 至少需要两个等级（[[tiers.pyramid.levels]]，写明 name 和 share）",
		ConfigProblemPyramidNoName:    "金字塔第 %d 级没有名称",
		ConfigProblemPyramidTwice:     "金字塔等级 %q 重名",
		ConfigProblemPyramidShare:     "金字塔等级 %q 的 share 为 %g；请写该级所占客户的比例，介于 0 与 1 之间（前 10%% 写 0.10）",
		ConfigProblemPyramidShares:    "金字塔各级的 share 合计 %g；须给最后一级留出余地（合计至多为 1）",
		ConfigProblemCardNoLevels:     "卡级方案 %q 没有等级（[[tiers.cards.%s.levels]]，写明 name 和门槛）",
		ConfigProblemCardYearStart:    "tiers.cards.%s.year_start %q 不是一年中的某一天；请写成 MM-DD，如 08-01",
		ConfigProblemCardDowngrade:    "tiers.cards.%s.downgrade %q：请用 %q 或 %q",
		ConfigProblemCardNoName:       "卡级方案 %q：第 %d 级没有名称",
		ConfigProblemCardTwice:        "卡级方案 %q：等级 %q 重名",
		ConfigProblemCardNegative:     "卡级方案 %q：等级 %q 的门槛为负数",
		ConfigProblemCardNoThreshold:  "卡级方案 %q：等级 %q 没有门槛；请设 purchase、day、month 或 year",
		ConfigProblemCardNegativeRule: "卡级方案 %q：等级 %q 的 void_under、renew 或 upgrade 为负数",
		ConfigProblemCardRuleUndated:  "卡级方案 %q：等级 %q 设了 void_under、renew 或 upgrade 却没有 valid；请在每一级设 valid = %q 或 %q",
		ConfigProblemCardValid:        "卡级方案 %q：等级 %q 的 valid = %q；有有效期的方案每一级都需要 valid = %q（到周期结束）或 %q（自达标日起一年）",
		ConfigProblemCardRenew:        "卡级方案 %q：等级 %q 有效至周期结束；renew 用于按年有效的卡（请用 void_under）",
		ConfigProblemCardVoidUnder:    "卡级方案 %q：等级 %q 自达标日起有效一年；void_under 用于按周期有效的卡（请用 renew）",
	}
	return en, zh
}

func initConfig1() {
	cen, czh := configTables()
	for k, s := range cen {
		en[k] = s
	}
	for k, s := range czh {
		zh[k] = s
	}
}
