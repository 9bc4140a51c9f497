package festivals

import (
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/vipbook/vipbook/civil"
)

func TestInYear2026(t *testing.T) {
	want := map[string]string{
		"new_year":            "2026-01-01",
		"lunar_new_years_eve": "2026-02-16",
		"spring_festival":     "2026-02-17",
		"valentines":          "2026-02-14",
		"lantern":             "2026-03-03",
		"womens_day":          "2026-03-08",
		"mothers_day":         "2026-05-10",
		"520":                 "2026-05-20",
		"dragon_boat":         "2026-06-19",
		"fathers_day":         "2026-06-21",
		"qixi":                "2026-08-19",
		"mid_autumn":          "2026-09-25",
		"national_day:CN":     "2026-10-01",
		"double_ninth":        "2026-10-18",
		"singles_day":         "2026-11-11",
		"christmas":           "2026-12-25",
	}
	got := InYear(2026)
	if len(got) != len(want) {
		t.Fatalf("InYear(2026) has %d festivals, want %d", len(got), len(want))
	}
	for i, f := range got {
		if w := want[f.Key]; f.Date.String() != w {
			t.Errorf("%s (%s) on %s, want %s", f.Key, f.Name, f.Date, w)
		}
		if f.Name == "" || f.NameZH == "" {
			t.Errorf("%s lacks a name", f.Key)
		}
		if i > 0 && f.Date.Before(got[i-1].Date) {
			t.Errorf("not in date order: %s after %s", f.Key, got[i-1].Key)
		}
	}
}

func TestChineseFestivals(t *testing.T) {
	tests := []struct{ key, date string }{
		{"spring_festival", "2027-02-06"},
		{"spring_festival", "2028-01-26"},
		{"mid_autumn", "2027-09-15"},
		{"mid_autumn", "2033-09-08"}, // 2033's leap month is the 11th: Mid-Autumn is not pushed a month
		{"dragon_boat", "2025-05-31"},
		{"qixi", "2025-08-29"}, // after 2025's 闰六月
	}
	for _, tt := range tests {
		d := civil.MustParse(tt.date)
		found := false
		for _, f := range InYear(d.Year) {
			if f.Key == tt.key {
				found = true
				if f.Date != d {
					t.Errorf("%s %d = %s, want %s", tt.key, d.Year, f.Date, d)
				}
				if f.Kind != Chinese || f.Lunar == "" {
					t.Errorf("%s: kind %s lunar %q", tt.key, f.Kind, f.Lunar)
				}
			}
		}
		if !found {
			t.Errorf("%s missing in %d", tt.key, d.Year)
		}
	}
}

func TestNthWeekday(t *testing.T) {
	tests := []struct {
		y    int
		m    time.Month
		nth  int
		wd   time.Weekday
		want string
	}{
		{2026, time.May, 2, time.Sunday, "2026-05-10"},
		{2027, time.May, 2, time.Sunday, "2027-05-09"},
		{2026, time.June, 3, time.Sunday, "2026-06-21"},
		{2027, time.June, 3, time.Sunday, "2027-06-20"},
		{2025, time.June, 3, time.Sunday, "2025-06-15"},
		{2026, time.March, 1, time.Sunday, "2026-03-01"},    // the 1st is the weekday itself
		{2026, time.February, 5, time.Sunday, "2026-02-22"}, // no fifth Sunday: the last
	}
	for _, tt := range tests {
		if got := NthWeekday(tt.y, tt.m, tt.nth, tt.wd); got.String() != tt.want {
			t.Errorf("NthWeekday(%d, %s, %d, %s) = %s, want %s", tt.y, tt.m, tt.nth, tt.wd, got, tt.want)
		}
	}
}

func TestBetween(t *testing.T) {
	got := Between(civil.MustParse("2026-11-24"), civil.MustParse("2027-02-20"))
	var keys []string
	for _, f := range got {
		keys = append(keys, f.Key+"@"+f.Date.String())
	}
	want := []string{"christmas@2026-12-25", "new_year@2027-01-01", "lunar_new_years_eve@2027-02-05", "spring_festival@2027-02-06", "valentines@2027-02-14", "lantern@2027-02-20"}
	if len(keys) != len(want) {
		t.Fatalf("Between = %v, want %v", keys, want)
	}
	for i := range want {
		if keys[i] != want[i] {
			t.Fatalf("Between = %v, want %v", keys, want)
		}
	}
	if n := len(Between(civil.MustParse("2026-11-12"), civil.MustParse("2026-11-12"))); n != 0 {
		t.Errorf("a day without festival gives %d", n)
	}
	if n := len(Between(civil.MustParse("2026-11-11"), civil.MustParse("2026-11-11"))); n != 1 {
		t.Errorf("11.11 alone gives %d", n)
	}
}

