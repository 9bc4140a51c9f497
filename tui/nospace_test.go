package tui

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	vb "github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tui/typing"
)

// newHarnessWith is newHarness with the interface's options given whole.
func newHarnessWith(t testing.TB, opt Options, w, h int) *harness {
	t.Helper()
	if opt.ConfigPath == "" {
		opt.ConfigPath = noConfig(t)
	}
	m := newModel(opt, typing.NewKeeper())
	m.c.after = func(time.Duration, tea.Msg) tea.Cmd { return nil }
	hs := &harness{t: t, m: m}
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	hs.run(m.Init())
	return hs
}

// fillBook writes filler drafts (big, then small) and filler notes on
// another client than skip into b until the book's size limit refuses
// even a small one of each.
func fillBook(t *testing.T, b *vb.Book, skip string) {
	t.Helper()
	var other string
	b.View(func(tx *store.Tx) error {
		sums, err := tx.Summaries()
		for _, s := range sums {
			if s.ID != skip {
				other = s.ID
				break
			}
		}
		return err
	})
	n := 0
	fill := func(size int, note bool) {
		filler := strings.Repeat("x", size)
		for {
			if n++; n > 100000 {
				t.Fatal("the book never filled up: is Options.MaxSize ignored?")
			}
			key := fmt.Sprintf("filler:%06d", n)
			err := b.Store().WithoutHooks().Update(func(tx *store.Tx) error {
				if note {
					return tx.AddNote(&notes.Note{ClientID: other, Kind: notes.General, Text: filler})
				}
				return tx.SaveDraft(&store.Draft{Key: key, Text: filler})
			})
			if errors.Is(err, store.ErrFull) {
				return
			}
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	fill(3000, false)
	fill(300, false)
	fill(30, true)
	fill(30, false)
}

// openZxf opens 曾小凡's profile and the note input on her.
func openZxf(t *testing.T, h *harness) string {
	t.Helper()
	h.keys("/")
	h.typeText("zxf")
	h.keys("enter")
	if v := h.view(); !strings.Contains(v, "139 1688 2046") {
		t.Fatalf("the profile does not show her phone:\n%s", v)
	}
	id := h.m.prof.id
	h.keys("n", "enter")
	return id
}

// offered reports whether the drafts offer holds key with text.
func offered(h *harness, key, text string) bool {
	for _, it := range h.m.edit.offer.Items {
		if it.Draft.Key == key && it.Draft.Text == text {
			return true
		}
	}
	return false
}

// pendingText returns the text the keeper holds for key, if any.
func pendingText(k *typing.Keeper, key string) (string, bool) {
	for _, d := range k.Pending() {
		if d.Key == key {
			return d.Text, true
		}
	}
	return "", false
}

// TestFullBookKeepsNote: a note saved on a book whose size limit is
// reached is refused in plain words, its text stays in the input and in
// the draft keeper; once space is freed, saving again lands it, and the
// notes written before are all there.
func TestFullBookKeepsNote(t *testing.T) {
	path := demoBookPath(t)
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	// A size limit a little above the book, then filled to the brim.
	b, err := vb.Open(path, vb.Options{Now: testNow, MaxSize: int(st.Size()) + 160<<10})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })

	h := newHarness(t, b, "en", 120, 40)
	h.keys("esc") // the filler drafts are not the point: leave the offer
	id := openZxf(t, h)
	before := readNotes(t, b, id)
	fillBook(t, b, id)

	const text = "wants the jade bangle in size 56, call after 6pm"
	h.typeText(text)
	h.send(draftTickMsg{h.m.edit.seq}) // the pause in typing: the draft's write fails
	h.keys("enter")
	v := h.view()
	if !strings.Contains(v, "Not saved: the disk (or the book's size limit) is full") {
		t.Fatalf("the refusal is not said in plain words:\n%s", v)
	}
	if h.m.focus() != focusLine || h.m.edit.line == nil || h.m.edit.line.Value() != text {
		t.Fatalf("the text is not back in the input:\n%s", v)
	}
	if !strings.Contains(v, text) {
		t.Fatalf("the input does not show the text:\n%s", v)
	}
	if got, ok := pendingText(h.m.c.drafts, typing.NoteKey(id)); !ok || got != text {
		t.Fatalf("the draft keeper lost the text: %q, %v", got, ok)
	}
	if ns := readNotes(t, b, id); slices.Contains(ns, text) {
		t.Fatal("the refused note is in the book")
	}

	// Space is freed: the next save works. The disk grows (the book is
	// reopened without a size limit under the running app). Deleting
	// something from a full book instead would itself need free pages, and
	// whether a full book has them depends on its layout: a coin toss.
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	if b, err = vb.Open(path, vb.Options{Now: testNow}); err != nil {
		t.Fatal(err)
	}
	h.m.c.book, h.m.c.use = b.Store(), b
	h.keys("enter")
	if v := h.view(); !strings.Contains(v, "Note saved on 曾小凡") {
		t.Fatalf("the second save is not confirmed:\n%s", v)
	}
	ns := readNotes(t, b, id)
	if !slices.Contains(ns, text) {
		t.Fatalf("the note is not in the book after space was freed: %q", ns)
	}
	for _, n := range before {
		if !slices.Contains(ns, n) {
			t.Fatalf("an earlier note is gone: %q", n)
		}
	}
	if _, ok := pendingText(h.m.c.drafts, typing.NoteKey(id)); ok {
		t.Fatal("the saved note is still a pending draft")
	}
}

