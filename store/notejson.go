package store

import (
	"unicode/utf8"

	"github.com/vipbook/vipbook/notes"
)

// appendNoteJSON appends n as json.Marshal encodes it, byte for byte, and
// true; false (b unchanged) when n holds what it does not write itself (a
// string json escapes, a time MarshalJSON refuses or that needs more than
// copying): the caller encodes n with json.Marshal then. A bulk load of
// notes (82k for 10k vCards) encodes each this way, with room for the seal
// (SealRoom) and no copy of it. Held equal to json.Marshal by
// TestAppendNoteJSON.
func appendNoteJSON(b []byte, n *notes.Note) ([]byte, bool) {
	if !plainJSON(n.ID) || !plainJSON(n.ClientID) || !plainJSON(string(n.Kind)) || !plainJSON(n.Text) || !plainJSON(n.Author) {
		return b, false
	}
	start := len(b)
	b = append(b, `{"id":"`...)
	b = append(b, n.ID...)
	b = append(b, `","client_id":"`...)
	b = append(b, n.ClientID...)
	b = append(b, `","at":"`...)
	out, err := n.At.AppendText(b)
	if err != nil {
		return b[:start], false
	}
	b = out
	b = append(b, `","kind":"`...)
	b = append(b, n.Kind...)
	b = append(b, `","text":"`...)
	b = append(b, n.Text...)
	b = append(b, '"')
	if n.Author != "" {
		b = append(b, `,"author":"`...)
		b = append(b, n.Author...)
		b = append(b, '"')
	}
	if n.Private {
		b = append(b, `,"private":true`...)
	}
	return append(b, '}'), true
}

// plainJSON reports whether json.Marshal writes s as it is between quotes:
// valid UTF-8 with no control character, quote, backslash, <, >, & or
// line or paragraph separator (U+2028, U+2029), which it escapes.
func plainJSON(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r == '\u2028' || r == '\u2029' {
			return false
		}
		i += size
	}
	return true
}

// noteSlab hands out the JSON of many notes from few allocations, each
// with SealRoom past its length for its seal (sealInPlace): bbolt keeps a
// put's value until the transaction ends, so no two values share bytes.
type noteSlab struct{ buf []byte }

// note returns n's JSON (appendNoteJSON) cut from the slab; nil when
// appendNoteJSON declines it.
func (s *noteSlab) note(n *notes.Note) []byte {
	// The most the JSON can take: the strings, the members' names and
	// punctuation (80 bytes), the time (at most 35).
	most := len(n.ID) + len(n.ClientID) + len(n.Kind) + len(n.Text) + len(n.Author) + 160 + SealRoom
	if cap(s.buf)-len(s.buf) < most {
		s.buf = make([]byte, 0, max(most, 64<<10))
	}
	start := len(s.buf)
	b, ok := appendNoteJSON(s.buf, n)
	if !ok || cap(b)-len(b) < SealRoom {
		return nil
	}
	s.buf = b[:len(b)+SealRoom]
	return b[start : len(b) : len(b)+SealRoom]
}
