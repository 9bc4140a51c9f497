package phonenumbers

import (
	"math/rand"
	"testing"
)

// TestNoExtensionMarkAgreesWithPattern: a number that noExtensionMark
// lets skip the extension pattern is one the pattern does not match
// (random strings of digits and number punctuation, and with one
// character from anywhere added, the pattern decides as before).
func TestNoExtensionMarkAgreesWithPattern(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	const plain = "0123456789 +-()./"
	extra := []rune("xX#~,;eEtTiInN:ｘ＃～ｅｔｉｎдоба１")
	for i := 0; i < 200000; i++ {
		b := make([]rune, 1+r.Intn(24))
		for j := range b {
			b[j] = rune(plain[r.Intn(len(plain))])
		}
		s := string(b)
		if !noExtensionMark(s) {
			t.Fatalf("%q: only digits and number punctuation, yet marked", s)
		}
		if EXTN_PATTERN.get().MatchString(s) {
			t.Fatalf("%q: the extension pattern matches a string the patch skips", s)
		}
		b[r.Intn(len(b))] = extra[r.Intn(len(extra))]
		if noExtensionMark(string(b)) {
			t.Fatalf("%q: has a mark, yet skipped", string(b))
		}
	}
}
