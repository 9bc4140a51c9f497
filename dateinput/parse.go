package dateinput

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/lunar"
)

// The years vipbook's calendar covers (the lunar calendar's range).
const (
	MinYear = lunar.MinYear
	MaxYear = lunar.MaxYear
)

// maxInput bounds what is read: no date is written in more characters.
const maxInput = 64

// Day reads a day ahead, for a due date, a snooze, a visit to plan:
//
//   - a date: 2026-03-05, 2026/3/5, 20260305, 2026年3月5日;
//   - a day of the year without a year, the next one on or after today:
//     03-05, 3/5, 3月5日, 3月5号;
//   - a word: today, tomorrow, yesterday, 今天, 明天, 后天, 大后天, 昨天, 前天;
//   - an offset from today: +3 (days), 3d, +2w, +1m, 1y, -3d, in 3 days,
//     2 weeks, 3 days ago, 3天后, 两周后, 一个月后, 3天前;
//   - a weekday: friday or fri or 周五/星期五/礼拜五 is the next one after
//     today; this friday or 这周五/本周五 the Friday of this week; next
//     friday or 下周五 the Friday of next week; last friday or 上周五 the
//     Friday of last week (weeks begin on Monday, as in China);
//   - a lunar date, the next one on or after today: 八月十五, 腊月廿三,
//     正月初一, 闰四月初一 (the next year that has that leap month),
//     农历八月十五, 农历8月15, lunar 08-15; with a year it is that day:
//     农历2026年八月十五. Day 30 of a 29-day month without a year is the
//     month's last day (腊月三十 is New Year's Eve either way).
//
// Month and day names written with Chinese numerals (八月十五) are lunar;
// written with digits (8月15日) they are Gregorian unless 农历 or lunar
// comes first. Full-width digits and letters are read as ASCII. An empty
// text is an *Error with ReasonEmpty (a caller with a default, such as
// today, handles "" first), and any day outside the years 1900 to 2100 is
// refused.
func Day(s string, today civil.Date) (civil.Date, error) { return readDay(s, today, false) }

// PastDay reads a day that has happened, for a purchase or a visit logged
// late: the forms of Day, but a date without a year is the latest one on
// or before today, and a bare weekday (friday, 周五) the latest one before
// today.
func PastDay(s string, today civil.Date) (civil.Date, error) { return readDay(s, today, true) }

// Recurring is a date that comes back every year: a birthday, a wedding
// anniversary. When.Year is the year it began (a birth year), 0 when not
// known. A lunar one keeps the lunar month and day, and Leap marks a leap
// month (闰四月).
type Recurring struct {
	When  civil.MonthDay
	Lunar bool
	Leap  bool
}

// Anniversary reads a date that recurs every year:
//
//   - Gregorian: 03-05, --03-05, --0305, 1985-03-05, 19850305, 3月5日,
//     1985年3月5日 (lunar instead when lunarDigits is set: the caller was
//     told the date is lunar, by a --lunar flag or a lunar column);
//   - lunar: 农历八月十五, 八月十五, 腊月廿三, 正月初一, 闰四月初一,
//     农历1985年八月十五, 农历8月15, lunar 08-15, leap 04-01, 闰04-01.
//
// A lunar day 30 without a year is accepted in any month (it falls on the
// 29th in a 29-day month); with a year, the day and a leap month must
// exist in that lunar year. Years outside 1900 to 2100 are refused.
func Anniversary(s string, lunarDigits bool) (Recurring, error) {
	t := normalize(s)
	fail := func(r Reason) (Recurring, error) {
		return Recurring{}, &Error{Input: s, Want: WantAnniversary, Reason: r}
	}
	if t == "" {
		return fail(ReasonEmpty)
	}
	if len(t) > maxInput {
		return fail(ReasonForm)
	}
	if l, ok := parseLunar(t, lunarDigits); ok {
		if r := l.check(); r != ok_ {
			return fail(r)
		}
		return Recurring{When: civil.MonthDay{Year: l.year, Month: time.Month(l.month), Day: l.day}, Lunar: true, Leap: l.leap}, nil
	}
	n, ok := parseNumeric(t)
	if !ok {
		return fail(ReasonForm)
	}
	if n.year != 0 && (n.year < MinYear || n.year > MaxYear) {
		return fail(ReasonRange)
	}
	md := civil.MonthDay{Year: n.year, Month: time.Month(n.month), Day: n.day}
	if !md.Valid() {
		return fail(ReasonNoSuchDay)
	}
	return Recurring{When: md}, nil
}

// ok_ is the reason of a text that was read.
const ok_ Reason = -1

