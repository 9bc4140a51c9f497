package interchange

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"github.com/vipbook/vipbook/i18n"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/demo"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// This file checks vipbook's exports with the programs people read them
// with: Mozilla's ical.js (test/ical), khal for .ics and khard for .vcf
// (Debian's packages, installed by .ci/run). A missing khal or khard skips
// the check on a developer's machine and fails it in CI (CI set).

// tool finds a command the test needs, or skips (fails under CI=true).
func tool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not installed, and CI is set: .ci/run installs it (apt-get install %s)", name, name)
		}
		t.Skipf("%s is not installed: apt-get install %s to run this check (CI fails without it)", name, name)
	}
	return path
}

// utf8Env is the environment for the Python tools: a UTF-8 locale and a
// home of their own, so a developer's configuration is not read.
func utf8Env(home string) []string {
	return append(os.Environ(), "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, ".config"),
		"XDG_DATA_HOME="+filepath.Join(home, ".local", "share"))
}

// khalEvent is one event as khal lists it.
type khalEvent struct{ UID, Start, Title string }

// khalRead imports an .ics file into a new khal calendar (a vdir) and
// returns the events khal stored, one per file, and the events `khal
// printics` lists from the file itself.
func khalRead(t *testing.T, path string) (stored []string, listed []khalEvent) {
	t.Helper()
	khal := tool(t, "khal")
	home := t.TempDir()
	vdir := filepath.Join(home, "cal")
	os.MkdirAll(vdir, 0o700)
	conf := filepath.Join(home, "khal.conf")
	os.WriteFile(conf, []byte(`[calendars]
[[book]]
path = `+vdir+`
type = calendar
[locale]
local_timezone = UTC
default_timezone = UTC
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
[default]
default_calendar = book
`), 0o600)
	run := func(args ...string) []byte {
		cmd := exec.Command(khal, append([]string{"-c", conf}, args...)...)
		cmd.Env = utf8Env(home)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil || strings.Contains(stderr.String(), "critical") || strings.Contains(stderr.String(), "rror") {
			t.Fatalf("khal %s: %v\n%s%s", strings.Join(args, " "), err, out, stderr.String())
		}
		return out
	}
	out := run("printics", "--format", "{uid}\t{start-date}\t{title}", path)
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 3 {
			continue // "N events found in FILE"
		}
		listed = append(listed, khalEvent{f[0], f[1], f[2]})
	}
	run("import", "--batch", "-a", "book", path)
	files, err := os.ReadDir(vdir)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if strings.HasSuffix(f.Name(), ".ics") {
			stored = append(stored, strings.TrimSuffix(f.Name(), ".ics"))
		}
	}
	return stored, listed
}

// wantEvent is an event the export must hold.
type wantEvent struct{ UID, Start, Summary string }

// expectedICS lists, independently of WriteICS, the events and to-dos an
// export must hold: each Gregorian date once (yearly), each lunar date on
// each of its next years' days, each appointment, each open task.
func expectedICS(ex *Export, o ICSOptions) (events []wantEvent, todos []wantEvent) {
	for _, c := range ex.Clients {
		p := c.Profile
		dnc := ""
		if p.Consent.DoNotContact {
			dnc = " (do not contact)"
		}
		for _, d := range p.Dates {
			title := dateTitle(p.DisplayName(), d, i18n.New("en")) + dnc
			if !d.Lunar {
				events = append(events, wantEvent{"", d.Next(o.From).String(), title})
				continue
			}
			day := o.From
			for range o.Years {
				next := d.Next(day)
				events = append(events, wantEvent{"", next.String(), title})
				day = next.AddDays(1)
			}
		}
		for _, a := range c.Appointments {
			title := "Visit: " + p.DisplayName()
			if a.Purpose != "" {
				title += " - " + a.Purpose
			}
			events = append(events, wantEvent{"appt-" + a.ID + "@vipbook", civil.Of(a.Start.UTC()).String(), title})
		}
		for _, tk := range c.Tasks {
			if tk.IsOpen() {
				todos = append(todos, wantEvent{"task-" + tk.ID + "@vipbook", tk.DueOn().String(), tk.Title + " - " + p.DisplayName()})
			}
		}
	}
	return events, todos
}

