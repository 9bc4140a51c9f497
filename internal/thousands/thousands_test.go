package thousands

import (
	"math"
	"testing"
)

func TestGroup(t *testing.T) {
	for _, tc := range []struct {
		n    int64
		want string
	}{
		{0, "0"}, {7, "7"}, {999, "999"}, {1000, "1,000"}, {12800, "12,800"}, {123456, "123,456"},
		{1234567, "1,234,567"}, {-1200, "-1,200"}, {-999, "-999"},
		{math.MinInt64, "-9,223,372,036,854,775,808"}, {math.MaxInt64, "9,223,372,036,854,775,807"},
	} {
		if got := Group(tc.n, ","); got != tc.want {
			t.Errorf("Group(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
	if got := Group(1234567, " "); got != "1 234 567" {
		t.Errorf("Group with a space = %q", got)
	}
}
