// Package vcard reads vCard files as phones and mail programs really write
// them, and writes vCard 3.0.
//
// The reader is tolerant where real files are sloppy and strict where a
// guess would change data. It takes vCard 2.1, 3.0 and 4.0 alike: folded
// lines (a space or tab continues a line), QUOTED-PRINTABLE values with
// soft line breaks (which may split a UTF-8 character in two: bytes are
// joined before they are decoded), CHARSET parameters (GBK, Latin-1, ...)
// and no CHARSET at all on bytes that are not UTF-8 (guessed by
// interchange/textenc), bare 2.1 parameters (TEL;CELL;PREF), lowercase
// names, item groups (item1.X-ABDATE with item1.X-ABLabel), quoted
// parameter values holding colons, and 2.1 base64 photos that end with a
// blank line. What it cannot read it reports as a Problem with the line it
// is on, and goes on with the next card: a card not ended before the next
// BEGIN, lines outside any card, a file that ends inside a card.
//
// github.com/emersion/go-vcard is strict about exactly these things, so it is
// used only to write (see Write).
//
// The package knows the syntax only; what a property means to the book is
// decided by package interchange.
package vcard

import (
	"bytes"
	"fmt"
	"github.com/vipbook/vipbook/i18n"
	"strings"
	"unicode/utf8"

	"github.com/vipbook/vipbook/interchange/textenc"
)

// Property is one content line of a card, its value decoded to UTF-8 text
// (quoted-printable and charset undone) but not unescaped: the escapes of
// text values (\n, \,) and the structure of compound values (N, ADR) are
// read with Text, Fields and List.
type Property struct {
	Group string // "item1" in item1.X-ABDATE, or ""
	Name  string // upper case: TEL, X-ABDATE
	// params are the parameters (Param, Types, HasType) as pairs of an
	// upper-case key and a value, in the order written: KEY, value, KEY,
	// value ...; TYPE=a,b is two TYPE pairs; a bare 2.1 parameter is a
	// TYPE (or ENCODING) value. A card of ten properties with parameters
	// made ten maps.
	params []string
	Value  string
	Line   int // the line the property starts on, 1-based
	// Guessed is true when the value's charset was guessed: it named none
	// (or one no registry knows) and its bytes are not UTF-8.
	Guessed bool
}

// Param returns the first value of a parameter, or "".
func (p *Property) Param(name string) string {
	for i := 0; i+1 < len(p.params); i += 2 {
		if p.params[i] == name {
			return p.params[i+1]
		}
	}
	return ""
}

// typeValues calls fn with each TYPE value.
func (p *Property) typeValues(fn func(v string) bool) {
	for i := 0; i+1 < len(p.params); i += 2 {
		if p.params[i] == "TYPE" && !fn(p.params[i+1]) {
			return
		}
	}
}

// Types returns the TYPE parameter values in lower case ("cell", "pref").
func (p *Property) Types() []string {
	var out []string
	p.typeValues(func(v string) bool {
		for _, t := range strings.Split(v, ",") {
			if t = strings.ToLower(strings.TrimSpace(t)); t != "" {
				out = append(out, t)
			}
		}
		return true
	})
	return out
}

// HasType reports whether the property has the TYPE t (case-insensitive).
func (p *Property) HasType(t string) bool {
	has := false
	p.typeValues(func(v string) bool {
		for len(v) > 0 {
			one, rest, _ := strings.Cut(v, ",")
			if strings.EqualFold(strings.TrimSpace(one), t) {
				has = true
				return false
			}
			v = rest
		}
		return true
	})
	return has
}

// Card is one contact: BEGIN:VCARD to END:VCARD.
type Card struct {
	Version string // "2.1", "3.0", "4.0" or "" when the card has none
	Props   []Property
	Line    int // the BEGIN line
}

// Get returns the first property named name, or nil.
func (c *Card) Get(name string) *Property {
	for i := range c.Props {
		if c.Props[i].Name == name {
			return &c.Props[i]
		}
	}
	return nil
}

