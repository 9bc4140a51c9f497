package interchange

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/vipbook/vipbook/i18n"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/vipbook/vipbook/interchange/sheet"
	"github.com/vipbook/vipbook/interchange/textenc"
	"github.com/vipbook/vipbook/interchange/vcard"
	"github.com/vipbook/vipbook/merge"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
)

// The formats Parse reads.
const (
	FormatVCard = "vCard"
	FormatCSV   = "CSV"
)

// Source is a file read into records, before the book is looked at.
type Source struct {
	Name     string `json:"file"`
	Format   string `json:"format"`
	Encoding string `json:"encoding,omitempty"`
	// Confidence is how sure the guess of the encoding is, 0 to 1 (1 when
	// named with --encoding or certain: a byte-order mark, valid UTF-8).
	Confidence float64   `json:"encoding_confidence,omitempty"`
	Delimiter  string    `json:"delimiter,omitempty"`
	Mapping    *Mapping  `json:"mapping,omitempty"` // CSV only
	Records    []Record  `json:"-"`
	Skipped    []Skip    `json:"skipped,omitempty"`
	Warnings   []Warning `json:"warnings,omitempty"`
	// PhoneRegions say in which regions numbers without a country code
	// were read, when any was read in another than the book's.
	PhoneRegions []PhoneRegion `json:"phone_regions,omitempty"`
}

// ParseOptions tune Parse.
type ParseOptions struct {
	Map       []string // --map FIELD=COLUMN, CSV only
	DateOrder string   // "dmy", "mdy" or "" to detect (CSV only)
	CC        string   // the book's calling code, to compare phones
	Encoding  string   // --encoding: the file's charset, not guessed ("" guesses)
	NoHeader  bool     // --no-header: a CSV's first row is a record (CSV only)
	// Region is the file's country (--region; an ISO code as Region reads
	// it): numbers without a country code are read as its numbers, unless
	// a record says its own country. "" reads them in the book's country.
	Region string
}

// EncodingUnsure reports whether the encoding of the file was guessed with
// too little confidence (below textenc.Sure) to write what it decodes to:
// an import asks for --encoding instead.
func (src *Source) EncodingUnsure() bool {
	return src.Encoding != "" && src.Confidence < textenc.Sure
}

