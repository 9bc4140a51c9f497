package store

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/vipbook/vipbook/notes"
)

// TestAppendNoteJSON: appendNoteJSON writes what json.Marshal writes, for
// notes with every kind of character in every string and times of every
// kind, or declines and writes nothing.
func TestAppendNoteJSON(t *testing.T) {
	plain := []string{"", "a", "Likes navy, size M", "喜欢藏青色", "\x7f", "é", "😀", "\ufffd", "'", "/", "{}", "ＮＡＶＹ"}
	pieces := append([]string{"\n", "\t", "\x00", "\x1f", `"`, `\`, "<", ">", "&", "\u2028", "\u2029", "\xff", "\xe4\xb8"}, plain...)
	zones := []*time.Location{time.UTC, time.FixedZone("", 8*3600), time.FixedZone("", -(3*3600 + 30*60)), time.FixedZone("", 90), time.FixedZone("", 25*3600)}
	r := rand.New(rand.NewPCG(3, 4))
	var from []string
	text := func() string {
		var s string
		for range r.IntN(4) {
			s += from[r.IntN(len(from))]
		}
		return s
	}
	declined := 0
	for i := range 20000 {
		from = pieces
		if i%2 == 0 {
			from = plain
		}
		at := time.Unix(r.Int64N(300e9)-60e9, r.Int64N(2e9)).In(zones[r.IntN(len(zones))])
		if i%5 == 0 {
			at = at.Truncate(time.Second)
		}
		if i%97 == 0 {
			at = time.Time{}
		}
		n := notes.Note{ID: text(), ClientID: text(), At: at, Kind: notes.Kind(text()), Text: text(), Author: text(), Private: r.IntN(2) == 0}
		want, werr := json.Marshal(&n)
		got, ok := appendNoteJSON([]byte("x"), &n)
		if !ok {
			declined++
			if !bytes.Equal(got, []byte("x")) {
				t.Fatalf("declined %+v but wrote %q", n, got)
			}
			continue
		}
		if werr != nil || !bytes.Equal(got[1:], want) {
			t.Fatalf("%+v:\n got %s\nwant %s (%v)", n, got[1:], want, werr)
		}
	}
	if declined > 15000 {
		t.Errorf("declined %d of 20000", declined)
	}
}
