package handover

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"filippo.io/age"

	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/requests"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
	"github.com/vipbook/vipbook/visits"
)

// Format is the name every bundle's header carries.
const Format = "vipbook-handover"

// Version is the bundle format version this vipbook writes and reads.
const Version = 1

// Party is the associate a bundle comes from.
type Party struct {
	Associate string `json:"associate"`
	Store     string `json:"store,omitempty"`
}

// Header is the first record of a bundle.
type Header struct {
	Format      string    `json:"format"`
	Version     int       `json:"version"`
	ID          string    `json:"id"`
	From        Party     `json:"from"`
	To          string    `json:"to,omitempty"`
	Created     time.Time `json:"created"`
	Currency    string    `json:"currency,omitempty"`
	CountryCode string    `json:"country_code,omitempty"`
	Clients     int       `json:"clients"`
	Released    bool      `json:"released,omitempty"`
}

// Counts are the numbers of records of each type; the end record carries
// them.
type Counts struct {
	Clients      int `json:"clients"`
	Notes        int `json:"notes"`
	Purchases    int `json:"purchases"`
	Tasks        int `json:"tasks"`
	Appointments int `json:"appointments"`
	Requests     int `json:"requests"`
}

// Client is one client's records in a bundle.
type Client struct {
	Profile      profile.Profile
	Notes        []notes.Note
	Purchases    []profile.Purchase
	Tasks        []tasks.Task
	Appointments []visits.Appointment
	Requests     []requests.Request

	// noteJSON and purchaseJSON hold, beside Notes and Purchases, each
	// record's JSON when it is in the store's form (nil when not), which
	// an import stores as it is.
	noteJSON, purchaseJSON [][]byte
}

// Bundle is a decoded bundle.
type Bundle struct {
	Header  Header
	Clients []Client
}

// Counts counts the bundle's records.
func (b *Bundle) Counts() Counts {
	c := Counts{Clients: len(b.Clients)}
	for i := range b.Clients {
		cl := &b.Clients[i]
		c.Notes += len(cl.Notes)
		c.Purchases += len(cl.Purchases)
		c.Tasks += len(cl.Tasks)
		c.Appointments += len(cl.Appointments)
		c.Requests += len(cl.Requests)
	}
	return c
}

// record is one line of a bundle: exactly one member is set.
type record struct {
	Header      *Header             `json:"header,omitempty"`
	Client      *profile.Profile    `json:"client,omitempty"`
	Note        *notes.Note         `json:"note,omitempty"`
	Purchase    *profile.Purchase   `json:"purchase,omitempty"`
	Task        *tasks.Task         `json:"task,omitempty"`
	Appointment *visits.Appointment `json:"appointment,omitempty"`
	Request     *requests.Request   `json:"request,omitempty"`
	End         *Counts             `json:"end,omitempty"`
}

// Writer writes a bundle's plaintext record by record (JSON Lines, see the
// package doc), so an export streams the book into the bundle without
// holding it whole. The records of a client follow its Client call.
type Writer struct {
	bw     *bufio.Writer
	enc    *json.Encoder
	counts Counts
	client string
	closed bool
}

// NewWriter writes the header h (its Clients is the number of Client calls
// that will follow) and returns the writer of the rest.
func NewWriter(w io.Writer, h Header) (*Writer, error) {
	bw := bufio.NewWriterSize(w, 1<<16)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	h.Format, h.Version = Format, Version
	if err := enc.Encode(record{Header: &h}); err != nil {
		return nil, err
	}
	return &Writer{bw: bw, enc: enc}, nil
}

var errNoClient = errors.New("handover: a record written before its client")

// Client starts the records of client p.
func (w *Writer) Client(p *profile.Profile) error {
	w.client = p.ID
	w.counts.Clients++
	return w.enc.Encode(record{Client: p})
}

// clientJSON writes the client record line, already encoded as Client
// would encode it (record{Client: p}, HTML not escaped, ending in a newline).
func (w *Writer) clientJSON(id string, line []byte) error {
	w.client = id
	w.counts.Clients++
	_, err := w.bw.Write(line)
	return err
}