// All returns every property named name.
func (c *Card) All(name string) []*Property {
	var out []*Property
	for i := range c.Props {
		if c.Props[i].Name == name {
			out = append(out, &c.Props[i])
		}
	}
	return out
}

// Label returns the X-ABLabel of the property's item group ("Anniversary"
// for _$!<Anniversary>!$_), or "" when it has none.
func (c *Card) Label(p *Property) string {
	if p.Group == "" {
		return ""
	}
	for i := range c.Props {
		q := &c.Props[i]
		if q.Group != "" && strings.EqualFold(q.Group, p.Group) && q.Name == "X-ABLABEL" {
			l := Text(q.Value)
			l = strings.TrimPrefix(l, "_$!<")
			return strings.TrimSuffix(l, ">!$_")
		}
	}
	return ""
}

// Problem is something in the file the reader could not take, with its line.
type Problem struct {
	Line int
	Code i18n.Key // what (one of the i18n.Import keys), worded by i18n.Catalog.ImportNote
	Args []any    // its facts
}

func (p Problem) Error() string {
	return fmt.Sprintf("line %d: %s", p.Line, i18n.New("en").ImportNote(p.Code, p.Args...))
}

// physLine is one line of the file as written, without its line break.
type physLine struct {
	text []byte
	no   int
}

// splitLines cuts b at LF (dropping the CRs before it: iPhones have written CR CR LF). A lone CR is kept
// inside the line (Thunderbird writes one inside values), unless the file
// has no LF at all, as files of the old Mac OS had.
func splitLines(b []byte) []physLine {
	eol := byte('\n')
	if bytes.IndexByte(b, '\n') < 0 {
		eol = '\r'
	}
	out := make([]physLine, 0, bytes.Count(b, []byte{eol})+1)
	no := 1
	for len(b) > 0 {
		i := bytes.IndexByte(b, eol)
		if i < 0 {
			out = append(out, physLine{bytes.TrimRight(b, "\r"), no})
			break
		}
		out = append(out, physLine{bytes.TrimRight(b[:i], "\r"), no})
		no++
		b = b[i+1:]
	}
	return out
}

// Read parses every card in data. Cards that could not be read whole are
// left out and reported as problems; Read never fails on content. A file in
// UTF-16 is decoded first; otherwise values are decoded one by one, by their
// CHARSET or by guessing, so a file mixing charsets still reads.
func Read(data []byte) ([]Card, []Problem) { return ReadCharset(data, "") }

