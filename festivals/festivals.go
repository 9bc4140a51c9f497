package festivals

import (
	"sort"
	"strings"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/lunar"
)

// Kind is how a festival's date is set.
type Kind string

// The kinds of festival.
const (
	Chinese  Kind = "chinese"  // a day of the lunar calendar
	Fixed    Kind = "fixed"    // a fixed day of the Gregorian calendar
	Weekday  Kind = "weekday"  // the nth weekday of a month
	National Kind = "national" // a country's national day
)

// Theme says whom a festival concerns, so the briefing can choose the
// festivals that matter to a client.
type Theme string

// The themes of festival.
const (
	Family   Theme = "family"   // everyone, with the family: Spring Festival, Mid-Autumn
	Romance  Theme = "romance"  // couples: Valentine's Day, Qixi, 520
	Women    Theme = "women"    // women: Women's Day
	Parents  Theme = "parents"  // mothers and fathers, and their children: Mother's and Father's Day
	Elders   Theme = "elders"   // the elderly: Double Ninth
	Civic    Theme = "civic"    // a nation's day
	Shopping Theme = "shopping" // a shopping festival (11.11): an occasion, never a greeting
	Season   Theme = "season"   // a seasonal or year's-end day: New Year's Day, Christmas, Lantern, Dragon Boat
)

// Festival is one festival on one day.
type Festival struct {
	Key     string     `json:"key"` // stable id: "spring_festival", "national_day:FR"
	Name    string     `json:"name"`
	NameZH  string     `json:"name_zh"`
	Date    civil.Date `json:"date"`
	Kind    Kind       `json:"kind"`
	Theme   Theme      `json:"theme"`
	Country string     `json:"country,omitempty"` // ISO 3166 alpha-2, national days only
	Lunar   string     `json:"lunar,omitempty"`   // the lunar date of a Chinese festival: 八月十五
}

// NameIn returns the festival's name in lang ("zh" for Chinese, anything
// else for English).
func (f Festival) NameIn(lang string) string {
	if lang == "zh" && f.NameZH != "" {
		return f.NameZH
	}
	return f.Name
}

type rule struct {
	key, name, nameZH string
	kind              Kind
	theme             Theme
	month, day        int          // lunar month-day for Chinese, Gregorian for Fixed
	yearEnd           bool         // Chinese: the last day of the lunar year (除夕), not a month-day
	nth               int          // Weekday: 1 to 5
	weekday           time.Weekday // Weekday
}

// rules are the festivals of every client, in calendar order of a typical year.
var rules = []rule{
	{key: "new_year", name: "New Year's Day", nameZH: "元旦", kind: Fixed, theme: Season, month: 1, day: 1},
	{key: "lunar_new_years_eve", name: "Chinese New Year's Eve", nameZH: "除夕", kind: Chinese, theme: Family, month: 12, yearEnd: true},
	{key: "spring_festival", name: "Spring Festival", nameZH: "春节", kind: Chinese, theme: Family, month: 1, day: 1},
	{key: "valentines", name: "Valentine's Day", nameZH: "情人节", kind: Fixed, theme: Romance, month: 2, day: 14},
	{key: "lantern", name: "Lantern Festival", nameZH: "元宵节", kind: Chinese, theme: Season, month: 1, day: 15},
	{key: "womens_day", name: "Women's Day", nameZH: "妇女节", kind: Fixed, theme: Women, month: 3, day: 8},
	{key: "mothers_day", name: "Mother's Day", nameZH: "母亲节", kind: Weekday, theme: Parents, month: 5, nth: 2, weekday: time.Sunday},
	{key: "520", name: "520 (I love you day)", nameZH: "520", kind: Fixed, theme: Romance, month: 5, day: 20},
	{key: "dragon_boat", name: "Dragon Boat Festival", nameZH: "端午节", kind: Chinese, theme: Season, month: 5, day: 5},
	{key: "fathers_day", name: "Father's Day", nameZH: "父亲节", kind: Weekday, theme: Parents, month: 6, nth: 3, weekday: time.Sunday},
	{key: "qixi", name: "Qixi (Chinese Valentine's Day)", nameZH: "七夕", kind: Chinese, theme: Romance, month: 7, day: 7},
	{key: "mid_autumn", name: "Mid-Autumn Festival", nameZH: "中秋节", kind: Chinese, theme: Family, month: 8, day: 15},
	{key: "national_day:CN", name: "National Day (China)", nameZH: "国庆节", kind: Fixed, theme: Civic, month: 10, day: 1},
	{key: "double_ninth", name: "Double Ninth Festival", nameZH: "重阳节", kind: Chinese, theme: Elders, month: 9, day: 9},
	{key: "singles_day", name: "Singles' Day (11.11)", nameZH: "双十一", kind: Fixed, theme: Shopping, month: 11, day: 11},
	{key: "christmas", name: "Christmas", nameZH: "圣诞节", kind: Fixed, theme: Season, month: 12, day: 25},
}

