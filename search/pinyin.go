package search

import (
	"sort"
	"strings"
)

// readings returns the readings of the Han character r without tone marks
// (ü written v), the usual one first: 曾 gives zeng and ceng. A character
// without a reading gives nil. The table is static data (pinyin_table.go),
// so looking a character up builds nothing.
func readings(r rune) []string {
	i := sort.Search(len(pyRunes), func(i int) bool { return pyRunes[i] >= uint32(r) })
	if i == len(pyRunes) || pyRunes[i] != uint32(r) {
		return nil
	}
	start := uint32(0)
	if i > 0 {
		start = pyEnds[i-1]
	}
	return strings.Split(pyText[start:pyEnds[i]], ",")
}

// usualReading is the first reading of r, "" for none.
func usualReading(r rune) string {
	rs := readings(r)
	if len(rs) == 0 {
		return ""
	}
	return rs[0]
}
