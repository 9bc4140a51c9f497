package merge

import (
	"testing"
	"time"

	"github.com/vipbook/vipbook/profile"
)

// TestPoint9AddressAsAWhole: issue 12 point 9. An address merges as a
// whole: a city comes with its own district, never "上海 朝阳" from 上海
// and 北京 朝阳; the same city takes the district the other side adds; the
// district that lost is kept in the history.
func TestPoint9AddressAsAWhole(t *testing.T) {
	now := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name                     string
		bookCity, bookDistrict   string
		inCity, inDistrict       string
		prefer                   Prefer
		wantCity, wantDistrict   string
		historyField, historyOld string
	}{
		{"another city wins: its district (none) goes with it", "北京", "朝阳", "上海", "", PreferIncoming, "上海", "", "district", "朝阳"},
		{"another city with its district", "北京", "朝阳", "上海", "静安", PreferIncoming, "上海", "静安", "district", "朝阳"},
		{"the book's city wins: its district stays", "北京", "朝阳", "上海", "静安", PreferBook, "北京", "朝阳", "district", "静安"},
		{"the same city: the district added", "上海", "", "上海", "静安", PreferIncoming, "上海", "静安", "", ""},
		{"the same city, the book's district kept", "上海", "静安", "上海", "", PreferIncoming, "上海", "静安", "", ""},
		{"nothing in the book: the incoming address", "", "", "上海", "静安", PreferBook, "上海", "静安", "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			b := &profile.Profile{Name: "王小明", City: c.bookCity, District: c.bookDistrict}
			in := &profile.Profile{Name: "王小明", City: c.inCity, District: c.inDistrict}
			Profiles(b, in, Options{Now: now, Prefer: c.prefer, Source: "handover"})
			if b.City != c.wantCity || b.District != c.wantDistrict {
				t.Errorf("address %q %q, want %q %q", b.City, b.District, c.wantCity, c.wantDistrict)
			}
			found := c.historyField == ""
			for _, h := range b.History {
				if h.Field == c.historyField && h.Old == c.historyOld {
					found = true
				}
			}
			if !found {
				t.Errorf("the losing %s %q is not in the history: %+v", c.historyField, c.historyOld, b.History)
			}
		})
	}
}
