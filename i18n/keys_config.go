package i18n

// Keys of a config file vipbook cannot use (config.go).
const (
	ConfigBadLine Key = "config.bad_line" // the file, the line, what is wrong
	ConfigBad     Key = "config.bad"      // the file, what is wrong
	ConfigRead    Key = "config.read"     // the file, the file system's words
	// The words of each config.Problem, which says the facts they take.
	ConfigProblemRead             Key = "config.problem.read"
	ConfigProblemSyntax           Key = "config.problem.syntax"
	ConfigProblemUnknown          Key = "config.problem.unknown"
	ConfigProblemNotScheme        Key = "config.problem.not_scheme"
	ConfigProblemNegative         Key = "config.problem.negative"
	ConfigProblemNegativeAmount   Key = "config.problem.negative_amount"
	ConfigProblemFestivalLead     Key = "config.problem.festival_lead"
	ConfigProblemCareEvery        Key = "config.problem.care_every"
	ConfigProblemLapseFactor      Key = "config.problem.lapse_factor"
	ConfigProblemLapseDays        Key = "config.problem.lapse_days"
	ConfigProblemNegativeWeight   Key = "config.problem.negative_weight"
	ConfigProblemPyramidLevels    Key = "config.problem.pyramid_levels"
	ConfigProblemPyramidNoName    Key = "config.problem.pyramid_no_name"
	ConfigProblemPyramidTwice     Key = "config.problem.pyramid_twice"
	ConfigProblemPyramidShare     Key = "config.problem.pyramid_share"
	ConfigProblemPyramidShares    Key = "config.problem.pyramid_shares"
	ConfigProblemCardNoLevels     Key = "config.problem.card_no_levels"
	ConfigProblemCardYearStart    Key = "config.problem.card_year_start"
	ConfigProblemCardDowngrade    Key = "config.problem.card_downgrade"
	ConfigProblemCardNoName       Key = "config.problem.card_no_name"
	ConfigProblemCardTwice        Key = "config.problem.card_twice"
	ConfigProblemCardNegative     Key = "config.problem.card_negative"
	ConfigProblemCardNoThreshold  Key = "config.problem.card_no_threshold"
	ConfigProblemCardNegativeRule Key = "config.problem.card_negative_rule"
	ConfigProblemCardRuleUndated  Key = "config.problem.card_rule_undated"
	ConfigProblemCardValid        Key = "config.problem.card_valid"
	ConfigProblemCardRenew        Key = "config.problem.card_renew"
	ConfigProblemCardVoidUnder    Key = "config.problem.card_void_under"
)