// TestFullBookDraftsToFile: when the book is full, the exit writes the
// draft being typed to a fallback file (0600 in a 0700 directory) and says
// where; the next start, on a book with room again, imports it into the
// book, removes the file and offers it.
func TestFullBookDraftsToFile(t *testing.T) {
	path := demoBookPath(t)
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	b, err := vb.Open(path, vb.Options{Now: testNow, MaxSize: int(st.Size())})
	if err != nil {
		t.Fatal(err)
	}
	stateDir := filepath.Join(t.TempDir(), "state", "vipbook")
	opt := Options{Book: b, Lang: "zh", Now: testNow, StateDir: stateDir}
	h := newHarnessWith(t, opt, 120, 40)
	id := openZxf(t, h)
	fillBook(t, b, id)
	const text = "喜欢翡翠手镯，56号"
	h.typeText(text)
	h.keys("enter")
	if v := h.view(); !strings.Contains(v, "未保存：磁盘（或客户册大小上限）已满") || h.m.edit.line == nil || h.m.edit.line.Value() != text {
		t.Fatalf("the refusal is not said in Chinese, or the text left the input:\n%s", v)
	}

	var errOut bytes.Buffer
	saveDrafts(h.m.c.drafts, opt, h.m.c.cat, &errOut, false)
	files, _ := filepath.Glob(filepath.Join(stateDir, "drafts-*.json"))
	if len(files) != 1 {
		t.Fatalf("want one fallback file, found %v; the exit said %q", files, errOut.String())
	}
	if !strings.Contains(errOut.String(), files[0]) {
		t.Fatalf("the exit does not say where the draft went: %q", errOut.String())
	}
	if !strings.HasPrefix(filepath.Base(files[0]), "drafts-20261124-0900") {
		t.Errorf("the fallback file is not named by the time: %s", files[0])
	}
	fi, err := os.Stat(files[0])
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("the fallback file's mode is %v (%v), want 0600", fi.Mode().Perm(), err)
	}
	di, err := os.Stat(stateDir)
	if err != nil || di.Mode().Perm() != 0o700 {
		t.Fatalf("the state directory's mode is %v (%v), want 0700", di.Mode().Perm(), err)
	}
	raw, _ := os.ReadFile(files[0])
	if !strings.Contains(string(raw), text) {
		t.Fatalf("the fallback file lacks the text:\n%s", raw)
	}
	b.Close()

	// Next start, room again.
	b2 := openBook(t, path)
	h2 := newHarnessWith(t, Options{Book: b2, Lang: "en", Now: testNow, StateDir: stateDir}, 120, 40)
	if h2.m.focus() != focusDrafts || !offered(h2, typing.NoteKey(id), text) {
		t.Fatalf("the draft from the file is not offered:\n%s", h2.view())
	}
	if left, _ := filepath.Glob(filepath.Join(stateDir, "drafts-*.json")); len(left) != 0 {
		t.Fatalf("the fallback file stays after its drafts went into the book: %v", left)
	}
	var inBook bool
	b2.View(func(tx *store.Tx) error {
		ds, err := tx.Drafts()
		for _, d := range ds {
			inBook = inBook || (d.Key == typing.NoteKey(id) && d.Text == text)
		}
		return err
	})
	if !inBook {
		t.Fatal("the draft from the file is not in the book")
	}
}

