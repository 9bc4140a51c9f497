package vcard

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/vipbook/vipbook/i18n"
)

// TestBinaryPropsAnyCase: a photo, a logo, a sound or a key is passed
// over whatever the case of its name (measure no longer makes an
// upper-case copy of each line's name), a property merely starting so is
// read, and a value over the limit is reported by its name in upper case.
func TestBinaryPropsAnyCase(t *testing.T) {
	long := strings.Repeat("x", ValueLimit+1)
	data := []byte("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nphoto;encoding=b:QUJD\r\nitem2.Logo:QUJD\r\nsound:QUJD\r\nKey:QUJD\r\n" +
		"KEYS:kept\r\nX-PHOTOS:kept\r\nnote:" + long + "\r\nEND:VCARD\r\n")
	cards, problems := Read(data)
	if len(cards) != 1 {
		t.Fatalf("%d cards, %v", len(cards), problems)
	}
	var names []string
	for _, p := range cards[0].Props {
		names = append(names, p.Name)
	}
	if got := strings.Join(names, " "); got != "VERSION FN KEYS X-PHOTOS" {
		t.Errorf("properties read: %s", got)
	}
	if len(problems) != 1 || problems[0].Code != i18n.ImportValueTooLong || problems[0].Args[0] != "NOTE" {
		t.Errorf("problems %+v, want the note over the limit, named NOTE", problems)
	}
}

// TestValuesDecodedOnce: a UTF-8 value without a charset is kept as
// read; one with a charset, quoted-printable or not UTF-8 is decoded as
// before.
func TestValuesDecodedOnce(t *testing.T) {
	data := []byte("BEGIN:VCARD\r\nVERSION:2.1\r\nFN:王小明\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E7=8E=8B;=E5=B0=8F=E6=98=8E\r\n" +
		"NOTE;CHARSET=GBK:\xc4\xe3\xba\xc3\r\nTITLE:caf\xe9\r\nORG;QUOTED-PRINTABLE:A=3DB\r\nEND:VCARD\r\n")
	cards, problems := Read(data)
	if len(cards) != 1 || len(problems) != 0 {
		t.Fatalf("%d cards, %v", len(cards), problems)
	}
	c := &cards[0]
	for name, want := range map[string]string{"FN": "王小明", "N": "王;小明", "NOTE": "你好", "ORG": "A=B"} {
		if p := c.Get(name); p == nil || p.Value != want || p.Guessed {
			t.Errorf("%s = %+v, want %q", name, p, want)
		}
	}
	if p := c.Get("TITLE"); p == nil || !p.Guessed || !utf8.ValidString(p.Value) {
		t.Errorf("TITLE, not UTF-8 and of no charset: %+v, want its charset guessed", p)
	}
}

// TestParamsAsPairs: parameters kept as key and value pairs answer as
// the map of their keys did: a key's first value, every TYPE value in
// the order written (TYPE=a,b two of them, a bare 2.1 parameter one, a
// value with commas that is no TYPE whole), ENCODING for a bare
// encoding, keys in any case.
func TestParamsAsPairs(t *testing.T) {
	p, ok := parseLine([]byte(`item1.tel;TYPE=cell,Pref;type=HOME;X-A="x,y";x-a=z;quoted-printable;CELL,VOICE;LABEL=a^nb:1`))
	if !ok {
		t.Fatal("not read")
	}
	if p.Group != "item1" || p.Name != "TEL" || p.Value != "1" {
		t.Errorf("%+v", p)
	}
	for key, want := range map[string]string{"TYPE": "cell", "X-A": "x,y", "ENCODING": "QUOTED-PRINTABLE", "LABEL": "a\nb", "X-B": ""} {
		if got := p.Param(key); got != want {
			t.Errorf("Param(%s) = %q, want %q", key, got, want)
		}
	}
	if got := strings.Join(p.Types(), " "); got != "cell pref home cell voice" {
		t.Errorf("Types() = %s", got)
	}
	for ty, want := range map[string]bool{"VOICE": true, "pref": true, "home": true, "fax": false, "cell,voice": false} {
		if p.HasType(ty) != want {
			t.Errorf("HasType(%s) = %v", ty, !want)
		}
	}
	if !isQP(&p) {
		t.Error("a bare QUOTED-PRINTABLE is the encoding")
	}
}

// textByBytes is Text as it was: byte by byte.
func textByBytes(v string) string {
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		if v[i] == '\\' && i+1 < len(v) {
			switch v[i+1] {
			case 'n', 'N':
				b.WriteByte('\n')
				i++
				continue
			case ',', ';', ':', '"', '\'', '\\':
				b.WriteByte(v[i+1])
				i++
				continue
			}
		}
		b.WriteByte(v[i])
	}
	return b.String()
}

// TestTextAsBefore: Text, which copies the text between backslashes
// whole, unescapes as reading byte by byte did, over strings of escapes,
// backslashes before other characters and at the end, and text.
func TestTextAsBefore(t *testing.T) {
	pieces := []string{`\`, `\\`, `\n`, `\N`, `\,`, `\;`, `\:`, `\"`, `\'`, `\x`, `\t`, "a", "王", ",", " ", "\n"}
	r := rand.New(rand.NewSource(2))
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		for k := r.Intn(8); k >= 0; k-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		if got, want := Text(b.String()), textByBytes(b.String()); got != want {
			t.Fatalf("Text(%q) = %q, want %q", b.String(), got, want)
		}
	}
}

// TestUpperName: upperName is strings.ToUpper.
func TestUpperName(t *testing.T) {
	for _, n := range []string{"X-ABLabel", "X-ABShowAs", "x-ablabel", "TEL", "tel", "X-ABLABEL", "X-ABLabeL", ""} {
		if got := upperName(n); got != strings.ToUpper(n) {
			t.Errorf("upperName(%q) = %q", n, got)
		}
	}
}
