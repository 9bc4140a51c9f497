package chainsync

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/tasks"
)

// What a sync reads of records and clients in one pass (pick,
// clientFields) and writes of a new client (objectJSON, stringsJSON) is
// what encoding/json reads and writes.
func TestDecodeAsEncodingJSON(t *testing.T) {
	type noteCols struct {
		At      time.Time  `json:"at"`
		Kind    notes.Kind `json:"kind"`
		Private bool       `json:"private"`
	}
	type buyCols struct {
		Date     civil.Date    `json:"date"`
		Amount   profile.Money `json:"amount"`
		Currency string        `json:"currency"`
	}
	type taskCols struct {
		Due    civil.Date   `json:"due"`
		Status tasks.Status `json:"status"`
	}
	for _, raw := range []string{
		`{"id":"n1","text":"likes \"navy\" <b>","at":"2026-12-01T10:00:00+08:00","kind":"visit","private":true,"tags":["a","}"]}`,
		`{"kind":"call","at":"2026-12-01T10:00:00Z"}`,
		`{"date":"2026-11-20","amount":1280000,"currency":"CNY","items":[{"sku":"A1","note":"]"}]}`,
		`{"due":"2026-12-24","status":"done","title":"送\u003c礼物\u003e"}`,
		`{"due":null,"status":"open"}`,
	} {
		for _, pair := range []struct{ got, want any }{{&noteCols{}, &noteCols{}}, {&buyCols{}, &buyCols{}}, {&taskCols{}, &taskCols{}}} {
			errWant := json.Unmarshal([]byte(raw), pair.want)
			var ms []member
			v := reflect.ValueOf(pair.got).Elem()
			for i := 0; i < v.NumField(); i++ {
				ms = append(ms, member{v.Type().Field(i).Tag.Get("json"), v.Field(i).Addr().Interface()})
			}
			errGot := pick([]byte(raw), pair.got, ms...)
			if (errGot == nil) != (errWant == nil) || errWant == nil && !reflect.DeepEqual(pair.got, pair.want) {
				t.Fatalf("%s: picked %+v (%v), want %+v (%v)", raw, pair.got, errGot, pair.want, errWant)
			}
		}
		f, err := clientFields([]byte(raw))
		var want map[string]json.RawMessage
		if json.Unmarshal([]byte(raw), &want) != nil || err != nil || !reflect.DeepEqual(f, want) {
			t.Fatalf("%s: fields %v (%v), want %v", raw, f, err, want)
		}
		// (the same JSON; encoding/json would also escape the < the
		// record holds raw, which the book's own records never do)
		got, err := objectJSON(f)
		var gotV, wantV any
		if err != nil || json.Unmarshal(got, &gotV) != nil || json.Unmarshal([]byte(raw), &wantV) != nil || !reflect.DeepEqual(gotV, wantV) {
			t.Fatalf("%s: written %s (%v)", raw, got, err)
		}
	}
	hl := map[string]string{"name": "0000018c2f-00000001-ab", "fields.<x>": "a\"b", "电话": "é"}
	got, err := stringsJSON(hl)
	want, _ := json.Marshal(hl)
	if err != nil || string(got) != string(want) {
		t.Fatalf("clocks written %s (%v), want %s", got, err, want)
	}
}
