package profile

import (
	"testing"

	"github.com/nyaruka/phonenumbers"
)

// TestPhoneMetadataEveryTerritory: vipbook's copy of phonenumbers decodes
// each territory's metadata when a number first needs it, not all at once
// (third_party/phonenumbers/VIPBOOK.md, whose own TestLazyMetadataEqualsWhole
// compares them with the whole collection). Here, through the API vipbook
// uses: every territory's example number is valid in it, is formatted, and
// reads back as the same number from its international form.
func TestPhoneMetadataEveryTerritory(t *testing.T) {
	regions := phonenumbers.GetSupportedRegions()
	if len(regions) < 200 {
		t.Fatalf("only %d territories", len(regions))
	}
	for r := range regions {
		n := phonenumbers.GetExampleNumber(r)
		if n == nil {
			continue // a few territories have no example
		}
		if !phonenumbers.IsValidNumberForRegion(n, r) {
			t.Errorf("%s: its example number %v is not valid there", r, n)
			continue
		}
		intl := phonenumbers.Format(n, phonenumbers.INTERNATIONAL)
		back, err := phonenumbers.Parse(intl, "ZZ")
		if err != nil || back.GetNationalNumber() != n.GetNationalNumber() || back.GetCountryCode() != n.GetCountryCode() {
			t.Errorf("%s: %q read back as %v (%v)", r, intl, back, err)
		}
		if phonenumbers.Format(n, phonenumbers.NATIONAL) == "" {
			t.Errorf("%s: no national form of %v", r, n)
		}
	}
	if got := FormatPhone("+8613800138000", "86"); got == "" {
		t.Error("a Chinese mobile number was not formatted")
	}
}

// TestReadPhoneInRegionIsBoth: ReadPhoneInRegion answers what ReadPhone
// and ReadInRegion answer, each on its own.
func TestReadPhoneInRegionIsBoth(t *testing.T) {
	for _, cc := range []string{"86", "+1", "44", ""} {
		for _, raw := range []string{"138 0013 8000", "+86 138 0013 8000", "008613800138000", "021-6001-0001",
			"(905) 555-1234", "+1 905-555-1234", "07700 900123", "+44 7700 900123", "12345", "abc", "138 0013 8000 转 806"} {
			got, in, err := ReadPhoneInRegion(raw, cc)
			want, werr := ReadPhone(raw, cc)
			if got != want || (err == nil) != (werr == nil) || (err != nil && err.Error() != werr.Error()) {
				t.Errorf("%q in +%s: %q %v, ReadPhone %q %v", raw, cc, got, err, want, werr)
			}
			if err == nil && in != ReadInRegion(raw, cc) {
				t.Errorf("%q in +%s: in region %v, ReadInRegion says otherwise", raw, cc, in)
			}
		}
	}
}
