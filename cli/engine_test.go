package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/store"
)

// messageBook is a small book: Anne Dubois (Ms, sails, likes navy) bought
// a cashmere coat and introduced 王小明 (m, photography).
func messageBook(t *testing.T) string {
	return rulesBook(t,
		step{"2026-10-01", add("Anne Dubois", "13800000002")},
		step{"2026-10-01", []string{"edit", "Anne Dubois", "--set", "honorific=Ms", "--set", "hobbies=sailing"}},
		step{"2026-10-02", []string{"buy", "Anne Dubois", "12800", "--items", "cashmere coat"}},
		step{"2026-11-10", add("王小明", "13800000001", "--referred-by", "Anne Dubois")},
		step{"2026-11-10", []string{"edit", "王小明", "--set", "gender=m", "--set", "hobbies=摄影"}},
	)
}

func TestGoldenMessage(t *testing.T) {
	book := messageBook(t)
	now := day("2026-11-24")
	for _, lang := range []string{"en", "zh"} {
		t.Run(lang, func(t *testing.T) {
			var b strings.Builder
			for _, c := range []struct{ client, kind string }{
				{"Anne Dubois", "birthday"}, {"Anne Dubois", "thank_you"}, {"Anne Dubois", "referral_thanks"}, {"Anne Dubois", "season"},
				{"王小明", "welcome"}, {"王小明", "miss_you"}, {"王小明", "holiday"},
			} {
				out, errOut, err := runAt(book, now, "--lang", lang, "message", c.client, "--kind", c.kind)
				if err != nil {
					t.Fatalf("%s %s: %v %s", c.client, c.kind, err, errOut)
				}
				b.WriteString("$ vipbook message " + c.client + " --kind " + c.kind + "\n" + out + "\n")
			}
			golden.RequireEqual(t, b.String())
		})
	}
}

func TestMessageLog(t *testing.T) {
	book := messageBook(t)
	now := day("2026-11-24")
	out, errOut, err := runAt(book, now, "message", "王小明", "--kind", "miss_you", "--log")
	if err != nil {
		t.Fatal(err, errOut)
	}
	if !strings.Contains(errOut, "Logged as a message note on 王小明") || strings.Contains(out, "Logged") {
		t.Errorf("the confirmation belongs on stderr, the message alone on stdout:\n%s\n%s", out, errOut)
	}
	b, err := store.Open(book, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	_ = b.View(func(tx *store.Tx) error {
		id := tx.FindByPhone("13800000001")[0]
		ns, _ := tx.Notes(id)
		if len(ns) != 1 || ns[0].Kind != "message" || !strings.HasPrefix(ns[0].Text, "[miss_you] Dear Mr 王") && !strings.HasPrefix(ns[0].Text, "[miss_you] Dear 王小明") {
			t.Errorf("notes %+v", ns)
		}
		s, _ := tx.Summary(id)
		if s.LastContact != civil.MustParse("2026-11-24") {
			t.Errorf("the keep-in-touch clock was not reset: last contact %s", s.LastContact)
		}
		return nil
	})
}

func TestMessageDoNotContact(t *testing.T) {
	book := messageBook(t)
	now := day("2026-11-24")
	if _, errOut, err := runAt(book, day("2026-11-20"), "edit", "王小明", "--set", "do_not_contact=true"); err != nil {
		t.Fatal(err, errOut)
	}
	for _, lang := range []string{"en", "zh"} {
		out, _, err := runAt(book, now, "--lang", lang, "message", "王小明", "--kind", "birthday", "--log")
		want := "asked not to be contacted"
		if lang == "zh" {
			want = "已要求不再联系"
		}
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "2026-11-20") || out != "" {
			t.Errorf("%s: out %q, err %v: want a refusal saying %q", lang, out, err, want)
		}
	}
	b, err := store.Open(book, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	_ = b.View(func(tx *store.Tx) error {
		if ns, _ := tx.Notes(tx.FindByPhone("13800000001")[0]); len(ns) != 0 {
			t.Errorf("a refused message was logged: %+v", ns)
		}
		return nil
	})
}

func TestMessageTemplateOverride(t *testing.T) {
	book := messageBook(t)
	dir := filepath.Join(os.Getenv("XDG_CONFIG_HOME"), "vipbook", "messages")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "birthday.zh.tmpl"), []byte("亲爱的{{.Salutation}}，生日快乐！——{{.Associate}}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out, _, err := runAt(book, day("2026-11-24"), "--lang", "zh", "message", "王小明", "--kind", "birthday")
	if err != nil || out != "亲爱的王先生，生日快乐！——Li Na\n" {
		t.Errorf("override: %q %v", out, err)
	}
	if err := os.WriteFile(filepath.Join(dir, "birthday.en.tmpl"), []byte("Dear {{.Nickname}}"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, _, err = runAt(book, day("2026-11-24"), "message", "王小明", "--kind", "birthday")
	if err == nil || !strings.Contains(err.Error(), "birthday.en.tmpl") {
		t.Errorf("a bad template: err = %v, want one naming the file", err)
	}
}

func TestMessageUsage(t *testing.T) {
	book := messageBook(t)
	for _, args := range [][]string{{"message", "王小明"}, {"message", "王小明", "--kind", "promo"}} {
		_, _, err := runAt(book, day("2026-11-24"), args...)
		if err == nil || !strings.Contains(err.Error(), "miss_you") {
			t.Errorf("%v: err = %v, want the list of kinds", args, err)
		}
	}
}
