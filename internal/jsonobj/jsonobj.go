// Package jsonobj reads the top-level members of a JSON object in one
// pass, without decoding the values it is not asked for: a first sync
// reads some 200k records of a book for a few of their fields each, and
// encoding/json scans each record twice (once to check it, once to decode
// it) and skips the members it does not want by scanning them again.
//
// It reads what encoding/json writes (and any JSON object whose keys hold
// no escapes); for anything else it says so, and the caller decodes with
// encoding/json instead.
package jsonobj

// Members calls f with the key and the raw value of each member of the
// object data, in order, until f returns false. It returns false when data
// is not an object it reads: a key with an escape, a value cut short, text
// after the object.
func Members(data []byte, f func(key string, val []byte) bool) bool {
	i := skipSpace(data, 0)
	if i >= len(data) || data[i] != '{' {
		return false
	}
	i = skipSpace(data, i+1)
	if i < len(data) && data[i] == '}' {
		return skipSpace(data, i+1) == len(data)
	}
	for {
		if i >= len(data) || data[i] != '"' {
			return false
		}
		k := i + 1
		for k < len(data) && data[k] != '"' {
			if data[k] == '\\' {
				return false
			}
			k++
		}
		if k >= len(data) {
			return false
		}
		key := string(data[i+1 : k])
		i = skipSpace(data, k+1)
		if i >= len(data) || data[i] != ':' {
			return false
		}
		i = skipSpace(data, i+1)
		end := skipValue(data, i)
		if end < 0 {
			return false
		}
		if !f(key, data[i:end]) {
			return true
		}
		i = skipSpace(data, end)
		if i >= len(data) {
			return false
		}
		switch data[i] {
		case ',':
			i = skipSpace(data, i+1)
		case '}':
			return skipSpace(data, i+1) == len(data)
		default:
			return false
		}
	}
}

// String returns the text of a JSON string with no escapes in it; false
// for anything else (the caller decodes it with encoding/json).
func String(val []byte) (string, bool) {
	if len(val) < 2 || val[0] != '"' || val[len(val)-1] != '"' {
		return "", false
	}
	for _, c := range val[1 : len(val)-1] {
		if c == '\\' || c < 0x20 {
			return "", false
		}
	}
	return string(val[1 : len(val)-1]), true
}

// Uint returns the value of a JSON number made of digits only.
func Uint(val []byte) (uint64, bool) {
	if len(val) == 0 || len(val) > 19 {
		return 0, false
	}
	var n uint64
	for _, c := range val {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + uint64(c-'0')
	}
	return n, true
}

func skipSpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r') {
		i++
	}
	return i
}

// skipValue returns the end of the value starting at i, -1 when it is cut
// short or not a value.
func skipValue(data []byte, i int) int {
	if i >= len(data) {
		return -1
	}
	switch data[i] {
	case '"':
		return skipString(data, i)
	case '{', '[':
		depth := 0
		for i < len(data) {
			switch data[i] {
			case '"':
				i = skipString(data, i)
				if i < 0 {
					return -1
				}
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1
				}
			}
			i++
		}
		return -1
	default:
		start := i
		for i < len(data) {
			c := data[i]
			if c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\n' || c == '\r' {
				break
			}
			if c == '"' || c == '{' || c == '[' || c == ':' {
				return -1
			}
			i++
		}
		if i == start {
			return -1
		}
		return i
	}
}

// skipString returns the end of the string starting at i (its opening
// quote), -1 when it is not closed.
func skipString(data []byte, i int) int {
	for i++; i < len(data); i++ {
		switch data[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return -1
}
