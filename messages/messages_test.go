package messages

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/tasks"
)

func anne() *profile.Profile {
	return &profile.Profile{ID: "c1", Name: "Anne Dubois", Honorific: "Ms", Hobbies: []string{"sailing", "opera"},
		Preferences: []profile.Preference{{Kind: profile.PrefStyle, Value: "tailored"}, {Kind: profile.PrefColour, Value: "navy"}}}
}

func wang() *profile.Profile {
	return &profile.Profile{ID: "c2", Name: "王小明", LatinName: "Michael Wang", Gender: "m", Hobbies: []string{"摄影"},
		Preferences: []profile.Preference{{Kind: profile.PrefColour, Value: "藏青"}}}
}

var ctx = Context{Today: civil.New(2026, time.November, 24), Associate: "Li Na", Store: "Shanghai IFC", Items: "cashmere coat",
	Referred: "Chen Jie", Referrer: "王小明"}

// TestGolden renders every kind in both languages for two clients: the
// golden files are the built-in texts as a client reads them.
func TestGolden(t *testing.T) {
	s := Builtin()
	for _, lang := range Langs {
		t.Run(lang, func(t *testing.T) {
			var b strings.Builder
			for _, k := range Kinds {
				for _, p := range []*profile.Profile{anne(), wang()} {
					msg, err := s.Compose(p, k, lang, ctx)
					if err != nil {
						t.Fatal(err)
					}
					b.WriteString("== " + string(k) + " / " + p.Name + "\n" + msg + "\n\n")
				}
			}
			golden.RequireEqual(t, b.String())
		})
	}
}

// TestRules checks the domain's rules on every built-in template: no store
// news in wishes and weather care, no "what happened?" in a miss-you, the
// client addressed in every message.
func TestRules(t *testing.T) {
	forbidden := map[Kind][]string{
		Holiday:  {"new arrival", "collection", "sale", "discount", "offer", "新品", "新款", "折扣", "优惠", "促销", "活动"},
		Season:   {"new arrival", "collection", "sale", "discount", "offer", "新品", "新款", "折扣", "优惠", "促销", "活动"},
		Birthday: {"sale", "discount", "offer", "折扣", "优惠", "促销"},
		MissYou:  {"what happened", "wrong", "why", "unhappy", "怎么了", "为什么", "不满意", "出了什么"},
	}
	s := Builtin()
	for _, lang := range Langs {
		for _, k := range Kinds {
			for _, p := range []*profile.Profile{anne(), wang()} {
				msg, err := s.Compose(p, k, lang, Context{Today: ctx.Today})
				if err != nil {
					t.Fatal(err)
				}
				low := strings.ToLower(msg)
				for _, w := range forbidden[k] {
					if strings.Contains(low, w) {
						t.Errorf("%s.%s says %q:\n%s", k, lang, w, msg)
					}
				}
				if !strings.Contains(msg, Salutation(p, lang)) {
					t.Errorf("%s.%s does not address %s:\n%s", k, lang, p.Name, msg)
				}
				if strings.Contains(msg, "<no value>") || strings.Contains(msg, "{{") {
					t.Errorf("%s.%s left a hole:\n%s", k, lang, msg)
				}
			}
		}
	}
}

func TestSalutation(t *testing.T) {
	tests := []struct {
		p      profile.Profile
		en, zh string
	}{
		{profile.Profile{Name: "Anne Dubois", Honorific: "Ms"}, "Ms Dubois", "Dubois女士"},
		{profile.Profile{Name: "Anne Dubois"}, "Anne Dubois", "Anne Dubois"},
		{profile.Profile{Name: "Anne Dubois", Gender: "f"}, "Ms Dubois", "Dubois女士"},
		{profile.Profile{Name: "王小明", LatinName: "Michael Wang", Gender: "m"}, "Mr Wang", "王先生"},
		{profile.Profile{Name: "王小明", Honorific: "Mr."}, "王小明", "王先生"},
		{profile.Profile{Name: "王小明"}, "王小明", "王小明"},
		{profile.Profile{Name: "曾小凡", Honorific: "曾女士"}, "曾小凡", "曾女士"},
		{profile.Profile{Name: "曾小凡", LatinName: "Fanny Zeng", Honorific: "曾女士"}, "Ms Zeng", "曾女士"},
		{profile.Profile{Name: "欧阳娜娜", Gender: "f"}, "欧阳娜娜", "欧阳女士"},
		{profile.Profile{Name: "Kenji Sato", Honorific: "Dr"}, "Dr Sato", "Sato博士"},
	}
	for _, tt := range tests {
		if got := Salutation(&tt.p, "en"); got != tt.en {
			t.Errorf("%s %q en: %q, want %q", tt.p.Name, tt.p.Honorific, got, tt.en)
		}
		if got := Salutation(&tt.p, "zh"); got != tt.zh {
			t.Errorf("%s %q zh: %q, want %q", tt.p.Name, tt.p.Honorific, got, tt.zh)
		}
	}
}

