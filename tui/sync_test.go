package tui

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/vipbook/vipbook/i18n"
)

// The header's word on the chain: nothing for a book not joined, "offline"
// when the last try failed, how long ago the last sync was otherwise; the
// answer of a sync schedules the next one (no waiting in Update).
func TestSyncLabel(t *testing.T) {
	now := time.Date(2026, 12, 5, 10, 0, 0, 0, time.UTC)
	var scheduled []tea.Msg
	c := &shared{cat: i18n.New(i18n.English), now: func() time.Time { return now },
		after: func(d time.Duration, msg tea.Msg) tea.Cmd { scheduled = append(scheduled, msg); return nil }}
	m := Model{c: c}
	for _, tc := range []struct {
		msg  syncedMsg
		want string
	}{
		{syncedMsg{}, ""},
		{syncedMsg{joined: true, last: now.Add(-2 * time.Minute)}, "synced 2 min ago"},
		{syncedMsg{joined: true, last: now.Add(-10 * time.Second)}, "synced just now"},
		{syncedMsg{joined: true, last: now.Add(-3 * time.Hour)}, "synced 3 h ago"},
		{syncedMsg{joined: true, last: now.Add(-time.Hour), err: errors.New("gone")}, "offline"},
	} {
		mm, _ := m.synced(tc.msg)
		if got := mm.(Model).c.syncLabel(); got != tc.want {
			t.Errorf("%+v: header says %q, want %q", tc.msg, got, tc.want)
		}
	}
	if len(scheduled) != 4 {
		t.Errorf("%d next syncs scheduled after 4 answers of a joined book", len(scheduled))
	}
	// The book's chain status unread for a moment: what the header said
	// stays, and the next sync is still tried (it stopped for the session).
	mm, _ := m.synced(syncedMsg{unread: true})
	if got := mm.(Model).c.syncLabel(); got != "offline" || len(scheduled) != 5 {
		t.Errorf("after an unread status: header %q, %d next syncs scheduled; want offline and 5", got, len(scheduled))
	}
	zh := &shared{cat: i18n.New(i18n.Chinese), now: c.now, sync: syncState{joined: true, last: now.Add(-2 * time.Minute)}}
	if got := zh.syncLabel(); got != "2 分钟前已同步" {
		t.Errorf("in Chinese: %q", got)
	}
}

// TestSyncKeepsTheNews: a sync of the chain that brings others' changes
// reads the book again, and leaves the status line as it was: it cleared
// it ("Note saved on …" gone the moment it was said, when the background
// sync landed then).
func TestSyncKeepsTheNews(t *testing.T) {
	b := openBook(t, demoBookPath(t))
	h := newHarness(t, b, "en", 120, 40)
	openZxf(t, h)
	h.typeText("asks for the blue box")
	h.keys("enter")
	if got := statusOf(h); !strings.Contains(got, "Note saved on 曾小凡") {
		t.Fatalf("status line %q after the note was saved", got)
	}
	h.send(syncedMsg{joined: true, last: testNow(), changed: true})
	if got := statusOf(h); !strings.Contains(got, "Note saved on 曾小凡") {
		t.Fatalf("a sync that brought changes left the status line %q", got)
	}
}
