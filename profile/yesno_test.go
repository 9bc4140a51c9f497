package profile

import (
	"errors"
	"testing"
	"time"
)

// TestParseYesNo: every yes-or-no field reads the same words, and a word
// that says neither is ErrBadField naming the field and the word.
func TestParseYesNo(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want bool
	}{{"yes", true}, {"Y", true}, {"TRUE", true}, {"1", true}, {"是", true}, {" y ", true},
		{"no", false}, {"N", false}, {"false", false}, {"0", false}, {"否", false}} {
		for _, field := range []string{"pregnant", "child", "elderly", "disability", "health", "do_not_contact"} {
			var p Profile
			if err := Set(&p, field, tt.in, time.Now()); err != nil {
				t.Fatalf("%s=%q: %v", field, tt.in, err)
			}
			got := map[string]bool{"pregnant": p.Special.Pregnant, "child": p.Special.Child, "elderly": p.Special.Elderly,
				"disability": p.Special.Disability, "health": p.Special.Health, "do_not_contact": p.Consent.DoNotContact}[field]
			if got != tt.want {
				t.Errorf("%s=%q gave %v", field, tt.in, got)
			}
		}
	}
	var p Profile
	err := Set(&p, "pregnant", "maybe", time.Now())
	var ye *YesNoError
	if !errors.Is(err, ErrBadField) || !errors.As(err, &ye) || ye.Field != "pregnant" || ye.Input != "maybe" {
		t.Fatalf("pregnant=maybe: %v", err)
	}
}