// demoBook writes a demo book of n clients as of the test's day.
func demoBook(t *testing.T, n int) (*store.Book, []string) {
	t.Helper()
	b := newBook(t)
	if _, err := demo.Generate(b, demo.Options{Clients: n, Seed: 7, Today: civil.Of(testNow), Loc: testNow.Location(), NotesPerClient: 3}); err != nil {
		t.Fatal(err)
	}
	var ids []string
	if err := b.View(func(tx *store.Tx) error {
		sums, err := tx.Summaries()
		for _, s := range sums {
			ids = append(ids, s.ID)
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return b, ids
}

// TestICSReadByOthers exports the sample book and a demo book to
// iCalendar and reads each file with ical.js and with khal: every event and
// every to-do the book holds is there, found one by one by its day and
// title; no two share a UID (a calendar keeps one of them); every line ends
// in CRLF (RFC 5545).
func TestICSReadByOthers(t *testing.T) {
	sample, sampleIDs := sampleBook(t)
	demoB, demoIDs := demoBook(t, 80)
	for _, tc := range []struct {
		name string
		b    *store.Book
		ids  []string
	}{{"sample", sample, sampleIDs}, {"demo", demoB, demoIDs}} {
		t.Run(tc.name, func(t *testing.T) {
			ex := collect(t, tc.b, tc.ids)
			o := ICSOptions{From: civil.Of(testNow), Years: 10}
			var buf bytes.Buffer
			if err := WriteICS(&buf, ex, o); err != nil {
				t.Fatal(err)
			}
			data := buf.Bytes()
			if n := bytes.Count(data, []byte("\n")); n == 0 || bytes.Count(data, []byte("\r\n")) != n {
				t.Errorf("%d of %d lines end in CRLF", bytes.Count(data, []byte("\r\n")), n)
			}
			path := filepath.Join(t.TempDir(), tc.name+".ics")
			os.WriteFile(path, data, 0o600)
			events, todos := expectedICS(ex, o)
			if len(events) == 0 || len(todos) == 0 {
				t.Fatalf("the %s book exports %d events and %d to-dos; the test needs some of each", tc.name, len(events), len(todos))
			}

			var cals []struct {
				Events []struct{ UID, Summary, Start string }
				Todos  []struct{ UID, Summary, Due string }
			}
			if err := json.Unmarshal(icaljs(t, path)["calendars"], &cals); err != nil {
				t.Fatal(err)
			}
			if len(cals) != 1 {
				t.Fatalf("ical.js read %d calendars", len(cals))
			}
			var got []wantEvent
			for _, e := range cals[0].Events {
				got = append(got, wantEvent{e.UID, e.Start[:min(10, len(e.Start))], e.Summary})
			}
			matchEvents(t, "ical.js", events, got)
			var gotTodos []wantEvent
			for _, e := range cals[0].Todos {
				gotTodos = append(gotTodos, wantEvent{e.UID, e.Due, e.Summary})
			}
			matchEvents(t, "ical.js to-dos", todos, gotTodos)

			stored, listed := khalRead(t, path)
			got = got[:0]
			for _, e := range listed {
				got = append(got, wantEvent{e.UID, e.Start, e.Title})
			}
			matchEvents(t, "khal printics", events, got)
			if len(stored) != len(events) {
				t.Errorf("khal import stored %d events, the export has %d", len(stored), len(events))
			}
		})
	}
}

// matchEvents finds every wanted event among got, one by one (by UID when
// the wanted one has it, else by day and title), and says which are
// missing and which UIDs repeat.
func matchEvents(t *testing.T, reader string, want, got []wantEvent) {
	t.Helper()
	uids := map[string]int{}
	for _, g := range got {
		uids[g.UID]++
	}
	for uid, n := range uids {
		if n > 1 {
			t.Errorf("%s: UID %s on %d components", reader, uid, n)
		}
	}
	left := slices.Clone(got)
	var missing []string
	for _, w := range want {
		i := slices.IndexFunc(left, func(g wantEvent) bool {
			return (w.UID == "" || g.UID == w.UID) && g.Start == w.Start && g.Summary == w.Summary
		})
		if i < 0 {
			missing = append(missing, fmt.Sprintf("%s %s %q", w.UID, w.Start, w.Summary))
			continue
		}
		left = slices.Delete(left, i, i+1)
	}
	if len(missing) > 0 || len(left) > 0 {
		t.Errorf("%s: %d of %d missing (%q), %d unexpected (%v)", reader, len(missing), len(want), missing[:min(5, len(missing))],
			len(left), left[:min(5, len(left))])
	}
}

// khardRead puts each card of a .vcf file in a file of its own (as a
// CardDAV folder holds them, which is what khard reads) and runs khard's
// list, birthdays, phone and email commands on the folder, parsable
// output, one line per item. khard refuses a folder with a card it cannot
// parse.
func khardRead(t *testing.T, data []byte) map[string][]string {
	t.Helper()
	khard := tool(t, "khard")
	home := t.TempDir()
	dir := filepath.Join(home, "book")
	os.MkdirAll(dir, 0o700)
	n := 0
	for rest := data; ; n++ {
		i := bytes.Index(rest, []byte("BEGIN:VCARD"))
		j := bytes.Index(rest, []byte("END:VCARD\r\n"))
		if i < 0 || j < i {
			break
		}
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("%04d.vcf", n)), rest[i:j+len("END:VCARD\r\n")], 0o600)
		rest = rest[j+len("END:VCARD\r\n"):]
	}
	conf := filepath.Join(home, "khard.conf")
	os.WriteFile(conf, []byte("[addressbooks]\n[[book]]\npath = "+dir+"\n[general]\ndefault_action = list\n[contact table]\ndisplay = formatted_name\n"), 0o600)
	out := map[string][]string{}
	for _, sub := range []string{"list", "birthdays", "phone", "email"} {
		cmd := exec.Command(khard, "-c", conf, sub, "--parsable")
		cmd.Env = utf8Env(home)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		b, err := cmd.Output()
		if err != nil && !(sub != "list" && bytes.Contains(stderr.Bytes(), []byte("Found no"))) {
			t.Fatalf("khard %s: %v\n%s%s", sub, err, b, stderr.String())
		}
		for _, line := range strings.Split(strings.TrimRight(string(b), "\n"), "\n") {
			if line != "" {
				out[sub] = append(out[sub], line)
			}
		}
	}
	if len(out["list"]) != n {
		t.Errorf("khard lists %d contacts of the %d cards", len(out["list"]), n)
	}
	return out
}

// TestVCardReadByOthers exports the sample and a demo book to vCard and
// reads the file with khard: every client is listed under its name,
// every Gregorian birthday is there on its day (a year-less 29 February
// too), every phone and e-mail one by one.
func TestVCardReadByOthers(t *testing.T) {
	sample, sampleIDs := sampleBook(t)
	demoB, demoIDs := demoBook(t, 80)
	for _, tc := range []struct {
		name string
		b    *store.Book
		ids  []string
	}{{"sample", sample, sampleIDs}, {"demo", demoB, demoIDs}} {
		t.Run(tc.name, func(t *testing.T) {
			ex := collect(t, tc.b, tc.ids)
			var buf bytes.Buffer
			if err := WriteVCard(&buf, ex); err != nil {
				t.Fatal(err)
			}
			got := khardRead(t, buf.Bytes())
			find := func(sub string, match func(f []string) bool) bool {
				for i, line := range got[sub] {
					if match(strings.Split(line, "\t")) {
						got[sub] = slices.Delete(got[sub], i, i+1)
						return true
					}
				}
				return false
			}
			var missing []string
			for _, c := range ex.Clients {
				p := c.Profile
				name := p.DisplayName()
				if !find("list", func(f []string) bool { return len(f) >= 2 && f[0] == clientUID(p.ID) && f[1] == name }) {
					missing = append(missing, "contact "+name)
				}
				for _, d := range p.Dates {
					if d.Lunar || d.Kind != profile.DateBirthday {
						continue
					}
					day := fmt.Sprintf(".%02d.%02d", int(d.When.Month), d.When.Day)
					if !find("birthdays", func(f []string) bool { return len(f) == 2 && strings.HasSuffix(f[0], day) && f[1] == name }) {
						missing = append(missing, "birthday "+d.When.String()+" of "+name)
					}
				}
				for _, ph := range p.Phones {
					if !find("phone", func(f []string) bool { return len(f) >= 2 && f[0] == ph.Number && f[1] == name }) {
						missing = append(missing, "phone "+ph.Number+" of "+name)
					}
				}
				if p.Email != "" && !find("email", func(f []string) bool { return len(f) >= 2 && f[0] == p.Email && f[1] == name }) {
					missing = append(missing, "e-mail "+p.Email+" of "+name)
				}
			}
			if len(missing) > 0 {
				t.Errorf("khard lacks %d items: %q", len(missing), missing[:min(len(missing), 8)])
			}
			for sub, left := range got {
				if len(left) > 0 && sub != "email" { // the e-mail command lists a first line of its own
					t.Errorf("khard %s lists more than was exported: %q", sub, left[:min(len(left), 5)])
				}
			}
		})
	}
}
