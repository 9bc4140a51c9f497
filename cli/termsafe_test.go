package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/internal/termsafe"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
	"github.com/vipbook/vipbook/visits"

	"charm.land/fang/v2"
)

// hostileNames and hostileNotes are client data made of what a terminal
// obeys: OSC 52 (clipboard), OSC 8 (a link), a title set, a screen clear,
// CSI hidden colour, bidi overrides, the C1 CSI (as a raw byte and as a
// character), a carriage return.
var hostileNames = []string{
	"Clip\x1b]52;c;cHduZWQ=\x07board",
	"Link\x1b]8;;https://evil.example/\x1b\\Anne\x1b]8;;\x1b\\",
	"Title\x1b]0;PWNED\x07",
	"Clear\x1b[2J\x1b[H",
	"Hide\x1b[8mhidden\x1b[0m",
	"Bidi\u202etxt.exe\u202c",
	"Iso\u2066lated\u2069",
	"C1\u009b31mred",
	"Red\x1b[31;40mred",
	"Cr\roverwritten",
}

const hostileNote = "note \x1b]52;c;cHduZWQ=\x07 \x1b[2J \x1b[8mhid\x1b[0m \u202eevil\u202c \u009b1m \x1bP1$r\x1b\\ \x1b_apc\x1b\\ \x1b]0;T\x07\nsecond\tline"

// assertNoControls fails when out holds a control character (other than
// newline and tab), a C1 or bidi control, or invalid UTF-8.
func assertNoControls(t *testing.T, what, out string) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Errorf("%s: invalid UTF-8 reaches the output", what)
	}
	for _, r := range out {
		if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r <= 0x9f ||
			r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
			t.Errorf("%s: control %U reaches the output:\n%q", what, r, out)
			return
		}
	}
}

