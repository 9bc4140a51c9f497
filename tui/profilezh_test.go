package tui

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// TestProfileZhHasNoInterfaceEnglish opens, in Chinese, the profiles of the
// demo book's clients with a work phone or a household (the labels the
// book keeps in English: mobile, work, spouse, child) and finds no word
// of Latin letters on them but the client's own data: "(mobile)" after a
// phone in the Chinese interface was English the associate had not typed.
func TestProfileZhHasNoInterfaceEnglish(t *testing.T) {
	book := openBook(t, demoBookPath(t))
	type client struct {
		p     *profile.Profile
		words map[string]bool // the words of the client's own data
	}
	var cs []client
	if err := book.View(func(tx *store.Tx) error {
		sums, err := tx.Summaries()
		if err != nil {
			return err
		}
		work, household := 0, 0
		for _, s := range sums {
			p, err := tx.Client(s.ID)
			if err != nil {
				return err
			}
			hasWork := len(p.Phones) > 1
			if !(hasWork && work < 3 || len(p.Household) > 0 && household < 3) {
				continue
			}
			if hasWork {
				work++
			}
			if len(p.Household) > 0 {
				household++
			}
			// The data's words: the labels and relations the book keeps
			// as keywords are not data the associate typed.
			data := *p
			data.Phones = append([]profile.Phone(nil), p.Phones...)
			for i := range data.Phones {
				data.Phones[i].Label = ""
			}
			data.Household = append([]profile.Member(nil), p.Household...)
			for i, m := range data.Household {
				if m.Name == m.Relation {
					data.Household[i].Name = ""
				}
				data.Household[i].Relation = ""
			}
			var raw []any
			ns, err := tx.Notes(s.ID)
			if err != nil {
				return err
			}
			ps, err := tx.Purchases(s.ID)
			if err != nil {
				return err
			}
			raw = append(raw, data, ns, ps)
			b, err := json.Marshal(raw)
			if err != nil {
				return err
			}
			var v any
			if err := json.Unmarshal(b, &v); err != nil {
				return err
			}
			words := map[string]bool{"cny": true} // the currency's code
			for _, w := range latinWords(strings.Join(jsonStrings(v), " ")) {
				words[w] = true
			}
			cs = append(cs, client{p, words})
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(cs) < 4 {
		t.Fatalf("the demo book has %d clients with a work phone or a household, want some", len(cs))
	}
	for _, cl := range cs {
		h := newHarness(t, book, "zh", 120, 40)
		h.keys("/")
		h.typeText(cl.p.Name)
		h.keys("enter")
		if h.m.scr != scrProfile || h.m.prof.id != cl.p.ID {
			t.Fatalf("searching %s does not open their profile:\n%s", cl.p.Name, h.view())
		}
		var lines []string // the whole profile: it may go below the fold
		for _, b := range h.m.prof.pane.blocks {
			lines = append(lines, b.lines...)
		}
		shown := ansi.Strip(strings.Join(lines, "\n"))
		for _, w := range latinWords(shown) {
			if !cl.words[w] {
				t.Errorf("%s's profile in Chinese shows %q, not the client's data:\n%s", cl.p.Name, w, shown)
			}
		}
		for _, want := range []string{"（手机）"} {
			if !strings.Contains(shown, want) {
				t.Errorf("%s's profile in Chinese lacks %s:\n%s", cl.p.Name, want, shown)
			}
		}
	}
}

var latinWord = regexp.MustCompile(`[A-Za-z]{2,}`)

// latinWords are the words of Latin letters of s, lowered.
func latinWords(s string) []string {
	ws := latinWord.FindAllString(s, -1)
	for i, w := range ws {
		ws[i] = strings.ToLower(w)
	}
	return ws
}

// jsonStrings are the string values in v, a decoded JSON value.
func jsonStrings(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, e := range v {
			out = append(out, jsonStrings(e)...)
		}
		return out
	case map[string]any:
		var out []string
		for _, e := range v {
			out = append(out, jsonStrings(e)...)
		}
		return out
	}
	return nil
}
