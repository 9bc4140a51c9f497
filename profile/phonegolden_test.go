package profile

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/nyaruka/phonenumbers"
)

// phonesGolden holds numbers with what ReadPhoneInRegion made of them
// with libphonenumber as upstream wrote it (before vipbook's patches for
// speed, third_party/phonenumbers/VIPBOOK.md): written by
// VIPBOOK_WRITE_PHONE_GOLDEN=1 go test -run TestReadPhoneGolden ./profile
// at a commit before them (a545e45^), with ReadPhone and ReadInRegion.
// Each line: the number, the calling code, and E.164 (" in" after it when
// read in the region) or "bad CC" or "needs-country CC" (gzipped).
const phonesGolden = "testdata/phones.golden.gz"

// goldenCCs are the calling codes the numbers are read against: the
// book's country of most users, and others a book may be kept in.
var goldenCCs = []string{"86", "852", "886", "1", "44", "81"}

// goldenInputs are the numbers of the golden file: every phone of the
// vCard fixtures, and each territory's example numbers of every type in
// E.164, international and national form, with "00" for the plus, with
// dashes, and with digits changed, added or dropped.
func goldenInputs(t *testing.T) []string {
	var in []string
	files, _ := filepath.Glob("../testdata/fixtures/vcf/*.vcf")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(strings.ToUpper(l), "TEL") {
				if i := strings.LastIndex(l, ":"); i > 0 {
					in = append(in, strings.TrimSpace(l[i+1:]))
				}
			}
		}
	}
	r := rand.New(rand.NewSource(5))
	types := []phonenumbers.PhoneNumberType{phonenumbers.FIXED_LINE, phonenumbers.MOBILE, phonenumbers.TOLL_FREE,
		phonenumbers.PREMIUM_RATE, phonenumbers.SHARED_COST, phonenumbers.VOIP, phonenumbers.PERSONAL_NUMBER,
		phonenumbers.PAGER, phonenumbers.UAN, phonenumbers.VOICEMAIL}
	regions := slices.Sorted(func(yield func(string) bool) {
		for r := range phonenumbers.GetSupportedRegions() {
			if !yield(r) {
				return
			}
		}
	})
	for _, region := range regions {
		for _, ty := range types {
			n := phonenumbers.GetExampleNumberForType(region, ty)
			if n == nil {
				continue
			}
			e164 := phonenumbers.Format(n, phonenumbers.E164)
			nat := phonenumbers.Format(n, phonenumbers.NATIONAL)
			in = append(in, e164, phonenumbers.Format(n, phonenumbers.INTERNATIONAL), nat,
				"00"+e164[1:], strings.ReplaceAll(nat, " ", "-"))
			d := []byte(e164)
			d[1+r.Intn(len(d)-1)] = byte('0' + r.Intn(10))
			in = append(in, string(d), e164+"7", e164[:len(e164)-1], string(d[max(1, len(d)-8):]))
		}
	}
	return in
}

// TestReadPhoneGolden: ReadPhoneInRegion reads every number of the golden
// file for every calling code as libphonenumber did before vipbook's
// patches for speed: the same E.164, the same error, the same answer to
// whether it was read in the region.
func TestReadPhoneGolden(t *testing.T) {
	if os.Getenv("VIPBOOK_WRITE_PHONE_GOLDEN") != "" {
		var b strings.Builder
		for _, raw := range goldenInputs(t) {
			if strings.ContainsAny(raw, "\t\n") {
				continue
			}
			for _, cc := range goldenCCs {
				out, err := ReadPhone(raw, cc)
				in := err == nil && ReadInRegion(raw, cc)
				b.WriteString(raw + "\t" + cc + "\t" + goldenResult(out, in, err) + "\n")
			}
		}
		var z bytes.Buffer
		w, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
		w.Write([]byte(b.String()))
		w.Close()
		if err := os.WriteFile(phonesGolden, z.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	f, err := os.Open(phonesGolden)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	lines, valid := 0, 0
	for sc.Scan() {
		raw, rest, _ := strings.Cut(sc.Text(), "\t")
		cc, want, _ := strings.Cut(rest, "\t")
		out, in, err := ReadPhoneInRegion(raw, cc)
		if got := goldenResult(out, in, err); got != want {
			t.Errorf("%q in +%s: %q, before the patches %q", raw, cc, got, want)
		}
		lines++
		if err == nil {
			valid++
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if lines < 50000 || valid < 20000 {
		t.Fatalf("only %d numbers read, %d of them valid", lines, valid)
	}
}

// goldenResult is a line's answer: the E.164 number (" in": read in the
// region), or the error's kind and calling code.
func goldenResult(out string, in bool, err error) string {
	var pe *PhoneError
	switch {
	case errors.As(err, &pe) && pe.NeedsCountry:
		return "needs-country " + pe.CC
	case errors.As(err, &pe):
		return "bad " + pe.CC
	case err != nil:
		return "error " + err.Error()
	case in:
		return out + " in"
	}
	return out
}

// TestUnreadPhoneKey: for every number of the golden inputs that
// ReadPhoneInRegion does not take, UnreadPhoneKey gives NormalizePhone's
// key without reading it again.
func TestUnreadPhoneKey(t *testing.T) {
	n := 0
	for _, raw := range append(goldenInputs(t), "1234", "call me", "+86 12", "021-6888 1234 转 806", "+8612345", "x138") {
		for _, cc := range append(goldenCCs, "") {
			if _, _, err := ReadPhoneInRegion(raw, cc); err == nil {
				continue
			}
			n++
			if got, want := UnreadPhoneKey(raw, cc), NormalizePhone(raw, cc); got != want {
				t.Errorf("UnreadPhoneKey(%q, %q) = %q, NormalizePhone says %q", raw, cc, got, want)
			}
		}
	}
	if n < 1000 {
		t.Errorf("only %d numbers not taken", n)
	}
}

// TestCheckPhoneCounts: CheckPhone, which counts digits instead of
// gathering them, refuses what it refused: a number whose part before an
// extension has fewer than five digits (digitsKey ""), or one of more
// than 20 digits.
func TestCheckPhoneCounts(t *testing.T) {
	in := append(goldenInputs(t), "1234", "12345", "１２３４５", "１２３4", "call me", "+86 12", "12 34 ext 5678", "EXT 12345",
		"1234x5678", "12345x", "021-6888 1234 转 806", "12转34567", "İ12345", "\xff12345", strings.Repeat("1", 20), strings.Repeat("1", 21),
		"#12345", "12;34567", " 1 2 3 4 5 ")
	for _, raw := range in {
		want := digitsKey(raw, DefaultCountryCode) == "" || len(Digits(raw)) > 17+3
		if got := CheckPhone(raw) != nil; got != want {
			t.Errorf("CheckPhone(%q) refuses: %v, want %v", raw, got, want)
		}
	}
}
