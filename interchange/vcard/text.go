package vcard

import (
	"strings"
	"unicode/utf8"
)

func isUTF8(b []byte) bool { return utf8.Valid(b) }

// Text unescapes a text value: \n and \N are line breaks, \, \; \: \" \'
// and \\ stand for themselves (Google escapes quotes and colons too, some
// CardDAV servers apostrophes). A backslash before anything else is kept.
func Text(v string) string {
	if !strings.Contains(v, `\`) {
		return v
	}
	var b strings.Builder
	b.Grow(len(v))
	for {
		// The text up to the next backslash is copied as it is.
		i := strings.IndexByte(v, '\\')
		if i < 0 || i+1 == len(v) {
			b.WriteString(v)
			return b.String()
		}
		b.WriteString(v[:i])
		switch c := v[i+1]; c {
		case 'n', 'N':
			b.WriteByte('\n')
		case ',', ';', ':', '"', '\'', '\\':
			b.WriteByte(c)
		default:
			b.WriteByte('\\') // kept, and what follows it read on
			v = v[i+1:]
			continue
		}
		v = v[i+2:]
	}
}

// split cuts v at every sep not escaped by a backslash, keeping escapes.
func split(v string, sep byte) []string {
	n := 1
	for i := 0; i < len(v); i++ {
		switch v[i] {
		case '\\':
			i++
		case sep:
			n++
		}
	}
	out := make([]string, 0, n) // one allocation (an ADR has seven fields)
	start := 0
	for i := 0; i < len(v); i++ {
		switch v[i] {
		case '\\':
			i++
		case sep:
			out = append(out, v[start:i])
			start = i + 1
		}
	}
	return append(out, v[start:])
}

// Fields splits a compound value (N, ADR, ORG) at its unescaped semicolons
// and unescapes each field.
func Fields(v string) []string {
	parts := split(v, ';')
	for i := range parts {
		parts[i] = strings.TrimSpace(Text(parts[i]))
	}
	return parts
}

// List splits a list value (CATEGORIES, NICKNAME) at its unescaped commas
// and unescapes each item, dropping empty ones.
func List(v string) []string {
	var out []string
	for _, s := range split(v, ',') {
		if s = strings.TrimSpace(Text(s)); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// Field returns field i of a compound value, or "".
func Field(fields []string, i int) string {
	if i < len(fields) {
		return fields[i]
	}
	return ""
}
