package vcard

import (
	"bufio"
	"bytes"
	"io"
	"unicode/utf8"

	govcard "github.com/emersion/go-vcard"
)

// Writer writes cards with github.com/emersion/go-vcard, which escapes
// values (a comma inside a category stays one category), and folds lines
// longer than 75 octets without splitting a UTF-8 character, as RFC 2426
// asks. Lines end with CRLF.
type Writer struct {
	w   *bufio.Writer
	buf bytes.Buffer
}

// NewWriter returns a Writer to w; call Flush when done.
func NewWriter(w io.Writer) *Writer { return &Writer{w: bufio.NewWriter(w)} }

// Write writes one card; it must have a VERSION field.
func (w *Writer) Write(c govcard.Card) error {
	w.buf.Reset()
	if err := govcard.NewEncoder(&w.buf).Encode(c); err != nil {
		return err
	}
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
