package i18n

// The glossary: one word per concept in each language. Every text of the
// catalogs, and every word the domain packages still write, uses the word
// of this list and none of the words it avoids (TestGlossary checks the
// Chinese catalog and the sources).
//
//	concept              English                 中文
//	client               client                  客户 (not 客人, 顾客)
//	the book             book                    客户册 (not 客户簿, 本子)
//	follow-up (a task)   follow-up               跟进 (not 待办, 任务)
//	briefing             briefing                简报 (not 晨报, 晨会简报)
//	note                 note                    记录
//	purchase             purchase                购买
//	spend (a sum)        spend                   消费
//	visit                visit                   到店
//	tier                 tier                    等级
//	handover             handover                交接
//	do not contact       do not contact          勿联系 (not 勿扰)
//	associate            associate               顾问 (not 店员; 销售顾问 in full)
//	secondary associate  secondary associate     第二顾问 (not 协理)
//	first purchase date  first purchase          首次购买纪念日
//	special request      special request         特别需求 (not 特殊需求)
//	a birthday's age     turns 40                满 40 岁
//	an anniversary's age 10 years                10 周年 (never 岁)
var glossary = []term{
	{"client", "client", "客户", []string{"客人", "顾客"}},
	{"book", "book", "客户册", []string{"客户簿", "本子"}},
	{"follow-up", "follow-up", "跟进", []string{"待办", "任务"}},
	{"briefing", "briefing", "简报", []string{"晨报", "晨会简报"}},
	{"note", "note", "记录", nil},
	{"purchase", "purchase", "购买", nil},
	{"spend", "spend", "消费", nil},
	{"visit", "visit", "到店", nil},
	{"tier", "tier", "等级", nil},
	{"handover", "handover", "交接", nil},
	{"do not contact", "do not contact", "勿联系", []string{"勿扰"}},
	{"associate", "associate", "顾问", []string{"店员"}},
	{"secondary associate", "secondary associate", "第二顾问", []string{"协理"}},
	{"first purchase date", "first purchase", "首次购买纪念日", nil},
	{"special request", "special request", "特别需求", []string{"特殊需求"}},
}

// term is one line of the glossary.
type term struct {
	concept, en, zh string
	avoid           []string // Chinese words that must not stand for the concept
}
