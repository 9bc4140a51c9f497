package profile

import (
	"errors"
	"testing"
)

func TestParseAmount(t *testing.T) {
	for _, c := range []struct {
		in, cur string
		want    Money
	}{
		{"12.800,50 €", "CNY", 1280050}, {"¥12,800", "CNY", 1280000}, {"12800元", "CNY", 1280000},
		{"1,280.50", "CNY", 128050}, {"1.280,50", "CNY", 128050}, {"1280", "CNY", 128000},
		{"12.800", "EUR", 1280000}, {"12,80", "EUR", 1280}, {"1280.5", "CNY", 128050},
		{"1,234,567.89", "USD", 123456789}, {"0", "CNY", 0}, {"0,5", "CNY", 50},
	} {
		got, err := ParseAmount(c.in, c.cur)
		if err != nil || got != c.want {
			t.Errorf("ParseAmount(%q, %s) = %v, %v; want %v", c.in, c.cur, got, err, c.want)
		}
	}
	for _, c := range []struct{ in, cur string }{{"12.800", "CNY"}, {"12,800", "EUR"}} {
		_, err := ParseAmount(c.in, c.cur)
		var amb *AmbiguousAmountError
		if !errors.As(err, &amb) || amb.AsDot != 1280 || amb.AsThou != 1280000 {
			t.Errorf("ParseAmount(%q, %s) = %v, want ambiguous 12.80 or 12,800", c.in, c.cur, err)
		}
	}
	for _, in := range []string{"", "abc", "-5", "1.2.3,4,5", "12,80,0", "1.2345", "12,3456.7", "99999999999999999999", "0.500"} {
		if _, err := ParseAmount(in, "CNY"); !errors.Is(err, ErrBadAmount) {
			t.Errorf("ParseAmount(%q) = %v, want ErrBadAmount", in, err)
		}
	}
}

func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"12.800,50 €", "¥12,800", "12800元", "1,280.50", "1.280,50", "12.800", "0,5"} {
		f.Add(s, "CNY")
		f.Add(s, "EUR")
	}
	f.Fuzz(func(t *testing.T, s, cur string) {
		m, err := ParseAmount(s, cur)
		if err != nil {
			if !errors.Is(err, ErrBadAmount) {
				t.Fatalf("%q: error %v is not ErrBadAmount", s, err)
			}
			return
		}
		if m < 0 {
			t.Fatalf("%q read as negative %v", s, m)
		}
		// What it prints reads back the same.
		if back, err := ParseAmount(m.Plain(), "CNY"); err != nil && m%100 == 0 || err == nil && back != m {
			t.Fatalf("%q = %v, its plain form %q reads %v, %v", s, m, m.Plain(), back, err)
		}
	})
}
