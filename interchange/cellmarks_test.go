package interchange

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	govcard "github.com/emersion/go-vcard"

	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// marksBook is fullBook with every text of the first client's profile
// holding the marks the multi-value cells are cut at (; ； , ( ) [ ] : 、
// and a backslash), and two notes holding lines "---" and "\---".
func marksBook(t *testing.T) (*store.Book, []string) {
	t.Helper()
	b, ids := fullBook(t)
	err := b.Update(func(tx *store.Tx) error {
		if err := tx.UpdateClientWith(ids[0], func(p *profile.Profile) error {
			p.Sizes[1].Value, p.Sizes[1].System, p.Sizes[1].Note = "8 1/2", "US (men)", "narrow; left, foot (high arch)"
			p.Sizes[2].Category = "dress: evening"
			p.Preferences[0].Value, p.Preferences[0].Note = "loafers; penny, brown (suede)", `a\b [x]: y`
			p.Preferences[1].Value = `navy\; dark`
			p.Preferences[2].Value = "gold、rose: shiny"
			p.Dislikes = []string{"crowded; weekends: Sat, Sun", `back\slash`}
			p.Measurements[2].Name, p.Measurements[2].Value, p.Measurements[2].Unit = "ring: inner", "17,3", "mm (EU)"
			p.Household[1].Name = "Lily; Jr. (小宝)"
			p.Dates[3].For = "Lily; Jr. (小宝)"
			p.Dates[4].Label = "first date; Paris, (rain): 雨"
			p.Cards[0].Program, p.Cards[0].Number, p.Cards[0].Level = "Maison; Paris", "VIP 8800,123", "gold; plus"
			p.Gifts[0].What = `silk scarf; blue [hand-rolled], \ 丝巾：蓝；`
			p.Tags = []string{"VIP; A", "shoes, bags", "鞋、包"}
			p.Hobbies = []string{"golf; tennis", "opera (Verdi)"}
			p.GiftPrefs = []string{"flowers: white, no lilies"}
			p.MadeToOrder[0].Item, p.MadeToOrder[0].Spec, p.MadeToOrder[0].Notes = "suit: navy", "chest 98; sleeve 62", "half canvas (light), made"
			return nil
		}); err != nil {
			return err
		}
		for i, text := range []string{"first\n---\nstill the first", "second\n\\---\nand \\\\--- too"} {
			at := testNow.Add(time.Duration(i-2) * time.Hour)
			if err := tx.AddNote(&notes.Note{ClientID: ids[0], Kind: notes.Kind("general"), Text: text, At: at}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b, ids
}

// TestCellMarksRoundTrip: texts holding the marks a multi-value CSV cell
// is cut at come back exactly through CSV (the backslash rule of
// profilecells.go), and notes holding a line "---" come back whole.
func TestCellMarksRoundTrip(t *testing.T) {
	b, ids := marksBook(t)
	ex := collect(t, b, ids)
	for _, format := range []string{"csv", "vcf"} {
		t.Run(format, func(t *testing.T) { marksRoundTrip(t, b, ex, ids, format) })
	}
}

func marksRoundTrip(t *testing.T, b *store.Book, ex *Export, ids []string, format string) {
	file, got := exportImport(t, ex, format, false)
	wants := []string{`loafers\; penny\, brown \(suede\)`, `navy\\\; dark`, `VIP\; A; shoes\, bags; 鞋\、包`,
		`8\ 1/2 US \(men\)`, "\\---"}
	if format == "vcf" {
		wants = []string{`X-VIPBOOK-GIFT:g1;silk scarf\; blue [hand-rolled]\, \\ 丝巾：蓝；;2025-08-01;d1`,
			`X-VIPBOOK-LIKE:style;loafers\; penny\, brown (suede);a\\b [x]: y;2025-04-04`}
	}
	for _, want := range wants {
		if !strings.Contains(strings.ReplaceAll(string(file), "\r\n ", ""), want) {
			t.Errorf("the file lacks %s:\n%s", want, file)
		}
	}
	for i := range ex.Clients {
		w, g := ex.Clients[i].Profile, got.Clients[i].Profile
		w.Household = slices.Clone(w.Household)
		for j, m := range w.Household {
			if m.ClientID == ids[1] {
				w.Household[j].ClientID = got.Clients[1].Profile.ID
			}
		}
		if w.ReferredBy == ids[1] {
			w.ReferredBy = got.Clients[1].Profile.ID
		}
		if a, b := entered(w, nil), entered(g, nil); a != b {
			t.Errorf("%s: the imported profile differs:\n%s", w.Name, fieldDiff(a, b))
		}
	}
	var texts []string
	for _, n := range got.Clients[0].Notes {
		texts = append(texts, n.Text)
	}
	want := []string{"first\n---\nstill the first", "second\n\\---\nand \\\\--- too"}
	if !slices.Equal(texts, want) {
		t.Errorf("notes %q, want %q", texts, want)
	}
	pl, err := importFile(t, b, "again."+format, file, ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(pl.New) != 0 || len(pl.Merged) != 0 {
		t.Errorf("importing the export into its book adds %+v, changes %+v", pl.New, pl.Merged)
	}
}

// TestCellsOfOlderExports: a cell written by vipbook before the backslash
// rule (";" written ",", no backslashes but the gifts' "\;") reads as it
// did.
func TestCellsOfOlderExports(t *testing.T) {
	data := []byte("id,name,phones,likes,tags,gifts,hobbies\n" +
		`c1,王芳,138 0013 8000,"colour: navy, dark; style: C:\new (a\b)","VIP; shoes, bags","2025-08-01: silk scarf\; blue [g1]","golf, tennis"` + "\n")
	src, err := Parse("old.csv", data, ParseOptions{CC: "86"})
	if err != nil {
		t.Fatal(err)
	}
	p := src.Records[0].Profile
	if len(p.Preferences) != 2 || p.Preferences[0].Value != "navy, dark" || p.Preferences[1].Value != `C:\new` || p.Preferences[1].Note != `a\b` {
		t.Errorf("likes %+v", p.Preferences)
	}
	if !slices.Equal(p.Tags, []string{"VIP", "shoes, bags"}) || !slices.Equal(p.Hobbies, []string{"golf, tennis"}) {
		t.Errorf("tags %q hobbies %q", p.Tags, p.Hobbies)
	}
	if len(p.Gifts) != 1 || p.Gifts[0].What != "silk scarf; blue" || p.Gifts[0].ID != "g1" {
		t.Errorf("gifts %+v", p.Gifts)
	}
}

// TestVCardMarksByTheRFC reads the vCard of marksBook's client as bytes
// and with another parser (github.com/emersion/go-vcard's decoder): a
// semicolon inside a field of an X-VIPBOOK- entry is written "\;" (RFC
// 6350 3.4), so the entry keeps its fields; a date's label and whose it
// is (a household member's own birthday: X-VIPBOOK-FOR) go in quoted
// parameter values (RFC 6350 5) whole, marks and all.
func TestVCardMarksByTheRFC(t *testing.T) {
	b, ids := marksBook(t)
	var buf bytes.Buffer
	if err := WriteVCard(&buf, collect(t, b, ids[:1])); err != nil {
		t.Fatal(err)
	}
	unfolded := strings.ReplaceAll(buf.String(), "\r\n ", "")
	for _, want := range []string{
		"X-VIPBOOK-GIFT:g1;silk scarf\\; blue [hand-rolled]\\, \\\\ 丝巾：蓝；;2025-08-01;d1\r\n",
		"X-VIPBOOK-CARD:Maison\\; Paris;VIP 8800\\,123;gold\\; plus;1200;2027-12-31\r\n",
		`X-VIPBOOK-FOR="Lily; Jr. (小宝)"`,
		`LABEL="first date; Paris, (rain): 雨"`,
	} {
		if !strings.Contains(unfolded, want) {
			t.Errorf("the card lacks %q:\n%s", want, unfolded)
		}
	}
	card, err := govcard.NewDecoder(bytes.NewReader(buf.Bytes())).Decode()
	if err != nil {
		t.Fatal(err)
	}
	gift := card.Get("X-VIPBOOK-GIFT")
	if gift == nil || !strings.HasPrefix(gift.Value, `g1;silk scarf\; blue [hand-rolled], \ 丝巾：蓝；;`) {
		t.Errorf("go-vcard reads the gift %+v", gift)
	}
	var forNames []string
	var label string
	for _, f := range append(card["X-VIPBOOK-LUNAR-DATE"], card["X-ABDATE"]...) {
		forNames = append(forNames, f.Params["X-VIPBOOK-FOR"]...)
		label += strings.Join(f.Params["LABEL"], ",") // go-vcard parts a quoted value at its commas
	}
	if !slices.Contains(forNames, "Lily; Jr. (小宝)") || label != "first date; Paris, (rain): 雨" {
		t.Errorf("go-vcard reads for %q, label %q", forNames, label)
	}
}
