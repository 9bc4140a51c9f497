// Package thousands writes whole numbers with their digits in groups of
// three (18,400; 1,234,567), the one grouping the amounts of the profile
// and the catalog's numbers share.
package thousands

import "strconv"

// Group writes n with sep between each group of three digits, counted
// from the right: Group(1234567, ",") is "1,234,567", Group(-1200, ",")
// is "-1,200".
func Group(n int64, sep string) string {
	s := strconv.FormatInt(n, 10)
	sign := ""
	if s[0] == '-' {
		sign, s = "-", s[1:]
	}
	if len(s) <= 3 {
		return sign + s
	}
	out := make([]byte, 0, len(sign)+len(s)+(len(s)-1)/3*len(sep))
	out = append(out, sign...)
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, sep...)
		}
		out = append(out, s[i])
	}
	return string(out)
}
