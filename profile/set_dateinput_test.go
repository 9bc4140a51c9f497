package profile

import (
	"errors"
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/dateinput"
)

// Issue 12, point 8: a birthday written the way people write lunar dates
// is a lunar birthday, whatever the field; a bad one is refused with the
// reader's reason.
func TestPoint8SetBirthday(t *testing.T) {
	now := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		field, value string
		want         ImportantDate
	}{
		{"birthday", "农历八月十五", ImportantDate{Kind: DateBirthday, Lunar: true, When: md(0, 8, 15)}},
		{"birthday", "腊月廿三", ImportantDate{Kind: DateBirthday, Lunar: true, When: md(0, 12, 23)}},
		{"birthday", "闰四月初一", ImportantDate{Kind: DateBirthday, Lunar: true, LeapMonth: true, When: md(0, 4, 1)}},
		{"birthday", "农历1978年七月三十", ImportantDate{Kind: DateBirthday, Lunar: true, When: md(1978, 7, 30)}},
		{"birthday", "1985年3月5日", ImportantDate{Kind: DateBirthday, When: md(1985, 3, 5)}},
		{"birthday", "03-05", ImportantDate{Kind: DateBirthday, When: md(0, 3, 5)}},
		{"lunar_birthday", "08-15", ImportantDate{Kind: DateBirthday, Lunar: true, When: md(0, 8, 15)}},
		{"anniversary", "正月初一", ImportantDate{Kind: DateAnniversary, Lunar: true, When: md(0, 1, 1)}},
	}
	for _, tt := range tests {
		var p Profile
		if err := Set(&p, tt.field, tt.value, now); err != nil {
			t.Errorf("Set(%s=%s): %v", tt.field, tt.value, err)
			continue
		}
		tt.want.LeadDays = DefaultLeadDays
		if len(p.Dates) != 1 || p.Dates[0] != tt.want {
			t.Errorf("Set(%s=%s) = %+v, want %+v", tt.field, tt.value, p.Dates, tt.want)
		}
	}
	for _, bad := range []string{"9999-12-31", "02-30", "soon", "农历2026年闰四月初一"} {
		var p Profile
		err := Set(&p, "birthday", bad, now)
		var de *dateinput.Error
		if !errors.Is(err, ErrBadField) || !errors.As(err, &de) || len(p.Dates) != 0 {
			t.Errorf("Set(birthday=%s) = %v, dates %+v", bad, err, p.Dates)
		}
	}
}

func md(y, m, d int) civil.MonthDay { return civil.MonthDay{Year: y, Month: time.Month(m), Day: d} }
