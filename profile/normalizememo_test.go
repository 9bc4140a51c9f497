package profile

import "testing"

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
