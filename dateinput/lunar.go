package dateinput

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/lunar"
)

// lunarDate is a lunar date as written: year 0 when none.
type lunarDate struct {
	year, month, day int
	leap             bool
}

var lunarPrefixes = []string{"农历", "農曆", "农曆", "阴历", "陰曆", "旧历", "舊曆", "lunar"}

// monthWords are the lunar months' own names.
var monthWords = map[string]int{"正": 1, "元": 1, "冬": 11, "腊": 12, "臘": 12}

// parseLunar reads a lunar date: an optional 农历 (or 阴历, lunar), an
// optional year (2026年, or 2026- before digits), an optional 闰 (or
// leap), the month (正月, 八月, 十一月, 冬月, 腊月; digits with 月 or a
// separator only after 农历 or when digits is set) and the day (初一,
// 十五, 廿三, 三十; digits likewise). ok is false when t is not in this
// form; the numbers are checked by check.
func parseLunar(t string, digits bool) (lunarDate, bool) {
	var l lunarDate
	// The year may come first, as vipbook shows it: 1985 农历八月十五,
	// 1985年农历八月十五.
	if len(t) > 4 && isDigits(t[:4]) {
		rest := strings.TrimSpace(strings.TrimPrefix(t[4:], "年"))
		for _, p := range lunarPrefixes {
			if strings.HasPrefix(rest, p) {
				l.year, _ = strconv.Atoi(t[:4])
				t = rest
				break
			}
		}
	}
	for _, p := range lunarPrefixes {
		if strings.HasPrefix(t, p) {
			t, digits = strings.TrimSpace(strings.TrimPrefix(t, p)), true
			break
		}
	}
	leapPrefix := func() {
		for _, p := range []string{"闰", "閏", "leap "} {
			if strings.HasPrefix(t, p) {
				t, l.leap, digits = strings.TrimSpace(strings.TrimPrefix(t, p)), true, true
				return
			}
		}
		if strings.HasPrefix(t, "leap") {
			t, l.leap, digits = t[len("leap"):], true, true
		}
	}
	leapPrefix()
	// A year: four digits and 年, or four digits and a separator before
	// a numeric month.
	if len(t) > 5 && isDigits(t[:4]) && l.year == 0 {
		switch {
		case strings.HasPrefix(t[4:], "年"):
			l.year, _ = strconv.Atoi(t[:4])
			t = strings.TrimSpace(t[4+len("年"):])
		case digits && (t[4] == '-' || t[4] == '/' || t[4] == '.'):
			l.year, _ = strconv.Atoi(t[:4])
			t = t[5:]
		}
		if !l.leap {
			leapPrefix()
		}
	}
	// The month.
	named := false
	if i := strings.Index(t, "月"); i > 0 {
		m := t[:i]
		if n, ok := monthWords[m]; ok {
			l.month, named = n, true
		} else if n, ok := chineseNumber(m); ok {
			l.month, named = n, true
		} else if digits && isDigits(m) && len(m) <= 2 {
			l.month, _ = strconv.Atoi(m)
		} else {
			return lunarDate{}, false
		}
		t = strings.TrimSpace(t[i+len("月"):])
	} else if digits {
		i := strings.IndexAny(t, "-/.")
		if i <= 0 || i > 2 || !isDigits(t[:i]) {
			return lunarDate{}, false
		}
		l.month, _ = strconv.Atoi(t[:i])
		t = t[i+1:]
	} else {
		return lunarDate{}, false
	}
	// The day.
	switch {
	case strings.HasPrefix(t, "初"):
		rest := strings.TrimPrefix(t, "初")
		if rest == "十" {
			l.day = 10
		} else if r, n := utf8.DecodeRuneInString(rest); n == len(rest) && chineseDigits[r] > 0 {
			l.day = chineseDigits[r]
		} else {
			return lunarDate{}, false
		}
	case isDigits(strings.TrimSuffix(strings.TrimSuffix(t, "日"), "号")):
		d := strings.TrimSuffix(strings.TrimSuffix(t, "日"), "号")
		if !digits || len(d) > 2 {
			return lunarDate{}, false // 八月15 without 农历 mixes the two ways of writing
		}
		l.day, _ = strconv.Atoi(d)
	default:
		n, ok := chineseNumber(strings.TrimSuffix(t, "日"))
		if !ok {
			return lunarDate{}, false
		}
		l.day = n
	}
	if !named && !digits {
		return lunarDate{}, false
	}
	return l, true
}

// check says whether l can be a lunar date: month 1 to 12, day 1 to 30,
// and, with a year, a year of the calendar that has that month (its leap
// month) and that day.
func (l lunarDate) check() Reason {
	if l.month < 1 || l.month > 12 || l.day < 1 || l.day > 30 {
		return ReasonNoSuchDay
	}
	if l.year == 0 {
		return ok_
	}
	if l.year < MinYear || l.year > MaxYear {
		return ReasonRange
	}
	if l.leap && lunar.LeapMonth(l.year) != l.month {
		return ReasonNoLeapMonth
	}
	if n, err := lunar.MonthLength(l.year, l.month, l.leap); err != nil || l.day > n {
		return ReasonNoSuchDay
	}
	return ok_
}

// day_ returns the Gregorian day of l: with a year, that day; without,
// the next one on or after today (past: the latest on or before today),
// the 29th standing for day 30 in a 29-day month, and a leap month found
// in the next (past: the latest) year that has it.
func (l lunarDate) day_(today civil.Date, past bool) (civil.Date, Reason) {
	if r := l.check(); r != ok_ {
		return civil.Date{}, r
	}
	if l.year != 0 {
		g, err := lunar.ToGregorian(lunar.Date{Year: l.year, Month: l.month, Day: l.day, Leap: l.leap})
		if err != nil {
			return civil.Date{}, ReasonNoSuchDay
		}
		return g, ok_
	}
	now, err := lunar.FromGregorian(today)
	if err != nil {
		return civil.Date{}, ReasonRange
	}
	step, from, to := 1, now.Year-1, lunar.MaxYear
	if past {
		step, from, to = -1, now.Year+1, lunar.MinYear
	}
	for y := from; y*step <= to*step; y += step {
		if l.leap && lunar.LeapMonth(y) != l.month {
			continue
		}
		g, err := lunar.ToGregorian(lunar.Date{Year: y, Month: l.month, Day: l.day, Leap: l.leap})
		if err != nil {
			continue
		}
		if (!past && !g.Before(today)) || (past && !g.After(today)) {
			return g, ok_
		}
	}
	return civil.Date{}, ReasonRange
}
