package interchange

import (
	"crypto/sha1"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/interchange/vcard"
	"github.com/vipbook/vipbook/merge"
	"github.com/vipbook/vipbook/profile"
)

// TestAddNoteOnce holds addNote, which compares a new note's text with
// the record's notes without working out the key of each, to sameNote:
// the same text (line breaks and blanks around it as textKey reads them)
// on the same day, or on a day one of the two does not say, is one note.
func TestAddNoteOnce(t *testing.T) {
	day1 := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	day2 := day1.AddDate(0, 0, 1)
	have := []NoteIn{
		{Text: " likes navy\r\nsize M "},
		{Text: "called", At: day1},
		{Text: "short"},
		{Text: detailsHead + "\r\nAddress: 1 Main St\r\n"},
	}
	for _, c := range []struct {
		n     NoteIn
		added bool
	}{
		{NoteIn{Text: "likes navy\nsize M"}, false},
		{NoteIn{Text: "  likes navy\r\nsize M\n"}, false},
		{NoteIn{Text: "likes navy\nsize M", At: day2}, false}, // the one held says no day
		{NoteIn{Text: "likes navy size M"}, true},
		{NoteIn{Text: "called", At: day1.Add(time.Hour)}, false},
		{NoteIn{Text: "called", At: day2}, true},
		{NoteIn{Text: "called"}, false},
		{NoteIn{Text: "shor"}, true},
		{NoteIn{Text: "shortly"}, true},
		{NoteIn{Text: " short\r\n"}, false},
		{NoteIn{Text: detailsHead + "\nAddress: 1 Main St"}, false},
		{NoteIn{Text: " \r\n "}, false},
	} {
		r := Record{Notes: append([]NoteIn(nil), have...)}
		r.addNote(c.n)
		if added := len(r.Notes) > len(have); added != c.added {
			t.Errorf("addNote(%q at %v): added %v, want %v", c.n.Text, c.n.At, added, c.added)
		}
		// As sameNote has it.
		if old := textKey(c.n.Text) != "" && !slices.ContainsFunc(have, func(h NoteIn) bool { return sameNote(h, c.n) }); old != c.added {
			t.Errorf("%q: sameNote says added %v", c.n.Text, old)
		}
	}
}

// TestRecordKeys: the keys a record is matched by, its numbers' keys read
// once (Record.keys), are merge.KeysOfProfile's, for the book's calling
// code and another, on files whose numbers are read in other regions
// than the book's (a card's own country, --region) and kept as written
// when not valid there.
func TestRecordKeys(t *testing.T) {
	files, _ := filepath.Glob("../testdata/fixtures/vcf/*.vcf")
	mixed := []byte("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nADR;TYPE=HOME:;;;New York;;;US\r\n" +
		"TEL;TYPE=CELL:137-9978-0006\r\nTEL;TYPE=HOME:+86 139 1234 5678\r\nTEL:(212) 555-0134\r\nTEL:12 34\r\nEND:VCARD\r\n" +
		"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nTEL:13799780006\r\nTEL:020 7946 0958\r\nEND:VCARD\r\n")
	n := 0
	for _, f := range append(files, "mixed") {
		data := mixed
		if f != "mixed" {
			var err error
			if data, err = os.ReadFile(f); err != nil {
				t.Fatal(err)
			}
		}
		for _, region := range []string{"", "GB"} {
			src, err := Parse(filepath.Base(f), data, ParseOptions{CC: "86", Region: region})
			if err != nil {
				continue
			}
			for i := range src.Records {
				r := &src.Records[i]
				for _, cc := range []string{"86", "1", "86"} {
					n += len(r.Profile.Phones)
					if got, want := r.keys(cc), merge.KeysOfProfile(&r.Profile, cc); !reflect.DeepEqual(got, want) {
						t.Errorf("%s line %d, +%s: keys %+v, KeysOfProfile %+v", f, r.Line, cc, got, want)
					}
				}
			}
		}
	}
	if n < 100 {
		t.Errorf("only %d numbers", n)
	}
}

// fill sets every field v reaches: strings to text JSON escapes most,
// numbers to their longest, slices to two elements, times to the
// longest RFC 3339 JSON writes.
func fill(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		v.SetString("\x00<>&\u2028é\xff\"\\ 王")
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(-1 << (v.Type().Bits() - 1))
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem())
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		fill(v.Index(0))
		fill(v.Index(1))
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[time.Time]() {
			v.Set(reflect.ValueOf(time.Date(9999, 12, 31, 23, 59, 59, 123456789, time.FixedZone("", -(23*3600+59*60)))))
			return
		}
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i))
			}
		}
	}
}

// TestJSONBound: jsonBound is a bound of what json.Marshal writes for
// profiles with every field filled with what takes most room, and for
// every record of the vCard fixtures; and it bounds a profile (none of
// its fields is a map or a marshaller it does not know).
func TestJSONBound(t *testing.T) {
	check := func(what string, p *profile.Profile) {
		t.Helper()
		raw, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		if b := jsonBound(p); b < len(raw) {
			t.Errorf("%s: bound %d, encoded %d bytes", what, b, len(raw))
		}
	}
	var full profile.Profile
	fill(reflect.ValueOf(&full).Elem())
	check("every field", &full)
	check("none", &profile.Profile{})
	files, _ := filepath.Glob("../testdata/fixtures/vcf/*.vcf")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src, _ := Parse(f, data, ParseOptions{})
		for i := range src.Records {
			check(fmt.Sprintf("%s line %d", f, src.Records[i].Line), &src.Records[i].Profile)
		}
	}
}

