package merge

import (
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/profile"
)

// TestBirthdayKeyAsString: birthdayKey, written without fmt, is the
// month and day as MonthDay.String writes them (L, LL before a lunar and
// a leap month's), for every month and day and out-of-range ones.
func TestBirthdayKeyAsString(t *testing.T) {
	for m := time.Month(0); m <= 13; m++ {
		for _, day := range []int{-1, 0, 1, 9, 10, 29, 31, 99, 100} {
			for _, lunar := range []bool{false, true} {
				d := profile.ImportantDate{Kind: profile.DateBirthday, When: civil.MonthDay{Year: 1980, Month: m, Day: day}, Lunar: lunar, LeapMonth: lunar && day%2 == 1}
				md := civil.MonthDay{Month: m, Day: day}
				want := md.String()
				if d.LeapMonth {
					want = "L" + want
				}
				if lunar {
					want = "L" + want
				}
				if m == 0 {
					want = "" // no birthday
				}
				if got := birthdayKey([]profile.ImportantDate{{Kind: profile.DateAnniversary, When: civil.MonthDay{Month: 1, Day: 1}}, d}); got != want {
					t.Errorf("birthdayKey(%+v) = %q, want %q", d, got, want)
				}
			}
		}
	}
}
