package dateinput

import (
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/vipbook/vipbook/civil"
)

// clock is a time of day at the end of a text: 15:00, 9:30, 3pm, 3:30pm,
// 15点, 15点30, 3点半, with 上午/下午/晚上 before a Chinese one.
var clock = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(.*?)\s*(?:(上午|早上|中午|下午|晚上)?(\d{1,2})(?::(\d{2})|点(?:(半)|(\d{1,2})分?)?)|(\d{1,2})(?::(\d{2}))?\s*(am|pm))$`)
})

// Moment reads a day and a time of day, for a visit: the day in any form
// Day reads, then the time (15:00, 9:30, 3pm, 3:30pm, 15点, 下午3点, 3点半):
// 明天 15:00, next friday 3pm, 下周五下午3点, 2026-11-25 15:00. The time
// alone is today. It returns the day, the hour and the minute.
func Moment(s string, today civil.Date) (civil.Date, int, int, error) {
	t := normalize(s)
	fail := func(r Reason) (civil.Date, int, int, error) {
		return civil.Date{}, 0, 0, &Error{Input: s, Want: WantMoment, Reason: r}
	}
	if t == "" {
		return fail(ReasonEmpty)
	}
	if len(t) > maxInput {
		return fail(ReasonForm)
	}
	m := clock().FindStringSubmatch(t)
	if m == nil {
		return fail(ReasonForm)
	}
	var h, min int
	if m[3] != "" {
		h, _ = strconv.Atoi(m[3])
		switch {
		case m[4] != "":
			min, _ = strconv.Atoi(m[4])
		case m[5] != "":
			min = 30
		case m[6] != "":
			min, _ = strconv.Atoi(m[6])
		}
		if (m[2] == "下午" || m[2] == "晚上") && h >= 1 && h < 12 {
			h += 12
		}
	} else {
		h, _ = strconv.Atoi(m[7])
		if m[8] != "" {
			min, _ = strconv.Atoi(m[8])
		}
		if h < 1 || h > 12 {
			return fail(ReasonNoSuchDay)
		}
		h %= 12
		if m[9] == "pm" {
			h += 12
		}
	}
	if h > 23 || min > 59 {
		return fail(ReasonNoSuchDay)
	}
	day := today
	if rest := strings.TrimSpace(m[1]); rest != "" {
		d, err := Day(rest, today)
		if err != nil {
			e := err.(*Error)
			e.Input, e.Want = s, WantMoment
			return civil.Date{}, 0, 0, e
		}
		day = d
	}
	return day, h, min, nil
}
