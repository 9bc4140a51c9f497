package i18n

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/dateinput"
	"github.com/vipbook/vipbook/profile"
)

// When says an important date's day in the catalog's language: a solar
// one as 03-05 or 1985-03-05; a lunar one in Chinese as 农历八月十五 (1985
// 农历二月初四), in English as lunar 08-15 (lunar 1985-02-04, lunar leap
// 04-01), the form vipbook reads back.
func (c *Catalog) When(d profile.ImportantDate) string {
	if !d.Lunar || c.IsChinese() {
		return d.WhenText()
	}
	return lunarEN(d.When, d.LeapMonth)
}

// LunarText says a lunar day written in Chinese (a festival's 正月初一, a
// date's 1987 农历二月初四) in the catalog's language: as it is in
// Chinese, as lunar 01-01 in English. Text that is no lunar day is said
// as it is.
func (c *Catalog) LunarText(s string) string {
	if c.IsChinese() || !strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
		return s // digits alone are a solar day
	}
	r, err := dateinput.Anniversary(s, true)
	if err != nil || !r.Lunar {
		return s
	}
	return lunarEN(r.When, r.Leap)
}

// lunarEN is a lunar month and day in English: lunar 08-15, lunar
// 1985-02-04, lunar leap 04-01.
func lunarEN(md civil.MonthDay, leap bool) string {
	s := "lunar "
	if leap {
		s += "leap "
	}
	if md.Year != 0 {
		s += fmt.Sprintf("%d-", md.Year)
	}
	return s + fmt.Sprintf("%02d-%02d", int(md.Month), md.Day)
}