// date returns the rule's day in Gregorian year y.
func (r rule) date(y int) (civil.Date, bool) {
	switch {
	case r.yearEnd:
		// 除夕 is the last day of the lunar year, 腊月廿九 or 腊月三十 as
		// the twelfth month has 29 or 30 days: the eve of Spring Festival,
		// so the eve in Gregorian year y ends lunar year y-1.
		_, last, err := lunar.Year(y - 1)
		return last, err == nil
	case r.kind == Chinese:
		// These festivals of lunar year y all fall in Gregorian year y
		// (Spring Festival is between 21 January and 20 February).
		g, err := lunar.ToGregorian(lunar.Date{Year: y, Month: r.month, Day: r.day})
		return g, err == nil
	case r.kind == Weekday:
		return NthWeekday(y, time.Month(r.month), r.nth, r.weekday), true
	}
	return civil.Date{Year: y, Month: time.Month(r.month), Day: r.day}, true
}

func (r rule) festival(d civil.Date) Festival {
	f := Festival{Key: r.key, Name: r.name, NameZH: r.nameZH, Date: d, Kind: r.kind, Theme: r.theme}
	if r.kind == Chinese {
		f.Lunar = lunar.MonthName(r.month, false) + lunar.DayName(r.day)
		if l, err := lunar.FromGregorian(d); err == nil && r.yearEnd {
			f.Lunar = l.Chinese()
		}
	}
	if strings.HasPrefix(r.key, "national_day:") {
		f.Country = strings.TrimPrefix(r.key, "national_day:")
	}
	return f
}

// NthWeekday returns the nth (1 to 5) weekday wd of month m in year y:
// Mother's Day is NthWeekday(y, time.May, 2, time.Sunday). A fifth weekday
// that the month does not have gives the last one.
func NthWeekday(y int, m time.Month, nth int, wd time.Weekday) civil.Date {
	first := civil.Date{Year: y, Month: m, Day: 1}
	d := first.AddDays((int(wd) - int(first.Weekday()) + 7) % 7)
	d = d.AddDays(7 * (nth - 1))
	for d.Month != m {
		d = d.AddDays(-7)
	}
	return d
}

// InYear returns the festivals of every client in Gregorian year y, in
// date order. Chinese festivals are left out beyond the lunar calendar's
// range (after 2100).
func InYear(y int) []Festival {
	out := make([]Festival, 0, len(rules))
	for _, r := range rules {
		if d, ok := r.date(y); ok {
			out = append(out, r.festival(d))
		}
	}
	sortFestivals(out)
	return out
}

// Between returns the festivals of every client from from to to, both
// included, in date order.
func Between(from, to civil.Date) []Festival {
	var out []Festival
	for y := from.Year; y <= to.Year; y++ {
		for _, f := range InYear(y) {
			if !f.Date.Before(from) && !f.Date.After(to) {
				out = append(out, f)
			}
		}
	}
	return out
}

// ForCountry returns Between(from, to) with the national days of country
// (ISO 3166 alpha-2) in the range added: the festivals of a client whose
// country is recorded. China's National Day is in every list already.
func ForCountry(country string, from, to civil.Date) []Festival {
	out := Between(from, to)
	c := normCountry(country)
	if c == "" || c == "CN" {
		return out
	}
	for y := from.Year; y <= to.Year; y++ {
		if f, ok := NationalDay(c, y); ok && !f.Date.Before(from) && !f.Date.After(to) {
			out = append(out, f)
		}
	}
	sortFestivals(out)
	return out
}

func sortFestivals(fs []Festival) {
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].Date.Before(fs[j].Date) })
}
