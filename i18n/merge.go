package i18n

import (
	"errors"
	"fmt"
	"github.com/vipbook/vipbook/profile"
	"strings"

	"github.com/vipbook/vipbook/merge"
)

// mergeFieldNames name the fields of merge.Change and merge.Conflict in an
// import report, in English and Chinese.
var mergeFieldNames map[string][2]string

func mergeFieldNamesTable() map[string][2]string {
	return map[string][2]string{
		"name": {"name", "姓名"}, "latin_name": {"latin name", "英文名"}, "honorific": {"honorific", "称呼"},
		"gender": {"gender", "性别"}, "phones": {"phone", "电话"}, "email": {"e-mail", "邮箱"}, "wechat": {"WeChat", "微信"},
		"channel": {"channel", "联系方式"}, "best_time": {"best time", "方便联系的时间"}, "consent": {"consent", "联系许可"},
		"do_not_contact": {"do not contact", "勿联系"}, "home_store": {"home store", "所属门店"}, "city": {"city", "城市"},
		"district": {"district", "区"}, "country": {"country", "国家"}, "occupation": {"occupation", "职业"},
		"hobbies": {"hobby", "爱好"}, "household": {"household", "家人"}, "why_brand": {"why the brand", "喜欢品牌的原因"},
		"dislikes": {"dislike", "不喜欢"}, "gift_prefs": {"gift preference", "礼物偏好"}, "motivator": {"motivator", "打动点"},
		"share_of_wallet": {"share of wallet", "消费占比"}, "sizes": {"size", "尺码"}, "preferences": {"preference", "偏好"},
		"made_to_order": {"made to order", "定制"}, "special_note": {"special note", "特别说明"}, "tier": {"tier", "等级"},
		"referred_by": {"referred by", "推荐人"}, "tags": {"tag", "标签"}, "created": {"created", "建档日期"},
		"owners":        {"owner", "负责人"},
		"special:child": {"special child", "特别关照：儿童"}, "special:elderly": {"special elderly", "特别关照：长者"},
		"special:pregnant": {"special pregnant", "特别关照：孕期"}, "special:disability": {"special disability", "特别关照：残障"},
		"special:health": {"special health", "特别关照：健康"},
		"measurements":   {"measurement", "量体数据"}, "cards": {"membership card", "会员卡"}, "gifts": {"gift", "礼品"},
	}
}

// pair picks the English or the Chinese word of the catalog's language.
func (c *Catalog) pair(en, zh string) string {
	if c.IsChinese() {
		return zh
	}
	return en
}

// MergeField names a field of merge.Change or merge.Conflict for an import
// report: "phone", a date's kind ("birthday"), a custom date's label.
func (c *Catalog) MergeField(field string) string {
	if kind, ok := strings.CutPrefix(field, "date:"); ok {
		k, label, _ := strings.Cut(kind, ":")
		if label != "" {
			return label
		}
		if c.IsChinese() {
			return c.importDateKind(k)
		}
		return k
	}
	if n, ok := mergeFieldNames[field]; ok {
		return c.pair(n[0], n[1])
	}
	return field
}

// importDateKind names a date kind in Chinese for an import report.
func (c *Catalog) importDateKind(k string) string {
	switch k {
	case "birthday":
		return "生日"
	case "anniversary":
		return "结婚纪念日"
	case "child_birthday":
		return "孩子生日"
	case "family_birthday":
		return "家人生日"
	case "first_purchase":
		return "首次购买纪念日"
	}
	return "纪念日"
}

// MatchedBy says in an import report how a record was matched to a client
// of the book: by (merge.Match.By) and the key that matched (a normalised
// phone number or e-mail address).
func (c *Catalog) MatchedBy(by merge.Reason, key string) string {
	switch by {
	case merge.ByPhone:
		return c.pair("phone +", "电话 +") + key
	case merge.ByEmail:
		return c.pair("e-mail ", "邮箱 ") + key
	case merge.ByNameBirthday:
		return c.pair("name and birthday", "姓名和生日")
	}
	return c.pair(string(by), "姓名")
}