func (w *Writer) of(clientID string) error {
	if w.client == "" || clientID != w.client {
		return errNoClient
	}
	return nil
}

// Note writes a note of the current client.
func (w *Writer) Note(n *notes.Note) error {
	if err := w.of(n.ClientID); err != nil {
		return err
	}
	w.counts.Notes++
	return w.enc.Encode(record{Note: n})
}

// raw writes {"name":raw} with raw as stored (compact JSON of one object).
func (w *Writer) raw(name string, raw []byte) error {
	if w.client == "" {
		return errNoClient
	}
	w.bw.WriteString(`{"` + name + `":`)
	w.bw.Write(bytes.TrimSpace(raw))
	_, err := w.bw.WriteString("}\n")
	return err
}

// NoteJSON writes a note of the current client in the store's JSON form of
// notes.Note, as it is.
func (w *Writer) NoteJSON(raw []byte) error {
	w.counts.Notes++
	return w.raw("note", raw)
}

// Purchase writes a purchase of the current client.
func (w *Writer) Purchase(p *profile.Purchase) error {
	if err := w.of(p.ClientID); err != nil {
		return err
	}
	w.counts.Purchases++
	return w.enc.Encode(record{Purchase: p})
}

// PurchaseJSON writes a purchase of the current client in the store's JSON
// form of profile.Purchase, as it is.
func (w *Writer) PurchaseJSON(raw []byte) error {
	w.counts.Purchases++
	return w.raw("purchase", raw)
}

// Task writes an open task of the current client.
func (w *Writer) Task(t *tasks.Task) error {
	if err := w.of(t.ClientID); err != nil {
		return err
	}
	w.counts.Tasks++
	return w.enc.Encode(record{Task: t})
}

// Appointment writes an appointment of the current client.
func (w *Writer) Appointment(a *visits.Appointment) error {
	if err := w.of(a.ClientID); err != nil {
		return err
	}
	w.counts.Appointments++
	return w.enc.Encode(record{Appointment: a})
}

// Request writes a special request of the current client.
func (w *Writer) Request(r *requests.Request) error {
	if err := w.of(r.ClientID); err != nil {
		return err
	}
	w.counts.Requests++
	return w.enc.Encode(record{Request: r})
}

// Counts returns the records written so far.
func (w *Writer) Counts() Counts { return w.counts }

// Close writes the end record and flushes; it does not close the
// underlying writer.
func (w *Writer) Close() error {
	if w.closed {
		return nil
	}
	w.closed = true
	counts := w.counts
	if err := w.enc.Encode(record{End: &counts}); err != nil {
		return err
	}
	return w.bw.Flush()
}

// Encode writes the bundle's plaintext (JSON Lines, see the package doc).
func Encode(w io.Writer, b *Bundle) error {
	h := b.Header
	h.Clients = len(b.Clients)
	bw, err := NewWriter(w, h)
	if err != nil {
		return err
	}
	for i := range b.Clients {
		c := &b.Clients[i]
		if err := bw.Client(&c.Profile); err != nil {
			return err
		}
		for j := range c.Notes {
			if err := bw.Note(&c.Notes[j]); err != nil {
				return err
			}
		}
		for j := range c.Purchases {
			if err := bw.Purchase(&c.Purchases[j]); err != nil {
				return err
			}
		}
		for j := range c.Tasks {
			if err := bw.Task(&c.Tasks[j]); err != nil {
				return err
			}
		}
		for j := range c.Appointments {
			if err := bw.Appointment(&c.Appointments[j]); err != nil {
				return err
			}
		}
		for j := range c.Requests {
			if err := bw.Request(&c.Requests[j]); err != nil {
				return err
			}
		}
	}
	return bw.Close()
}

func damaged(n int, format string, args ...any) error {
	return fmt.Errorf("%w (record %d: %s)", ErrDamaged, n, fmt.Sprintf(format, args...))
}

