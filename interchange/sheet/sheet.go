// Package sheet reads the CSV files that shops, mail programs and
// spreadsheets export: the encoding is detected (see interchange/textenc),
// the delimiter too (comma, semicolon as European Excel writes, tab, or a
// vertical bar), quoted fields keep their line breaks, and every row knows
// the line it starts on so that a report can point at it.
//
// It knows the syntax only; which column is a name or a phone is decided by
// package interchange.
package sheet

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/vipbook/vipbook/interchange/textenc"
)

// ErrEmpty is returned when the file has no header row.
var ErrEmpty = errors.New("the file is empty")

// Table is a CSV file read whole.
type Table struct {
	Encoding string // as named by textenc: UTF-8, UTF-8 with BOM, GB18030 ...
	// Confidence is how sure the encoding is (textenc.Detection): 1 when
	// named or certain.
	Confidence float64
	Delimiter  rune
	Header     []string // the first row, cells trimmed
	Rows       []Row    // the rows after the header that have any text
}

// Row is one record of the file.
type Row struct {
	Line  int      // the line the record starts on, 1-based
	Cells []string // as many as the header has; missing cells are ""
	Extra []string // cells beyond the header's width, if any
}

// Get returns cell i of the row, or "".
func (r *Row) Get(i int) string {
	if i >= 0 && i < len(r.Cells) {
		return r.Cells[i]
	}
	return ""
}

// DelimiterName names a delimiter for people: "comma", "semicolon", "tab".
func DelimiterName(d rune) string {
	switch d {
	case ',':
		return "comma"
	case ';':
		return "semicolon"
	case '\t':
		return "tab"
	case '|':
		return "vertical bar"
	}
	return fmt.Sprintf("%q", d)
}

// Options tune ReadWith.
type Options struct {
	// Encoding names the file's charset (a WHATWG label: "Shift_JIS",
	// "GBK", "windows-1252", "UTF-16LE"); "" detects it.
	Encoding string
	// NoHeader reads the first row as a record: the columns are named
	// "column 1", "column 2", ... (for --map FIELD=NUMBER).
	NoHeader bool
}

// Read decodes and parses a whole CSV file. It fails with the line of the
// first record it cannot parse (nothing of a broken file is half read),
// with textenc.ErrBinary for a file that is not text, and with ErrEmpty for
// a file without a header.
func Read(data []byte) (*Table, error) { return ReadWith(data, Options{}) }

// ReadWith is Read with the encoding named or the header row absent.
func ReadWith(data []byte, o Options) (*Table, error) {
	var text string
	var d textenc.Detection
	var err error
	if o.Encoding != "" {
		text, err = textenc.DecodeNamed(data, o.Encoding)
		d = textenc.Detection{Name: o.Encoding, Confidence: 1}
	} else {
		text, d, err = textenc.DecodeDetect(data)
	}
	if err != nil {
		return nil, err
	}
	t := &Table{Encoding: d.Name, Confidence: d.Confidence, Delimiter: detectDelimiter(text)}
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = t.Delimiter
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err // a *csv.ParseError, with its line
		}
		line, _ := r.FieldPos(0)
		if t.Header == nil && o.NoHeader && !blank(rec) {
			t.Header = make([]string, len(rec))
			for i := range rec {
				t.Header[i] = fmt.Sprintf("column %d", i+1)
			}
		}
		if t.Header == nil {
			if blank(rec) {
				continue
			}
			t.Header = make([]string, len(rec))
			for i, h := range rec {
				t.Header[i] = strings.TrimSpace(h)
			}
			continue
		}
		if blank(rec) {
			continue
		}
		row := Row{Line: line, Cells: make([]string, len(t.Header))}
		copy(row.Cells, rec)
		if len(rec) > len(t.Header) {
			row.Extra = append([]string(nil), rec[len(t.Header):]...)
			if blank(row.Extra) {
				row.Extra = nil
			}
		}
		t.Rows = append(t.Rows, row)
	}
	if t.Header == nil {
		return nil, ErrEmpty
	}
	return t, nil
}

func blank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// detectDelimiter picks the delimiter of the header: the candidate that
// occurs most often outside quotes on the first line with text, comma on a
// tie or when there is none (a one-column file).
func detectDelimiter(text string) rune {
	line := firstRecord(text)
	best, bestN := ',', 0
	for _, d := range []rune{',', ';', '\t', '|'} {
		n := 0
		inQuote := false
		for _, c := range line {
			switch {
			case c == '"':
				inQuote = !inQuote
			case c == d && !inQuote:
				n++
			}
		}
		if n > bestN {
			best, bestN = d, n
		}
	}
	return best
}

// firstRecord returns the first non-blank line of text, extended across
// line breaks inside quotes.
func firstRecord(text string) string {
	for len(text) > 0 {
		end := 0
		inQuote := false
		for end < len(text) {
			c := text[end]
			if c == '"' {
				inQuote = !inQuote
			} else if (c == '\n' || c == '\r') && !inQuote {
				break
			}
			end++
		}
		if line := text[:end]; strings.TrimSpace(line) != "" {
			return line
		}
		if end >= len(text) {
			break
		}
		text = text[end+1:]
	}
	return ""
}
