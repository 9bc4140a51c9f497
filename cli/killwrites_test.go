package cli

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
)

// Issue 15, "a kill -9 during any write leaves indexes that check finds
// consistent": a child process (this test binary, re-run with
// VIPBOOK_KILL_CHILD set) runs the command line's writes on a real book,
// every kind in turn, saying "start KIND" before each write and "done
// KIND" after it; the parent kills it with SIGKILL a random moment after
// the start of the kind the trial aims at, then runs check on the book.
// store's TestCrashSafety kills notes and purchases thousands of times;
// this covers every other write a command makes, rules included (a
// purchase's follow-ups, a date's greeting), and the writes in more than
// one transaction (an erasure's or a removal's compaction, an import's
// batches). It asserts what check says, never how long anything took.

const killPhone = "13800000001" // the client the writes go to

// killWrite is one kind of write: prep makes what it needs (its own
// writes, not the ones aimed at) and returns the command's arguments.
type killWrite struct {
	kind string
	prep func(t *testing.T, book string, n int) []string
}

// killWrites are the writes the child makes, every kind of write the
// command line has.
var killWrites = []killWrite{
	{"note", func(_ *testing.T, _ string, n int) []string {
		return []string{"note", killPhone, fmt.Sprintf("kill note %d likes navy", n), "--kind", "visit"}
	}},
	{"buy", func(_ *testing.T, _ string, n int) []string {
		return []string{"buy", killPhone, strconv.Itoa(1000 + n), "--items", fmt.Sprintf("silk scarf %d", n)}
	}},
	{"visit", func(_ *testing.T, _ string, _ int) []string {
		return []string{"visit", killPhone, "--at", "2026-11-26 15:00", "--purpose", "fitting"}
	}},
	{"request", func(_ *testing.T, _ string, n int) []string {
		return []string{"request", killPhone, fmt.Sprintf("the navy coat in size %d", 36+n%8)}
	}},
	{"task add", func(_ *testing.T, _ string, n int) []string {
		return []string{"task", "add", killPhone, fmt.Sprintf("call %d", n), "--due", "tomorrow"}
	}},
	{"task done", func(t *testing.T, book string, n int) []string {
		return []string{"task", "done", killTask(t, book, n, tasks.Open)}
	}},
	{"task snooze", func(t *testing.T, book string, n int) []string {
		return []string{"task", "snooze", killTask(t, book, n, tasks.Open), "--until", "2026-11-28"}
	}},
	{"task reopen", func(t *testing.T, book string, n int) []string {
		id := killTask(t, book, n, tasks.Open)
		killRun(t, book, "task", "done", id)
		return []string{"task", "reopen", id}
	}},
	{"edit", func(_ *testing.T, _ string, n int) []string {
		return []string{"edit", killPhone, "--set", fmt.Sprintf("city=City %d", n)}
	}},
	{"size", func(_ *testing.T, _ string, n int) []string {
		return []string{"size", killPhone, "shoes", strconv.Itoa(36 + n%8), "--system", "EU"}
	}},
	{"like", func(_ *testing.T, _ string, n int) []string {
		return []string{"like", killPhone, fmt.Sprintf("navy %d", n), "--category", "colour"}
	}},
	{"measure", func(_ *testing.T, _ string, n int) []string {
		return []string{"measure", killPhone, "chest", strconv.Itoa(90 + n%20), "--unit", "cm"}
	}},
	{"date", func(_ *testing.T, _ string, n int) []string {
		return []string{"date", "add", killPhone, "--kind", "anniversary", "--date", fmt.Sprintf("%02d-%02d", 1+n%12, 1+n%28)}
	}},
	{"family", func(_ *testing.T, _ string, n int) []string {
		return []string{"family", "add", killPhone, fmt.Sprintf("Kid %d", n), "--relation", "child"}
	}},
	{"card", func(_ *testing.T, _ string, n int) []string {
		return []string{"card", "add", killPhone, fmt.Sprintf("VIP-%d", 8000+n), "--program", "Maison"}
	}},
	{"gift", func(_ *testing.T, _ string, n int) []string {
		return []string{"gift", killPhone, fmt.Sprintf("flowers %d", n)}
	}},
	{"merge", func(t *testing.T, book string, n int) []string {
		phone := fmt.Sprintf("1390%07d", n)
		killRun(t, book, "add", fmt.Sprintf("Merge Away %d", n), "--phone", phone)
		killRun(t, book, "note", phone, "a note that moves")
		killRun(t, book, "buy", phone, "700")
		return []string{"merge", phone, killPhone, "--yes"}
	}},
	{"erase", func(t *testing.T, book string, n int) []string {
		phone := fmt.Sprintf("1370%07d", n)
		killRun(t, book, "add", fmt.Sprintf("Erase Me %d", n), "--phone", phone)
		killRun(t, book, "note", phone, "a note that goes")
		killRun(t, book, "buy", phone, "900")
		return []string{"erase", phone, "--yes"}
	}},
	{"import", func(t *testing.T, book string, n int) []string {
		f := filepath.Join(filepath.Dir(book), fmt.Sprintf("import%d.vcf", n))
		var vcf strings.Builder
		for i := range 3 {
			fmt.Fprintf(&vcf, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Imported %d-%d\r\nTEL:+86 136%04d%04d\r\nEND:VCARD\r\n", n, i, n%10000, i)
		}
		if err := os.WriteFile(f, []byte(vcf.String()), 0o600); err != nil {
			t.Fatal(err)
		}
		return []string{"import", f}
	}},
	{"handover receive", func(_ *testing.T, book string, _ int) []string {
		dir := filepath.Dir(book)
		return []string{"handover", "import", filepath.Join(dir, "bundle.age"), "--passphrase-file", filepath.Join(dir, "pass.txt"), "--force"}
	}},
	{"note rm", func(t *testing.T, book string, n int) []string {
		killRun(t, book, "note", killPhone, fmt.Sprintf("logged by mistake %d", n))
		return []string{"note", "rm", killRecord(t, book, "note"), "--yes"}
	}},
	{"buy rm", func(t *testing.T, book string, n int) []string {
		killRun(t, book, "buy", killPhone, strconv.Itoa(5000+n))
		return []string{"buy", "rm", killRecord(t, book, "purchase"), "--yes"}
	}},
}

// killRun runs a command of the child's preparation; a failure ends the
// child (the parent reports its output).
func killRun(t *testing.T, book string, args ...string) {
	t.Helper()
	if _, errOut, err := runLang(book, "en", "", args...); err != nil {
		fmt.Fprintf(os.Stderr, "vipbook %q: %v\n%s", args, err, errOut)
		os.Exit(5)
	}
}

// killClient is the id of the client the writes go to.
func killClient(tx *store.Tx) string { return tx.FindByPhone(killPhone)[0] }

// killTask adds a follow-up and returns the id of one in state st.
func killTask(t *testing.T, book string, n int, st tasks.Status) string {
	killRun(t, book, "task", "add", killPhone, fmt.Sprintf("follow-up %d", n), "--due", "today")
	b, err := store.Open(book, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	id := ""
	_ = b.View(func(tx *store.Tx) error {
		for _, tk := range tx.ClientTasks(killClient(tx)) {
			if tk.Status == st && tk.Title == fmt.Sprintf("follow-up %d", n) {
				id = tk.ID
			}
		}
		return nil
	})
	if id == "" {
		t.Fatalf("no follow-up %d", n)
	}
	return id
}

// killRecord returns the id of the client's newest note or purchase.
func killRecord(t *testing.T, book, kind string) string {
	b, err := store.Open(book, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	id := ""
	err = b.View(func(tx *store.Tx) error {
		c := killClient(tx)
		if kind == "note" {
			ns, err := tx.Notes(c)
			if len(ns) > 0 {
				id = ns[0].ID
			}
			return err
		}
		ps, err := tx.Purchases(c)
		for _, p := range ps {
			if p.Amount >= 5000 {
				id = p.ID
			}
		}
		return err
	})
	if err != nil || id == "" {
		t.Fatalf("no %s to remove: %v", kind, err)
	}
	return id
}

// TestKillChild is the child's side; it does nothing in a normal run.
func TestKillChild(t *testing.T) {
	book := os.Getenv("VIPBOOK_KILL_CHILD")
	if book == "" {
		t.Skip("run by TestKillDuringEveryWrite in a child process")
	}
	first, _ := strconv.Atoi(os.Getenv("VIPBOOK_KILL_KIND"))
	n, _ := strconv.Atoi(os.Getenv("VIPBOOK_KILL_N"))
	for i := first; ; i++ {
		w := killWrites[i%len(killWrites)]
		args := w.prep(t, book, n)
		fmt.Fprintln(os.Stdout, "start", i%len(killWrites))
		if _, errOut, err := runLang(book, "en", "", args...); err != nil {
			fmt.Fprintf(os.Stderr, "%s: vipbook %q: %v\n%s", w.kind, args, err, errOut)
			os.Exit(4)
		}
		fmt.Fprintln(os.Stdout, "done", i%len(killWrites))
		n++
	}
}

func TestKillDuringEveryWrite(t *testing.T) {
	if os.Getenv("VIPBOOK_KILL_CHILD") != "" {
		t.Skip("child")
	}
	dir := t.TempDir()
	book := filepath.Join(dir, "book.db")
	if err := os.WriteFile(filepath.Join(dir, "pass.txt"), []byte("correct horse battery staple\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	run(t, book, "init", "--associate", "李娜", "--store", "Shanghai IFC")
	run(t, book, "add", "王小明", "--phone", killPhone)
	run(t, book, "buy", killPhone, "18400", "--items", "navy suit")
	// The bundle a colleague hands over: two clients with their notes.
	other := filepath.Join(dir, "other", "book.db")
	if err := os.MkdirAll(filepath.Dir(other), 0o700); err != nil {
		t.Fatal(err)
	}
	run(t, other, "init", "--associate", "Wang Fang")
	run(t, other, "add", "Anne Dubois", "--phone", "+33 6 12 34 56 78")
	run(t, other, "note", "Anne", "prefers silk")
	run(t, other, "add", "曾小凡", "--phone", "13916882046")
	run(t, other, "buy", "曾小凡", "3200")
	run(t, other, "handover", "export", "--all", "-o", filepath.Join(dir, "bundle.age"), "--passphrase-file", filepath.Join(dir, "pass.txt"))

	// Two passes over the kinds: the first kills within 30 ms of the
	// write's start (most often during it), the second later, as far as
	// 300 ms (after the commit, in the compaction or the next write's
	// preparation).
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 15))
	midWrite := map[string]int{}
	for pass, most := range []time.Duration{30 * time.Millisecond, 300 * time.Millisecond} {
		for k, w := range killWrites {
			n := (pass*len(killWrites) + k) * 100
			pause := time.Duration(rng.Int64N(int64(most)))
			mid := killTrial(t, book, k, n, pause)
			if mid {
				midWrite[w.kind]++
			}
			rep, err := store.Check(book)
			if err != nil || !rep.Sound() {
				t.Fatalf("killed %v after the start of %s (pass %d): check: %v %q", pause, w.kind, pass, err, rep.Problems)
			}
		}
	}
	t.Logf("killed during the write itself (no 'done' seen), by kind: %v", midWrite)
	// What a killed erasure or removal left owed is finished by the next
	// writable open; the book is sound after it too.
	run(t, book, "note", killPhone, "after the kills")
	if rep, err := store.Check(book); err != nil || !rep.Sound() || rep.EraseUnfinished {
		t.Fatalf("after a last write: %v %q (erase unfinished: %v)", err, rep.Problems, rep.EraseUnfinished)
	}
}

// killTrial starts the child at write kind k (names numbered from n),
// kills it pause after it says it starts that write, and reports whether
// the write had not said it was done when the child died.
func killTrial(t *testing.T, book string, k, n int, pause time.Duration) bool {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestKillChild$")
	cmd.Env = append(os.Environ(), "VIPBOOK_KILL_CHILD="+book, "VIPBOOK_KILL_KIND="+strconv.Itoa(k), "VIPBOOK_KILL_N="+strconv.Itoa(n))
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string, 64)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	start, done := "start "+strconv.Itoa(k), "done "+strconv.Itoa(k)
	for l := range lines {
		if l == start {
			break
		}
	}
	time.Sleep(pause)
	_ = cmd.Process.Signal(syscall.SIGKILL)
	finished := false
	for l := range lines {
		finished = finished || l == done
	}
	err = cmd.Wait()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		t.Fatalf("the child ended before the kill (%v) at %s: %s", err, killWrites[k].kind, stderr.String())
	}
	return !finished
}
