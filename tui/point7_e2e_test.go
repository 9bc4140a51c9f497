package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/festivals"
)

// TestPoint7NewYearsEveInTheApp: issue 12 point 7 walked in the built
// app, in English at 120x40 and in Chinese at 80x24: with the festivals
// shown far enough ahead (rhythm.festival_lead_days) to reach the next
// 除夕, the briefing lists it, the last day of the lunar year, on its day.
func TestPoint7NewYearsEveInTheApp(t *testing.T) {
	bin := e2eBinary(t)
	today := civil.Of(time.Now())
	var eve festivals.Festival
	for _, f := range festivals.Between(today.AddDays(1), today.AddDays(366)) {
		if f.Key == "lunar_new_years_eve" {
			eve = f
			break
		}
	}
	if eve.Key == "" {
		t.Fatal("no 除夕 within a year of today")
	}
	days := today.DaysUntil(eve.Date)
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.toml")
	if err := os.WriteFile(cfg, []byte(fmt.Sprintf("[rhythm]\nfestival_lead_days = %d\n", days+1)), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		lang, brief, name, month string // month: the lunar day's month as the language says it
		w, h                     int
	}{
		{"en_GB.UTF-8", "Briefing for", "Chinese New Year's Eve", "lunar 12-", 120, 40},
		{"zh_CN.UTF-8", "简报", "除夕", "腊月", 80, 24},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			book := filepath.Join(t.TempDir(), "book.db")
			vipbookRun(t, bin, book, "init", "--associate", "李娜")
			vipbookRun(t, bin, book, "add", "王小明", "--phone", "13800000000")
			tm := newTmux(t)
			tm.start(tc.w, tc.h, []string{"LANG=" + tc.lang, "LC_ALL=", "LC_MESSAGES="}, bin, "--book", book, "--config", cfg)
			// The briefing drawn before the first key: a key sent
			// while the program starts moves nothing.
			tm.waitFor(tc.brief)
			tm.scrollTo(tc.name)
			if !lineHas(tm.screen(), tc.name, tc.month, fmt.Sprint(days)) {
				t.Errorf("除夕 (%s, in %d days) is not on the briefing with its day:\n%s", eve.Date, days, tm.screen())
			}
			tm.text("q")
			tm.waitExit()
		})
	}
}
