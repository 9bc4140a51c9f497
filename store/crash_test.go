package store

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

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
)

// The crash test: a child process (this test binary, re-run with
// VIPBOOK_CRASH_CHILD set) adds notes to a real book one transaction at a
// time and prints each note's index once its commit has returned; the
// parent kills it with SIGKILL at a random moment, reopens the book and
// checks that every acknowledged note is there, intact, and that Check
// (bbolt's consistency check included) finds nothing wrong. A kill loses
// no write that reached the kernel; a power cut, which this cannot
// simulate, is bbolt's fsync's to survive.

const crashClient = "crashc" // the one client the notes belong to

// crashClients are the clients the child's purchases go to, in turn.
var crashClients = []string{crashClient, "crashb", "crashd", "crashe"}

func crashNoteID(i int) string { return fmt.Sprintf("crash%07d", i) }
func crashNoteText(i int) string {
	return fmt.Sprintf("note %d: %s", i, strings.Repeat(strconv.Itoa(i%10), i%200))
}

// TestCrashChild is the child's side; it does nothing in a normal run.
func TestCrashChild(t *testing.T) {
	path := os.Getenv("VIPBOOK_CRASH_CHILD")
	if path == "" {
		t.Skip("run by TestCrashSafety in a child process")
	}
	start, _ := strconv.Atoi(os.Getenv("VIPBOOK_CRASH_START"))
	b, err := Open(path, Options{Timeout: 5 * time.Second})
	if err != nil {
		fmt.Fprintln(os.Stderr, "child open:", err)
		os.Exit(3)
	}
	for i := start; i < start+100000; i++ {
		// Every third note a visit: it moves the client's visit days,
		// last contact and rhythm, so a kill lands in writes of the
		// brief record too (check compares it with the summary).
		kind := notes.General
		switch {
		case i%3 == 0:
			kind = notes.Visit
		case i%5 == 1: // indexed as a situation too (bSitTime)
			kind = notes.Situation
		}
		err := b.Update(func(tx *Tx) error {
			if err := tx.AddNote(&notes.Note{ID: crashNoteID(i), ClientID: crashClient, Kind: kind, Text: crashNoteText(i),
				At: time.Unix(1_700_000_000+int64(i), 0).UTC()}); err != nil {
				return err
			}
			// Every other write a purchase too, which moves its client in
			// the kept spend ranking (some land outside the 12 months).
			if i%2 == 0 {
				return tx.AddPurchase(&profile.Purchase{ClientID: crashClients[i/2%len(crashClients)],
					Date: civil.Of(tx.Now()).AddDays(-(i % 500)), Amount: profile.Money(i%997 + 1)})
			}
			return nil
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, "child write:", err)
			os.Exit(4)
		}
		fmt.Fprintln(os.Stdout, i) // unbuffered: one write(2) after the commit returned
	}
	os.Exit(0)
}

