package tui

import (
	"fmt"
	"github.com/vipbook/vipbook/internal/pgtest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	vb "github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/store"
)

// The end-to-end tests build the vipbook binary and drive it in a real
// terminal (tmux, on a private server), as an associate would. They are
// skipped when tmux is not installed, and with -short.

// tmuxTerm is a tmux server of the test's own with one window.
type tmuxTerm struct {
	t      testing.TB
	socket string
}

// e2eBuild is the binary the end-to-end tests share, built once.
var e2eBuild struct {
	sync.Mutex
	dir, bin string
	err      error
}

// TestMain removes the shared binary and demo book after the tests, and
// the PostgreSQL server a test of the team screen started (internal/pgtest).
func TestMain(m *testing.M) {
	code := pgtest.Main(m)
	if e2eBuild.dir != "" {
		os.RemoveAll(e2eBuild.dir)
	}
	if demoCache.dir != "" {
		os.RemoveAll(demoCache.dir)
	}
	os.Exit(code)
}

// e2eBinary builds vipbook once per test binary run.
func e2eBinary(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end test: not with -short")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	e2eBuild.Lock()
	defer e2eBuild.Unlock()
	if e2eBuild.bin == "" && e2eBuild.err == nil {
		e2eBuild.dir, e2eBuild.err = os.MkdirTemp("", "vipbook-e2e-")
		if e2eBuild.err == nil {
			bin := filepath.Join(e2eBuild.dir, "vipbook")
			out, err := exec.Command("go", "build", "-o", bin, "../cmd/vipbook").CombinedOutput()
			if err != nil {
				e2eBuild.err = fmt.Errorf("go build: %v\n%s", err, out)
			} else {
				e2eBuild.bin = bin
			}
		}
	}
	if e2eBuild.err != nil {
		t.Fatal(e2eBuild.err)
	}
	return e2eBuild.bin
}

// e2eBook writes a demo book with the binary (as of the real today).
func e2eBook(t testing.TB, bin string) string {
	t.Helper()
	book := filepath.Join(t.TempDir(), "book.db")
	if out, err := exec.Command(bin, "--book", book, "demo").CombinedOutput(); err != nil {
		t.Fatalf("vipbook demo: %v\n%s", err, out)
	}
	return book
}

func newTmux(t testing.TB) *tmuxTerm {
	tm := &tmuxTerm{t: t, socket: fmt.Sprintf("vipbook-e2e-%d-%d", os.Getpid(), time.Now().UnixNano())}
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", tm.socket, "kill-server").Run() })
	return tm
}