// TestRecordOverTheLimitSkipped: a record whose profile takes more than
// profile.RecordLimit bytes encoded is skipped, one whose bound is over
// the limit but which encodes under it is kept (the bound only spares the
// encoding of records far under it).
func TestRecordOverTheLimitSkipped(t *testing.T) {
	tags := func(kib int) []string {
		var out []string
		for i := 0; i < kib; i++ {
			out = append(out, fmt.Sprintf("%04d", i)+strings.Repeat("x", 1020))
		}
		return out
	}
	for _, c := range []struct {
		kib  int
		over bool
	}{{250, false}, {258, true}, {4, false}} {
		r := Record{Profile: profile.Profile{Name: "Ann Lee", Tags: tags(c.kib)}}
		why := tooLong(&r)
		if (why.Code == i18n.ImportRecordTooLong) != c.over || !c.over && why.Code != "" {
			t.Errorf("%d KiB of tags: %+v, over the limit: %v", c.kib, why, c.over)
		}
	}
}

// TestClientUIDAsBefore: clientUID, written without fmt, is the UUID it
// was (a client's UID must stay the same at every export).
func TestClientUIDAsBefore(t *testing.T) {
	for _, id := range []string{"", "000b6j", "3p7h3p", "王", strings.Repeat("x", 48), strings.Repeat("y", 200)} {
		h := sha1.Sum(append(uidSpace[:], id...))
		h[6] = h[6]&0x0f | 0x50
		h[8] = h[8]&0x3f | 0x80
		want := fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
		if got := clientUID(id); got != want {
			t.Errorf("clientUID(%q) = %s, want %s", id, got, want)
		}
	}
}

// TestCardViewFinds: a cardView finds every property vcard.Card finds,
// for each name of the fixtures' cards and each name fromVCard asks for.
func TestCardViewFinds(t *testing.T) {
	files, _ := filepath.Glob("../testdata/fixtures/vcf/*.vcf")
	asked := []string{"", "ADR", "N", "FN", "TEL", "EMAIL", "NOTE", "X-ABDATE", "X-ABLABEL", "RELATED", "X-ABRELATEDNAMES", "BDAY", "ANNIVERSARY",
		"X-ANNIVERSARY", "X-MS-ANNIVERSARY", "X-EVOLUTION-ANNIVERSARY", "X-ALTBDAY", "X-WECHAT", "IMPP", "CATEGORIES", "UID", "REV", "KIND",
		propReferredBy, propConsent, propSize, propLike, propDislike, "X-VIPBOOK-DO-NOT-CONTACT", "X-ANDROID-CUSTOM", "NICKNAME"}
	n := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		cards, _ := vcard.Read(data)
		for i := range cards {
			c := &cards[i]
			names := slices.Clone(asked)
			for _, p := range c.Props {
				names = append(names, p.Name)
			}
			v := viewOf(c)
			for _, name := range names {
				if got, want := v.All(name), c.All(name); !slices.Equal(got, want) || v.Get(name) != c.Get(name) {
					t.Errorf("%s line %d, %s: %d properties, want %d", f, c.Line, name, len(got), len(want))
				}
				n += len(c.All(name))
			}
		}
	}
	if n < 500 {
		t.Errorf("only %d properties found", n)
	}
}

// TestParseSameOnEveryCore: cards read into records on several
// goroutines give the records, skips and warnings of one goroutine, in
// the file's order: a file of 3,000 cards among which company cards,
// nameless ones, duplicates and controls.
func TestParseSameOnEveryCore(t *testing.T) {
	var b strings.Builder
	b.Write(manyVCards(2000))
	for i := 0; i < 1000; i++ {
		switch i % 5 {
		case 0:
			fmt.Fprintf(&b, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Shop %d\r\nORG:Shop %d\r\nX-ABShowAs:COMPANY\r\nEND:VCARD\r\n", i, i)
		case 1:
			fmt.Fprintf(&b, "BEGIN:VCARD\r\nVERSION:3.0\r\nEMAIL:x%d@example.com\r\nEND:VCARD\r\n", i)
		case 2:
			fmt.Fprintf(&b, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann \x1b[31mLee %d\r\nTEL:+86 139 0000 %04d\r\nNOTE:a\\nb\x07\r\nEND:VCARD\r\n", i, i)
		default:
			fmt.Fprintf(&b, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bo Chen\r\nTEL:+86 139 0000 %04d\r\nADR:;;;Tokyo;;;JP\r\nTEL:03-1234-%04d\r\nEND:VCARD\r\n", i%7, i)
		}
	}
	data := []byte(b.String())
	parse := func(procs int) *Source {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		src, err := Parse("mixed.vcf", data, ParseOptions{CC: "86"})
		if err != nil {
			t.Fatal(err)
		}
		return src
	}
	one, four := parse(1), parse(4)
	if len(one.Records) < 2000 || len(one.Skipped) < 400 || len(one.Warnings) < 100 {
		t.Fatalf("%d records, %d skipped, %d warnings", len(one.Records), len(one.Skipped), len(one.Warnings))
	}
	if !reflect.DeepEqual(one, four) {
		t.Error("four goroutines read the file otherwise than one")
	}
}
