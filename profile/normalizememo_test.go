package profile

import (
	"fmt"
	"strings"
	"testing"
)

// TestNormalizePhoneRemembers: NormalizePhone keeps the key of a number it
// read with libphonenumber, and gives the same key as a fresh reading, the
// first time and after, for every number of the golden file in every
// calling code (and an empty one); a number in E.164 is not kept.
func TestNormalizePhoneRemembers(t *testing.T) {
	normalized.Lock()
	normalized.m = nil
	normalized.Unlock()
	NormalizePhone("138-0013-8000", "86")
	NormalizePhone("+8613800138000", "86")
	normalized.Lock()
	if normalized.m[normalizedKey{"138-0013-8000", "86"}] != "8613800138000" {
		t.Error("a number read with libphonenumber is not kept")
	}
	if _, ok := normalized.m[normalizedKey{"+8613800138000", "86"}]; ok {
		t.Error("a number in E.164 is kept")
	}
	normalized.Unlock()
	in := goldenInputs(t)
	for _, cc := range append(goldenCCs, "", "33") {
		for _, raw := range in {
			want := normalizePhone(raw, cc)
			if d := e164Digits(raw); d != "" {
				want = d
			} else if cc == "" {
				want = normalizePhone(raw, DefaultCountryCode)
			}
			for range 2 {
				if got := NormalizePhone(raw, cc); got != want {
					t.Fatalf("NormalizePhone(%q, %q) = %q, read afresh %q", raw, cc, got, want)
				}
			}
		}
	}
	normalized.Lock()
	defer normalized.Unlock()
	if len(normalized.m) > maxNormalized {
		t.Errorf("%d numbers kept, at most %d", len(normalized.m), maxNormalized)
	}
}

// TestNormalizePhoneKeepsLatest: once full, the keys kept begin afresh
// (the numbers of a long import keep being kept, the earliest go), and a
// text longer than any number is not kept.
func TestNormalizePhoneKeepsLatest(t *testing.T) {
	normalized.Lock()
	normalized.m = nil
	normalized.Unlock()
	for i := range maxNormalized + 10 {
		NormalizePhone(fmt.Sprintf("138 %04d %04d", i/10000, i%10000), "86")
	}
	last := fmt.Sprintf("138 %04d %04d", (maxNormalized+9)/10000, (maxNormalized+9)%10000)
	long := "138 0013 8000 " + strings.Repeat("x", maxNormalizedLen)
	NormalizePhone(long, "86")
	normalized.Lock()
	defer normalized.Unlock()
	if _, ok := normalized.m[normalizedKey{last, "86"}]; !ok || len(normalized.m) > 10 {
		t.Errorf("after %d numbers: %d kept, the last kept %v; want the last ten", maxNormalized+10, len(normalized.m), ok)
	}
	if _, ok := normalized.m[normalizedKey{long, "86"}]; ok {
		t.Error("a text longer than maxNormalizedLen was kept")
	}
}