// Changes words what a merge changed (merge.Diff), and the values of the
// file that lost to the book's (kept), one phrase each, for an import
// report.
func (c *Catalog) Changes(cs []merge.Change, kept []merge.Conflict) []string {
	var out []string
	for _, ch := range cs {
		f := c.MergeField(ch.Field)
		switch ch.Field { // the label the merge wrote in the book's English
		case "phones":
			ch.Old, ch.New = c.relabel(ch.Old, c.PhoneLabel), c.relabel(ch.New, c.PhoneLabel)
		case "household":
			ch.Old, ch.New = c.relabel(ch.Old, c.Relation), c.relabel(ch.New, c.Relation)
		}
		switch {
		case ch.Field == "do_not_contact":
			if ch.New == "true" {
				out = append(out, c.pair("do not contact", "勿联系"))
			} else {
				out = append(out, c.pair("may be contacted again", "可以再联系"))
			}
		case strings.HasPrefix(ch.Field, "special:"):
			out = append(out, "+ "+f)
		case ch.Old == "":
			out = append(out, "+ "+f+" "+ch.New)
		default:
			out = append(out, f+" "+ch.Old+" -> "+ch.New)
		}
	}
	for _, k := range kept {
		f := c.MergeField(k.Field)
		if c.IsChinese() {
			out = append(out, "保留"+f+" "+k.Book+"（较旧的 "+k.Incoming+" 存入历史）")
		} else {
			out = append(out, "kept "+f+" "+k.Book+" (older "+k.Incoming+" in the history)")
		}
	}
	return out
}

// relabel says the label in brackets of a merge's text ("+86139... (mobile)",
// "张丽 (child) 2015-06-01") with word, in the language's brackets.
func (c *Catalog) relabel(s string, word func(string) string) string {
	i := strings.Index(s, " (")
	j := strings.Index(s, ")")
	if i < 0 || j < i {
		return s
	}
	return c.Beside(c.Aside(s[:i], word(s[i+2:j])), strings.TrimSpace(s[j+1:]))
}

// ClientRef names a client of the book in an import's report: its name
// and id, and for the client a record matched, how (By, Key).
type ClientRef struct {
	Name, ID string
	By       merge.Reason
	Key      string
}

// Clients are clients of the book, listed with commas in a report.
type Clients []ClientRef

// ClientMatches are the clients a record matches, listed with semicolons
// in a report.
type ClientMatches []ClientRef

// clientRef words one client: "Li Na (c12, by phone +86138...)".
func (c *Catalog) clientRef(r ClientRef) string {
	if r.By != "" {
		return c.pair(fmt.Sprintf("%s (%s, by %s)", r.Name, r.ID, c.MatchedBy(r.By, r.Key)),
			fmt.Sprintf("%s（%s，按%s）", r.Name, r.ID, c.MatchedBy(r.By, r.Key)))
	}
	return c.pair(fmt.Sprintf("%s (%s)", r.Name, r.ID), fmt.Sprintf("%s（%s）", r.Name, r.ID))
}

// ImportNote words a reason or a warning of an import's report: code is
// one of the Import keys, args its facts. Facts that are themselves words
// are worded here: a profile.DateKind, a merge.Shared key, Clients,
// ClientMatches, a profile validation error.
func (c *Catalog) ImportNote(code Key, args ...any) string {
	out := make([]any, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case profile.DateKind:
			out[i] = c.MergeField("date:" + string(v))
		case merge.Shared:
			out[i] = c.MatchedBy(v.By, v.Key)
		case Clients:
			out[i] = c.joinRefs(v, ", ", "、")
		case ClientMatches:
			out[i] = c.joinRefs(v, "; ", "；")
		case error:
			out[i] = c.profileError(v)
		default:
			out[i] = a
		}
	}
	return c.T(code, out...)
}

func (c *Catalog) joinRefs(rs []ClientRef, en, zh string) string {
	parts := make([]string, len(rs))
	for i, r := range rs {
		parts[i] = c.clientRef(r)
	}
	return strings.Join(parts, c.pair(en, zh))
}

// profileError words why a record's profile is not valid.
func (c *Catalog) profileError(err error) string {
	if c.IsChinese() {
		switch {
		case errors.Is(err, profile.ErrBadPhone):
			return "电话号码无效"
		case errors.Is(err, profile.ErrBadDate):
			return "日期无效"
		}
	}
	return err.Error()
}