func readDay(s string, today civil.Date, past bool) (civil.Date, error) {
	t := normalize(s)
	fail := func(r Reason) (civil.Date, error) {
		return civil.Date{}, &Error{Input: s, Want: WantDay, Reason: r}
	}
	if t == "" {
		return fail(ReasonEmpty)
	}
	if len(t) > maxInput {
		return fail(ReasonForm)
	}
	d, r := day(t, today, past)
	if r != ok_ {
		return fail(r)
	}
	if d.Year < MinYear || d.Year > MaxYear {
		return fail(ReasonRange)
	}
	return d, nil
}

// day reads t, normalised; the reason is ok_ when it was read.
func day(t string, today civil.Date, past bool) (civil.Date, Reason) {
	if n, ok := words[t]; ok {
		return today.AddDays(n), ok_
	}
	if today.Year < MinYear || today.Year > MaxYear {
		return civil.Date{}, ReasonRange // no arithmetic on a clock gone wrong
	}
	if d, ok := offset(t, today); ok {
		return d, ok_
	}
	if d, ok := weekday(t, today, past); ok {
		return d, ok_
	}
	if l, ok := parseLunar(t, false); ok {
		return l.day_(today, past)
	}
	n, ok := parseNumeric(t)
	if !ok {
		return civil.Date{}, ReasonForm
	}
	if n.year == 0 {
		md := civil.MonthDay{Month: time.Month(n.month), Day: n.day}
		if !md.Valid() {
			return civil.Date{}, ReasonNoSuchDay
		}
		if past {
			d := md.In(today.Year)
			if d.After(today) {
				d = md.In(today.Year - 1)
			}
			return d, ok_
		}
		return md.Next(today), ok_
	}
	if n.year < MinYear || n.year > MaxYear {
		return civil.Date{}, ReasonRange
	}
	if !civil.Valid(n.year, time.Month(n.month), n.day) {
		return civil.Date{}, ReasonNoSuchDay
	}
	return civil.Date{Year: n.year, Month: time.Month(n.month), Day: n.day}, ok_
}

// words are the days named by a word, as days from today.
var words = map[string]int{
	"today": 0, "tomorrow": 1, "yesterday": -1, "day after tomorrow": 2, "day before yesterday": -2,
	"今天": 0, "今日": 0, "明天": 1, "明日": 1, "后天": 2, "後天": 2, "大后天": 3, "大後天": 3,
	"昨天": -1, "昨日": -1, "前天": -2, "大前天": -3,
}

// normalize trims s, reads full-width ASCII as ASCII and the ideographic
// space as a space, lowers ASCII letters and keeps one space between
// words.
func normalize(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case r >= '！' && r <= '～':
			r -= '！' - '!'
		case r == '\u3000':
			r = ' '
		}
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// number reads a count of 0 to 9999 written in digits or Chinese numerals
// (三, 十五, 二十, 廿三, 两).
func number(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	if isDigits(s) {
		if len(s) > 4 {
			return 0, false
		}
		n, err := strconv.Atoi(s)
		return n, err == nil
	}
	return chineseNumber(s)
}

