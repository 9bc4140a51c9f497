package phonenumbers

import (
	"math/rand"
	"testing"
)

// The upstream forms of what vipbook's patch answers without a pattern
// (plain.go), kept to compare with.
func extractByPatterns(number string) string {
	if VALID_START_CHAR_PATTERN.get().MatchString(number) {
		start := VALID_START_CHAR_PATTERN.get().FindIndex([]byte(number))[0]
		number = number[start:]
		if indices := UNWANTED_END_CHAR_PATTERN.get().FindIndex([]byte(number)); len(indices) > 0 {
			number = number[0:indices[0]]
		}
		if indices := SECOND_NUMBER_START_PATTERN.get().FindIndex([]byte(number)); len(indices) > 0 {
			number = number[0:indices[0]]
		}
		return number
	}
	return ""
}

func viableByPattern(number string) bool {
	return len(number) >= MIN_LENGTH_FOR_NSN && VALID_PHONE_NUMBER_PATTERN.get().MatchString(number)
}

func normalizeByPattern(number string) string {
	if VALID_ALPHA_PHONE_PATTERN.get().MatchString(number) {
		return normalizeHelper(number, ALPHA_PHONE_MAPPINGS, true)
	}
	return NormalizeDigitsOnly(number)
}

func leadingPlusByPattern(b []byte) int {
	if ind := PLUS_CHARS_PATTERN.get().FindIndex(b); len(ind) > 0 && ind[0] == 0 {
		return ind[1]
	}
	return 0
}

// randomNumberText is a string of plain characters, sometimes with one
// character from anywhere in place of one of them.
func randomNumberText(r *rand.Rand) string {
	const plain = "0123456789 +-()./"
	extra := []rune("xX#~,;&][*eEtTaAbB:\n\t＋ｘ＃～１٣\u00a0\u3000（）–—")
	b := make([]rune, r.Intn(20))
	for j := range b {
		b[j] = rune(plain[r.Intn(len(plain))])
		if r.Intn(6) == 0 { // runs of digits, as numbers are
			b[j] = rune('0' + r.Intn(10))
		}
	}
	if len(b) > 0 && r.Intn(3) == 0 {
		b[r.Intn(len(b))] = extra[r.Intn(len(extra))]
	}
	if len(b) > 1 && r.Intn(5) == 0 {
		b[r.Intn(len(b))] = extra[r.Intn(len(extra))]
	}
	return string(b)
}

// TestPlainAgreesWithPatterns (vipbook's patch): extractPossibleNumber,
// isViablePhoneNumber, normalize and the leading plus signs answer as
// the patterns do on 300,000 random strings of digits and number
// punctuation, a third of them with one or two other characters.
func TestPlainAgreesWithPatterns(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	cases := []string{"", "+", "++", "1", "12", "+12", "123", "+123", "1+23", "(12)", "+86 139 0000 0001",
		"021-6001-0001", "0086 139 0000 0001", "+＋86", "+١٢٣", "12&&a]", "abc123", "1 x 2", "(530) 583-6985 x302/x2303"}
	for i := 0; i < 300000; i++ {
		cases = append(cases, randomNumberText(r))
	}
	for _, s := range cases {
		if got, want := extractPossibleNumber(s), extractByPatterns(s); got != want {
			t.Fatalf("extractPossibleNumber(%q) = %q, the patterns say %q", s, got, want)
		}
		if got, want := isViablePhoneNumber(s), viableByPattern(s); got != want {
			t.Fatalf("isViablePhoneNumber(%q) = %v, the pattern says %v", s, got, want)
		}
		if got, want := normalize(s), normalizeByPattern(s); got != want {
			t.Fatalf("normalize(%q) = %q, the pattern says %q", s, got, want)
		}
		if end, ok := leadingPlus([]byte(s)); ok {
			if want := leadingPlusByPattern([]byte(s)); end != want {
				t.Fatalf("leadingPlus(%q) = %d, the pattern says %d", s, end, want)
			}
		}
	}
}

// matchesDescUpstream is isNumberMatchingDesc as upstream wrote it: the
// pattern built and looked up by its text.
func matchesDescUpstream(nationalNumber string, d *PhoneNumberDesc) bool {
	pat := regexFor("^(?:" + d.GetNationalNumberPattern() + ")$")
	if len(d.PossibleLength) > 0 {
		found := false
		for _, l := range d.PossibleLength {
			found = found || int32(len(nationalNumber)) == l
		}
		if !found {
			return false
		}
	}
	return pat.MatchString(nationalNumber)
}