// Decode reads a bundle's plaintext and checks it: the header first, every
// record after its client and valid, the end record last with the right
// counts, nothing after it.
func Decode(r io.Reader) (*Bundle, error) {
	var b Bundle
	err := Stream(r, func(h Header) error {
		b.Header = h
		b.Clients = make([]Client, 0, min(h.Clients, 1<<16))
		return nil
	}, func(c *Client) error {
		b.Clients = append(b.Clients, *c)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &b, nil
}

// Stream reads a bundle's plaintext as Decode does, handing on the header
// first and then each client once all its records are read, so an import
// can work while the rest is still being read. The checks of the whole
// (the end record, the counts) come last: a caller that writes must be
// able to undo everything when Stream returns an error. A Client is not
// touched again once handed on.
func Stream(r io.Reader, header func(Header) error, client func(*Client) error) error {
	lines := lineReader{br: bufio.NewReaderSize(r, 1<<16)}
	var blocks rawBlocks
	var cur *Client
	var got, end Counts
	var h Header
	ended := false
	seen := map[string]bool{}
	flush := func() error {
		if cur == nil {
			return nil
		}
		c := cur
		cur = nil
		return client(c)
	}
	var (
		note     notes.Note
		purchase profile.Purchase
	)
	for n := 1; ; n++ {
		line, err := lines.next()
		if errors.Is(err, io.EOF) {
			if !ended {
				return damaged(n, "the end record is missing")
			}
			break
		}
		switch {
		case errors.Is(err, errLineTooLong):
			return tooLarge(i18n.HoTooLongLine, n, maxRecordLine>>20)
		case errors.Is(err, errBundleTooLong):
			return tooLarge(i18n.HoTooLarge, maxBundle>>20)
		case err != nil:
			return damaged(n, "%v", err)
		}
		var rec record
		raw, fast := []byte(nil), false
		if n > 1 {
			raw, fast = fastRecord(line, &rec, &note, &purchase, &blocks)
		}
		if !fast {
			raw = nil
			if err := json.Unmarshal(line, &rec); err != nil {
				if n == 1 {
					return fmt.Errorf("%w: %v", ErrNotBundle, err)
				}
				return damaged(n, "%v", err)
			}
		}
		if ended {
			return damaged(n, "a record after the end")
		}
		members := 0
		for _, set := range []bool{rec.Header != nil, rec.Client != nil, rec.Note != nil, rec.Purchase != nil,
			rec.Task != nil, rec.Appointment != nil, rec.Request != nil, rec.End != nil} {
			if set {
				members++
			}
		}
		if members != 1 {
			return damaged(n, "a record has %d known types, not one", members)
		}
		if n == 1 {
			if rec.Header == nil {
				return fmt.Errorf("%w: it does not start with a bundle header", ErrNotBundle)
			}
			h = *rec.Header
			if h.Format != Format {
				return fmt.Errorf("%w: its format is %q", ErrNotBundle, h.Format)
			}
			if h.Version > Version {
				return fmt.Errorf("%w (format version %d; this vipbook reads up to %d)", ErrNewerBundle, h.Version, Version)
			}
			if h.Version < 1 || strings.TrimSpace(h.ID) == "" || h.Clients < 0 {
				return damaged(n, "the header has no version or id")
			}
			if err := header(h); err != nil {
				return err
			}
			continue
		}
		owner := func(clientID string) error {
			if cur == nil || clientID != cur.Profile.ID {
				return damaged(n, "a record of client %q outside that client's records", clientID)
			}
			return nil
		}
		switch {
		case rec.Header != nil:
			return damaged(n, "a second header")
		case rec.Client != nil:
			p := rec.Client
			if p.ID == "" {
				return damaged(n, "a client without id")
			}
			if seen[p.ID] {
				return damaged(n, "client %s is in the bundle twice", p.ID)
			}
			seen[p.ID] = true
			if err := p.Validate(); err != nil {
				return damaged(n, "client %s: %v", p.ID, err)
			}
			if err := flush(); err != nil {
				return err
			}
			got.Clients++
			cur = &Client{Profile: *p}
		case rec.Note != nil:
			if err := owner(rec.Note.ClientID); err != nil {
				return err
			}
			if err := rec.Note.Validate(); err != nil || rec.Note.ID == "" || rec.Note.At.IsZero() {
				return damaged(n, "note %q is not valid", rec.Note.ID)
			}
			got.Notes++
			cur.Notes = append(cur.Notes, *rec.Note)
			cur.noteJSON = keepJSON(cur.noteJSON, len(cur.Notes), raw)
		case rec.Purchase != nil:
			p := rec.Purchase
			if err := owner(p.ClientID); err != nil {
				return err
			}
			if p.ID == "" || p.Date.IsZero() || p.Amount < 0 {
				return damaged(n, "purchase %q is not valid", p.ID)
			}
			got.Purchases++
			cur.Purchases = append(cur.Purchases, *p)
			cur.purchaseJSON = keepJSON(cur.purchaseJSON, len(cur.Purchases), raw)
		case rec.Task != nil:
			t := rec.Task
			if err := owner(t.ClientID); err != nil {
				return err
			}
			if err := t.Validate(); err != nil || t.ID == "" {
				return damaged(n, "task %q is not valid", t.ID)
			}
			got.Tasks++
			cur.Tasks = append(cur.Tasks, *t)
		case rec.Appointment != nil:
			a := rec.Appointment
			if err := owner(a.ClientID); err != nil {
				return err
			}
			if err := a.Validate(); err != nil || a.ID == "" {
				return damaged(n, "appointment %q is not valid", a.ID)
			}
			got.Appointments++
			cur.Appointments = append(cur.Appointments, *a)
		case rec.Request != nil:
			q := rec.Request
			if err := owner(q.ClientID); err != nil {
				return err
			}
			if err := q.Validate(); err != nil || q.ID == "" {
				return damaged(n, "request %q is not valid", q.ID)
			}
			got.Requests++
			cur.Requests = append(cur.Requests, *q)
		case rec.End != nil:
			ended, end = true, *rec.End
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if got != end || h.Clients != got.Clients {
		return fmt.Errorf("%w (the bundle announces %+v but holds %+v)", ErrDamaged, end, got)
	}
	return nil
}

// keepJSON returns kept with the JSON of the n-th record (raw, fastRecord's
// copy; nil when it is not in the store's form) at n-1, keeping nothing
// while no record has any.
func keepJSON(kept [][]byte, n int, raw []byte) [][]byte {
	if raw == nil && kept == nil {
		return nil
	}
	for len(kept) < n-1 {
		kept = append(kept, nil)
	}
	return append(kept, raw)
}

// lineReader reads a bundle's plaintext a line (a record) at a time,
// skipping blank lines.
type lineReader struct {
	br    *bufio.Reader
	long  []byte
	total int64
}

// next returns the next record's line without its line break, valid until
// the next call; io.EOF at the end.
func (l *lineReader) next() ([]byte, error) {
	for {
		line, err := l.br.ReadSlice('\n')
		l.total += int64(len(line))
		if errors.Is(err, bufio.ErrBufferFull) {
			l.long = append(l.long[:0], line...)
			for errors.Is(err, bufio.ErrBufferFull) {
				if len(l.long) > maxRecordLine {
					return nil, errLineTooLong
				}
				line, err = l.br.ReadSlice('\n')
				l.total += int64(len(line))
				l.long = append(l.long, line...)
			}
			line = l.long
		}
		if len(line) > maxRecordLine {
			return nil, errLineTooLong
		}
		if l.total > maxBundle {
			return nil, errBundleTooLong
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, err
		}
		if line = bytes.TrimSpace(line); len(line) > 0 {
			return line, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// ageMagic is how every age file begins.
const ageMagic = "age-encryption.org/v1\n"

// encrypt returns the writer of an age file encrypted under passphrase.
func encrypt(w io.Writer, passphrase string, workFactor int) (io.WriteCloser, error) {
	if passphrase == "" {
		return nil, ErrNoPassphrase
	}
	rcpt, err := age.NewScryptRecipient(passphrase)
	if err != nil {
		return nil, err
	}
	if workFactor > 0 {
		rcpt.SetWorkFactor(workFactor)
	}
	return age.Encrypt(w, rcpt)
}

// Read decrypts and decodes a bundle. It returns ErrNotBundle for a file
// that is not one, ErrWrongPassphrase when the passphrase does not open it,
// and ErrDamaged when it is truncated, altered or inconsistent.
func Read(r io.Reader, passphrase string) (*Bundle, error) {
	plain, err := open(r, passphrase)
	if err != nil {
		return nil, err
	}
	b, err := Decode(plain)
	return b, plain.damage(err)
}

// open checks that r is an age file the passphrase opens, and returns its
// plaintext.
func open(r io.Reader, passphrase string) (*errReader, error) {
	if passphrase == "" {
		return nil, ErrNoPassphrase
	}
	br := bufio.NewReaderSize(r, 1<<16)
	head, _ := br.Peek(len(ageMagic))
	if !bytes.Equal(head, []byte(ageMagic)) {
		return nil, ErrNotBundle
	}
	id, err := age.NewScryptIdentity(passphrase)
	if err != nil {
		return nil, err
	}
	pr, err := age.Decrypt(br, id)
	if err != nil {
		if errors.Is(err, age.ErrIncorrectIdentity) {
			return nil, ErrWrongPassphrase
		}
		return nil, fmt.Errorf("%w (%v)", ErrDamaged, err)
	}
	return &errReader{r: pr}, nil
}

// damage returns ErrDamaged when age refused a chunk of the plaintext (the
// file was cut or altered after its header), else err.
func (e *errReader) damage(err error) error {
	if e.err != nil {
		return ErrDamaged
	}
	return err
}

// errReader remembers the first error of r other than io.EOF.
type errReader struct {
	r   io.Reader
	err error
}

func (e *errReader) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err != nil && err != io.EOF && e.err == nil {
		e.err = err
	}
	return n, err
}

// Notes and purchases are nine records in ten of a bundle. A reader takes
// those in the form the store writes them (store.DecodeNoteJSON,
// store.DecodePurchaseJSON), and keeps their JSON so an import stores it as
// it is (store.ImportNotesJSON). Anything else, a member out of order, a
// number with a fraction or invalid UTF-8, goes through encoding/json like
// every other record, which reads it the same.

var (
	notePrefix     = []byte(`{"note":{`)
	purchasePrefix = []byte(`{"purchase":{`)
)

// rawBlocks hands out copies of records' JSON from large blocks: the kept
// JSON lives until the import commits, one allocation per block rather
// than per record. Each copy has store.SealRoom of capacity past its
// length, its own, where the store writes the record's seal rather than
// copying the record again (store.ImportNotesJSON).
type rawBlocks struct{ b []byte }

func (a *rawBlocks) copy(raw []byte) []byte {
	need := len(raw) + store.SealRoom
	if need > 1<<14 {
		out := make([]byte, len(raw), need)
		copy(out, raw)
		return out
	}
	if cap(a.b)-len(a.b) < need {
		a.b = make([]byte, 0, 1<<20)
	}
	n := len(a.b)
	a.b = append(a.b, raw...)[:n+need]
	return a.b[n : n+len(raw) : n+need]
}

// fastRecord reads a note or purchase record line in the store's form;
// raw is the record's object. ok is false for any other line.
//
// raw is a copy from blocks, and the record's strings are parts of it (the
// import keeps raw to store it): the line is read once into memory kept,
// not twice.
func fastRecord(line []byte, rec *record, n *notes.Note, x *profile.Purchase, blocks *rawBlocks) (raw []byte, ok bool) {
	if len(line) < 2 || line[len(line)-1] != '}' {
		return nil, false
	}
	switch {
	case bytes.HasPrefix(line, notePrefix):
		raw = blocks.copy(line[len(notePrefix)-1 : len(line)-1])
		if *n, ok = store.DecodeNoteJSONShared(raw); ok {
			rec.Note = n
		}
	case bytes.HasPrefix(line, purchasePrefix):
		raw = blocks.copy(line[len(purchasePrefix)-1 : len(line)-1])
		if *x, ok = store.DecodePurchaseJSONShared(raw); ok {
			rec.Purchase = x
		}
	}
	return raw, ok
}