// TestPoint1TerminalInjection: hostile names and notes imported from a
// vCard and a CSV, and typed, run through every command that prints client
// data; no byte of them reaches stdout or stderr as a control, and --json
// still decodes to the very bytes stored.
func TestPoint1TerminalInjection(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "book.db")
	run(t, book, "init", "--associate", "Li \x1b]0;boss\x07Na", "--store", "IFC\u202e")

	var vcf, csv strings.Builder
	csv.WriteString("Name,Phone,Email,Notes\n")
	for i, n := range hostileNames {
		phone := "+86 138 0013 80" + string(rune('1'+i/10)) + string(rune('0'+i%10))
		vcf.WriteString("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:V" + n + "\r\nTEL:" + phone + "\r\nNOTE:" + strings.ReplaceAll(hostileNote, "\n", "\\n") + "\r\nEND:VCARD\r\n")
		csv.WriteString("\"S" + n + "\",+86 139 0013 80" + string(rune('1'+i/10)) + string(rune('0'+i%10)) + ",s" + string(rune('a'+i)) + "@example.com,\"" + hostileNote + "\"\n")
	}
	for name, content := range map[string]string{"hostile.vcf": vcf.String(), "hostile.csv": csv.String()} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{{"import", p, "--dry-run"}, {"import", p}} {
			out, errOut, err := runErr(book, args...)
			if err != nil {
				t.Fatalf("%v: %v\n%s", args, err, errOut)
			}
			assertNoControls(t, strings.Join(args, " "), out+errOut)
		}
	}
	// Typed into a profile or a note, a control is refused, the message
	// showing it visibly; the import above kept each as a visible symbol.
	typed := "T" + hostileNames[0] + hostileNames[3] + hostileNames[5]
	for _, args := range [][]string{
		{"add", typed, "--phone", "+86 137 0013 8000", "--email", "t@example.com"},
		{"add", "Tplain", "--phone", "+86 137 0013 8000", "--city", "Shang\x1b[8mhai"},
	} {
		out, errOut, err := runErr(book, args...)
		if err == nil || !strings.Contains(err.Error(), "control character") {
			t.Errorf("%v: %v", args, err)
		}
		if err != nil {
			errOut += err.Error()
		}
		assertNoControls(t, args[0], out+errOut)
	}
	run(t, book, "add", "T"+termsafe.Line(typed), "--phone", "+86 137 0013 8000", "--email", "t@example.com")
	// A purchase's items, a follow-up's title, a visit's purpose and a
	// request's text are refused as a profile field is (the message shows
	// the controls visibly); an older book may hold them already, so they
	// are written into the book directly to be shown by the commands below.
	for _, args := range [][]string{
		{"buy", "13700138000", "18400", "--items", "coat \x1b]8;;x\x1b\\"},
		{"task", "add", "13700138000", "call \x1b[2J" + hostileNames[4], "--due", "today"},
		{"visit", "13700138000", "--at", "2026-11-24 15:00", "--purpose", "fit\x1b]0;x\x07"},
		{"request", "13700138000", "Kelly\x1b]52;c;eA==\x07 25"},
	} {
		out, errOut, err := runErr(book, args...)
		if err == nil || !strings.Contains(err.Error(), "control character") {
			t.Errorf("%v: %v", args, err)
		}
		if err != nil {
			errOut += err.Error()
		}
		assertNoControls(t, args[0], out+errOut)
	}
	writeOlderRecords(t, book, "13700138000", "coat \x1b]8;;x\x1b\\", "call \x1b[2J"+hostileNames[4], "fit\x1b]0;x\x07")

	var listed []struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	}
	if err := json.Unmarshal([]byte(run(t, book, "list", "--json")), &listed); err != nil {
		t.Fatalf("list --json does not decode: %v", err)
	}
	stored := map[string]bool{}
	for _, c := range listed {
		stored[c.Name] = true
	}
	for _, n := range append(hostileNames, "") {
		if n != "" && !stored["V"+termsafe.Line(n)] && !stored["S"+termsafe.Line(n)] {
			t.Errorf("list --json lost the bytes of %q: %v", n, stored)
		}
	}
	if len(listed) < 2*len(hostileNames)+1 {
		t.Fatalf("%d clients imported, want %d", len(listed), 2*len(hostileNames)+1)
	}

	cmds := [][]string{{"list"}, {"brief"}, {"brief", "--markdown"}, {"tiers"}, {"task", "list"}, {"report"},
		{"search", "V"}, {"search", "S"}, {"show", "13700138000"}, {"show", "13700138000", "--json"}}
	for _, c := range listed {
		cmds = append(cmds, []string{"show", c.ID}, []string{"message", c.ID, "--kind", "thank_you"})
	}
	for _, args := range cmds {
		out, errOut, err := runErr(book, args...)
		if err != nil {
			t.Errorf("%v: %v\n%s", args, err, errOut)
			continue
		}
		assertNoControls(t, strings.Join(args, " "), out+errOut)
	}
	// An error that names the hostile text is printed inert too.
	var errOut strings.Builder
	printError(&errOut, fang.Styles{}, &userError{"no client matches " + hostileNames[2]})
	assertNoControls(t, "an error", errOut.String())
}

// writeOlderRecords writes a purchase, a follow-up and a visit holding
// control characters for the client with phone into book through the
// store, as a book written before they were refused holds them.
func writeOlderRecords(t *testing.T, book, phone, items, title, purpose string) {
	t.Helper()
	b, err := store.Open(book, store.Options{Now: goldenNow})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	err = b.Update(func(tx *store.Tx) error {
		ids := tx.FindByPhone(phone)
		if len(ids) != 1 {
			return fmt.Errorf("%d clients with phone %s", len(ids), phone)
		}
		id := ids[0]
		today := civil.Of(goldenNow())
		if err := tx.AddPurchase(&profile.Purchase{ClientID: id, Date: today, Amount: 18400 * 100, Currency: "CNY", Items: items}); err != nil {
			return err
		}
		if err := tx.AddTask(&tasks.Task{ClientID: id, Title: title, Kind: tasks.Custom, Due: today}); err != nil {
			return err
		}
		start := goldenNow().Truncate(time.Hour).Add(5 * time.Hour)
		return tx.AddAppointment(&visits.Appointment{ClientID: id, Start: start, Duration: time.Hour, Purpose: purpose})
	})
	if err != nil {
		t.Fatal(err)
	}
}