func TestCrashSafety(t *testing.T) {
	if os.Getenv("VIPBOOK_CRASH_CHILD") != "" {
		t.Skip("child")
	}
	// Each trial kills the child once it has acknowledged a number of notes,
	// then a random pause later, so the kill lands anywhere in a write and the
	// test does the same work on a quiet machine and on a loaded one: it
	// counts notes, never the time they took.
	trials, minNotes, maxPause := 20, 1000, 5*time.Millisecond
	if os.Getenv("VIPBOOK_STRESS") == "1" { // make stress
		trials, minNotes, maxPause = 300, 30000, 50*time.Millisecond
	}
	path := filepath.Join(t.TempDir(), "book.db")
	b, err := Init(path, Meta{Associate: "crash"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	err = b.Update(func(tx *Tx) error {
		p := &profile.Profile{ID: crashClient, Name: "Crash Test", Phones: []profile.Phone{{Number: "13800138000"}}}
		if err := tx.AddClient(p); err != nil {
			return err
		}
		for _, id := range crashClients[1:] {
			if err := tx.AddClient(&profile.Profile{ID: id, Name: "Crash " + id}); err != nil {
				return err
			}
		}
		return nil
	})
	b.Close()
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	next, acked, killedMidWrite := 0, 0, 0
	for trial := 0; trial < trials; trial++ {
		left := trials - trial
		need := max(1, (minNotes-acked+left-1)/left) // spread what is left over the trials left
		after := need + rng.IntN(need)
		got, mid := crashTrial(t, path, next, after, time.Duration(rng.Int64N(int64(maxPause))))
		if mid {
			killedMidWrite++
		}
		acked += len(got)
		last := verifyCrashBook(t, path, got, next)
		next = last + 1
	}
	t.Logf("%d trials (%d killed while writing), %d notes acknowledged, %d in the book, all found and intact; Check sound",
		trials, killedMidWrite, acked, next)
	if acked < minNotes {
		t.Errorf("%d notes acknowledged, want at least %d", acked, minNotes)
	}
	if killedMidWrite < trials {
		t.Errorf("only %d of %d trials killed the child while it wrote", killedMidWrite, trials)
	}
}

// crashTrial runs the child from note start, kills it pause after it has
// acknowledged after notes, and returns the notes it acknowledged and
// whether it was still writing when killed. It waits as long as the child
// takes: a hung child is go test's -timeout to catch.
func crashTrial(t *testing.T, path string, start, after int, pause time.Duration) ([]int, bool) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$")
	cmd.Env = append(os.Environ(), "VIPBOOK_CRASH_CHILD="+path, "VIPBOOK_CRASH_START="+strconv.Itoa(start))
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan int, 1<<16)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if n, err := strconv.Atoi(sc.Text()); err == nil {
				lines <- n
			}
		}
	}()
	var got []int
	for len(got) < after {
		n, ok := <-lines
		if !ok {
			cmd.Wait()
			t.Fatalf("the child stopped after %d of %d notes: %s", len(got), after, stderr.String())
		}
		got = append(got, n)
	}
	time.Sleep(pause)
	_ = cmd.Process.Signal(syscall.SIGKILL)
	for n := range lines {
		got = append(got, n)
	}
	err = cmd.Wait()
	ws, _ := cmd.ProcessState.Sys().(syscall.WaitStatus)
	mid := err != nil && ws.Signaled() && ws.Signal() == syscall.SIGKILL
	if !mid && err != nil {
		t.Fatalf("the child failed: %v: %s", err, stderr.String())
	}
	return got, mid
}

// verifyCrashBook reopens the book after a kill and checks it: every
// acknowledged note is there and intact, the notes run without a gap from 0,
// the summary counts them, and Check finds nothing. It returns the index of
// the last note in the book.
func verifyCrashBook(t *testing.T, path string, acked []int, start int) int {
	t.Helper()
	for i, n := range acked {
		if n != start+i {
			t.Fatalf("the child acknowledged note %d out of order (want %d)", n, start+i)
		}
	}
	b, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("reopen after the kill: %v", err)
	}
	defer b.Close()
	last := -1
	err = b.View(func(tx *Tx) error {
		all, err := tx.Notes(crashClient)
		if err != nil {
			return err
		}
		// Notes come newest first; their times follow their index.
		for j := len(all) - 1; j >= 0; j-- {
			n := all[j]
			i := len(all) - 1 - j
			if n.ID != crashNoteID(i) || n.Text != crashNoteText(i) || n.ClientID != crashClient {
				return fmt.Errorf("note %d is %q %q, want %q %q", i, n.ID, n.Text, crashNoteID(i), crashNoteText(i))
			}
		}
		last = len(all) - 1
		s, err := tx.Summary(crashClient)
		if err != nil {
			return err
		}
		if s.NoteCount != len(all) {
			return fmt.Errorf("the summary counts %d notes, the book holds %d", s.NoteCount, len(all))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(acked) > 0 && last < acked[len(acked)-1] {
		t.Fatalf("note %d was acknowledged but the book ends at %d", acked[len(acked)-1], last)
	}
	b.Close()
	rep, err := Check(path)
	if err != nil || !rep.Sound() {
		t.Fatalf("Check after the kill: %v %q", err, rep.Problems)
	}
	return last
}
