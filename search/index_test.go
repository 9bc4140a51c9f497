package search_test

import (
	"slices"
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/search"
)

var today = civil.Date{Year: 2026, Month: time.November, Day: 24}

// client builds a summary the way the store does: normalised phones and
// the pinyin keys of the name.
func client(id, name, latin, city, tier string, spend profile.Money, phones []string, tags ...string) profile.Summary {
	s := profile.Summary{ID: id, Name: name, LatinName: latin, City: city, Tier: tier, Tags: tags,
		SearchKeys: search.Keys(name + " " + latin)}
	for _, p := range phones {
		s.Phones = append(s.Phones, profile.NormalizePhone(p, "86"))
	}
	if spend > 0 {
		s.Spends = []profile.Spend{{Date: today.AddDays(-30), Amount: spend}}
	}
	return s
}

// book is a small book with every kind of name the search must find.
func book() []profile.Summary {
	return []profile.Summary{
		client("c01", "王小明", "Michael Wang", "上海", "A", 90_000, []string{"138 0013 8000"}, "vip", "collector"),
		client("c02", "曾小凡", "", "北京", "B", 40_000, []string{"+86 139-1111-2222"}, "bridal"),
		client("c03", "单丽娜", "Lina Shan", "上海", "A", 120_000, []string{"13712345678"}, "vip-gold"),
		client("c04", "", "Sophie Martin", "Paris", "C", 5_000, []string{"+33 6 12 34 56 78"}, "tourist"),
		client("c05", "王芳", "", "杭州", "D", 0, []string{"13900001111", "020 8765 4321"}),
		client("c06", "李伟", "Leo Li", "上海", "B", 60_000, []string{"13600006666"}, "corporate"),
		client("c07", "欧阳娜娜", "", "深圳", "A", 300_000, []string{"13500005555"}, "老客户"),
		client("c08", "", "Wang Lei", "New York", "", 1_000, []string{"+1 212 555 0199"}),
		client("c09", "张晓", "Zoe Zhang", "上海", "C", 20_000, []string{"12300001234"}, "new-2026"),
		client("c10", "王长乐", "", "北京", "A", 70_000, []string{"13311112222"}),
		client("c11", "", "Élodie Müller", "Ｐａｒｉｓ", "B", 0, nil, "ＶＩＰ"),
	}
}

func ids(sums []profile.Summary, docs []int) []string {
	out := make([]string, len(docs))
	for i, d := range docs {
		out[i] = sums[d].ID
	}
	return out
}