// ReadCharset is Read with the charset of values that name none given
// (a person's --encoding) instead of guessed; a value's own CHARSET still
// rules it.
func ReadCharset(data []byte, charset string) ([]Card, []Problem) {
	if cs := strings.ToLower(charset); strings.HasPrefix(cs, "utf-16") {
		s, err := textenc.DecodeNamed(data, charset)
		if err != nil {
			return nil, []Problem{{1, i18n.ImportNotCharsetText, []any{charset}}}
		}
		data, charset = []byte(s), ""
	}
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) ||
		bytes.IndexByte(data[:min(len(data), 4096)], 0) >= 0 {
		s, _, err := textenc.Decode(data)
		if err != nil {
			return nil, []Problem{{1, i18n.ImportNotText, nil}}
		}
		data = []byte(s)
	}
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	guess := ""
	if charset == "" && !utf8.Valid(data) {
		guess = textenc.Detect(data).Name
	}
	lines := splitLines(data)
	var (
		cards    []Card
		problems []Problem
		cur      *Card
		props    []Property // the properties of the card being read
		block    []Property // where the cards' properties are kept, cut from blocks of propBlock
		skipB64  bool       // inside a 2.1 base64 value that runs until a blank line
		outside  int        // first line of a run of content outside any card
	)
	flushOutside := func() {
		if outside > 0 {
			problems = append(problems, Problem{outside, i18n.ImportTextOutsideCard, nil})
			outside = 0
		}
	}
	for i := 0; i < len(lines); i++ {
		ln := lines[i]
		raw := ln.text
		if len(bytes.TrimSpace(raw)) == 0 {
			skipB64 = false
			continue
		}
		if skipB64 {
			if raw[0] == ' ' || raw[0] == '\t' || bytes.IndexByte(raw, ':') < 0 {
				continue
			}
			skipB64 = false
		}
		// A photo, a logo, a sound or a key is never imported, and a value
		// over ValueLimit is no contact's: both are passed over where they
		// lie in the file, never copied (a 50 MB line took 328 MB).
		if name, size, end := measure(lines, i); cur != nil && (binaryProp(name) || size > ValueLimit) {
			if !binaryProp(name) {
				problems = append(problems, Problem{ln.no, i18n.ImportValueTooLong, []any{strings.ToUpper(string(name)), (size + 1023) >> 10, ValueLimit >> 10}})
			}
			head := bytes.ToUpper(raw[:min(len(raw), 200)])
			if cur.Version == "2.1" && (bytes.Contains(head, []byte("BASE64")) || bytes.Contains(head, []byte("ENCODING=B"))) {
				skipB64 = true
			}
			i = end
			continue
		}
		// Join folded lines: a line starting with a space or tab continues
		// the one before (the fold and one blank go).
		// (parseLine copies what it keeps: a line not folded is read
		// where it lies.)
		logical := raw
		folded := func() bool {
			return i+1 < len(lines) && len(lines[i+1].text) > 0 && (lines[i+1].text[0] == ' ' || lines[i+1].text[0] == '\t')
		}
		if folded() {
			logical = append([]byte(nil), raw...)
			for folded() {
				i++
				logical = append(logical, lines[i].text[1:]...)
			}
		}
		p, ok := parseLine(logical)
		if !ok {
			if cur == nil {
				if outside == 0 {
					outside = ln.no
				}
				continue
			}
			if cur.hasBase64() {
				continue // 2.1 base64 without folding blanks
			}
			problems = append(problems, Problem{ln.no, i18n.ImportNotProperty, []any{clip(logical)}})
			continue
		}
		p.Line = ln.no
		// A quoted-printable value ending in "=" (a soft break) continues on
		// the next line, whose leading blanks are part of the text.
		qp := isQP(&p)
		if qp {
			for strings.HasSuffix(p.Value, "=") && i+1 < len(lines) && !isBoundary(lines[i+1].text) {
				i++
				p.Value = p.Value[:len(p.Value)-1] + string(lines[i].text)
			}
		}
		switch {
		case p.Name == "BEGIN" && strings.EqualFold(strings.TrimSpace(p.Value), "VCARD"):
			flushOutside()
			if cur != nil {
				problems = append(problems, Problem{cur.Line, i18n.ImportCardNotEnded, []any{ln.no}})
			}
			cur = &Card{Line: ln.no, Props: props[:0]}
			continue
		case p.Name == "END" && strings.EqualFold(strings.TrimSpace(p.Value), "VCARD"):
			if cur == nil {
				if outside == 0 {
					outside = ln.no
				}
				continue
			}
			flushOutside()
			// The card's properties were gathered in props, reused from
			// card to card: it keeps them in a slice of their number.
			props = cur.Props[:0]
			if len(block)+len(cur.Props) > cap(block) {
				block = make([]Property, 0, max(propBlock, len(cur.Props)))
			}
			start := len(block)
			block = append(block, cur.Props...)
			cur.Props = block[start:len(block):len(block)]
			cards = append(cards, *cur)
			cur = nil
			continue
		}
		if cur == nil {
			if outside == 0 {
				outside = ln.no
			}
			continue
		}
		decodeValue(&p, qp, charset, guess)
		if p.Name == "VERSION" {
			cur.Version = strings.TrimSpace(p.Value)
		}
		if enc := strings.ToUpper(p.Param("ENCODING")); (enc == "BASE64" || enc == "B") && cur.Version == "2.1" {
			skipB64 = true
		}
		cur.Props = append(cur.Props, p)
	}
	flushOutside()
	if cur != nil {
		problems = append(problems, Problem{cur.Line, i18n.ImportFileEndsInsideCard, nil})
	}
	return cards, problems
}

