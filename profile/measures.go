package profile

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

// SizeSystems are the systems a size is entered in, as the book spells
// them: the countries' and regions' systems, INT for the letter sizes
// (S, M, L) and the lengths (a collar, a belt, a foot).
var SizeSystems = []string{"EU", "US", "UK", "FR", "IT", "DE", "JP", "CN", "HK", "KR", "AU", "INT", "cm", "mm", "in"}

// Units are the units a made-to-order measurement is taken in.
var Units = []string{"cm", "mm", "in"}

// systemAliases are the other ways a system is typed (any case), in
// English and in Chinese: made on first use, not at every start
// (cmd/vipbook's TestInitCost).
var systemAliases = sync.OnceValue(func() map[string]string {
	return map[string]string{
		"EUR": "EU", "EUROPE": "EU", "GB": "UK", "USA": "US", "ITA": "IT", "GER": "DE", "JPN": "JP", "JAP": "JP",
		"CHN": "CN", "KOR": "KR", "AUS": "AU", "INTL": "INT", "LETTER": "INT",
		"INCH": "in", "INCHES": "in",
		"欧码": "EU", "美码": "US", "英码": "UK", "法码": "FR", "意码": "IT", "德码": "DE", "日码": "JP",
		"中国码": "CN", "国码": "CN", "国标": "CN", "港码": "HK", "韩码": "KR", "澳码": "AU", "国际码": "INT",
		"厘米": "cm", "公分": "cm", "毫米": "mm", "英寸": "in",
	}
})

// unitAliases are the other ways a unit is typed (any case), made on
// first use.
var unitAliases = sync.OnceValue(func() map[string]string {
	return map[string]string{
		"CM": "cm", "MM": "mm", "IN": "in", "INCH": "in", "INCHES": "in", `"`: "in", "″": "in",
		"厘米": "cm", "公分": "cm", "毫米": "mm", "英寸": "in",
	}
})

// ParseSizeSystem reads a size system as typed (eu, EUR, 欧码, CM) and
// returns it as the book spells it (EU, cm); ok is false for one the book
// does not know. Nothing typed is no system, and ok.
func ParseSizeSystem(s string) (string, bool) {
	s = strings.TrimSpace(foldWidth(s))
	if s == "" {
		return "", true
	}
	up := strings.ToUpper(s)
	for _, sys := range SizeSystems {
		if strings.EqualFold(sys, s) {
			return sys, true
		}
	}
	if sys, ok := systemAliases()[up]; ok {
		return sys, true
	}
	return "", false
}

// ParseUnit reads a measurement's unit as typed (CM, inch, 厘米) and
// returns it as the book spells it (cm, in); ok is false for one the
// book does not know. Nothing typed is no unit, and ok.
func ParseUnit(s string) (string, bool) {
	s = strings.TrimSpace(foldWidth(s))
	if s == "" {
		return "", true
	}
	for _, u := range Units {
		if s == u {
			return u, true
		}
	}
	u, ok := unitAliases()[strings.ToUpper(s)]
	return u, ok
}

// measureNumber is a measurement's number: whole or decimal (a point or
// a comma), a fraction after it or alone (38 1/2, 34½).
var measureNumber = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:(\d+(?:[.,]\d+)?)(?:\s*(\d+)/(\d+)|\s*([½¼¾⅓⅔⅛⅜⅝⅞]))?|(\d+)/(\d+))$`)
})

// ParseMeasure reads a measurement's value as typed: a number above 0
// (98, 98.5, 98,5, 38 1/2, 34½, full-width digits), perhaps followed by
// its unit (98cm, 38 in, 98厘米). It returns the number as the book keeps
// it (the typed digits, full-width ones folded), the unit typed with it
// ("" when none, as the book spells it otherwise), and ok false when it
// is no such number.
func ParseMeasure(s string) (value, unit string, ok bool) {
	s = strings.TrimSpace(foldWidth(s))
	// A unit typed after the number: the longest known name it ends with.
	num := s
	for _, name := range unitNames() {
		if len(s) > len(name) && strings.HasSuffix(strings.ToUpper(s), strings.ToUpper(name)) {
			rest := strings.TrimSpace(s[:len(s)-len(name)])
			if last := lastString(rest); last != "" && (unicode.IsDigit(lastRune(last)) || strings.ContainsAny(last, "½¼¾⅓⅔⅛⅜⅝⅞")) {
				u, _ := ParseUnit(name)
				num, unit = rest, u
				break
			}
		}
	}
	m := measureNumber().FindStringSubmatch(num)
	if m == nil {
		return "", "", false
	}
	var whole float64
	switch {
	case m[5] != "": // a fraction alone
		a, _ := strconv.ParseFloat(m[5], 64)
		b, _ := strconv.ParseFloat(m[6], 64)
		if b == 0 {
			return "", "", false
		}
		whole = a / b
	default:
		whole, _ = strconv.ParseFloat(strings.Replace(m[1], ",", ".", 1), 64)
		if m[3] != "" {
			a, _ := strconv.ParseFloat(m[2], 64)
			b, _ := strconv.ParseFloat(m[3], 64)
			if b == 0 || a >= b {
				return "", "", false // 38 3/2 is no fraction of an inch
			}
			whole += a / b
		}
		if m[4] != "" {
			whole += 0.5 // any vulgar fraction: above the whole number
		}
	}
	if whole <= 0 {
		return "", "", false
	}
	return num, unit, true
}

// SizeValueOK reports whether a size's value reads as one: a number or
// letters (39, 39.5, 7 1/2, M, XL, 42R, 175/92A, 均码), at most 24
// characters, with a letter or a digit in it.
func SizeValueOK(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || len([]rune(s)) > 24 {
		return false
	}
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// unitNames are the names of the units, the longest first, for
// ParseMeasure to find the one a value ends with.
func unitNames() []string {
	return []string{"inches", "inch", "厘米", "公分", "毫米", "英寸", "cm", "mm", "in", `"`, "″"}
}

func lastRune(s string) rune {
	r := []rune(s)
	return r[len(r)-1]
}

// lastString is the last character of s ("" for "").
func lastString(s string) string {
	if s == "" {
		return ""
	}
	return string(lastRune(s))
}

// foldWidth folds full-width digits, letters and the full-width point,
// comma, slash and space (typed with a Chinese input method) into their
// ASCII forms.
func foldWidth(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９', r >= 'Ａ' && r <= 'Ｚ', r >= 'ａ' && r <= 'ｚ':
			return r - '０' + '0'
		case r == '．':
			return '.'
		case r == '，':
			return ','
		case r == '／':
			return '/'
		case r == '\u3000':
			return ' '
		}
		return r
	}, s)
}
