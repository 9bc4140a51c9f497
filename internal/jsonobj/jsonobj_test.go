package jsonobj

import (
	"bytes"
	"encoding/json"
	"testing"
)

// Members gives each member of what encoding/json writes as encoding/json
// reads it, and refuses what it does not read rather than misread it.
func TestMembersAgreesWithEncodingJSON(t *testing.T) {
	inputs := []any{
		map[string]any{},
		map[string]any{"a": 1, "b": "x,}\"]", "c": []any{1, "]", map[string]any{"d": "}{"}}, "e": nil, "f": true, "g": -1.5e3},
		map[string]any{"text": "<b>&\\ 王小明 \u2028", "items": []any{map[string]any{"sku": "A\"1", "n": 2}}, "private": false},
		struct {
			Seq  uint64          `json:"seq"`
			Data json.RawMessage `json:"data"`
		}{Seq: 18446744073709551615, Data: json.RawMessage(`{"x":[1,2,{"y":"]"}]}`)},
	}
	for _, in := range inputs {
		raw, err := json.Marshal(in)
		if err != nil {
			t.Fatal(err)
		}
		var want map[string]json.RawMessage
		if err := json.Unmarshal(raw, &want); err != nil {
			t.Fatal(err)
		}
		got := map[string]json.RawMessage{}
		if !Members(raw, func(k string, v []byte) bool { got[k] = v; return true }) {
			t.Fatalf("%s: not read", raw)
		}
		if len(got) != len(want) {
			t.Fatalf("%s: %d members, want %d", raw, len(got), len(want))
		}
		for k, v := range want {
			if !bytes.Equal(got[k], v) {
				t.Fatalf("%s: %s = %s, want %s", raw, k, got[k], v)
			}
		}
	}
	for _, bad := range []string{``, `[]`, `{`, `{"a"}`, `{"a":}`, `{"a":1,}`, `{"a":"x}`, `{"a":[1,2}`, `{"a":1} x`, `{"a\"b":1}`, `{"a":1 "b":2}`} {
		if Members([]byte(bad), func(string, []byte) bool { return true }) {
			t.Errorf("%q read as an object", bad)
		}
	}
	if s, ok := String([]byte(`"abc"`)); !ok || s != "abc" {
		t.Errorf("String: %q %v", s, ok)
	}
	if _, ok := String([]byte(`"a\"b"`)); ok {
		t.Error("String read an escape")
	}
	if n, ok := Uint([]byte(`12345`)); !ok || n != 12345 {
		t.Errorf("Uint: %d %v", n, ok)
	}
	if _, ok := Uint([]byte(`-1`)); ok {
		t.Error("Uint read -1")
	}
}
