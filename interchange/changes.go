package interchange

import (
	"strings"

	"github.com/vipbook/vipbook/merge"
	"github.com/vipbook/vipbook/profile"
)

// fieldNames name the fields of merge.Change and merge.Conflict in a
// report, in English and Chinese.
var fieldNames = map[string][2]string{
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
}

// fieldText names a field for a report in lang: "phone", "birthday", a
// custom date's label.
func fieldText(field, lang string) string {
	zh := lang == "zh"
	if kind, ok := strings.CutPrefix(field, "date:"); ok {
		k, label, _ := strings.Cut(kind, ":")
		if label != "" {
			return label
		}
		if zh {
			return dateKindText(profile.DateKind(k), "zh")
		}
		return k
	}
	if n, ok := fieldNames[field]; ok {
		return pick(zh, n[0], n[1])
	}
	return field
}

// changeTexts writes what a merge changed, and the values of the file that
// lost to the book's, in words for a report in lang.
func changeTexts(cs []merge.Change, kept []merge.Conflict, lang string) []string {
	zh := lang == "zh"
	var out []string
	for _, c := range cs {
		f := fieldText(c.Field, lang)
		switch {
		case c.Field == "do_not_contact":
			out = append(out, pick(zh, "do not contact", "勿联系"))
			if c.New != "true" {
				out[len(out)-1] = pick(zh, "may be contacted again", "可以再联系")
			}
		case strings.HasPrefix(c.Field, "special:"):
			out = append(out, "+ "+f)
		case c.Old == "":
			out = append(out, "+ "+f+" "+c.New)
		default:
			out = append(out, f+" "+c.Old+" -> "+c.New)
		}
	}
	for _, c := range kept {
		f := fieldText(c.Field, lang)
		if zh {
			out = append(out, "保留"+f+" "+c.Book+"（较旧的 "+c.Incoming+" 存入历史）")
		} else {
			out = append(out, "kept "+f+" "+c.Book+" (older "+c.Incoming+" in the history)")
		}
	}
	return out
}