func (tm *tmuxTerm) tmux(args ...string) string {
	tm.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", tm.socket, "-f", "/dev/null"}, args...)...).CombinedOutput()
	if err != nil {
		tm.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// fresh ends the tmux server and moves to a new socket for the next
// session: a session started on the socket of a server that is exiting
// (its last session just killed) fails with "server exited unexpectedly",
// as it did under load.
func (tm *tmuxTerm) fresh() {
	_ = exec.Command("tmux", "-L", tm.socket, "kill-server").Run()
	tm.socket += "-next"
}

// start runs the program in a w x h window with env; the pane stays after
// the program ends so that its last screen can be read.
func (tm *tmuxTerm) start(w, h int, env []string, argv ...string) {
	tm.t.Helper()
	shell := "exec env " + strings.Join(env, " ") + " " + strings.Join(argv, " ")
	tm.tmux("new-session", "-d", "-s", "e2e", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), shell)
	tm.tmux("set-option", "-t", "e2e", "remain-on-exit", "on")
}

// keys sends keys by tmux name (Enter, Space, Down, C-u, ...). It refuses
// Escape: that goes through escape, which waits for the key to take
// effect. Bubble Tea reads esc and a key that comes after it within its
// escape timeout (50 ms, far longer on a loaded machine) as one key,
// alt+key: esc then / opened no search line and the query went to the
// list as keys (TestEndToEndProfile, the CI of 2026-12-06).
func (tm *tmuxTerm) keys(keys ...string) {
	tm.t.Helper()
	for _, k := range keys {
		if isEscape(k) {
			tm.t.Fatalf("keys(%q): send esc with tm.escape, which waits for it to take effect before the next key", keys)
		}
	}
	tm.tmux(append([]string{"send-keys", "-t", "e2e"}, keys...)...)
}

// isEscape reports whether the tmux key name k sends a lone esc.
func isEscape(k string) bool {
	switch strings.ToLower(k) {
	case "escape", "esc", "c-[", "^[":
		return true
	}
	return false
}

// text types text literally. It refuses an esc in s (see keys).
func (tm *tmuxTerm) text(s string) {
	tm.t.Helper()
	if strings.ContainsRune(s, '\x1b') {
		tm.t.Fatalf("text(%q): send esc with tm.escape", s)
	}
	tm.tmux("send-keys", "-t", "e2e", "-l", s)
}

// escape presses esc where the screen shows gone (it waits for it first)
// and waits until gone has left the screen: the proof that the app read
// the esc as esc, so that the key sent next is not read with it as alt+key
// (see keys). gone is what the esc takes away (a form's focus bar "┃", a
// search line, a profile's phone), shown by nothing else the app may
// draw meanwhile.
func (tm *tmuxTerm) escape(gone string) {
	tm.t.Helper()
	tm.waitFor(gone)
	tm.tmux("send-keys", "-t", "e2e", "Escape")
	tm.waitWithout(gone)
}

func (tm *tmuxTerm) screen() string { return tm.tmux("capture-pane", "-p", "-t", "e2e") }

// output is all the pane holds, its history too, wrapped lines joined: what
// a program printed after leaving the alternate screen.
func (tm *tmuxTerm) output() string {
	return tm.tmux("capture-pane", "-p", "-J", "-S", "-", "-t", "e2e")
}

// waitUntil polls the screen until ok holds of it and returns it; it
// fails after patience, saying the screen does not show what.
func (tm *tmuxTerm) waitUntil(what string, ok func(screen string) bool) string {
	tm.t.Helper()
	deadline := time.Now().Add(patience)
	for {
		s := tm.screen()
		if ok(s) {
			return s
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("the screen does not show %s:\n%s", what, s)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// waitFor waits until the screen shows want. A wait proves the key before
// took effect only if want was not on the screen already: wait for what
// the key brings (the search's result under the cursor "> 王小明 Michael
// Wang", not the name the briefing shows too).
func (tm *tmuxTerm) waitFor(want string) string {
	tm.t.Helper()
	return tm.waitUntil(fmt.Sprintf("%q", want), func(s string) bool { return strings.Contains(s, want) })
}

// waitWithout waits until the screen no longer shows gone.
func (tm *tmuxTerm) waitWithout(gone string) {
	tm.t.Helper()
	tm.waitUntil(fmt.Sprintf("the end of %q", gone), func(s string) bool { return !strings.Contains(s, gone) })
}

// waitForLine waits until a line of the screen shows all of parts.
func (tm *tmuxTerm) waitForLine(parts ...string) {
	tm.t.Helper()
	tm.waitUntil(fmt.Sprintf("a line with %q", parts), func(s string) bool { return lineHas(s, parts...) })
}

// waitFocus waits until the form's focused field, the one drawn with the
// theme's bar (┃) at its left, is the field titled title. The form moves
// its focus by a message of its own after the enter: a key typed before
// that frame is drawn lands in the field before (under load, the "g" of
// "gold necklace" went into the amount, "60000g").
func (tm *tmuxTerm) waitFocus(title string) {
	tm.t.Helper()
	tm.waitUntil(fmt.Sprintf("the form's focus on %q", title), func(s string) bool { return strings.HasPrefix(focusedField(s), title) })
}

// focusedField is the focused field's line of the form on screen: its
// title, the text after the theme's bar (┃) on the first line that has
// it; "" with no form.
func focusedField(screen string) string {
	for _, l := range strings.Split(screen, "\n") {
		if t, ok := strings.CutPrefix(strings.TrimSpace(l), "┃ "); ok {
			return strings.TrimSpace(t)
		}
	}
	return ""
}

// waitExit waits until the program has ended.
func (tm *tmuxTerm) waitExit() {
	tm.t.Helper()
	deadline := time.Now().Add(patience)
	for strings.TrimSpace(tm.tmux("display-message", "-p", "-t", "e2e", "#{pane_dead}")) != "1" {
		if time.Now().After(deadline) {
			tm.t.Fatalf("the program did not end:\n%s", tm.screen())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func (tm *tmuxTerm) pid() int {
	tm.t.Helper()
	var pid int
	fmt.Sscan(tm.tmux("display-message", "-p", "-t", "e2e", "#{pane_pid}"), &pid)
	return pid
}

// TestEndToEnd walks the walk in a real terminal, in English and in
// Chinese: the briefing, / zxf finds 曾小凡, enter opens her profile with
// her phone, n logs a note, esc, a follow-up ticked, ? help, q quits; then
// vipbook show finds the note.
func TestEndToEnd(t *testing.T) {
	bin := e2eBinary(t)
	for _, tc := range []struct {
		lang, brief, note, overdueHead, overdue, help, profileKeys string
	}{
		// help is in the whole help alone (the help bar shows "tab next
		// screen"); profileKeys in the profile's help bar alone.
		{"en_GB.UTF-8", "Briefing for", " note ", "Overdue (", "Overdue (%d)", "pgdn page down", "e edit"},
		{"zh_CN.UTF-8", "简报", " 备注 ", "已逾期（", "已逾期（%d）", "pgdn 下一页", "e 编辑"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			book := e2eBook(t, bin)
			tm := newTmux(t)
			tm.start(120, 40, []string{"LANG=" + tc.lang, "LC_ALL=", "LC_MESSAGES="}, bin, "--book", book)
			tm.waitFor(tc.brief)
			tm.text("/zxf")
			// The briefing shows her too (today's visits, with her
			// phone): wait for the search's result, under the cursor,
			// and for her profile's header, or under load the keys run
			// ahead of the screens.
			tm.waitFor("> 曾小凡 Vivian Zeng")
			tm.keys("Enter")
			tm.waitForLine("> 曾小凡", "Li Na")
			tm.waitFor("139 1688 2046")
			tm.text("n")
			tm.waitFor("   i ") // the picker's help (i situation) shows, in either language: the keys do not run ahead
			tm.keys("Enter")    // a plain note
			tm.text("likes jade bracelets")
			tm.keys("Enter")
			// The note shows in her history (the status line says so
			// too, for a few seconds), at the profile's foot: below the
			// 40 lines of the window since the profile shows the store
			// and each size's history, so walk down to it.
			tm.scrollTo(tc.note, "likes jade bracelets")
			tm.escape(tc.profileKeys)
			tm.waitFor("/ zxf")
			tm.text("3")
			before := overdueCount(tm.waitFor(tc.overdueHead))
			tm.keys("Space")
			tm.waitFor(fmt.Sprintf(tc.overdue, before-1))
			tm.text("?")
			tm.waitFor(tc.help)
			tm.text("q")
			tm.waitExit()

			out, err := exec.Command(bin, "--book", book, "show", "+86 139 1688 2046", "--json").CombinedOutput()
			if err != nil {
				t.Fatalf("vipbook show: %v\n%s", err, out)
			}
			if !strings.Contains(string(out), "likes jade bracelets") {
				t.Fatalf("vipbook show lacks the note:\n%s", out)
			}
		})
	}
}

// TestEndToEndSmallWindow opens the book in an 80x24 window and resizes it.
func TestEndToEndSmallWindow(t *testing.T) {
	bin := e2eBinary(t)
	book := e2eBook(t, bin)
	tm := newTmux(t)
	tm.start(80, 24, []string{"LANG=C.UTF-8", "LC_ALL="}, bin, "--book", book)
	tm.waitFor("Briefing for")
	tm.text("2")
	tm.waitFor("Last visit")
	tm.tmux("resize-window", "-t", "e2e", "-x", "120", "-y", "40")
	tm.waitFor("12 months")
	tm.tmux("resize-window", "-t", "e2e", "-x", "30", "-y", "8")
	tm.waitFor("too small")
	tm.tmux("resize-window", "-t", "e2e", "-x", "80", "-y", "24")
	tm.waitFor("Last visit")
	tm.text("q")
	tm.waitExit()
}

// TestEndToEndDrafts closes the program while a note is being typed, by
// SIGTERM and by closing the terminal (SIGHUP), and checks that the next
// start offers the note back and that resuming it saves it.
func TestEndToEndDrafts(t *testing.T) {
	bin := e2eBinary(t)
	for _, how := range []string{"SIGTERM", "SIGHUP"} {
		t.Run(how, func(t *testing.T) {
			book := e2eBook(t, bin)
			tm := newTmux(t)
			env := []string{"LANG=C.UTF-8", "LC_ALL=", "XDG_STATE_HOME=" + t.TempDir()}
			tm.start(120, 40, env, bin, "--book", book)
			tm.waitFor("Briefing for")
			tm.text("/wxm")
			// The briefing shows him too: wait for the search's result,
			// under the cursor, or the enter opens another client.
			tm.waitFor("> 王小明 Michael Wang")
			tm.keys("Enter")
			tm.waitFor("Sizes and preferences")
			tm.text("n")
			tm.waitFor("pick its kind") // the picker shows: the keys do not run ahead
			tm.keys("Enter")            // a plain note
			tm.waitFor("Note on 王小明: what you learnt")
			tm.text("prefers silver, not gold")
			tm.waitFor("prefers silver, not gold")
			switch how {
			case "SIGTERM":
				if err := syscall.Kill(tm.pid(), syscall.SIGTERM); err != nil {
					t.Fatal(err)
				}
				tm.waitExit()
				// The terminal is given back: out of the alternate screen,
				// the cursor shown, and the message says where the text is.
				tm.checkRestored()
				if out := tm.output(); !strings.Contains(out, "kept as a draft in the book "+book) {
					t.Fatalf("the message does not say where the text is:\n%s", out)
				}
			case "SIGHUP":
				// Closing the window hangs up the program's terminal.
				pid := tm.pid()
				tm.tmux("kill-session", "-t", "e2e")
				waitGone(t, pid)
			}
			// The next start on a server of its own: on the socket of
			// the server whose last session just ended, new-session
			// failed with "server exited unexpectedly" under load.
			tm.fresh()
			if ds := bookDrafts(t, book); !slices.ContainsFunc(ds, func(d store.Draft) bool { return d.Text == "prefers silver, not gold" }) {
				t.Fatalf("the note being typed is not a draft in the book: %+v", ds)
			}

			tm.start(120, 40, env, bin, "--book", book)
			tm.waitFor("Unfinished from last time")
			tm.waitFor("prefers silver, not gold")
			tm.keys("Enter")
			tm.waitFor("Note on 王小明: prefers silver, not gold")
			tm.keys("Enter")
			tm.waitFor("Note saved on 王小明")
			tm.text("q")
			tm.waitExit()

			out, err := exec.Command(bin, "--book", book, "show", "王小明", "--json").CombinedOutput()
			if err != nil {
				t.Fatalf("vipbook show: %v\n%s", err, out)
			}
			if !strings.Contains(string(out), "prefers silver, not gold") {
				t.Fatalf("the resumed note is not in the book:\n%s", out)
			}
		})
	}
}

// TestEndToEndReadOnly opens a book whose file is read-only (0400): a
// banner says so and how to fix it, a note saved is refused with its text
// kept in the input, ctrl+c writes it to a fallback file that the message
// names, and once the file is writable again the next start offers it.
func TestEndToEndReadOnly(t *testing.T) {
	bin := e2eBinary(t)
	book := e2eBook(t, bin)
	if err := os.Chmod(book, 0o400); err != nil {
		t.Fatal(err)
	}
	state := t.TempDir()
	env := []string{"LANG=C.UTF-8", "LC_ALL=", "XDG_STATE_HOME=" + state}
	tm := newTmux(t)
	tm.start(120, 40, env, bin, "--book", book)
	tm.waitFor("Read-only: changes can't be saved — chmod u+w " + book)
	tm.text("/wxm")
	tm.waitFor("> 王小明 Michael Wang")
	tm.keys("Enter")
	tm.waitFor("Sizes and preferences")
	tm.text("n")
	tm.waitFor("pick its kind") // the picker shows: the keys do not run ahead
	tm.keys("Enter")            // a plain note
	tm.waitFor("Note on 王小明: what you learnt")
	tm.text("asks for the blue box")
	tm.waitFor("asks for the blue box")
	tm.keys("Enter")
	tm.waitFor("The book is read-only: not saved. Your text is kept")
	tm.waitForLine("王小明", "asks for the blue box") // still in the input
	tm.keys("C-c")
	tm.waitExit()
	tm.checkRestored()
	files, _ := filepath.Glob(filepath.Join(state, "vipbook", "drafts-*.json"))
	if len(files) != 1 {
		t.Fatalf("want one fallback file, found %v:\n%s", files, tm.screen())
	}
	if out := tm.output(); !strings.Contains(out, "written to "+files[0]) {
		t.Fatalf("the message does not name %s:\n%s", files[0], out)
	}
	tm.fresh()

	if err := os.Chmod(book, 0o600); err != nil {
		t.Fatal(err)
	}
	tm.start(120, 40, env, bin, "--book", book)
	tm.waitFor("Unfinished from last time")
	tm.waitFor("asks for the blue box")
	tm.keys("Enter")
	tm.waitFor("Note on 王小明: asks for the blue box")
	tm.keys("Enter")
	tm.waitFor("Note saved on 王小明")
	tm.text("q")
	tm.waitExit()
	if left, _ := filepath.Glob(filepath.Join(state, "vipbook", "drafts-*.json")); len(left) != 0 {
		t.Fatalf("the fallback file stays after its draft went into the book: %v", left)
	}
}

// checkRestored fails unless the program, ended, gave the terminal back:
// out of the alternate screen, the mouse no longer reported. (tmux keeps
// these modes of a dead pane as the program left them; it reports the
// cursor of a dead pane as hidden whatever the program did.)
func (tm *tmuxTerm) checkRestored() {
	tm.t.Helper()
	got := strings.TrimSpace(tm.tmux("display-message", "-p", "-t", "e2e", "#{alternate_on} #{mouse_button_flag} #{mouse_any_flag}"))
	if got != "0 0 0" {
		tm.t.Fatalf("the terminal is not restored (alternate screen, mouse modes: %q, want \"0 0 0\"):\n%s", got, tm.screen())
	}
}

// bookDrafts reads the drafts of the book at path.
func bookDrafts(t *testing.T, path string) []store.Draft {
	t.Helper()
	b, err := vb.Open(path, vb.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	var ds []store.Draft
	if err := b.View(func(tx *store.Tx) error {
		var err error
		ds, err = tx.Drafts()
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return ds
}

// overdueCount reads the number of overdue follow-ups on the follow-ups
// screen: the first number in parentheses.
func overdueCount(screen string) int {
	for _, open := range []string{"(", "（"} {
		if i := strings.Index(screen, open); i >= 0 {
			var n int
			if _, err := fmt.Sscan(screen[i+len(open):], &n); err == nil {
				return n
			}
		}
	}
	return -1
}

// waitGone waits until process pid has ended.
func waitGone(t *testing.T, pid int) {
	t.Helper()
	deadline := time.Now().Add(patience)
	for syscall.Kill(pid, 0) == nil {
		if time.Now().After(deadline) {
			t.Fatalf("process %d did not end", pid)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
