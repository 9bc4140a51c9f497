package profile

import (
	"fmt"
	"strings"
)

// AmbiguousAmountError is an amount that reads two ways (12.800: twelve
// point eight, or twelve thousand eight hundred); it is refused with both.
type AmbiguousAmountError struct {
	Input  string
	AsDot  Money // the reading with the separator as the decimal point
	AsThou Money // the reading with the separator grouping thousands
}

func (e *AmbiguousAmountError) Error() string {
	return fmt.Sprintf("%q reads two ways: %s or %s; write it without doubt, such as %s or %s", e.Input, e.AsDot, e.AsThou,
		e.AsDot.Plain(), e.AsThou.Plain())
}

// Unwrap makes errors.Is(err, ErrBadAmount) true.
func (e *AmbiguousAmountError) Unwrap() error { return ErrBadAmount }

// Plain formats m without thousands separators: 12800 or 12.80.
func (m Money) Plain() string {
	if m%100 == 0 {
		return fmt.Sprint(int64(m) / 100)
	}
	return fmt.Sprintf("%d.%02d", int64(m)/100, int64(m)%100)
}

// DecimalComma reports whether amounts in currency are written with a
// decimal comma (1.280,50 €) rather than a decimal point (¥1,280.50).
func DecimalComma(currency string) bool {
	switch strings.ToUpper(currency) {
	case "EUR", "BRL", "RUB", "TRY", "IDR", "VND", "DKK", "NOK", "SEK", "PLN", "CZK", "HUF", "ARS", "CLP", "COP":
		return true
	}
	return false
}

// ParseAmount reads an amount as people write it in the book's currency:
// 1280, 1,280.50, 1.280,50, ¥12,800, 12800元, 12.800,50 €. With both marks
// the last is the decimal one; a mark repeated groups thousands; a single
// mark followed by other than three digits is the decimal one. A single
// mark followed by three digits is read as grouping when it is the
// currency's grouping mark (12,800 in CNY, 12.800 in EUR, or after € / 元
// written in the amount), and refused as ambiguous (*AmbiguousAmountError,
// with both readings) when it is the currency's decimal mark. More than two
// decimals, a negative or an absurd amount are refused (ErrBadAmount).
func ParseAmount(s, currency string) (Money, error) {
	t := strings.TrimSpace(s)
	comma := DecimalComma(currency)
	if strings.Contains(t, "€") {
		comma = true
	}
	for _, sym := range []string{"CNY", "RMB", "EUR", "USD", "GBP", "JPY", "HKD", "¥", "￥", "$", "€", "£", "元", "块", "\u00a0", "\u202f", " ", "_", "'"} {
		t = strings.ReplaceAll(t, sym, "")
	}
	bad := func() (Money, error) {
		return 0, fmt.Errorf("%w: %q (write it like 1280 or 1280.50)", ErrBadAmount, s)
	}
	if t == "" || len(t) > 40 {
		return bad()
	}
	for _, r := range t {
		if (r < '0' || r > '9') && r != '.' && r != ',' {
			return bad()
		}
	}
	dots, commas := strings.Count(t, "."), strings.Count(t, ",")
	var intPart, frac string
	var ambiguous bool
	switch {
	case dots > 0 && commas > 0:
		dec := strings.LastIndexAny(t, ".,")
		grp := ","
		if t[dec] == ',' {
			grp = "."
		}
		if strings.Count(t, t[dec:dec+1]) > 1 {
			return bad()
		}
		intPart, frac = t[:dec], t[dec+1:]
		if !grouped(intPart, grp) {
			return bad()
		}
		intPart = strings.ReplaceAll(intPart, grp, "")
	case dots+commas > 1:
		mark := "."
		if commas > 0 {
			mark = ","
		}
		if !grouped(t, mark) {
			return bad()
		}
		intPart = strings.ReplaceAll(t, mark, "")
	case dots+commas == 1:
		i := strings.IndexAny(t, ".,")
		intPart, frac = t[:i], t[i+1:]
		if len(frac) == 3 && intPart != "" && intPart != "0" {
			isDecimalMark := (t[i] == ',') == comma
			if !isDecimalMark {
				intPart, frac = intPart+frac, ""
			} else {
				ambiguous = true
			}
		}
	default:
		intPart = t
	}
	if ambiguous {
		whole, err := toMoney(intPart+frac, "")
		if err != nil {
			return bad()
		}
		dot, _ := toMoney(intPart, frac[:2])
		if frac[2] >= '5' {
			dot++
		}
		return 0, &AmbiguousAmountError{Input: s, AsDot: dot, AsThou: whole}
	}
	if len(frac) > 2 {
		return bad()
	}
	m, err := toMoney(intPart, frac)
	if err != nil {
		return bad()
	}
	return m, nil
}

// grouped reports whether s is digits grouped by mark in threes: 12.800.000.
func grouped(s, mark string) bool {
	parts := strings.Split(s, mark)
	if len(parts[0]) == 0 || len(parts[0]) > 3 {
		return false
	}
	for _, p := range parts[1:] {
		if len(p) != 3 {
			return false
		}
	}
	return true
}

// toMoney joins whole units and up to two decimals.
func toMoney(intPart, frac string) (Money, error) {
	if intPart == "" {
		intPart = "0"
	}
	if len(intPart) > 13 {
		return 0, ErrBadAmount
	}
	var n int64
	for _, r := range intPart + (frac + "00")[:2] {
		n = n*10 + int64(r-'0')
	}
	return Money(n), nil
}
