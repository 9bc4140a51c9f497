package phonenumbers

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"hash/fnv"
	"math/rand"
	"os"
	"slices"
	"strings"
	"testing"
)

// parseGolden holds numbers with every answer ParseAndKeepRawInput,
// IsValidNumber, GetRegionCodeForNumber and Format gave for them before
// the allocations of parsing were cut (written by
// VIPBOOK_WRITE_PARSE_GOLDEN=1 go test -run TestParseGolden at 1e9a0a8's
// code). A line a number of parseGoldenInputs, in order: the hash of its
// answers in every region (parseHash; gzipped).
const parseGolden = "testdata/parse.golden.gz"

// parseGoldenRegions are the default regions the numbers are read in:
// those vipbook's books are kept in, the NANP's main one and others, a
// region with a national prefix for carriers (BR), one with Italian
// leading zeros (IT), none ("ZZ").
var parseGoldenRegions = []string{"CN", "HK", "TW", "US", "GB", "JP", "FR", "BR", "IT", "AR", "ZZ"}

// parseGoldenInputs: each territory's example numbers of every type in
// E.164, international and national form, with "00" and dashes, with a
// digit changed, added or dropped; random digit strings with and without a
// plus; NANP numbers of each of its regions' area codes; and a few forms
// with extensions, letters, carrier codes and RFC 3966.
func parseGoldenInputs() []string {
	r := rand.New(rand.NewSource(7))
	var in []string
	types := []PhoneNumberType{FIXED_LINE, MOBILE, TOLL_FREE, PREMIUM_RATE, SHARED_COST, VOIP,
		PERSONAL_NUMBER, PAGER, UAN, VOICEMAIL}
	regions := slices.Sorted(func(yield func(string) bool) {
		for r := range GetSupportedRegions() {
			if !yield(r) {
				return
			}
		}
	})
	for _, region := range regions {
		for _, ty := range types {
			n := GetExampleNumberForType(region, ty)
			if n == nil {
				continue
			}
			e164 := Format(n, E164)
			nat := Format(n, NATIONAL)
			in = append(in, e164, Format(n, INTERNATIONAL), nat, "00"+e164[1:], strings.ReplaceAll(nat, " ", "-"))
			d := []byte(e164)
			d[1+r.Intn(len(d)-1)] = byte('0' + r.Intn(10))
			in = append(in, string(d), e164+"7", e164[:len(e164)-1], string(d[max(1, len(d)-8):]),
				nat+" ext. 12", e164+";ext=7", "tel:"+e164)
		}
	}
	for range 3000 {
		var b strings.Builder
		if r.Intn(3) == 0 {
			b.WriteByte('+')
		}
		for range 4 + r.Intn(13) {
			b.WriteByte(byte('0' + r.Intn(10)))
		}
		in = append(in, b.String())
	}
	for range 1500 {
		in = append(in, fmt.Sprintf("+1 %d%02d %03d %04d", 2+r.Intn(8), r.Intn(100), r.Intn(1000), r.Intn(10000)))
	}
	in = append(in, "", "+", "12", "1-800-FLOWERS", "0800 FLOWERS", "(0)20 7031 3000", "+44 (0)20 7031 3000",
		"0 15 11 1234 5678", "0xx21 98765 4321", "021 98765 4321", "tel:+1-650-253-0000;phone-context=+1",
		"138 0013 8000 转 12", "+86 138 0013 8000 x12", "+8613800138000#12", "０１３８００１３８０００", "+٨٦١٣٨٠٠١٣٨٠٠٠")
	return in
}

// parseAnswers words what the code gives for raw in region.
func parseAnswers(raw, region string) string {
	n, err := ParseAndKeepRawInput(raw, region)
	if err != nil {
		return "error " + err.Error()
	}
	return fmt.Sprintf("cc=%d nn=%d ext=%q lz=%v nlz=%d raw=%q src=%v carrier=%q valid=%v region=%s e164=%s nat=%q intl=%q rfc=%q",
		n.GetCountryCode(), n.GetNationalNumber(), n.GetExtension(), n.GetItalianLeadingZero(),
		n.GetNumberOfLeadingZeros(), n.GetRawInput(), n.GetCountryCodeSource(), n.GetPreferredDomesticCarrierCode(),
		IsValidNumber(n), GetRegionCodeForNumber(n), Format(n, E164), Format(n, NATIONAL), Format(n, INTERNATIONAL),
		Format(n, RFC3966))
}

// parseHash is the answers for raw in every region of
// parseGoldenRegions, hashed (FNV-64a, in hex).
func parseHash(raw string) string {
	h := fnv.New64a()
	for _, region := range parseGoldenRegions {
		h.Write([]byte(region + "\t" + parseAnswers(raw, region) + "\n"))
	}
	return fmt.Sprintf("%016x", h.Sum64())
}

// TestParseGolden: reading, checking and formatting every number of
// parseGoldenInputs in every region answer as before the patches for
// speed (the file holds, a line an input, the hash of its answers).
func TestParseGolden(t *testing.T) {
	in := parseGoldenInputs()
	if os.Getenv("VIPBOOK_WRITE_PARSE_GOLDEN") != "" {
		var b strings.Builder
		for _, raw := range in {
			b.WriteString(parseHash(raw) + "\n")
		}
		var z bytes.Buffer
		w, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
		w.Write([]byte(b.String()))
		w.Close()
		if err := os.WriteFile(parseGolden, z.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	f, err := os.Open(parseGolden)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	lines, bad := 0, 0
	for ; sc.Scan(); lines++ {
		if lines >= len(in) {
			continue
		}
		if got := parseHash(in[lines]); got != sc.Text() {
			if bad++; bad < 10 {
				var b strings.Builder
				for _, region := range parseGoldenRegions {
					b.WriteString("\n  " + region + ": " + parseAnswers(in[lines], region))
				}
				t.Errorf("%q: the answers differ from the golden file's; now:%s", in[lines], b.String())
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if lines != len(in) || lines < 15000 {
		t.Errorf("%d lines in the golden file, %d numbers", lines, len(in))
	}
	if bad > 0 {
		t.Errorf("%d of %d numbers answer otherwise", bad, lines)
	}
}

// BenchmarkReadNumber reads, checks and formats in E.164 numbers as an
// import of vCards does: Chinese ones with and without their country
// code, a French and a NANP one.
func BenchmarkReadNumber(b *testing.B) {
	nums := []string{"138 0013 8000", "+86 186 6464 5950", "137-9978-0006", "+33 6 19 55 14 88", "+1 212 555 1234"}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		n, err := ParseAndKeepRawInput(nums[i%len(nums)], "CN")
		if err != nil || !IsValidNumber(n) || Format(n, E164) == "" {
			b.Fatal(nums[i%len(nums)])
		}
	}
}

// BenchmarkValidNANPNumber checks +1 numbers of the US, Canada and
// Antigua: the walk over the NANP's regions.
func BenchmarkValidNANPNumber(b *testing.B) {
	var nums []*PhoneNumber
	for _, s := range []string{"+1 212 555 1234", "+1 416 555 0123", "+1 268 464 1234"} {
		n, err := Parse(s, "CN")
		if err != nil {
			b.Fatal(err)
		}
		nums = append(nums, n)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		IsValidNumber(nums[i%len(nums)])
	}
}