var chineseDigits = map[rune]int{'〇': 0, '零': 0, '一': 1, '二': 2, '两': 2, '兩': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// chineseNumber reads 1 to 99 in Chinese numerals: 五, 十, 十五, 二十,
// 二十五, 廿, 廿五, 卅.
func chineseNumber(s string) (int, bool) {
	rs := []rune(s)
	if len(rs) == 0 || len(rs) > 3 {
		return 0, false
	}
	tens, i := 0, 0
	switch {
	case rs[0] == '廿':
		tens, i = 2, 1
	case rs[0] == '卅':
		tens, i = 3, 1
	case rs[0] == '十':
		tens, i = 1, 1
	case len(rs) >= 2 && rs[1] == '十':
		d, ok := chineseDigits[rs[0]]
		if !ok || d == 0 {
			return 0, false
		}
		tens, i = d, 2
	}
	if i == len(rs) {
		if tens == 0 {
			return 0, false
		}
		return tens * 10, true
	}
	if len(rs)-i != 1 {
		return 0, false
	}
	d, ok := chineseDigits[rs[i]]
	if !ok || (tens > 0 && d == 0) {
		return 0, false
	}
	return tens*10 + d, true
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// offsetUnits are the units of an offset, in days; months and years (0 here)
// move by calendar months.
var offsetUnits = map[string]struct{ days, months int }{
	"d": {1, 0}, "day": {1, 0}, "days": {1, 0},
	"w": {7, 0}, "wk": {7, 0}, "wks": {7, 0}, "week": {7, 0}, "weeks": {7, 0},
	"m": {0, 1}, "mo": {0, 1}, "mos": {0, 1}, "month": {0, 1}, "months": {0, 1},
	"y": {0, 12}, "yr": {0, 12}, "yrs": {0, 12}, "year": {0, 12}, "years": {0, 12},
	"天": {1, 0}, "日": {1, 0}, "周": {7, 0}, "星期": {7, 0}, "个星期": {7, 0}, "個星期": {7, 0},
	"礼拜": {7, 0}, "个礼拜": {7, 0}, "個禮拜": {7, 0}, "个月": {0, 1}, "個月": {0, 1}, "月": {0, 1}, "年": {0, 12},
}

// offset reads a count of days, weeks, months or years from today:
// +3, 3d, +2w, -1m, in 3 days, 3 days ago, 3天后, 两周后, 一个月前.
func offset(t string, today civil.Date) (civil.Date, bool) {
	sign, suffixed := 1, false
	switch {
	case strings.HasPrefix(t, "in "):
		t = t[3:]
	case strings.HasSuffix(t, " ago"):
		t, sign = strings.TrimSuffix(t, " ago"), -1
	case strings.HasSuffix(t, " later"):
		t = strings.TrimSuffix(t, " later")
	case strings.HasSuffix(t, " from now"):
		t = strings.TrimSuffix(t, " from now")
	default:
		for _, sfx := range []string{"以后", "之后", "後", "后", "以前", "之前", "前"} {
			if strings.HasSuffix(t, sfx) {
				if strings.HasSuffix(sfx, "前") {
					sign = -1
				}
				t, suffixed = strings.TrimSuffix(t, sfx), true
				break
			}
		}
	}
	explicit := false
	if t != "" && (t[0] == '+' || t[0] == '-') {
		if t[0] == '-' {
			sign = -sign
		}
		t, explicit = strings.TrimSpace(t[1:]), true
	}
	// The count ends where the unit begins.
	i := 0
	for i < len(t) {
		r, n := utf8.DecodeRuneInString(t[i:])
		if !(r >= '0' && r <= '9') && !strings.ContainsRune("〇零一二两兩三四五六七八九十廿卅", r) {
			break
		}
		i += n
	}
	count, ok := number(t[:i])
	if !ok {
		return civil.Date{}, false
	}
	unit := strings.TrimSpace(t[i:])
	if unit == "" {
		if !explicit || !isDigits(t[:i]) { // a bare number is no offset; +3 is three days
			return civil.Date{}, false
		}
		unit = "d"
	}
	u, ok := offsetUnits[unit]
	if unit[0] >= utf8.RuneSelf && !suffixed {
		return civil.Date{}, false // 三月 is March, 3天后 an offset
	}
	if !ok || count > 36600 {
		return civil.Date{}, false
	}
	if u.days > 0 {
		return today.AddDays(sign * count * u.days), true
	}
	if count*u.months > 2400 {
		return civil.Date{}, false
	}
	return today.AddMonths(sign * count * u.months), true
}

var weekdayNames = map[string]time.Weekday{
	"sunday": time.Sunday, "sun": time.Sunday, "monday": time.Monday, "mon": time.Monday,
	"tuesday": time.Tuesday, "tue": time.Tuesday, "tues": time.Tuesday,
	"wednesday": time.Wednesday, "wed": time.Wednesday,
	"thursday": time.Thursday, "thu": time.Thursday, "thur": time.Thursday, "thurs": time.Thursday,
	"friday": time.Friday, "fri": time.Friday, "saturday": time.Saturday, "sat": time.Saturday,
}

var chineseWeekdays = map[string]time.Weekday{
	"一": time.Monday, "二": time.Tuesday, "三": time.Wednesday, "四": time.Thursday,
	"五": time.Friday, "六": time.Saturday, "日": time.Sunday, "天": time.Sunday, "末": time.Saturday,
}

// which week a weekday is in.
type week int

const (
	coming   week = iota // the next one (the latest one, reading the past)
	thisWeek             // this week's
	nextWeek             // next week's
	lastWeek             // last week's
)

// weekday reads friday, fri, next friday, this friday, last friday, 周五,
// 星期五, 礼拜五, 下周五, 下星期五, 这周五, 本周五, 上周五.
func weekday(t string, today civil.Date, past bool) (civil.Date, bool) {
	w, wd, ok := coming, time.Weekday(0), false
	if f := strings.Fields(t); len(f) >= 1 && len(f) <= 2 {
		name := f[len(f)-1]
		if len(f) == 2 {
			switch f[0] {
			case "next":
				w = nextWeek
			case "this":
				w = thisWeek
			case "last":
				w = lastWeek
			default:
				name = ""
			}
		}
		wd, ok = weekdayNames[name]
	}
	if !ok {
		rest := t
		for _, p := range []struct {
			prefix string
			w      week
		}{{"下个", nextWeek}, {"下", nextWeek}, {"这个", thisWeek}, {"这", thisWeek}, {"這", thisWeek}, {"本", thisWeek}, {"上个", lastWeek}, {"上", lastWeek}} {
			if strings.HasPrefix(rest, p.prefix) {
				rest, w = strings.TrimPrefix(rest, p.prefix), p.w
				break
			}
		}
		for _, unit := range []string{"周", "週", "星期", "礼拜", "禮拜"} {
			if strings.HasPrefix(rest, unit) {
				wd, ok = chineseWeekdays[strings.TrimPrefix(rest, unit)]
				break
			}
		}
	}
	if !ok {
		return civil.Date{}, false
	}
	// Weeks begin on Monday: days since this week's Monday.
	monday := today.AddDays(-((int(today.Weekday()) + 6) % 7))
	inWeek := (int(wd) + 6) % 7
	switch w {
	case thisWeek:
		return monday.AddDays(inWeek), true
	case nextWeek:
		return monday.AddDays(7 + inWeek), true
	case lastWeek:
		return monday.AddDays(-7 + inWeek), true
	}
	if past {
		n := (int(today.Weekday()) - int(wd) + 7) % 7
		if n == 0 {
			n = 7
		}
		return today.AddDays(-n), true
	}
	n := (int(wd) - int(today.Weekday()) + 7) % 7
	if n == 0 {
		n = 7
	}
	return today.AddDays(n), true
}

// numericDate is a Gregorian date read from digits; year 0 when none.
type numericDate struct{ year, month, day int }

// parseNumeric reads YYYY-MM-DD, YYYY/M/D, YYYY.MM.DD, YYYYMMDD, MM-DD,
// M/D, --MM-DD, --MMDD, YYYY年M月D日, M月D日 and M月D号. ok is false when
// the form is none of these; the numbers are not checked.
func parseNumeric(t string) (numericDate, bool) {
	if strings.ContainsRune(t, '月') {
		y, rest := 0, t
		if i := strings.Index(t, "年"); i >= 0 {
			if !isDigits(t[:i]) || i != 4 {
				return numericDate{}, false
			}
			y, _ = strconv.Atoi(t[:i])
			rest = t[i+len("年"):]
		}
		i := strings.Index(rest, "月")
		m, d := rest[:i], strings.TrimSpace(rest[i+len("月"):])
		d = strings.TrimSuffix(strings.TrimSuffix(d, "日"), "号")
		if !isDigits(m) || !isDigits(d) || len(m) > 2 || len(d) > 2 {
			return numericDate{}, false
		}
		mo, _ := strconv.Atoi(m)
		da, _ := strconv.Atoi(d)
		return numericDate{y, mo, da}, true
	}
	t = strings.TrimPrefix(t, "--")
	if isDigits(t) {
		switch len(t) {
		case 8:
			y, _ := strconv.Atoi(t[:4])
			m, _ := strconv.Atoi(t[4:6])
			d, _ := strconv.Atoi(t[6:])
			return numericDate{y, m, d}, true
		case 4:
			m, _ := strconv.Atoi(t[:2])
			d, _ := strconv.Atoi(t[2:])
			return numericDate{0, m, d}, true
		}
		return numericDate{}, false
	}
	parts := strings.FieldsFunc(t, func(r rune) bool { return r == '-' || r == '/' || r == '.' })
	if strings.Count(t, "-")+strings.Count(t, "/")+strings.Count(t, ".") != len(parts)-1 {
		return numericDate{}, false // empty parts: 2026--05, 3//5
	}
	for _, p := range parts {
		if !isDigits(p) {
			return numericDate{}, false
		}
	}
	switch {
	case len(parts) == 3 && len(parts[0]) == 4 && len(parts[1]) <= 2 && len(parts[2]) <= 2:
		y, _ := strconv.Atoi(parts[0])
		m, _ := strconv.Atoi(parts[1])
		d, _ := strconv.Atoi(parts[2])
		return numericDate{y, m, d}, true
	case len(parts) == 2 && len(parts[0]) <= 2 && len(parts[1]) <= 2:
		m, _ := strconv.Atoi(parts[0])
		d, _ := strconv.Atoi(parts[1])
		return numericDate{0, m, d}, true
	}
	return numericDate{}, false
}

// String writes r in a form Anniversary reads back as r: 03-05 or
// 1985-03-05, and a lunar date as it is said, 农历八月十五 or
// 农历1985年闰四月初一.
func (r Recurring) String() string {
	if !r.Lunar {
		return r.When.String()
	}
	y := ""
	if r.When.Year != 0 {
		y = strconv.Itoa(r.When.Year) + "年"
	}
	return "农历" + y + lunar.MonthName(int(r.When.Month), r.Leap) + lunar.DayName(r.When.Day)
}