func TestSearchFinds(t *testing.T) {
	sums := book()
	ix := search.New(sums, search.Options{Today: today, CountryCode: "86"})
	tests := []struct {
		name, query string
		want        []string // every match, best first
	}{
		{"chinese name", "王小明", []string{"c01"}},
		{"chinese surname, shorter first (fuzzy score)", "王", []string{"c05", "c01", "c10"}},
		{"chinese given name", "小凡", []string{"c02"}},
		{"chinese fuzzy", "欧娜", []string{"c07"}},
		{"pinyin full", "wangxiaoming", []string{"c01"}},
		{"pinyin initials", "wxm", []string{"c01"}},
		{"pinyin prefix", "zengxiao", []string{"c02"}},
		{"heteronym zeng", "zxf", []string{"c02"}},
		{"heteronym ceng", "cxf", []string{"c02"}},
		{"heteronym shan full", "shanlina", []string{"c03"}},
		{"heteronym shan initials", "sln", []string{"c03"}},
		{"heteronym dan", "danlina", []string{"c03"}},
		{"heteronym chan, then fuzzy", "cln", []string{"c03", "c01"}},
		{"heteronym zhang in a given name", "wangzhangle", []string{"c10"}},
		{"latin name word", "martin", []string{"c04"}},
		{"latin name case", "SOPHIE", []string{"c04"}},
		{"latin initials fuzzy", "smn", []string{"c04"}},
		{"two words", "michael wang", []string{"c01"}},
		{"exact word before prefix", "wang", []string{"c08", "c01", "c05", "c10"}},
		{"fuzzy by score", "wangl", []string{"c08", "c10"}},
		{"prefix before fuzzy despite spend", "zh", []string{"c09", "c10"}},
		{"phone as stored", "13800138000", []string{"c01"}},
		{"phone with spaces", "138 0013", []string{"c01"}},
		{"phone with country code", "+86 138-0013", []string{"c01"}},
		{"phone international prefix", "0086 13800138000", []string{"c01"}},
		{"phone trunk prefix", "020 8765 4321", []string{"c05"}},
		{"phone full-width digits", "１３８００１３", []string{"c01"}},
		{"phone second number", "8765", []string{"c05"}},
		{"phone foreign", "+33 6 12", []string{"c04"}},
		{"phone prefix before infix", "123", []string{"c09", "c03", "c04"}},
		{"phone exact before prefix", "13900001111", []string{"c05"}},
		{"tag", "collector", []string{"c01"}},
		{"tag fuzzy", "brdl", []string{"c02"}},
		{"filter tier", "tier:A", []string{"c07", "c03", "c01", "c10"}},
		{"filter tier B", "tier:b", []string{"c06", "c02", "c11"}},
		{"filter tier lower case", "tier:a", []string{"c07", "c03", "c01", "c10"}},
		{"filter city chinese", "city:上海", []string{"c03", "c01", "c06", "c09"}},
		{"filter city pinyin", "city:shanghai", []string{"c03", "c01", "c06", "c09"}},
		{"filter city initials", "city:bj", []string{"c10", "c02"}},
		{"filter city latin", "city:york", []string{"c08"}},
		{"filter city full-width colon", "城市：上海", []string{"c03", "c01", "c06", "c09"}},
		{"filter tag", "tag:vip", []string{"c03", "c01", "c11"}},
		{"filter tag word", "tag:2026", []string{"c09"}},
		{"filter tag pinyin", "tag:lkh", []string{"c07"}},
		{"filter tag chinese", "标签:老客", []string{"c07"}},
		{"filter empty value is no filter yet", "tier:", []string{"c07", "c03", "c01", "c10", "c06", "c02", "c09", "c04", "c08", "c05", "c11"}},
		{"filters combined", "tier:A city:上海", []string{"c03", "c01"}},
		{"filter and text", "tier:A wang", []string{"c01", "c10"}},
		{"filter and pinyin initials", "city:上海 wxm", []string{"c01"}},
		{"filter and phone", "tier:A 138", []string{"c01"}},
		{"text and phone", "wang 139", []string{"c05"}},
		{"accented latin, any case", "MÜLLER", []string{"c11"}},
		{"full-width tag and city", "tag:vip city:paris", []string{"c11"}},
		{"no match", "xyzzy", []string{}},
		{"no match filter", "tier:Z", []string{}},
		{"unknown field is text", "foo:bar", []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ix.Search(tt.query)
			got := ids(sums, r.All())
			if !slices.Equal(got, tt.want) {
				t.Errorf("Search(%q) = %v, want %v", tt.query, got, tt.want)
			}
			if r.Len() != len(tt.want) {
				t.Errorf("Len = %d, want %d", r.Len(), len(tt.want))
			}
		})
	}
}

// TestUsualReadingFirst: a name matched through a rarer reading of one of
// its characters ranks after names matched through their usual readings,
// whatever the spend; the family-name reading counts as the usual one.
func TestUsualReadingFirst(t *testing.T) {
	docs := []search.Doc{
		{Name: "魏洋敏", Keys: search.Keys("魏洋敏"), Spend: 900_000}, // 洋 read xiang gives wxm
		{Name: "王小明", Keys: search.Keys("王小明"), Spend: 1_000},
		{Name: "曾小凡", Keys: search.Keys("曾小凡"), Spend: 900_000},
		{Name: "蔡晓峰", Keys: search.Keys("蔡晓峰"), Spend: 1_000},
		{Name: "单丽娜", Keys: search.Keys("单丽娜"), Spend: 900_000},
		{Name: "丁丽娜", Keys: search.Keys("丁丽娜"), Spend: 1_000},
	}
	ix := search.NewFromDocs(docs, "86")
	for _, tt := range []struct{ q, first string }{
		{"wxm", "王小明"}, // not 魏洋敏, who spends more
		{"zxf", "曾小凡"}, // 曾 as a family name is Zeng
		{"cxf", "蔡晓峰"}, // ceng is the rarer reading of 曾
		{"sln", "单丽娜"}, // 单 as a family name is Shan
		{"dln", "丁丽娜"}, // dan is the rarer reading of 单 as a name
		{"wym", "魏洋敏"},
	} {
		top := ix.Search(tt.q).Top(1)
		if len(top) == 0 || docs[top[0]].Name != tt.first {
			var got []string
			for _, d := range ix.Search(tt.q).All() {
				got = append(got, docs[d].Name)
			}
			t.Errorf("%s: got %v, want %s first", tt.q, got, tt.first)
		}
	}
}
