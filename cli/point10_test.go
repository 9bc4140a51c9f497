package cli

import (
	"strings"
	"testing"
)

// TestPoint10Phones: the command line refuses a number that is not valid
// for the book's country in the language in use, asks for the country
// code of a foreign number typed without it, and takes it with it; show
// prints the number in the national or international format.
func TestPoint10Phones(t *testing.T) {
	book := smallBook(t)
	for _, c := range []struct{ lang, phone, want string }{
		{"en", "905 555 1234", `"905 555 1234" is not a valid number in this book's country (+86). If it is another country's number, type it with + and its country code`},
		{"zh", "905 555 1234", `“905 555 1234”不是本客户册所在国家（+86）的有效号码。如果是其他国家的号码，请加上 + 和国家代码`},
		{"en", "12345", `"12345" is not a valid +86 phone number: check the digits.`},
		{"zh", "123456789012345678", `“123456789012345678”不是有效的 +86 电话号码：请核对数字。`},
	} {
		_, _, err := runLang(book, c.lang, "", "add", "Amy", "--phone", c.phone)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s %s: %v, want %q", c.lang, c.phone, err, c.want)
		}
	}
	if _, _, err := runLang(book, "en", "", "add", "Amy", "--phone", "+1 905 555 1234"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := runLang(book, "en", "", "add", "Wang", "--phone", "008613800138999"); err != nil {
		t.Fatal(err)
	}
	out := run(t, book, "show", "+1 (905) 555-1234")
	if !strings.Contains(out, "+1 905-555-1234") {
		t.Errorf("show does not print the international format:\n%s", out)
	}
	out = run(t, book, "show", "138-0013-8999")
	if !strings.Contains(out, "138 0013 8999") {
		t.Errorf("show does not print the national format:\n%s", out)
	}
}