// Parse reads a contact file: vCard when it holds BEGIN:VCARD or is named
// .vcf, CSV otherwise. Records of the file that are the same contact (a
// shared phone or e-mail) are merged into one; records that cannot be
// clients are skipped with their reason and line. It fails with
// ErrNotContacts for a file that is no contact list, and with ErrNoRecords
// (naming the problems) when nothing in it can be imported.
func Parse(name string, data []byte, o ParseOptions) (*Source, error) {
	if o.CC == "" {
		o.CC = profile.DefaultCountryCode
	}
	src := &Source{Name: filepath.Base(name)}
	file := bookRegion(o.CC)
	if o.Region != "" {
		r, ok := Region(o.Region)
		if !ok {
			return nil, refuse(ErrBadRegion, i18n.ImportErrBadRegion, o.Region)
		}
		file = phoneRegion{cc: profile.CallingCodeOf(r), region: r, from: RegionFromFlag}
	}
	if o.Encoding != "" {
		if _, err := textenc.DecodeNamed(nil, o.Encoding); err != nil {
			return nil, refuse(ErrBadEncoding, i18n.CliInterchangeBadEncoding, o.Encoding)
		}
	}
	head := data[:min(len(data), 64<<10)]
	if text, _, err := textenc.Decode(head); err == nil {
		head = []byte(strings.ToUpper(text))
	} else {
		head = bytes.ToUpper(head)
	}
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return nil, refuse(ErrNotContacts, i18n.ImportErrWorkbook, src.Name)
	case bytes.Contains(head, []byte("BEGIN:VCALENDAR")) || ext == ".ics":
		return nil, refuse(ErrNotContacts, i18n.ImportErrCalendar, src.Name)
	case IsExportJSON(data):
		return nil, refuse(ErrNotContacts, i18n.ImportErrOwnJSON, src.Name)
	case ext == ".json" || len(bytes.TrimSpace(head)) > 0 && bytes.TrimSpace(head)[0] == '[' && bytes.Contains(head, []byte(`"VCARD"`)):
		return nil, refuse(ErrJCard, i18n.CliInterchangeJCard, src.Name)
	case bytes.Contains(head, []byte("BEGIN:VCARD")) || ext == ".vcf" || ext == ".vcard":
		src.Format = FormatVCard
		src.Encoding, src.Confidence = o.Encoding, 1
		cards, problems := vcard.ReadCharset(data, o.Encoding)
		// Values that say their charset need no guess; the confidence is
		// that of the guess the others were read with.
		if o.Encoding == "" && slices.ContainsFunc(cards, func(c vcard.Card) bool {
			return slices.ContainsFunc(c.Props, func(p vcard.Property) bool { return p.Guessed })
		}) {
			d := textenc.Detect(bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF}))
			src.Encoding, src.Confidence = d.Name, d.Confidence
		}
		for _, p := range problems {
			src.Skipped = append(src.Skipped, newSkip(p.Line, "", Msg{p.Code, p.Args}))
		}
		// Each card is read into its slot of the records, on every core
		// (each card is read alone); then the cards that are no record
		// are reported and their slots closed up, in the file's order.
		src.Records = make([]Record, len(cards))
		whys := make([]Msg, len(cards))
		inParallel(len(cards), func(i int) {
			whys[i] = fromVCard(&src.Records[i], &cards[i], file)
		})
		n := 0
		for i := range cards {
			r := &src.Records[i]
			if whys[i].Code != "" {
				src.Skipped = append(src.Skipped, newSkip(r.Line, r.name(), whys[i]))
				*r = Record{}
				continue
			}
			if n != i {
				src.Records[n], *r = *r, Record{}
			}
			n++
		}
		src.Records = src.Records[:n]
	default:
		src.Format = FormatCSV
		t, err := sheet.ReadWith(data, sheet.Options{Encoding: o.Encoding, NoHeader: o.NoHeader})
		switch {
		case errors.Is(err, textenc.ErrBinary):
			return nil, refuse(ErrNotContacts, i18n.ImportErrBinary, src.Name)
		case errors.Is(err, sheet.ErrEmpty):
			return nil, refuse(ErrNoRecords, i18n.ImportErrEmpty, src.Name)
		case err != nil:
			line := 0
			if pe := (*csv.ParseError)(nil); errors.As(err, &pe) {
				line = pe.StartLine
			}
			return nil, &Error{Key: i18n.ImportErrBadCSV, Args: []any{src.Name, line}, Err: err}
		}
		src.Encoding, src.Confidence, src.Delimiter = t.Encoding, t.Confidence, sheet.DelimiterName(t.Delimiter)
		m, err := DetectMapping(t, o.Map, o.DateOrder)
		if err != nil {
			return nil, err
		}
		src.Mapping = &m
		if !slices.ContainsFunc(m.Columns, func(c Column) bool {
			return c.Field == FieldName || c.Field == FieldGiven || c.Field == FieldFamily || c.Field == FieldLatinName
		}) {
			return nil, refuse(ErrNoRecords, i18n.ImportErrNoNameColumn, src.Name, strings.Join(t.Header, ", "))
		}
		src.Records = make([]Record, 0, len(t.Rows))
		for i := range t.Rows {
			src.Records = append(src.Records, fromRow(t, &t.Rows[i], &m, file))
		}
	}
	inParallel(len(src.Records), func(i int) { src.Records[i].showControls() })
	src.PhoneRegions = phoneRegions(src.Records)
	src.skipTooLong()
	src.dedupe(o.CC)
	if len(src.Records) == 0 {
		if len(src.Skipped) == 0 {
			return src, refuse(ErrNoRecords, i18n.ImportErrEmpty, src.Name)
		}
		return src, refuse(ErrNoRecords, i18n.ImportErrNoRecords, src.Name, len(src.Skipped))
	}
	return src, nil
}

// inParallel calls fn(i) for every i below n, on as many goroutines as
// there are cores for a long run (fn of different i must touch different
// things), and returns when every call has.
func inParallel(n int, fn func(i int)) {
	const chunk = 256
	workers := min(runtime.GOMAXPROCS(0), (n+chunk-1)/chunk)
	if workers < 2 {
		for i := range n {
			fn(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				lo := int(next.Add(chunk)) - chunk
				if lo >= n {
					return
				}
				for i := lo; i < min(lo+chunk, n); i++ {
					fn(i)
				}
			}
		})
	}
	wg.Wait()
}

