package tui

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/interchange"
	"github.com/vipbook/vipbook/internal/termsafe"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
	"github.com/vipbook/vipbook/visits"
)

// hostile is client data made of what a terminal obeys: OSC 52, an OSC 8
// link, a title set, a screen clear, hidden and coloured text, DCS, APC,
// bidi overrides, the C1 CSI as a raw byte and as a character, a carriage
// return.
var hostile = []string{
	"Clip\x1b]52;c;cHduZWQ=\x07board",
	"Link\x1b]8;;https://evil.example/\x1b\\Anne\x1b]8;;\x1b\\",
	"Title\x1b]0;PWNED\x07",
	"Clear\x1b[2J\x1b[H",
	"Hide\x1b[8mhidden\x1b[0m",
	"Red\x1b[31;40mred",
	"Dcs\x1bP1$r\x1b\\Apc\x1b_x\x1b\\",
	"Bidi\u202etxt.exe\u202c",
	"Iso\u2066lated\u2069",
	"C1\u009b31mraw\x9b2J",
	"Cr\roverwritten",
}

// sgr is a colour sequence as the styles draw them.
var sgr = regexp.MustCompile("\x1b\\[[0-9;:]*m")

// assertInertFrame fails when the frame holds anything a terminal would
// obey other than the styles' colours: an escape sequence other than SGR, a
// concealing SGR, a colour from the data, a control character other than
// newline, a C1 or bidi control, invalid UTF-8.
func assertInertFrame(t *testing.T, what, frame string) {
	t.Helper()
	if strings.Contains(frame, "\x1b[31;40m") {
		i := strings.Index(frame, "\x1b[31;40m")
		t.Errorf("%s: a colour from the data reaches the frame: %q", what, frame[max(0, i-200):i+20])
	}
	for _, m := range sgr.FindAllString(frame, -1) {
		for _, p := range strings.Split(strings.Trim(m, "\x1b[m"), ";") {
			if p == "8" && !strings.Contains(m, "38;") && !strings.Contains(m, "48;") {
				t.Errorf("%s: concealing SGR %q in the frame", what, m)
			}
		}
	}
	rest := sgr.ReplaceAllString(frame, "")
	if !utf8.ValidString(rest) {
		t.Errorf("%s: invalid UTF-8 in the frame", what)
	}
	for _, r := range rest {
		if r < 0x20 && r != '\n' || r == 0x7f || r >= 0x80 && r <= 0x9f ||
			r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
			t.Errorf("%s: control %U reaches the frame:\n%q", what, r, rest)
			return
		}
	}
}

// TestPoint1TerminalInjection: a book of hostile clients (imported from a
// vCard and a CSV, with hostile notes, follow-ups and a visit) is drawn on
// every screen, every profile, the edit form and the message screen, and a
// hostile note is typed (pasted) in the app: no byte of it reaches the
// frame as a control.
func TestPoint1TerminalInjection(t *testing.T) {
	path := filepath.Join(t.TempDir(), "book.db")
	b, err := store.Init(path, store.Meta{Associate: "Li\x1b]0;x\x07", CountryCode: "86", Currency: "CNY"}, store.Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	note := strings.Join(hostile, " \n")
	var vcf, csv strings.Builder
	csv.WriteString("Name,Phone,Notes\n")
	for i, n := range hostile {
		fmt.Fprintf(&vcf, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:V%s\r\nTEL:+86 138 0013 80%02d\r\nNOTE:%s\r\nEND:VCARD\r\n", n, i, strings.ReplaceAll(note, "\n", "\\n"))
		fmt.Fprintf(&csv, "\"S%s\",+86 139 0013 80%02d,\"%s\"\n", n, i, note)
	}
	today := civil.Of(testNow())
	err = b.Update(func(tx *store.Tx) error {
		for name, data := range map[string]string{"h.vcf": vcf.String(), "h.csv": csv.String()} {
			src, err := interchange.Parse(name, []byte(data), interchange.ParseOptions{CC: "86"})
			if err != nil {
				return err
			}
			plan, err := interchange.MakePlan(tx, src, interchange.PlanOptions{})
			if err != nil {
				return err
			}
			if err := interchange.Apply(tx, plan, nil); err != nil {
				return err
			}
		}
		sums, err := tx.Summaries()
		if err != nil {
			return err
		}
		for i, s := range sums {
			h := hostile[i%len(hostile)]
			if err := tx.AddNote(&notes.Note{ClientID: s.ID, Kind: notes.Situation, Text: "situation " + h, At: testNow()}); err != nil {
				return err
			}
			if err := tx.AddTask(&tasks.Task{ClientID: s.ID, Title: "call " + h, Kind: tasks.CallBack, Due: today, Status: tasks.Open, Note: h}); err != nil {
				return err
			}
			if i < 3 {
				at := testNow().Add(time.Duration(i+1) * time.Hour)
				if err := tx.AddAppointment(&visits.Appointment{ClientID: s.ID, Start: at, Duration: time.Hour, Purpose: "fit " + h, Status: "booked"}); err != nil {
					return err
				}
			}
			if err := tx.AddPurchase(&profile.Purchase{ClientID: s.ID, Amount: 1000, Items: "coat " + h, Date: today.AddDays(-3)}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	b.Close()
	opened := openBook(t, path)
	h := newHarness(t, opened, "en", 120, 40)
	frame := func(what string) {
		t.Helper()
		assertInertFrame(t, what, h.m.View().Content)
	}
	if v := h.view(); !strings.Contains(v, "Today's visits (3)") || !strings.Contains(v, "  fit ") {
		t.Errorf("the briefing does not show the hostile visits:\n%s", v)
	}
	for _, k := range []string{"1", "2", "3", "4", "5", "1"} {
		h.keys(k)
		frame("screen " + k)
		for i := 0; i < 30; i++ {
			h.keys("down")
		}
		frame("screen " + k + " scrolled")
	}
	for i := range hostile {
		for _, prefix := range []string{"13800138", "13900138"} {
			phone := fmt.Sprintf("%s0%02d", prefix, i)
			h.keys("2", "/")
			h.typeText(phone)
			frame("search " + phone)
			h.keys("enter")
			frame("profile " + phone)
			if v := h.view(); !strings.Contains(v, termsafe.Line(hostile[i])) {
				t.Errorf("profile %s does not show %q visibly:\n%s", phone, termsafe.Line(hostile[i]), v)
			}
			if i == 0 {
				h.keys("n", "enter")
				h.send(tea.PasteMsg{Content: "typed " + note})
				frame("typing a note")
				h.keys("enter")
				frame("typed note saved")
				if v := h.view(); !strings.Contains(v, "typed Clip") {
					t.Errorf("the typed note is not shown:\n%s", v)
				}
				h.keys("e")
				frame("edit form")
				h.keys("esc")
				h.keys("m")
				frame("message")
				if h.m.message == nil {
					t.Error("m does not open the message screen")
				}
				h.keys("esc")
			}
			h.keys("esc", "esc", "esc")
		}
	}
	for _, lang := range []string{"zh"} {
		hz := newHarness(t, opened, lang, 100, 30)
		for _, k := range []string{"1", "2", "3", "4"} {
			hz.keys(k)
			assertInertFrame(t, lang+" screen "+k, hz.m.View().Content)
		}
	}
}
