package store

import (
	"encoding/json"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
)

// Notes and purchases are stored as their JSON (putJSON), written by
// encoding/json from notes.Note and profile.Purchase: members in the
// order of the struct's fields, compact. Nine records in ten of a
// handover bundle are such objects; DecodeNoteJSON and DecodePurchaseJSON
// read that exact form by a scan that knows it, several times faster than
// encoding/json, and refuse anything else. They live here, beside the
// encoder whose output they mirror: a field added to either type changes
// the form, and TestStoredJSONIsScanned fails until they follow.

// scan reads a compact JSON object member by member; ok turns false at the
// first thing it does not expect.
type scan struct {
	b  []byte
	s  string // the same bytes: strings are substrings of it
	i  int
	ok bool
}

func newScan(raw []byte) *scan {
	return &scan{b: raw, s: string(raw), ok: utf8.Valid(raw)}
}

// newScanShared is newScan for raw that never changes again: the strings
// read are parts of raw itself, not of a copy.
func newScanShared(raw []byte) *scan {
	return &scan{b: raw, s: unsafe.String(unsafe.SliceData(raw), len(raw)), ok: utf8.Valid(raw)}
}

// key reads `"name":` (after a comma unless first).
func (p *scan) key(name string, first bool) {
	if !p.ok {
		return
	}
	if !first {
		if p.i >= len(p.b) || p.b[p.i] != ',' {
			p.ok = false
			return
		}
		p.i++
	}
	if len(p.b)-p.i < len(name)+3 || p.b[p.i] != '"' || p.s[p.i+1:p.i+1+len(name)] != name ||
		p.b[p.i+1+len(name)] != '"' || p.b[p.i+2+len(name)] != ':' {
		p.ok = false
		return
	}
	p.i += len(name) + 3
}

// optionalStr reads member name, a string, when it comes next; "" when
// it does not (it is left out when empty).
func (p *scan) optionalStr(name string) string {
	if !p.next(name) {
		return ""
	}
	p.key(name, false)
	return p.str()
}

// next reports whether the member name follows (a comma, then the name).
func (p *scan) next(name string) bool {
	return p.ok && len(p.b)-p.i > len(name)+3 && p.b[p.i] == ',' && p.s[p.i+2:p.i+2+len(name)] == name &&
		p.b[p.i+1] == '"' && p.b[p.i+2+len(name)] == '"'
}

// quoted reads a string value and returns it with its quotes.
func (p *scan) quoted() (q []byte, escaped bool) {
	if !p.ok || p.i >= len(p.b) || p.b[p.i] != '"' {
		p.ok = false
		return nil, false
	}
	start := p.i
	for j := start + 1; j < len(p.b); j++ {
		switch c := p.b[j]; {
		case c == '"':
			p.i = j + 1
			return p.b[start:p.i], escaped
		case c == '\\':
			escaped = true
			j++ // the escaped character is never the closing quote
		case c < 0x20:
			p.ok = false
			return nil, false
		}
	}
	p.ok = false
	return nil, false
}

func (p *scan) str() string {
	start := p.i
	q, escaped := p.quoted()
	if !p.ok {
		return ""
	}
	if !escaped {
		return p.s[start+1 : p.i-1]
	}
	var s string
	if err := json.Unmarshal(q, &s); err != nil {
		p.ok = false
	}
	return s
}

func (p *scan) time() time.Time {
	var t time.Time
	q, escaped := p.quoted()
	if !p.ok || escaped || t.UnmarshalJSON(q) != nil {
		p.ok = false
	}
	return t
}

func (p *scan) date() civil.Date {
	var d civil.Date
	q, escaped := p.quoted()
	if !p.ok || escaped || d.UnmarshalText(q[1:len(q)-1]) != nil {
		p.ok = false
	}
	return d
}

// int reads a whole number of at most 18 digits, as json reads it into an
// int64.
func (p *scan) int() int64 {
	if !p.ok {
		return 0
	}
	neg := p.i < len(p.b) && p.b[p.i] == '-'
	if neg {
		p.i++
	}
	start := p.i
	var v int64
	for p.i < len(p.b) && p.b[p.i] >= '0' && p.b[p.i] <= '9' {
		v = v*10 + int64(p.b[p.i]-'0')
		p.i++
	}
	n := p.i - start
	if n == 0 || n > 18 || (n > 1 && p.b[start] == '0') {
		p.ok = false
	}
	if neg {
		v = -v
	}
	return v
}

// end reads the closing brace, which must be the last byte.
func (p *scan) end() bool {
	if p.ok && p.i == len(p.b)-1 && p.b[p.i] == '}' {
		return true
	}
	p.ok = false
	return false
}

// DecodeNoteJSON reads a note in the form the store writes it, as
// EachNoteJSON hands it out: {"id","client_id","at","kind","text"[,"author"]},
// compact, members in that order. It scans without reflection; ok is false
// when raw is in any other form (a member out of order, an unknown member,
// invalid UTF-8...), which encoding/json reads the same way as the store
// wrote it.
func DecodeNoteJSON(raw []byte) (n notes.Note, ok bool) {
	return decodeNoteJSON(raw, newScan)
}

// DecodeNoteJSONShared is DecodeNoteJSON for raw that is never changed
// again (a copy the caller keeps, as a handover import keeps each
// record's JSON to store it): the note's strings are parts of raw, so the
// record is not held twice.
func DecodeNoteJSONShared(raw []byte) (n notes.Note, ok bool) {
	return decodeNoteJSON(raw, newScanShared)
}

func decodeNoteJSON(raw []byte, scanOf func([]byte) *scan) (n notes.Note, ok bool) {
	if len(raw) < 2 || raw[0] != '{' {
		return n, false
	}
	p := scanOf(raw)
	p.i = 1
	p.key("id", true)
	n.ID = p.str()
	p.key("client_id", false)
	n.ClientID = p.str()
	p.key("at", false)
	n.At = p.time()
	p.key("kind", false)
	n.Kind = notes.Kind(p.str())
	p.key("text", false)
	n.Text = p.str()
	n.Author = p.optionalStr("author")
	return n, p.end()
}

// DecodePurchaseJSON reads a purchase in the form the store writes it, as
// EachPurchaseJSON hands it out: {"id","client_id","date","amount",
// "currency"[,"items"][,"store"][,"author"]}, compact, members in that
// order, the amount a whole number. ok is false for any other form, as
// DecodeNoteJSON's.
func DecodePurchaseJSON(raw []byte) (x profile.Purchase, ok bool) {
	return decodePurchaseJSON(raw, newScan)
}

// DecodePurchaseJSONShared is DecodePurchaseJSON for raw that is never
// changed again, as DecodeNoteJSONShared.
func DecodePurchaseJSONShared(raw []byte) (x profile.Purchase, ok bool) {
	return decodePurchaseJSON(raw, newScanShared)
}

func decodePurchaseJSON(raw []byte, scanOf func([]byte) *scan) (x profile.Purchase, ok bool) {
	if len(raw) < 2 || raw[0] != '{' {
		return x, false
	}
	p := scanOf(raw)
	p.i = 1
	p.key("id", true)
	x.ID = p.str()
	p.key("client_id", false)
	x.ClientID = p.str()
	p.key("date", false)
	x.Date = p.date()
	p.key("amount", false)
	x.Amount = profile.Money(p.int())
	p.key("currency", false)
	x.Currency = p.str()
	x.Items = p.optionalStr("items")
	x.Store = p.optionalStr("store")
	x.Author = p.optionalStr("author")
	return x, p.end()
}
