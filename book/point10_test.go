package book

import (
	"errors"
	"testing"

	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// TestPoint10Phones: phones are read by libphonenumber's rules for the
// book's country (here China, +86). One mobile typed three ways is one
// phone, stored in E.164 and shown in the national format; a number
// without a country code that is not valid in China is not taken as
// Chinese (the associate is asked for its country code); 12345 and an
// 18-digit number are refused; the phone-taken check and the search by
// number use the same reading.
func TestPoint10Phones(t *testing.T) {
	b, _ := newBook(t, "2026-12-05", Options{})
	wang := client(t, b, "王小明", "138 0013 8000")
	if got := wang.Phones[0].Number; got != "+8613800138000" {
		t.Errorf("stored %q, want E.164 +8613800138000", got)
	}
	if got := wang.Phones[0].Show("86"); got != "138 0013 8000 (mobile)" {
		t.Errorf("shown %q, want the national format", got)
	}
	for _, typed := range []string{"+86 138-0013-8000", "008613800138000", "13800138000"} {
		err := b.AddClient(&profile.Profile{Name: "李娜", Phones: []profile.Phone{{Number: typed}}})
		if !errors.Is(err, ErrPhoneTaken) {
			t.Errorf("%s: %v, want ErrPhoneTaken (it is 王小明's number)", typed, err)
		}
		var ids []string
		_ = b.View(func(tx *store.Tx) error { ids = tx.FindByPhone(typed); return nil })
		if len(ids) != 1 || ids[0] != wang.ID {
			t.Errorf("%s finds %v, want 王小明", typed, ids)
		}
	}

	// A Canadian number typed without its country code is not valid in
	// China: the associate is asked, not given +86 905 555 1234.
	err := b.AddClient(&profile.Profile{Name: "Amy", Phones: []profile.Phone{{Number: "905 555 1234"}}})
	var pe *profile.PhoneError
	if !errors.As(err, &pe) || !pe.NeedsCountry || !errors.Is(err, profile.ErrBadPhone) {
		t.Fatalf("905 555 1234: %v, want a PhoneError asking for the country code", err)
	}
	en, zh := i18n.New(i18n.English).Error(err), i18n.New(i18n.Chinese).Error(err)
	if en != `"905 555 1234" is not a valid number in this book's country (+86). If it is another country's number, type it with + and its country code, e.g. +1 905 555 1234.` {
		t.Errorf("en: %s", en)
	}
	if zh != `“905 555 1234”不是本客户册所在国家（+86）的有效号码。如果是其他国家的号码，请加上 + 和国家代码，例如 +1 905 555 1234。` {
		t.Errorf("zh: %s", zh)
	}
	amy := client(t, b, "Amy", "+1 905 555 1234")
	if got := amy.Phones[0].Number; got != "+19055551234" {
		t.Errorf("stored %q, want +19055551234", got)
	}
	if got := profile.FormatPhone(amy.Phones[0].Number, "86"); got != "+1 905-555-1234" {
		t.Errorf("a foreign number is shown %q, want the international format", got)
	}

	for _, bad := range []string{"12345", "123456789012345678", "+86 138 0013 800"} {
		err := b.AddClient(&profile.Profile{Name: "Bad", Phones: []profile.Phone{{Number: bad}}})
		if !errors.As(err, &pe) || pe.NeedsCountry {
			t.Errorf("%s: %v, want refused as not a valid number", bad, err)
		}
	}
	if got := i18n.New(i18n.Chinese).Error(&profile.PhoneError{Raw: "12345", CC: "86"}); got != `“12345”不是有效的 +86 电话号码：请核对数字。` {
		t.Errorf("zh: %s", got)
	}

	// A number stored before (as typed) is kept when the client is edited
	// for something else, and shown nationally all the same.
	if _, err := b.UpdateClient(wang.ID, func(p *profile.Profile) error { p.City = "上海"; return nil }); err != nil {
		t.Fatal(err)
	}
	if got := profile.FormatPhone("138-0013-8000", "86"); got != "138 0013 8000" {
		t.Errorf("an old book's typing is shown %q", got)
	}
}
