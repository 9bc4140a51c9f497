package dateinput

import (
	"errors"
	"fmt"
	"testing"

	"github.com/vipbook/vipbook/civil"
)

func TestMoment(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2026-11-25 15:00", "2026-11-25 15:00"},
		{"15:00", "2026-11-24 15:00"},
		{"9:30", "2026-11-24 09:30"},
		{"明天 15:00", "2026-11-25 15:00"},
		{"明天15:00", "2026-11-25 15:00"},
		{"tomorrow 3pm", "2026-11-25 15:00"},
		{"next friday 3:30pm", "2026-12-04 15:30"},
		{"friday 12am", "2026-11-27 00:00"},
		{"下周五下午3点", "2026-12-04 15:00"},
		{"后天上午10点半", "2026-11-26 10:30"},
		{"周六 14点15分", "2026-11-28 14:15"},
		{"八月十五 晚上7点", "2027-09-15 19:00"},
		{"+2w 10:00", "2026-12-08 10:00"},
	}
	for _, tt := range tests {
		d, h, m, err := Moment(tt.in, today)
		if got := fmt.Sprintf("%s %02d:%02d", d, h, m); err != nil || got != tt.want {
			t.Errorf("Moment(%q) = %s, %v; want %s", tt.in, got, err, tt.want)
		}
	}
	for _, tt := range []struct {
		in     string
		reason Reason
	}{
		{"", ReasonEmpty},
		{"tomorrow", ReasonForm},
		{"soon 15:00", ReasonForm},
		{"25:00", ReasonNoSuchDay},
		{"13pm", ReasonNoSuchDay},
		{"2026-02-30 10:00", ReasonNoSuchDay},
	} {
		_, _, _, err := Moment(tt.in, today)
		var de *Error
		if !errors.As(err, &de) || de.Reason != tt.reason || de.Want != WantMoment || de.Input != tt.in {
			t.Errorf("Moment(%q) = %v, want reason %d", tt.in, err, tt.reason)
		}
	}
}

// FuzzMoment: Moment never panics, gives a time of day that exists on a
// day of 1900 to 2100, or an *Error naming the input.
func FuzzMoment(f *testing.F) {
	for _, s := range []string{"明天 15:00", "next friday 3pm", "下周五下午3点", "3点半", "2026-11-25 15:00", "25:00", "12am", ""} {
		f.Add(s)
	}
	today := civil.MustParse("2026-11-24")
	f.Fuzz(func(t *testing.T, s string) {
		d, h, m, err := Moment(s, today)
		if err != nil {
			var de *Error
			if !errors.As(err, &de) || de.Input != s || de.Want != WantMoment {
				t.Fatalf("%q: %v", s, err)
			}
			return
		}
		if h < 0 || h > 23 || m < 0 || m > 59 || d.Year < MinYear || d.Year > MaxYear {
			t.Fatalf("%q: %s %d:%d", s, d, h, m)
		}
	})
}
