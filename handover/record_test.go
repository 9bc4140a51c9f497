package handover

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// fastSeeds are record lines; the note and purchase objects in them are
// tested in depth in store (DecodeNoteJSON, DecodePurchaseJSON).
var fastSeeds = []string{
	`{"note":{"id":"n1","client_id":"c1","at":"2026-03-01T10:00:00+08:00","kind":"visit","text":"tried the 90cm bag","author":"Li"}}`,
	`{"note":{"id":"n1","client_id":"c1","at":"2026-03-01T10:00:00.123456789Z","kind":"call","text":"line\nbreak \u003cb\u003e \"q\" 王"}}`,
	`{"note":{"client_id":"c1","id":"n1","at":"2026-03-01T10:00:00Z","kind":"call","text":"out of order"}}`,
	`{"note":{"id":"n1","client_id":"c1","at":"2026-03-01T10:00:00Z","kind":"call","text":"x","author":"Li","extra":1}}`,
	`{"note":{"id":"n1","client_id":"c1","at":"2026-03-01T10:00:00Z","kind":"call","text":"x"},"task":{}}`,
	`{"note":{"id":"n1","client_id":"c1","at":"2026-03-01T10:00:00Z","kind":"call","text":"bad \x01"}}`,
	`{"note":{"id":"n1","client_id":"c1","at":"2026-03-01T10:00:00Z","kind":"call","text":"bad \q"}}`,
	`{"note":{"id":"n1","client_id":"c1","at":"yesterday","kind":"call","text":"x"}}`,
	`{"purchase":{"id":"p1","client_id":"c1","date":"2026-03-01","amount":129900,"currency":"CNY","items":"bag","store":"SH","author":"Li"}}`,
	`{"purchase":{"id":"p1","client_id":"c1","date":"2026-03-01","amount":0,"currency":"CNY"}}`,
	`{"purchase":{"id":"p1","client_id":"c1","date":"2026-03-01","amount":12.5,"currency":"CNY"}}`,
	`{"purchase":{"id":"p1","client_id":"c1","date":"2026-03-01","amount":-5,"currency":"CNY"}}`,
	`{"purchase":{"id":"p1","client_id":"c1","date":"2026-03-01","amount":0123,"currency":"CNY"}}`,
	`{"purchase":{"id":"p1","client_id":"c1","date":"2026-02-30","amount":1,"currency":"CNY"}}`,
	`{"purchase":{"id":"p1","client_id":"c1","date":"2026-03-01","amount":1,"currency":"CNY","author":"Li","store":"SH"}}`,
	`{"purchase":{"id":"p1","client_id":"c1","date":"2026-03-01","amount":99999999999999999999,"currency":"CNY"}}`,
}

// checkFast: whatever the scan takes reads exactly as encoding/json reads
// it, and its kept JSON is the record's object.
func checkFast(t *testing.T, line string) (ok bool) {
	var rec record
	var n notes.Note
	var p profile.Purchase
	raw, ok := fastRecord([]byte(line), &rec, &n, &p, &rawBlocks{})
	if !ok {
		return false
	}
	var want record
	if err := json.Unmarshal([]byte(line), &want); err != nil {
		t.Fatalf("the scan took %s, which encoding/json refuses: %v", line, err)
	}
	if !reflect.DeepEqual(rec, want) {
		t.Fatalf("%s: the scan reads %+v %+v, encoding/json %+v %+v", line, rec.Note, rec.Purchase, want.Note, want.Purchase)
	}
	var obj map[string]json.RawMessage
	if json.Unmarshal([]byte(line), &obj) != nil || len(obj) != 1 {
		t.Fatalf("%s: not one member", line)
	}
	for _, v := range obj {
		if string(v) != string(raw) {
			t.Fatalf("%s: kept %s", line, raw)
		}
	}
	return true
}

func TestFastRecord(t *testing.T) {
	took := map[int]bool{0: true, 1: true, 8: true, 9: true, 11: true}
	for i, line := range fastSeeds {
		if got := checkFast(t, line); got != took[i] {
			t.Errorf("%s: taken by the scan %v, want %v", line, got, took[i])
		}
	}
}

func FuzzFastRecord(f *testing.F) {
	for _, s := range fastSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) { checkFast(t, line) })
}

// TestRawBlocksLeaveSealRoom: each record's JSON copied from the bundle
// has store.SealRoom of capacity of its own past its length, so the seal
// the store writes there touches neither the next record's copy nor its
// own bytes; a long record gets its own allocation with the same room.
func TestRawBlocksLeaveSealRoom(t *testing.T) {
	var blocks rawBlocks
	a := blocks.copy([]byte(`{"id":"n1"}`))
	b := blocks.copy([]byte(`{"id":"n2"}`))
	long := blocks.copy(bytes.Repeat([]byte("x"), 1<<15))
	for _, r := range [][]byte{a, b, long} {
		if cap(r)-len(r) != store.SealRoom {
			t.Fatalf("a copy of %d bytes has %d bytes of room, want %d", len(r), cap(r)-len(r), store.SealRoom)
		}
	}
	sealed := append(a, bytes.Repeat([]byte{0xff}, store.SealRoom)...)
	if string(a) != `{"id":"n1"}` || string(b) != `{"id":"n2"}` || &sealed[0] != &a[0] {
		t.Fatalf("writing in the room changed a record: %q %q (in place: %v)", a, b, &sealed[0] == &a[0])
	}
}