func TestNationalDay(t *testing.T) {
	tests := []struct {
		country string
		year    int
		want    string
		ok      bool
	}{
		{"FR", 2026, "2026-07-14", true},
		{"fr", 2026, "2026-07-14", true},
		{"US", 2027, "2027-07-04", true},
		{"JP", 2026, "2026-02-11", true},
		{"CN", 2026, "2026-10-01", true},
		{"NL", 2025, "2025-04-26", true}, // 27 April 2025 is a Sunday
		{"NL", 2026, "2026-04-27", true},
		{"GB", 2026, "", false},
		{"", 2026, "", false},
		{"XX", 2026, "", false},
	}
	for _, tt := range tests {
		f, ok := NationalDay(tt.country, tt.year)
		if ok != tt.ok || (ok && f.Date.String() != tt.want) {
			t.Errorf("NationalDay(%q, %d) = %s, %v; want %s, %v", tt.country, tt.year, f.Date, ok, tt.want, tt.ok)
		}
		if ok && (f.Kind != National || f.Name == "" || f.NameZH == "" || f.Country == "") {
			t.Errorf("NationalDay(%q) = %+v", tt.country, f)
		}
	}
	f, ok := NextNationalDay("FR", civil.MustParse("2026-11-24"))
	if !ok || f.Date.String() != "2027-07-14" {
		t.Errorf("NextNationalDay(FR, 2026-11-24) = %s, %v", f.Date, ok)
	}
	if len(Countries()) < 40 {
		t.Errorf("only %d countries", len(Countries()))
	}
}

func TestForCountry(t *testing.T) {
	from, to := civil.MustParse("2026-07-01"), civil.MustParse("2026-07-31")
	got := ForCountry("fr", from, to)
	if len(got) != 1 || got[0].Key != "national_day:FR" || got[0].Date.String() != "2026-07-14" {
		t.Fatalf("ForCountry(fr, July 2026) = %+v", got)
	}
	// China's National Day is not doubled for a Chinese client.
	oct := ForCountry("CN", civil.MustParse("2026-10-01"), civil.MustParse("2026-10-01"))
	if len(oct) != 1 {
		t.Fatalf("ForCountry(CN, 10-01) = %+v", oct)
	}
	if len(ForCountry("", from, to)) != 0 {
		t.Fatalf("no country, July: %+v", ForCountry("", from, to))
	}
}

func TestNameIn(t *testing.T) {
	f := InYear(2026)[3] // new year, valentines, eve, spring festival
	if f.NameIn("zh") != "春节" || f.NameIn("en") != "Spring Festival" {
		t.Errorf("NameIn: %q %q", f.NameIn("zh"), f.NameIn("en"))
	}
}

// Property: every year from 1950 to 2100 has every festival once, in date
// order, inside the year, and the Chinese ones inside their seasons.
func TestPropertyEveryYear(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		y := rapid.IntRange(1950, 2100).Draw(t, "year")
		fs := InYear(y)
		if len(fs) != len(rules) {
			t.Fatalf("%d: %d festivals", y, len(fs))
		}
		seen := map[string]bool{}
		for i, f := range fs {
			if f.Date.Year != y || seen[f.Key] {
				t.Fatalf("%d: %s on %s", y, f.Key, f.Date)
			}
			seen[f.Key] = true
			if i > 0 && f.Date.Before(fs[i-1].Date) {
				t.Fatalf("%d: out of order", y)
			}
			if f.Key == "spring_festival" && (f.Date.Before(civil.Date{Year: y, Month: 1, Day: 21}) || f.Date.After(civil.Date{Year: y, Month: 2, Day: 20})) {
				t.Fatalf("Spring Festival %s outside 21 Jan - 20 Feb", f.Date)
			}
			if f.Kind == Weekday && f.Date.Weekday() != time.Sunday {
				t.Fatalf("%s on a %s", f.Key, f.Date.Weekday())
			}
		}
	})
}
