package i18n

import (
	"slices"
	"strings"
	"sync"

	"github.com/vipbook/vipbook/profile"
)

// enExport holds the words of keys_import.go.
var enExport map[Key]string

func enExportTable() map[Key]string {
	return map[Key]string{
		IcsDoNotContact: " (do not contact)",
		IcsVisit:        "Visit: %s",
		IcsLunar:        " (lunar)",
		IcsDateTitle:    "%[2]s: %[1]s",
	}
}

// zhExport holds the Chinese words of keys_import.go.
var zhExport map[Key]string

func zhExportTable() map[Key]string {
	return map[Key]string{
		IcsDoNotContact: "（勿联系）",
		IcsVisit:        "到店：%s",
		IcsLunar:        "（农历）",
		IcsDateTitle:    "%[1]s %[2]s",
	}
}

func initKeysExport1() {
	for k, s := range enExport {
		en[k] = s
	}
	for k, s := range zhExport {
		zh[k] = s
	}
}

// CalendarDateKind names a kind of important date as the title of a
// calendar event: "Birthday", "生日".
func (c *Catalog) CalendarDateKind(k profile.DateKind) string {
	if !slices.Contains(profile.DateKinds, k) {
		k = profile.DateCustom
	}
	s := c.DateKind(k)
	if c.IsChinese() || s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// csvColumnsZh names each column of the CSV export in Chinese, by its
// English name (interchange.CSVHeader): the header an associate reads in
// a spreadsheet when the export is written in Chinese. Import reads
// either.
var csvColumnsZh = sync.OnceValue(func() map[string]string {
	return map[string]string{
		"id": "编号", "name": "姓名", "latin_name": "英文名", "honorific": "称呼", "gender": "性别", "phones": "电话",
		"email": "邮箱", "wechat": "微信", "channel": "首选渠道", "do_not_contact": "勿联系", "city": "城市", "district": "区",
		"country": "国家", "occupation": "职业", "birthday": "生日", "anniversary": "纪念日", "child_birthdays": "孩子生日",
		"family_birthdays": "家人生日", "first_purchase": "首次购买", "other_dates": "其他日子", "tags": "标签", "tier": "等级",
		"spend_12_months": "近12个月消费", "purchases": "购买次数", "last_visit": "最近到店", "note_count": "记录数",
		"created": "建档日期", "notes": "记录", "sizes": "尺码", "likes": "喜好", "dislikes": "不喜欢", "measurements": "定制尺寸",
		"household": "家人", "cards": "会员卡", "size_history": "尺码记录", "measurement_history": "定制尺寸记录",
		"referred_by": "推荐人", "home_store": "所属门店", "counter": "专柜", "best_time": "方便联系的时间", "hobbies": "爱好",
		"gift_prefs": "礼品偏好", "why_brand": "选择原因", "motivator": "打动点", "share_of_wallet": "钱包份额",
		"made_to_order": "定制", "special": "特殊人群", "consent_recorded": "同意记录", "gifts": "送礼记录",
	}
})

// CSVColumn names a column of the CSV export, given by its English name,
// in the catalog's language ("name", "姓名").
func (c *Catalog) CSVColumn(en string) string {
	if c.IsChinese() {
		if s, ok := csvColumnsZh()[en]; ok {
			return s
		}
	}
	return en
}

// CSVColumnOf returns the English name of a column of the CSV export
// whose header is h in either language ("姓名" and "name" are "name"),
// or "" when h names none.
func CSVColumnOf(h string) string {
	h = strings.TrimSpace(strings.TrimPrefix(h, "\uFEFF"))
	for en, zh := range csvColumnsZh() {
		if h == en || h == zh {
			return en
		}
	}
	return ""
}
