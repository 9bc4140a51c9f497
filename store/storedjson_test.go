package store

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
)

// storedJSONSeeds are note and purchase objects, in the store's form or
// near it; the scan must read each as encoding/json does or refuse it.
var storedJSONSeeds = []struct {
	raw  string
	note bool
	ok   bool
}{
	{`{"id":"n1","client_id":"c1","at":"2026-03-01T10:00:00+08:00","kind":"visit","text":"tried the 90cm bag","author":"Li"}`, true, true},
	{`{"id":"n1","client_id":"c1","at":"2026-03-01T10:00:00.123456789Z","kind":"call","text":"line\nbreak \u003cb\u003e \"q\" 王"}`, true, true},
	{`{"client_id":"c1","id":"n1","at":"2026-03-01T10:00:00Z","kind":"call","text":"out of order"}`, true, false},
	{`{"id":"n1","client_id":"c1","at":"2026-03-01T10:00:00Z","kind":"call","text":"x","author":"Li","extra":1}`, true, false},
	{`{"id":"n1","client_id":"c1","at":"2026-03-01T10:00:00Z","kind":"call","text":"bad ` + "\x01" + `"}`, true, false},
	{`{"id":"n1","client_id":"c1","at":"2026-03-01T10:00:00Z","kind":"call","text":"bad \q"}`, true, false},
	{`{"id":"n1","client_id":"c1","at":"yesterday","kind":"call","text":"x"}`, true, false},
	{`{"id":"n1","client_id":"c1","at":"2026-03-01T10:00:00Z","kind":"call","text":"x"} `, true, false},
	{`{"id":"p1","client_id":"c1","date":"2026-03-01","amount":129900,"currency":"CNY","items":"bag","store":"SH","author":"Li"}`, false, true},
	{`{"id":"p1","client_id":"c1","date":"2026-03-01","amount":0,"currency":"CNY"}`, false, true},
	{`{"id":"p1","client_id":"c1","date":"2026-03-01","amount":12.5,"currency":"CNY"}`, false, false},
	{`{"id":"p1","client_id":"c1","date":"2026-03-01","amount":-5,"currency":"CNY"}`, false, true},
	{`{"id":"p1","client_id":"c1","date":"2026-03-01","amount":0123,"currency":"CNY"}`, false, false},
	{`{"id":"p1","client_id":"c1","date":"2026-02-30","amount":1,"currency":"CNY"}`, false, false},
	{`{"id":"p1","client_id":"c1","date":"2026-03-01","amount":1,"currency":"CNY","author":"Li","store":"SH"}`, false, false},
	{`{"id":"p1","client_id":"c1","date":"2026-03-01","amount":99999999999999999999,"currency":"CNY"}`, false, false},
}

// checkStoredJSON: whatever the scan takes reads exactly as encoding/json
// reads it.
func checkStoredJSON(t *testing.T, raw string, note bool) (ok bool) {
	if note {
		got, ok := DecodeNoteJSON([]byte(raw))
		if !ok {
			return false
		}
		var want notes.Note
		if err := json.Unmarshal([]byte(raw), &want); err != nil {
			t.Fatalf("the scan took %s, which encoding/json refuses: %v", raw, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: the scan reads %+v, encoding/json %+v", raw, got, want)
		}
		return true
	}
	got, ok := DecodePurchaseJSON([]byte(raw))
	if !ok {
		return false
	}
	var want profile.Purchase
	if err := json.Unmarshal([]byte(raw), &want); err != nil {
		t.Fatalf("the scan took %s, which encoding/json refuses: %v", raw, err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: the scan reads %+v, encoding/json %+v", raw, got, want)
	}
	return true
}

func TestDecodeStoredJSON(t *testing.T) {
	for _, c := range storedJSONSeeds {
		if got := checkStoredJSON(t, c.raw, c.note); got != c.ok {
			t.Errorf("%s: taken by the scan %v, want %v", c.raw, got, c.ok)
		}
	}
}

func FuzzDecodeStoredJSON(f *testing.F) {
	for _, c := range storedJSONSeeds {
		f.Add(c.raw, c.note)
	}
	f.Fuzz(func(t *testing.T, raw string, note bool) { checkStoredJSON(t, raw, note) })
}

// TestStoredJSONIsScanned: the notes and purchases the store writes, with
// every optional member set or not and text that needs escaping, are
// taken by the scan (not left to encoding/json) and read as the store
// reads them.
func TestStoredJSONIsScanned(t *testing.T) {
	b, _ := newBook(t)
	at := testNow.Add(-time.Hour)
	ns := []notes.Note{
		{ClientID: "c1", At: at, Kind: notes.Visit, Text: "a <b> visit & \"quotes\"\n王", Author: "Li"},
		{ClientID: "c1", At: at.Add(time.Minute), Kind: notes.Call, Text: "call"},
	}
	ps := []profile.Purchase{
		{ClientID: "c1", Date: civil.Of(at), Amount: 129900, Currency: "CNY", Items: "bag", Store: "SH", Author: "Li"},
		{ClientID: "c1", Date: civil.Of(at).AddDays(-3), Amount: 500, Currency: "CNY"},
	}
	err := b.Update(func(tx *Tx) error {
		if err := tx.AddClient(&profile.Profile{ID: "c1", Name: "client"}); err != nil {
			return err
		}
		for i := range ns {
			if err := tx.AddNote(&ns[i]); err != nil {
				return err
			}
		}
		for i := range ps {
			if err := tx.AddPurchase(&ps[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	err = b.View(func(tx *Tx) error {
		wantNotes, err := tx.Notes("c1")
		if err != nil {
			return err
		}
		var gotNotes []notes.Note
		if err := tx.EachNoteJSON("c1", func(raw []byte) error {
			n, ok := DecodeNoteJSON(raw)
			if !ok {
				t.Errorf("the store wrote a note the scan does not take: %s", raw)
			}
			gotNotes = append(gotNotes, n)
			return nil
		}); err != nil {
			return err
		}
		wantPurchases, err := tx.Purchases("c1")
		if err != nil {
			return err
		}
		var gotPurchases []profile.Purchase
		if err := tx.EachPurchaseJSON("c1", func(raw []byte) error {
			p, ok := DecodePurchaseJSON(raw)
			if !ok {
				t.Errorf("the store wrote a purchase the scan does not take: %s", raw)
			}
			gotPurchases = append(gotPurchases, p)
			return nil
		}); err != nil {
			return err
		}
		if len(gotNotes) != len(ns) || len(gotPurchases) != len(ps) {
			t.Fatalf("scanned %d notes and %d purchases, want %d and %d", len(gotNotes), len(gotPurchases), len(ns), len(ps))
		}
		for _, n := range gotNotes {
			if !containsEqual(wantNotes, n) {
				t.Errorf("scanned note %+v, the store reads %+v", n, wantNotes)
			}
		}
		for _, p := range gotPurchases {
			if !containsEqual(wantPurchases, p) {
				t.Errorf("scanned purchase %+v, the store reads %+v", p, wantPurchases)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func containsEqual[T any](xs []T, x T) bool {
	for _, y := range xs {
		if reflect.DeepEqual(x, y) {
			return true
		}
	}
	return false
}
