package tui

import (
	"strings"
	"testing"
	"time"
)

// settle waits until the screen stops changing (two captures a poll
// apart alike) and returns it with its colours (capture-pane -e).
func (tm *tmuxTerm) settle() string {
	tm.t.Helper()
	deadline := time.Now().Add(patience)
	last := tm.tmux("capture-pane", "-p", "-e", "-t", "e2e")
	for {
		time.Sleep(150 * time.Millisecond)
		s := tm.tmux("capture-pane", "-p", "-e", "-t", "e2e")
		if s == last || time.Now().After(deadline) {
			return s
		}
		last = s
	}
}

// TestPoint1HostileInTheApp (issue 14 point 1's done-when, in a real
// terminal): the built app on a demo book made hostile (poisonBook: names,
// notes, follow-ups, visits, requests and every profile text carry OSC 52,
// OSC 8, title sets, screen clears, hidden and coloured text, DCS, APC,
// bidi overrides, C1 controls, carriage returns and invalid UTF-8) is
// walked in tmux through the briefing, a section seen whole, the
// follow-ups, the clients, the report, the handover screen, a search, a
// profile to its history, the gift form, the edit form and the message
// preview, in English at 120x40 and Chinese at 80x24. Every screen
// (capture-pane -e) holds no control but colours and shows the corpus
// visibly (␛); the window title is never the data's, and no OSC 52 reached
// tmux's clipboard (set-clipboard on, no paste buffer).
func TestPoint1HostileInTheApp(t *testing.T) {
	bin := e2eBinary(t)
	for _, tc := range []struct {
		lang, brief string
		w, h        int
		// profileKeys is in the profile's help bar alone, message on the
		// message preview alone: what an esc from them takes away.
		profileKeys, message string
	}{{"en_GB.UTF-8", "Briefing for", 120, 40, "e edit", "Message to"}, {"zh_CN.UTF-8", "简报", 80, 24, "e 编辑", "的消息"}} {
		t.Run(tc.lang, func(t *testing.T) {
			book := e2eBook(t, bin)
			poisonBook(t, book, time.Now)
			tm := newTmux(t)
			// The server started here has no session yet: it stays only
			// with exit-empty off. Without it, it exited at once, so the
			// session began on a new server, clipboard not on (the check
			// below was empty), or on the one exiting: "server exited
			// unexpectedly" under load. The cleanup kills it.
			tm.tmux("start-server", ";", "set-option", "-g", "exit-empty", "off", ";", "set-option", "-g", "set-clipboard", "on")
			if got := strings.TrimSpace(tm.tmux("show-options", "-gv", "set-clipboard")); got != "on" {
				t.Fatalf("tmux's set-clipboard is %q, want on", got)
			}
			tm.start(tc.w, tc.h, []string{"LANG=" + tc.lang, "LC_ALL=", "LC_MESSAGES="}, bin, "--book", book)
			tm.waitFor(tc.brief)
			shown := 0
			check := func(what string) {
				t.Helper()
				s := tm.settle()
				assertInertFrame(t, tc.lang+" "+what, s)
				if strings.Contains(s, "\u241b") {
					shown++
				}
			}
			walk := func(what string, keys ...string) {
				t.Helper()
				tm.keys(keys...)
				check(what)
			}
			// Each esc waits for what it takes away to go (tm.escape):
			// esc and the next key at once read as alt+key.
			back := func(what, gone string) {
				t.Helper()
				tm.escape(gone)
				check(what)
			}
			check("briefing")
			for i := 0; i < 4; i++ {
				walk("briefing scrolled", "Down", "Down", "Down", "Down", "Down")
			}
			walk("a section seen whole", "l")
			walk("the section scrolled", "Down", "Down", "Down", "Down", "Down")
			// The whole section left by a screen's key, not esc: nothing
			// the briefing draws is sure to be off the section's screen
			// for escape to wait on.
			for _, k := range []string{"3", "2", "4", "5", "1"} {
				walk("screen "+k, k)
				walk("screen "+k+" scrolled", "Down", "Down", "Down", "Down", "Down", "Down")
			}
			tm.keys("2", "/")
			tm.text("a")
			check("search")
			tm.keys("Enter")
			tm.waitFor(tc.profileKeys) // the profile is read by a command: keys wait for it
			check("profile")
			walk("profile scrolled", "Down", "Down", "Down", "Down", "Down", "Down", "Down", "Down")
			walk("profile's history", "G")
			walk("gift form", "+", "g")
			back("the profile again", "┃")
			walk("edit form", "e")
			back("the profile again", "┃")
			walk("message preview", "m")
			back("the profile again", tc.message)
			back("the clients again", tc.profileKeys)
			tm.keys("q")
			tm.waitExit()
			if title := strings.TrimSpace(tm.tmux("display-message", "-p", "-t", "e2e", "#{pane_title}")); strings.Contains(title, "PWNED") {
				t.Errorf("the data set the window title: %q", title)
			}
			if bufs := strings.TrimSpace(tm.tmux("list-buffers")); bufs != "" {
				t.Errorf("an OSC 52 of the data reached the clipboard: %q", bufs)
			}
			if shown < 15 {
				t.Errorf("%s: only %d screens showed the corpus visibly (␛)", tc.lang, shown)
			}
		})
	}
}