// propBlock is how many properties ReadCharset keeps in one allocation,
// cut into the cards' (some 150 cards' of 25 properties).
const propBlock = 4096

// ValueLimit is the largest value a property may have, in bytes, folded
// lines joined: larger ones are left out of the card and reported.
const ValueLimit = 1 << 20

// measure returns the name of the property starting at lines[i] (its
// group left out, as written), the size of its logical line (the folded
// lines after it joined) and the index of its last physical line, without
// copying it.
func measure(lines []physLine, i int) (name []byte, size, end int) {
	raw := lines[i].text
	head := raw[:min(len(raw), 100)]
	if j := bytes.IndexAny(head, ":;"); j >= 0 {
		head = head[:j]
	}
	if j := bytes.LastIndexByte(head, '.'); j >= 0 {
		head = head[j+1:]
	}
	size, end = len(raw), i
	for end+1 < len(lines) && len(lines[end+1].text) > 0 && (lines[end+1].text[0] == ' ' || lines[end+1].text[0] == '\t') {
		end++
		size += len(lines[end].text) - 1
	}
	return head, size, end
}

// binaryProp reports whether a property holds a file (a photo, a logo, a
// sound, a key; name in any case): vipbook imports none.
func binaryProp(name []byte) bool {
	switch len(name) {
	case 3:
		return bytes.EqualFold(name, []byte("KEY"))
	case 4:
		return bytes.EqualFold(name, []byte("LOGO"))
	case 5:
		return bytes.EqualFold(name, []byte("PHOTO")) || bytes.EqualFold(name, []byte("SOUND"))
	}
	return false
}

func (c *Card) hasBase64() bool {
	for i := range c.Props {
		if enc := strings.ToUpper(c.Props[i].Param("ENCODING")); enc == "BASE64" || enc == "B" {
			return true
		}
	}
	return false
}

// isBoundary reports whether a raw line is BEGIN:VCARD or END:VCARD, which
// a broken quoted-printable value must not swallow.
func isBoundary(b []byte) bool {
	s := strings.ToUpper(strings.TrimSpace(string(b)))
	return s == "END:VCARD" || s == "BEGIN:VCARD"
}

func clip(b []byte) string {
	s := string(b)
	if len(s) > 40 {
		s = s[:40] + "..."
	}
	return fmt.Sprintf("%q", s)
}

func isQP(p *Property) bool {
	if strings.EqualFold(p.Param("ENCODING"), "QUOTED-PRINTABLE") {
		return true
	}
	return p.HasType("quoted-printable")
}

// parseLine splits [group.]NAME *(;param) ":" value. It returns false for a
// line with no colon or no name.
func parseLine(b []byte) (Property, bool) {
	s := string(b)
	// The name ends at the first ';' or ':'; the value starts at the first
	// ':' that is not inside a quoted parameter value.
	nameEnd := strings.IndexAny(s, ";:")
	if nameEnd <= 0 {
		return Property{}, false
	}
	name := strings.TrimSpace(s[:nameEnd])
	var p Property
	if dot := strings.LastIndexByte(name, '.'); dot >= 0 {
		p.Group, name = name[:dot], name[dot+1:]
	}
	if name == "" || strings.ContainsAny(name, " \t\"") {
		return Property{}, false
	}
	p.Name = upperName(name)
	rest := s[nameEnd:]
	for len(rest) > 0 && rest[0] == ';' {
		rest = rest[1:]
		// One parameter: up to the next ';' or ':' outside quotes, the
		// quotes left out (copied only when there are any).
		inQuote, quoted := false, false
		j := 0
		for ; j < len(rest); j++ {
			c := rest[j]
			if c == '"' {
				inQuote, quoted = !inQuote, true
				continue
			}
			if !inQuote && (c == ';' || c == ':') {
				break
			}
		}
		param := rest[:j]
		if quoted {
			param = strings.ReplaceAll(param, "\"", "")
		}
		if p.params == nil {
			p.params = make([]string, 0, 4) // two parameters (most lines have one)
		}
		p.params = addParam(p.params, param)
		rest = rest[j:]
	}
	if len(rest) == 0 || rest[0] != ':' {
		return Property{}, false
	}
	p.Value = rest[1:]
	return p, true
}

