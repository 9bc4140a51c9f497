package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/vipbook/vipbook/profile"
)

// TestProfileCommands walks every entry command and its removal on a real
// book, in English and Chinese, and checks what `show --json` then holds.
func TestProfileCommands(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		t.Run(lang, func(t *testing.T) {
			book := smallBook(t)
			steps := []struct {
				args    []string
				out     string // in stdout
				errText string // in the error, when the command must fail
			}{
				{[]string{"size", "王小明", "shoes", "38", "--system", "eu", "--date", "2024-03-01"}, "shoes 38 EU", ""},
				{[]string{"size", "王小明", "shoes", "39", "--system", "EU", "--fit", "narrow foot"}, "shoes 39 EU", ""},
				{[]string{"size", "王小明", "dress", "38", "--date", "八月十五"}, "dress 38", ""},
				{[]string{"size", "王小明", "shoes"}, "", map[string]string{"en": "say the category and the size", "zh": "请给出品类和尺码"}[lang]},
				{[]string{"size", "王小明", "ring", "11", "--date", "someday"}, "", "--date"},
				{[]string{"size", "王小明", "dress", "--remove"}, "dress", ""},
				{[]string{"size", "王小明"}, "39 EU (narrow foot)", ""},
				{[]string{"like", "王小明", "loafers", "--category", "style"}, "loafers", ""},
				{[]string{"like", "王小明", "navy", "--category", "colour"}, "navy", ""},
				{[]string{"like", "王小明", "x", "--category", "mood"}, "", "--category"},
				{[]string{"dislike", "王小明", "logos", "--category", "style"}, "logos", ""},
				{[]string{"dislike", "王小明", "fur"}, "fur", ""},
				{[]string{"dislike", "王小明", "fur", "--remove"}, "fur", ""},
				{[]string{"dislike", "王小明", "fur", "--remove"}, "", "fur"},
				{[]string{"measure", "王小明", "chest", "98"}, "chest 98 cm", ""},
				{[]string{"measure", "王小明", "ring_inner", "17.3", "--unit", "mm"}, "ring_inner 17.3 mm", ""},
				{[]string{"measure", "王小明", "ring_inner", "--remove"}, "ring_inner", ""},
				{[]string{"measure", "王小明", "--remove"}, "", map[string]string{"en": "vipbook measure CLIENT NAME --remove", "zh": "vipbook measure 客户 名称 --remove"}[lang]},
				{[]string{"measure", "王小明", "chest"}, "", map[string]string{"en": "say what and how much", "zh": "请说明量的部位和数值"}[lang]},
				{[]string{"measure", "王小明", "chest", "99", "--date", "someday"}, "", "--date"},
				{[]string{"measure", "王小明"}, "chest", ""},
				{[]string{"size", "王小明", "--remove"}, "", map[string]string{"en": "vipbook size CLIENT CATEGORY --remove", "zh": "vipbook size 客户 品类 --remove"}[lang]},
				{[]string{"dislike", "王小明", "--remove"}, "", map[string]string{"en": "vipbook dislike CLIENT TEXT --remove", "zh": "vipbook dislike 客户 内容 --remove"}[lang]},
				{[]string{"date", "add", "王小明", "--kind", "anniversary", "--date", "2010-05-20", "--lead", "30"}, "d1", ""},
				{[]string{"date", "add", "王小明", "--kind", "custom", "--label", "first date", "--date", "02-30"}, "", "02-30"},
				{[]string{"date", "add", "王小明", "--kind", "holiday", "--date", "05-20"}, "", "--kind"},
				{[]string{"date", "add", "王小明", "--kind", "custom", "--label", "first date", "--date", "03-08"}, "d2", ""},
				{[]string{"date", "rm", "王小明", "d2"}, "d2", ""},
				{[]string{"date", "rm", "王小明", "d2"}, "", "d2"},
				{[]string{"family", "add", "王小明", "张伟", "--relation", "husband", "--birthday", "腊月初八", "--client", "Anne Dubois"}, "张伟", ""},
				{[]string{"family", "add", "王小明", "Lily", "--relation", "child", "--birthday", "2015-06-01"}, "Lily", ""},
				{[]string{"family", "add", "王小明", "Tom", "--relation", "cousin"}, "", "--relation"},
				{[]string{"family", "add", "王小明", "Lily2", "--lunar"}, "", "--lunar"},
				{[]string{"family", "list", "王小明"}, "张伟", ""},
				{[]string{"family", "rm", "王小明", "Lily"}, "Lily", ""},
				{[]string{"date", "list", "王小明"}, "d2", ""}, // 张伟's birthday took the free id
				{[]string{"card", "add", "王小明", "VIP 8800-123", "--program", "Maison", "--level", "gold", "--points", "1200", "--expires", "2027-12-31"}, "VIP 8800-123", ""},
				{[]string{"card", "add", "Anne Dubois", "vip8800123", "--program", "Maison"}, "", "王小明"},
				{[]string{"card", "add", "Anne Dubois", "AD-1"}, "", "--program"},
				{[]string{"card", "add", "Anne Dubois", "AD-1", "--program", "Maison"}, "AD-1", ""},
				{[]string{"card", "rm", "Anne Dubois", "ad1"}, "ad1", ""},
				{[]string{"card", "list", "王小明"}, "gold", ""},
				{[]string{"show", "vip8800123"}, "王小明", ""},
				{[]string{"gift", "王小明", "silk scarf", "--for", "d1"}, "g1", ""},
				{[]string{"gift", "王小明", "flowers", "--for", "d7"}, "", "d7"},
				{[]string{"gift", "王小明", "pastries"}, "g2", ""},
				{[]string{"gift", "王小明", "--remove", "g2"}, "g2", ""},
				{[]string{"gift", "王小明"}, "silk scarf", ""},
				{[]string{"edit", "王小明", "--set", "store=Shanghai IFC", "--set", "counter=Maison shoes"}, "", ""},
				{[]string{"search", "size:shoes=39 likes:loafers"}, "王小明", ""},
				{[]string{"search", "card:vip8800123"}, "王小明", ""},
				{[]string{"search", "store:maison family:张伟"}, "王小明", ""},
			}
			for _, s := range steps {
				out, errOut, err := runLang(book, lang, "", s.args...)
				if s.errText != "" {
					if err == nil || !strings.Contains(err.Error(), s.errText) {
						t.Fatalf("vipbook %v: err %v, want one saying %q", s.args, err, s.errText)
					}
					continue
				}
				if err != nil {
					t.Fatalf("vipbook %v: %v\n%s", s.args, err, errOut)
				}
				if lang == "zh" {
					s.out = strings.ReplaceAll(s.out, " (narrow foot)", "（narrow foot）") // the language's brackets
				}
				if !strings.Contains(out, s.out) {
					t.Fatalf("vipbook %v printed\n%s\nwant %q in it", s.args, out, s.out)
				}
			}
			out, _, err := runLang(book, lang, "", "show", "王小明", "--json")
			if err != nil {
				t.Fatal(err)
			}
			var d ClientDetail
			if err := json.Unmarshal([]byte(out), &d); err != nil {
				t.Fatal(err)
			}
			p := d.Profile
			cur := p.CurrentSizes()
			if len(p.Sizes) != 2 || len(cur) != 1 || cur[0].Value != "39" || cur[0].Note != "narrow foot" {
				t.Errorf("sizes %+v", p.Sizes)
			}
			if len(p.Likes()) != 2 || len(p.AllDislikes()) != 1 || p.AllDislikes()[0] != "logos" {
				t.Errorf("preferences %+v %v", p.Preferences, p.Dislikes)
			}
			if len(p.Measurements) != 1 || p.Measurements[0].Unit != "cm" {
				t.Errorf("measurements %+v", p.Measurements)
			}
			if len(p.Household) != 1 || p.Household[0].Relation != "spouse" || !p.Household[0].Lunar || p.Household[0].ClientID == "" {
				t.Errorf("household %+v", p.Household)
			}
			if len(p.Dates) != 2 || p.Dates[0].LeadDays != 30 || p.Dates[1].For != "张伟" || !p.Dates[1].Lunar ||
				p.Dates[1].When.Month != 12 || p.Dates[1].When.Day != 8 || p.Dates[1].LeadDays != 14 {
				t.Errorf("dates %+v", p.Dates)
			}
			if len(p.Cards) != 1 || p.Cards[0].Points != 1200 || p.Cards[0].Expires.String() != "2027-12-31" {
				t.Errorf("cards %+v", p.Cards)
			}
			if len(p.Gifts) != 1 || p.Gifts[0].ForDate != "d1" {
				t.Errorf("gifts %+v", p.Gifts)
			}
			if p.HomeStore != "Shanghai IFC" || p.Counter != "Maison shoes" {
				t.Errorf("store %q counter %q", p.HomeStore, p.Counter)
			}
			text, _, err := runLang(book, lang, "", "show", "王小明")
			if err != nil {
				t.Fatal(err)
			}
			heads := map[string][]string{
				"en": {"Sizes", "Likes", "Dislikes", "Measurements", "Dates", "Household", "Membership cards", "Gifts", "Maison shoes"},
				"zh": {"尺码", "喜欢", "不喜欢", "定制尺寸", "重要日子", "家人", "会员卡", "礼物", "Maison shoes"},
			}[lang]
			for _, h := range heads {
				if !strings.Contains(text, h) {
					t.Errorf("show lacks %q:\n%s", h, text)
				}
			}
		})
	}
}

// TestProfileSetFields: store and counter are fields of edit --set.
func TestProfileSetFields(t *testing.T) {
	var p profile.Profile
	for _, f := range []string{"store", "counter"} {
		if err := profile.Set(&p, f, "X", goldenNow()); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	if p.HomeStore != "X" || p.Counter != "X" {
		t.Errorf("%+v", p)
	}
}
