package vcard

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	govcard "github.com/emersion/go-vcard"
)

// Writer writes cards of github.com/emersion/go-vcard's model, in its
// order (VERSION first, then the properties by name), and folds lines
// longer than 75 octets without splitting a UTF-8 character, as RFC 2426
// asks. Lines end with CRLF.
//
// A value is escaped as RFC 6350 3.4 says of text: a backslash is
// written "\\", a line break "\n", a comma "\,"; a semicolon inside a
// field of a compound value (made with Component) is written "\;", so
// that it stays in its field. A parameter value holding ; : , or a
// double quote is quoted, with RFC 6868's ^' ^n ^^ for a quote, a line
// break and a caret.
type Writer struct {
	w   *bufio.Writer
	buf bytes.Buffer
}

// componentSemi stands for a semicolon inside a field of a compound
// value until the value is written: a noncharacter, never in text.
const componentSemi = '\uFDEF'

// Component makes s a field of a compound value (N, ADR, or the fields
// of an X- property joined with ";"): its semicolons are written "\;".
func Component(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ';':
			return componentSemi
		case componentSemi:
			return -1
		}
		return r
	}, s)
}

// NewWriter returns a Writer to w; call Flush when done.
func NewWriter(w io.Writer) *Writer { return &Writer{w: bufio.NewWriter(w)} }

// Write writes one card; it must have a VERSION field.
func (w *Writer) Write(c govcard.Card) error {
	version := c.Get(govcard.FieldVersion)
	if version == nil {
		return errors.New("vcard: VERSION field missing")
	}
	w.buf.Reset()
	w.buf.WriteString("BEGIN:VCARD\r\n")
	writeLine(&w.buf, govcard.FieldVersion, version)
	keys := make([]string, 0, len(c))
	for k := range c {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if strings.EqualFold(k, govcard.FieldVersion) {
			continue
		}
		for _, f := range c[k] {
			writeLine(&w.buf, k, f)
		}
	}
	w.buf.WriteString("END:VCARD\r\n")
	for _, line := range bytes.SplitAfter(w.buf.Bytes(), []byte("\r\n")) {
		if len(line) == 0 {
			continue
		}
		if err := fold(w.w, bytes.TrimSuffix(line, []byte("\r\n"))); err != nil {
			return err
		}
	}
	return nil
}

// writeLine writes one property: [GROUP.]NAME;PARAM=V:VALUE and CRLF,
// the parameters by name.
func writeLine(b *bytes.Buffer, name string, f *govcard.Field) {
	if f.Group != "" {
		b.WriteString(f.Group)
		b.WriteByte('.')
	}
	b.WriteString(name)
	keys := make([]string, 0, len(f.Params))
	for k := range f.Params {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		for _, v := range f.Params[k] {
			b.WriteByte(';')
			b.WriteString(k)
			b.WriteByte('=')
			b.WriteString(paramValue(v))
		}
	}
	b.WriteByte(':')
	b.WriteString(valueText(f.Value))
	b.WriteString("\r\n")
}

// valueText escapes a value (RFC 6350 3.4).
func valueText(v string) string {
	if !strings.ContainsAny(v, "\\\n,"+string(componentSemi)) {
		return v
	}
	return strings.NewReplacer(`\`, `\\`, "\n", `\n`, ",", `\,`, string(componentSemi), `\;`).Replace(v)
}

// paramValue writes a parameter value, quoted when it holds what would
// end it (RFC 6350 5, RFC 6868).
func paramValue(v string) string {
	if !strings.ContainsAny(v, ";:,\"\n^") {
		return v
	}
	return `"` + strings.NewReplacer("^", "^^", "\n", "^n", `"`, "^'").Replace(v) + `"`
}

// Flush writes what is buffered.
func (w *Writer) Flush() error { return w.w.Flush() }

// fold writes one content line, folded at 75 octets: each continuation
// starts with a space, and a break never falls inside a UTF-8 character.
func fold(w *bufio.Writer, line []byte) error {
	limit := 75
	for len(line) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		w.Write(line[:cut])
		w.WriteString("\r\n ")
		line = line[cut:]
		limit = 74 // the leading space counts
	}
	w.Write(line)
	_, err := w.WriteString("\r\n")
	return err
}
