package interchange

import (
	"testing"

	"github.com/vipbook/vipbook/profile"
)

// TestPhoneWhoseLowerCaseIsLonger: a number whose letters grow when
// lower-cased (Ⱥ is 2 bytes, ⱥ 3) before an extension mark is refused
// with a message, not a crash, in a card and in the profile's checks.
func TestPhoneWhoseLowerCaseIsLonger(t *testing.T) {
	card := "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:王小明\r\nTEL:ȺȺȺȺȺȺ x\r\nTEL:13800138000\r\nEND:VCARD\r\n"
	src, err := Parse("c.vcf", []byte(card), ParseOptions{CC: "86"})
	if err != nil {
		t.Fatal(err)
	}
	if len(src.Records) != 1 {
		t.Fatalf("records %d, skipped %+v", len(src.Records), src.Skipped)
	}
	if err := profile.CheckPhone("ȺȺȺȺȺȺ x"); err == nil {
		t.Error("CheckPhone took ȺȺȺȺȺȺ x")
	}
}