// validUpstream is getNumberTypeHelper(n, m) != UNKNOWN in upstream's
// order of types.
func validUpstream(n string, m *PhoneMetadata) bool {
	if !matchesDescUpstream(n, m.GetGeneralDesc()) {
		return false
	}
	for _, d := range []*PhoneNumberDesc{m.GetPremiumRate(), m.GetTollFree(), m.GetSharedCost(), m.GetVoip(),
		m.GetPersonalNumber(), m.GetPager(), m.GetUan(), m.GetVoicemail(), m.GetFixedLine()} {
		if matchesDescUpstream(n, d) {
			return true
		}
	}
	return !m.GetSameMobileAndFixedLinePattern() && matchesDescUpstream(n, m.GetMobile())
}

// TestValidityAgreesWithUpstream (vipbook's patch): for every territory
// and non-geographic code, each type's example number and 200 numbers
// made from each (digits changed, one more, one fewer, random ones of
// the territory's lengths) are valid exactly when upstream's order of
// types, each pattern built by text, says so, and getNumberTypeHelper
// finds a type exactly then.
func TestValidityAgreesWithUpstream(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	var metas []*PhoneMetadata
	for region := range GetSupportedRegions() {
		metas = append(metas, getMetadataForRegion(region))
	}
	for cc := range GetSupportedGlobalNetworkCallingCodes() {
		metas = append(metas, getMetadataForNonGeographicalRegion(cc))
	}
	if len(metas) < 200 {
		t.Fatalf("only %d territories", len(metas))
	}
	valid := 0
	for _, m := range metas {
		var examples []string
		for _, d := range []*PhoneNumberDesc{m.GetGeneralDesc(), m.GetFixedLine(), m.GetMobile(), m.GetTollFree(),
			m.GetPremiumRate(), m.GetSharedCost(), m.GetPersonalNumber(), m.GetVoip(), m.GetPager(), m.GetUan(), m.GetVoicemail()} {
			if e := d.GetExampleNumber(); e != "" {
				examples = append(examples, e)
			}
		}
		lengths := m.GetGeneralDesc().PossibleLength
		for _, e := range examples {
			nums := []string{e, e + "1", e[:len(e)-1]}
			for i := 0; i < 200; i++ {
				b := []byte(e)
				for k := r.Intn(3) + 1; k > 0; k-- {
					b[r.Intn(len(b))] = byte('0' + r.Intn(10))
				}
				nums = append(nums, string(b))
				if len(lengths) > 0 {
					b = make([]byte, lengths[r.Intn(len(lengths))])
					for j := range b {
						b[j] = byte('0' + r.Intn(10))
					}
					if len(b) > 2 && r.Intn(2) == 0 {
						copy(b, e[:2]) // the example's leading digits
					}
					nums = append(nums, string(b))
				}
			}
			for _, n := range nums {
				want := validUpstream(n, m)
				if got := isValidForMetadata(n, m); got != want {
					t.Fatalf("%s %s: valid %v, upstream's order says %v", m.GetId(), n, got, want)
				}
				if got := getNumberTypeHelper(n, m) != UNKNOWN; got != want {
					t.Fatalf("%s %s: a type found %v, upstream's order says valid %v", m.GetId(), n, got, want)
				}
				if want {
					valid++
				}
			}
		}
	}
	if valid < 10000 {
		t.Fatalf("only %d valid numbers tried", valid)
	}
}

// FuzzPlainAgreesWithPatterns: on any text, the answers that skip the
// patterns are the patterns' answers.
func FuzzPlainAgreesWithPatterns(f *testing.F) {
	for _, s := range []string{"+86 139 0000 0001", "021-6001-0001", "(530) 583-6985 x302", "+＋86", "12"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := extractPossibleNumber(s), extractByPatterns(s); got != want {
			t.Fatalf("extractPossibleNumber(%q) = %q, the patterns say %q", s, got, want)
		}
		if got, want := isViablePhoneNumber(s), viableByPattern(s); got != want {
			t.Fatalf("isViablePhoneNumber(%q) = %v, the pattern says %v", s, got, want)
		}
		if got, want := normalize(s), normalizeByPattern(s); got != want {
			t.Fatalf("normalize(%q) = %q, the pattern says %q", s, got, want)
		}
		if end, ok := leadingPlus([]byte(s)); ok {
			if want := leadingPlusByPattern([]byte(s)); end != want {
				t.Fatalf("leadingPlus(%q) = %d, the pattern says %d", s, end, want)
			}
		}
	})
}