func TestDoNotContact(t *testing.T) {
	p := anne()
	p.Consent.DoNotContact = true
	for _, k := range Kinds {
		if msg, err := Builtin().Compose(p, k, "en", ctx); !errors.Is(err, ErrDoNotContact) || msg != "" {
			t.Errorf("%s for a do-not-contact client: %q, %v", k, msg, err)
		}
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("birthday.zh.tmpl", "亲爱的{{.Salutation}}，生日快乐！{{.Sign}}\n")
	write("README.txt", "not a template")
	s, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := s.Compose(wang(), Birthday, "zh", ctx)
	if got != "亲爱的王先生，生日快乐！\n\n—— Shanghai IFC Li Na" {
		t.Errorf("override: %q", got)
	}
	if src := s.Source(Birthday, "zh"); src != filepath.Join(dir, "birthday.zh.tmpl") {
		t.Errorf("source %q", src)
	}
	if en, _ := s.Compose(wang(), Birthday, "en", ctx); !strings.HasPrefix(en, "Dear Mr Wang, happy birthday!") {
		t.Errorf("the English built-in was not kept: %q", en)
	}
	if s, err := Load(filepath.Join(dir, "missing")); err != nil || s == nil {
		t.Errorf("a missing directory: %v", err)
	}
	for name, text := range map[string]string{
		"birthday.en.tmpl": "Dear {{.Salutation",   // does not parse
		"holiday.en.tmpl":  "Dear {{.FirstName}}",  // no such field
		"birthdy.en.tmpl":  "misspelt kind",        // unknown name
		"season.fr.tmpl":   "Cher {{.Salutation}}", // no such language
	} {
		bad := t.TempDir()
		if err := os.WriteFile(filepath.Join(bad, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := Load(bad)
		if !errors.Is(err, ErrBadTemplate) || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: err = %v, want ErrBadTemplate naming the file", name, err)
		}
	}
}

func TestOccasion(t *testing.T) {
	// The coming week of 2026-12-20 holds Christmas.
	msg, _ := Builtin().Compose(anne(), Holiday, "en", Context{Today: civil.New(2026, time.December, 20)})
	if !strings.Contains(msg, "happy Christmas to you") {
		t.Errorf("%q", msg)
	}
	msg, _ = Builtin().Compose(wang(), Holiday, "zh", Context{Today: civil.New(2026, time.September, 20)})
	if !strings.Contains(msg, "中秋节快乐") {
		t.Errorf("%q", msg)
	}
	msg, _ = Builtin().Compose(wang(), Holiday, "zh", Context{Today: ctx.Today, Occasion: "春节"})
	if !strings.Contains(msg, "春节快乐") {
		t.Errorf("%q", msg)
	}
}

func TestForTask(t *testing.T) {
	for _, k := range tasks.Kinds {
		m, ok := ForTask(k)
		if ok {
			if _, err := ParseKind(string(m)); err != nil {
				t.Errorf("%s -> %s: %v", k, m, err)
			}
		}
	}
	if _, ok := ForTask(tasks.PersonalVisit); ok {
		t.Error("a personal visit is not a message")
	}
}

// TestThankYouDay: the thank-you thanks for "today" only when the purchase
// was made today; a thank-you sent late thanks for the other day.
func TestThankYouDay(t *testing.T) {
	set, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	p := &profile.Profile{Name: "王小明", Honorific: "王先生"}
	today := civil.MustParse("2026-11-24")
	ps := []profile.Purchase{{Date: today.AddDays(-5), Items: "navy suit"}, {Date: today.AddDays(-90), Items: "tie"}}
	for _, tt := range []struct {
		bought     civil.Date
		lang, want string
	}{
		{today, "en", "thank you for coming in today and for choosing the navy suit"},
		{today.AddDays(-5), "en", "thank you for coming in the other day and for choosing the navy suit"},
		{today, "zh", "感谢您今天的光临"},
		{today.AddDays(-5), "zh", "感谢您前些天的光临"},
	} {
		ps[0].Date = tt.bought
		c := Context{Today: today}.WithLastPurchase(ps)
		got, err := set.Compose(p, ThankYou, tt.lang, c)
		if err != nil || !strings.Contains(got, tt.want) {
			t.Errorf("bought %s (%s): %q, %v; want %q", tt.bought, tt.lang, got, err, tt.want)
		}
	}
}
