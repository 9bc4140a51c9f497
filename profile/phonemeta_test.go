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
