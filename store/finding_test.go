package store

import (
	"errors"
	"testing"
)

// TestBboltFindings: the problems bbolt's consistency check reports, in
// its words (bbolt v1.5 tx_check.go), become findings with our codes and
// the page numbers as arguments; words it may add later keep "bbolt: %s".
func TestBboltFindings(t *testing.T) {
	for _, tt := range []struct {
		err  string
		code string
		args []string
	}{
		{"page 12: already freed", "bbolt: page %s is freed twice", []string{"12"}},
		{"page 7: unreachable unfreed", "bbolt: page %s is neither in use nor free", []string{"7"}},
		{"page ID (90) out of range [2, 80)", "bbolt: page %s is outside the book (%s pages)", []string{"90", "80"}},
		{"unexpected page type (flags: 10) for pgId:5", "bbolt: a page of an unexpected kind (flags %s) at page %s", []string{"10", "5"}},
		{"page 9: out of bounds: 80 (stack: [3 9])", "bbolt: page %s is outside the book (%s pages)", []string{"9", "80"}},
		{"page 4: multiple references (stack: [3 4])", "bbolt: page %s is used twice", []string{"4"}},
		{"page 6: reachable freed", "bbolt: page %s is in use and free at once", []string{"6"}},
		{"page 8: invalid type: unknown<00> (stack: [3 8])", "bbolt: page %s is of an invalid kind (%s)", []string{"8", "unknown<00>"}},
		{"key[2]=(hex)6162 on leaf page(14) needs to be > (found <) than previous element (hex)6163. Stack: [3 14]", "bbolt: the keys of page %s are out of order", []string{"14"}},
		{"the first key[0]=(hex)61 on branch page(15) needs to be >= the key in the ancestor (62). Stack: [3 15]", "bbolt: the keys of page %s are out of order", []string{"15"}},
		{"something new", "bbolt: %s", []string{"something new"}},
	} {
		f := bboltFinding(errors.New(tt.err))
		if f.Code != tt.code || len(f.Args) != len(tt.args) || f.Text != "bbolt: "+tt.err {
			t.Errorf("%q: %+v", tt.err, f)
			continue
		}
		for i := range tt.args {
			if f.Args[i] != tt.args[i] {
				t.Errorf("%q: args %q, want %q", tt.err, f.Args, tt.args)
			}
		}
	}
}
