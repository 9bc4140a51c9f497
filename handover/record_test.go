package handover

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
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