// upperName is strings.ToUpper(name), without a copy for the mixed-case
// names Apple writes on every labelled item (X-ABLabel: two a card of
// c10k.vcf).
func upperName(name string) string {
	switch name {
	case "X-ABLabel":
		return "X-ABLABEL"
	case "X-ABShowAs":
		return "X-ABSHOWAS"
	}
	return strings.ToUpper(name)
}

// addParam adds KEY=v1,v2 or a bare 2.1 value (CELL, QUOTED-PRINTABLE,
// BASE64, CHARSET-less) to params.
func addParam(params []string, s string) []string {
	s = strings.TrimSpace(s)
	if s == "" {
		return params
	}
	key, val, ok := strings.Cut(s, "=")
	if !ok {
		switch u := strings.ToUpper(s); u {
		case "QUOTED-PRINTABLE", "BASE64", "8BIT", "7BIT", "B":
			return append(params, "ENCODING", u)
		default:
			return append(params, "TYPE", s)
		}
	}
	key = strings.ToUpper(strings.TrimSpace(key))
	val = caretDecode(val)
	if key == "TYPE" {
		for {
			one, rest, more := strings.Cut(val, ",")
			params = append(params, key, one)
			if !more {
				return params
			}
			val = rest
		}
	}
	return append(params, key, val)
}

// caretDecode undoes RFC 6868's escapes in a parameter value: ^n is a
// line break, ^' a double quote, ^^ a caret; a caret before anything else
// stays.
func caretDecode(v string) string {
	if !strings.Contains(v, "^") {
		return v
	}
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		if v[i] == '^' && i+1 < len(v) {
			switch v[i+1] {
			case 'n', 'N':
				b.WriteByte('\n')
				i++
				continue
			case '\'':
				b.WriteByte('"')
				i++
				continue
			case '^':
				b.WriteByte('^')
				i++
				continue
			}
		}
		b.WriteByte(v[i])
	}
	return b.String()
}

// decodeValue undoes quoted-printable (qp: isQP(p)) and the charset of a
// value: its CHARSET, else the file's charset when one was named, else
// UTF-8, else guess (the encoding textenc.Detect found for the whole
// file). A CHARSET no registry knows is guessed like none.
func decodeValue(p *Property, qp bool, fileCharset, guess string) {
	if !qp && fileCharset == "" && p.Param("CHARSET") == "" && utf8.ValidString(p.Value) {
		return // UTF-8 as it is (most values): kept, not copied twice
	}
	raw := []byte(p.Value)
	if qp {
		raw = decodeQP(raw)
	}
	if p.Param("CHARSET") == "" && fileCharset != "" {
		if s, err := textenc.DecodeNamed(raw, fileCharset); err == nil {
			p.Value = s
			return
		}
	}
	if cs := p.Param("CHARSET"); cs != "" {
		if s, err := textenc.DecodeAs(raw, cs); err == nil {
			p.Value = s
			return
		}
	}
	if isUTF8(raw) {
		p.Value = string(raw)
		return
	}
	// No charset, or one no registry knows, on bytes that are not UTF-8:
	// the file's guess (a whole file tells more than one name does).
	p.Guessed = true
	if guess != "" {
		if s, err := textenc.DecodeNamed(raw, guess); err == nil {
			p.Value = s
			return
		}
	}
	if s, err := textenc.DecodeAs(raw, ""); err == nil {
		p.Value = s
		return
	}
	p.Value = strings.ToValidUTF8(string(raw), "\uFFFD")
}

// decodeQP decodes quoted-printable bytes (soft breaks already joined).
// A "=" not followed by two hex digits is kept as it is.
func decodeQP(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] == '=' && i+2 < len(b) {
			if h, ok := unhex(b[i+1]); ok {
				if l, ok := unhex(b[i+2]); ok {
					out = append(out, h<<4|l)
					i += 2
					continue
				}
			}
		}
		out = append(out, b[i])
	}
	return out
}

func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}
