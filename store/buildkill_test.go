package store

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	bolt "go.etcd.io/bbolt"
)

// TestBuildKillChild is the child's side of TestBuildKillSafety; it does
// nothing in a normal run. It opens the book for writing, the kept
// indexes built four clients a transaction, and prints a line after each
// committed step of the build.
func TestBuildKillChild(t *testing.T) {
	path := os.Getenv("VIPBOOK_BUILD_CHILD")
	if path == "" {
		t.Skip("run by TestBuildKillSafety in a child process")
	}
	buildBatch, buildInPlace, searchRun = 4, 0, 400
	buildInterrupt = func(step string) error {
		fmt.Fprintln(os.Stdout, step) // unbuffered: one write(2) after the commit
		return nil
	}
	b, err := Open(path, Options{Timeout: 5 * time.Second, Now: clock})
	if err != nil {
		fmt.Fprintln(os.Stderr, "child open:", err)
		os.Exit(3)
	}
	b.Close()
	fmt.Fprintln(os.Stdout, "done")
	os.Exit(0)
}

// TestBuildKillSafety: a child process builds the kept indexes of a book
// that lacks them and is killed with SIGKILL after a random number of the
// build's transactions, again and again. After every kill Check finds the
// book sound and no index is at the top level half built (all the dropped
// ones are there, or none); once a build ends, the indexes are what the
// in-transaction build writes.
func TestBuildKillSafety(t *testing.T) {
	if os.Getenv("VIPBOOK_BUILD_CHILD") != "" {
		t.Skip("child")
	}
	path := bookWithoutKept(t, "kill", 40)
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 2))
	// The first build runs to its end: how many steps a build takes.
	total, done := buildKillTrial(t, path, 1<<30, 0)
	if !done {
		t.Fatalf("the build did not end")
	}
	verifyBuilt(t, path)
	dropKept(t, path, keptIndexes)
	finished, killed := 0, 0
	for range 14 {
		steps, done := buildKillTrial(t, path, rng.IntN(total+3), time.Duration(rng.Int64N(int64(2*time.Millisecond))))
		if rep, err := Check(path); err != nil || !rep.Sound() {
			t.Fatalf("check after a kill %d steps into the build: %v %q", steps, err, rep.Problems)
		}
		db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
		if err != nil {
			t.Fatal(err)
		}
		var there int
		_ = db.View(func(tx *bolt.Tx) error {
			for _, name := range keptIndexes {
				if tx.Bucket(name) != nil {
					there++
				}
			}
			return nil
		})
		db.Close()
		switch {
		case there == len(keptIndexes):
			finished++
			verifyBuilt(t, path)
			dropKept(t, path, keptIndexes)
		case there == 0:
			if done {
				t.Fatalf("the child said done, the indexes are not there")
			}
			killed++
		default:
			t.Fatalf("%d of %d indexes at the top level after a kill %d steps into the build", there, len(keptIndexes), steps)
		}
	}
	t.Logf("a build of %d steps; %d builds killed midway, %d finished", total, killed, finished)
	if killed == 0 {
		t.Errorf("no kill landed in a build")
	}
	verifyBuilt(t, path)
}

// verifyBuilt opens the book for writing (which finishes a build) and
// fails unless its kept indexes are what the in-transaction build writes.
func verifyBuilt(t *testing.T, path string) {
	t.Helper()
	b, err := Open(path, Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	checkKept(t, b, "search")
	checkBriefKept(t, b, "brief")
	checkRankSound(t, b, civil.Of(clock()), "ranking")
}

// buildKillTrial runs the child and kills it pause after it has printed
// after steps of the build (or lets it end), returning the steps printed
// and whether it said done.
func buildKillTrial(t *testing.T, path string, after int, pause time.Duration) (int, bool) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestBuildKillChild$")
	cmd.Env = append(os.Environ(), "VIPBOOK_BUILD_CHILD="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	var lines []string
	for len(lines) < after && sc.Scan() {
		lines = append(lines, sc.Text())
	}
	time.Sleep(pause)
	_ = cmd.Process.Signal(syscall.SIGKILL)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	_ = cmd.Wait()
	return len(lines), slices.Contains(lines, "done")
}

// bookWithoutKept writes a closed book at a new path of n clients with
// notes (Chinese and English) and purchases, as a book from before the
// kept indexes: they are dropped, for its next writable open to build.
func bookWithoutKept(t *testing.T, associate string, n int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "book.db")
	b, err := Init(path, Meta{Associate: associate}, Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{"喜欢藏青色的外套", "likes navy loafers", "想要39码的鞋", "call back Friday 周五回电"}
	err = b.Update(func(tx *Tx) error {
		var ps []*profile.Profile
		for i := range n {
			ps = append(ps, &profile.Profile{Name: keptNames[i%len(keptNames)] + fmt.Sprint(i), Phones: []profile.Phone{{Number: fmt.Sprintf("1380013%04d", i)}},
				Tags: []string{keptTags[i%len(keptTags)]}})
		}
		if err := tx.AddClients(ps); err != nil {
			return err
		}
		var ns []notes.Note
		var buys []profile.Purchase
		for i, p := range ps {
			for j := range i % 4 {
				ns = append(ns, notes.Note{ClientID: p.ID, Kind: notes.General, Text: texts[(i+j)%len(texts)]})
			}
			buys = append(buys, profile.Purchase{ClientID: p.ID, Date: civil.Of(testNow).AddDays(-i * 11 % 400), Amount: profile.Money(100 * (i%7 + 1))})
		}
		if _, err := tx.ImportNotes(ns); err != nil {
			return err
		}
		_, err := tx.ImportPurchases(buys)
		return err
	})
	b.Close()
	if err != nil {
		t.Fatal(err)
	}
	dropKept(t, path, keptIndexes)
	return path
}