// dedupe merges the records of the file that are one contact as
// merge.Index matches them strictly (a shared phone or e-mail under names
// that agree, a name with the same birthday: the same person exported
// twice, Shopify's extra rows for more addresses), then skips those left
// without a name or not valid.
func (src *Source) dedupe(cc string) {
	// Each record's numbers keyed first, on every core (a number kept as
	// written is read by libphonenumber for its key): what follows is in
	// the file's order.
	inParallel(len(src.Records), func(i int) {
		r := &src.Records[i]
		for _, ph := range r.Profile.Phones {
			r.phoneKey(ph.Number, cc)
		}
	})
	ix := merge.NewIndexFor(len(src.Records))
	ix.Strict = true
	// The records kept are gathered where they lie (a record is a
	// kilobyte: 10k of them were copied into a second slice, and copied
	// again at each step of the loops); out[k] is written only once
	// src.Records[k] has been read.
	out := src.Records[:0]
	for i := range src.Records {
		r := &src.Records[i]
		keys := r.keys(cc)
		m, ok := ix.Match("", keys)
		for i, a := range m.Apart {
			if slices.ContainsFunc(m.Apart[:i], func(b merge.Shared) bool { return b.Key == a.Key }) {
				continue // one warning for each shared key
			}
			o := &out[atoi(a.ID)]
			r.warn(i18n.ImportSharesKeyInFile, a, o.Line, o.name())
		}
		target := len(out)
		if ok {
			target = atoi(m.ID)
			t := &out[target]
			prefer := merge.PreferBook
			if r.Rev.After(t.Rev) {
				prefer = merge.PreferIncoming
			}
			merge.Profiles(&t.Profile, &r.Profile, merge.Options{Prefer: prefer,
				Source: fmt.Sprintf("import %s line %d", src.Name, r.Line), BookCC: cc, IncomingCC: cc})
			var ns []NoteIn
			for _, n := range r.Notes {
				if rest, ok := strings.CutPrefix(n.Text, detailsHead+"\n"); ok {
					for _, line := range strings.Split(rest, "\n") {
						t.addDetail(line)
					}
					continue
				}
				ns = append(ns, n)
			}
			t.Notes = append(t.Notes, newNotes(t.Notes, ns)...)
			t.Lines = append(t.Lines, r.Line)
			t.Warns = append(t.Warns, r.Warns...)
			if r.Rev.After(t.Rev) {
				t.Rev = r.Rev
			}
			t.phoneKeys = append(t.phoneKeys, r.phoneKeys...) // of the numbers it took from r
			keys = t.keys(cc)
		} else {
			out = append(out, *r) // its keys are r's
		}
		ix.Add(strconv.Itoa(target), keys)
	}
	clear(src.Records[len(out):])
	src.Records = out[:0]
	for i := range out {
		r := &out[i]
		r.Profile.MigrateFamily() // a member's birthday on the member and in their date, as the book keeps it
		switch err := r.Profile.Validate(); {
		case errors.Is(err, profile.ErrNoName):
			var phone string
			if len(r.Profile.Phones) > 0 {
				phone = r.Profile.Phones[0].Number
			}
			why := noName(r.Profile.Email, phone)
			src.Skipped = append(src.Skipped, newSkip(r.Line, r.name(), why))
			continue
		case err != nil:
			src.Skipped = append(src.Skipped, newSkip(r.Line, r.name(), msg(i18n.ImportInvalid, err)))
			continue
		}
		for _, w := range r.Warns {
			src.Warnings = append(src.Warnings, newWarning(r.Line, r.name(), w))
		}
		src.Records = append(src.Records, *r)
	}
	clear(src.Records[len(src.Records):len(out)])
	sortSkips(src.Skipped)
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

func sortSkips(s []Skip) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j].Line < s[j-1].Line; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// skipTooLong skips the records over the book's limits (a name over
// profile.NameLimit characters, a note over notes.TextLimit bytes, a
// profile over profile.RecordLimit bytes encoded): a file with a 50 MB
// field is not a contact, and every later read of the book would carry it.
// The report names the record by the start of its name.
func (src *Source) skipTooLong() {
	whys := make([]Msg, len(src.Records))
	inParallel(len(src.Records), func(i int) { whys[i] = tooLong(&src.Records[i]) })
	kept := 0
	for i := range src.Records {
		r := &src.Records[i] // not copied: a record is large
		why := whys[i]
		if why.Code == "" {
			if kept != i {
				src.Records[kept] = *r
			}
			kept++
			continue
		}
		name := r.name()
		if utf8.RuneCountInString(name) > 40 {
			name = string([]rune(name)[:40]) + "..."
		}
		src.Skipped = append(src.Skipped, newSkip(r.Line, name, why))
	}
	clear(src.Records[kept:])
	src.Records = src.Records[:kept]
}

// tooLong says why r is over the limits; the zero Msg when it is not.
func tooLong(r *Record) Msg {
	if _, c := r.Profile.TooLongName(); c > 0 {
		return msg(i18n.ImportNameTooLong, c, profile.NameLimit)
	}
	for _, n := range r.Notes {
		if len(n.Text) > notes.TextLimit {
			return msg(i18n.ImportNoteTooLong, (len(n.Text)+1023)>>10, notes.TextLimit>>10)
		}
	}
	// Encoded only when its bound says it may be over the limit (a
	// record with several KB of text; 10k vCards' records have none).
	if b := jsonBound(&r.Profile); b >= 0 && b <= profile.RecordLimit {
		return Msg{}
	}
	if raw, err := json.Marshal(&r.Profile); err == nil && len(raw) > profile.RecordLimit {
		return msg(i18n.ImportRecordTooLong, (len(raw)+1023)>>10, profile.RecordLimit>>10)
	}
	return Msg{}
}
