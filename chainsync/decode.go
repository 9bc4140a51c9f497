package chainsync

import (
	"encoding"
	"encoding/json"
	"slices"
	"unicode/utf8"

	"github.com/vipbook/vipbook/internal/jsonobj"
)

// member is a field of a record pick decodes, by its JSON name.
type member struct {
	name string
	v    any
}

// pick decodes only the members named of the record data, in one pass
// over it (jsonobj): a first sync reads every record of the book for the
// few columns the chain keeps beside its body. Anything jsonobj does not
// read is decoded whole into whole with encoding/json, which also says
// what is wrong with it.
func pick(data []byte, whole any, ms ...member) error {
	var err error
	read := jsonobj.Members(data, func(k string, val []byte) bool {
		for _, m := range ms {
			if m.name == k {
				err = decodeValue(val, m.v)
				break
			}
		}
		return err == nil
	})
	if read && err == nil {
		return nil
	}
	return json.Unmarshal(data, whole)
}

// decodeValue decodes one member's value: a string without escapes, a
// boolean, or by the type's own UnmarshalJSON, without encoding/json's
// scan of the value first; else with encoding/json.
func decodeValue(val []byte, v any) error {
	switch p := v.(type) {
	case *string:
		if s, ok := jsonobj.String(val); ok {
			*p = s
			return nil
		}
	case *bool:
		switch string(val) {
		case "true":
			*p = true
			return nil
		case "false":
			*p = false
			return nil
		}
	case json.Unmarshaler:
		return p.UnmarshalJSON(val)
	case encoding.TextUnmarshaler:
		if s, ok := jsonobj.String(val); ok {
			return p.UnmarshalText([]byte(s))
		}
	}
	return json.Unmarshal(val, v)
}

// clientFields reads a client's change: its fields by their JSON names,
// each value as the change holds it.
func clientFields(data []byte) (map[string]json.RawMessage, error) {
	f := map[string]json.RawMessage{}
	if jsonobj.Members(data, func(k string, val []byte) bool { f[k] = val; return true }) {
		return f, nil
	}
	clear(f)
	err := json.Unmarshal(data, &f)
	return f, err
}

// objectJSON writes an object of raw members (values as a change holds
// them, written by encoding/json) with its keys sorted, as json.Marshal
// does, without scanning each value again.
func objectJSON(m map[string]json.RawMessage) ([]byte, error) {
	keys := make([]string, 0, len(m))
	n := 2
	for k, v := range m {
		keys = append(keys, k)
		n += len(k) + len(v) + 4
	}
	slices.Sort(keys)
	out := make([]byte, 0, n)
	out = append(out, '{')
	for i, k := range keys {
		if i > 0 {
			out = append(out, ',')
		}
		var err error
		if out, err = appendString(out, k); err != nil {
			return nil, err
		}
		out = append(out, ':')
		v := m[k]
		if len(v) == 0 {
			v = json.RawMessage("null")
		}
		out = append(out, v...)
	}
	return append(out, '}'), nil
}

// stringsJSON writes an object of strings with its keys sorted.
func stringsJSON(m map[string]string) ([]byte, error) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := []byte{'{'}
	for i, k := range keys {
		if i > 0 {
			out = append(out, ',')
		}
		var err error
		if out, err = appendString(out, k); err != nil {
			return nil, err
		}
		out = append(out, ':')
		if out, err = appendString(out, m[k]); err != nil {
			return nil, err
		}
	}
	return append(out, '}'), nil
}

// appendString appends s as a JSON string: quoted as it is when nothing in
// it needs an escape, else as encoding/json writes it.
func appendString(out []byte, s string) ([]byte, error) {
	plain := utf8.ValidString(s)
	for i := 0; plain && i < len(s); i++ {
		c := s[i]
		plain = c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' && c < 0x80
	}
	if plain {
		out = append(out, '"')
		out = append(out, s...)
		return append(out, '"'), nil
	}
	q, err := json.Marshal(s)
	return append(out, q...), err
}