// TestReadOnlyBook: a book opened read-only shows a banner that says how
// to make it writable; a note saved is refused in plain words and its text
// stays in the input; the exit writes it to a fallback file and says
// where, and the fallback file of another book is left alone.
func TestReadOnlyBook(t *testing.T) {
	path := demoBookPath(t)
	b, err := vb.Open(path, vb.Options{Now: testNow, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	stateDir := t.TempDir()
	other, err := typing.WriteFallback(stateDir, "/elsewhere/book.db", []store.Draft{{Key: "note:x", ClientID: "x", Text: "another book's"}}, testNow())
	if err != nil {
		t.Fatal(err)
	}
	opt := Options{Book: b, Lang: "en", Now: testNow, ReadOnly: true, StateDir: stateDir}
	h := newHarnessWith(t, opt, 120, 40)
	v := h.view()
	if !strings.Contains(v, "Read-only: changes can't be saved — chmod u+w "+path) {
		t.Fatalf("no read-only banner:\n%s", v)
	}
	if strings.Contains(v, "another book's") {
		t.Fatalf("another book's draft is offered:\n%s", v)
	}
	h.checkFrame(120, 40)
	openZxf(t, h)
	const text = "prefers the quiet fitting room"
	h.typeText(text)
	h.send(draftTickMsg{h.m.edit.seq})
	h.keys("enter")
	v = h.view()
	if !strings.Contains(v, "The book is read-only: not saved. Your text is kept") {
		t.Fatalf("the refusal is not said:\n%s", v)
	}
	if h.m.focus() != focusLine || h.m.edit.line.Value() != text {
		t.Fatalf("the text is not back in the input:\n%s", v)
	}

	var errOut bytes.Buffer
	saveDrafts(h.m.c.drafts, opt, h.m.c.cat, &errOut, false)
	files, _ := filepath.Glob(filepath.Join(stateDir, "drafts-*.json"))
	var mine string
	for _, f := range files {
		if f != other {
			mine = f
		}
	}
	if mine == "" || !strings.Contains(errOut.String(), "written to "+mine) {
		t.Fatalf("the exit does not name the fallback file: %q (files %v)", errOut.String(), files)
	}
	if _, err := os.Stat(other); err != nil {
		t.Fatalf("another book's fallback file was touched: %v", err)
	}

	// The book stays read-only: the next start offers the draft from the
	// file, and keeps the file.
	h2 := newHarnessWith(t, opt, 120, 40)
	if h2.m.focus() != focusDrafts || !strings.Contains(h2.view(), text) {
		t.Fatalf("the draft from the file is not offered on the read-only book:\n%s", h2.view())
	}
	if _, err := os.Stat(mine); err != nil {
		t.Fatalf("the fallback file went while the book could not take it: %v", err)
	}
}

// TestFullBookKeepsTaskForm: a new follow-up refused by a full book brings
// its form back with the answers, says why, and keeps it as a draft.
func TestFullBookKeepsTaskForm(t *testing.T) {
	path := demoBookPath(t)
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	b, err := vb.Open(path, vb.Options{Now: testNow, MaxSize: int(st.Size())})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	h := newHarness(t, b, "en", 120, 40)
	id := openZxf(t, h)
	h.keys("esc") // leave the note input: a follow-up instead
	fillBook(t, b, id)
	h.keys("t")
	const title = "Bring the jade bangle in size 56"
	h.typeText(title)
	h.submitRest()
	v := h.view()
	if h.m.focus() != focusForm || h.m.edit.form == nil || *h.m.edit.form.Values.Str("title") != title {
		t.Fatalf("the refused follow-up's form is not back with its answers:\n%s", v)
	}
	if !strings.Contains(v, "Not saved: the disk (or the book's size limit) is full") {
		t.Fatalf("the refusal is not said in plain words:\n%s", v)
	}
	var kept bool
	for _, d := range h.m.c.drafts.Pending() {
		kept = kept || (d.Key == typing.FormKey(string(formTask), id) && strings.Contains(string(d.Fields), title))
	}
	if !kept {
		t.Fatalf("the form is not kept as a draft: %+v", h.m.c.drafts.Pending())
	}
}
