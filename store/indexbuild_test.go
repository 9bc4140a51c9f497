package store

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	bolt "go.etcd.io/bbolt"
	"pgregory.net/rapid"
)

// dropKept removes the kept indexes from the book at path, as a book
// written before them lacks them, and says so in its meta no further.
func dropKept(t fataler, path string, names [][]byte) {
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatalf("%v", err)
	}
	defer db.Close()
	if err := db.Update(func(tx *bolt.Tx) error {
		for _, name := range names {
			if err := tx.DeleteBucket(name); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
		}
		return nil
	}); err != nil {
		t.Fatalf("%v", err)
	}
}

// errKilled stands for a kill between two transactions of the build.
var errKilled = errors.New("killed")

// TestStreamedBuildEqualsRebuild: on a book written by random writes whose
// kept indexes are then dropped (all of them, or the value records and
// the ranking, or the search index), the first writable open builds them
// streamed, a few clients a transaction and the search postings sorted in
// many runs, and they are what the in-transaction build writes (search
// lists and field tokens, brief records, value records and the ranking of
// the day), check finds the book sound. A build stopped after any of its
// transactions (as by a kill) leaves a book check finds sound, whose
// readers see no index half built, and the next writable open finishes
// it.
func TestStreamedBuildEqualsRebuild(t *testing.T) {
	defer func(b, p, r int, i func(string) error) {
		buildBatch, buildInPlace, searchRun, buildInterrupt = b, p, r, i
	}(buildBatch, buildInPlace, searchRun, buildInterrupt)
	buildInPlace = 0
	rapid.Check(t, func(rt *rapid.T) {
		buildBatch = rapid.IntRange(1, 4).Draw(rt, "batch")
		searchRun = rapid.SampledFrom([]int{1, 300, 1 << 20}).Draw(rt, "run")
		w := newRandomWrites(t, rt)
		w.run(12, func(string) {})
		w.b.Close()
		drop := rapid.SampledFrom([][][]byte{keptIndexes, {bValue, bRank}, {bSearch}, {bBrief, bSpendDay}}).Draw(rt, "drop")
		dropKept(rt, w.path, drop)
		opts := Options{Now: func() time.Time { return w.now }}
		for stops := rapid.IntRange(0, 3).Draw(rt, "kills"); stops > 0; stops-- {
			at := rapid.IntRange(1, 6).Draw(rt, "kill after")
			buildInterrupt = func(string) error {
				if at--; at == 0 {
					return errKilled
				}
				return nil
			}
			b, err := Open(w.path, opts)
			if err == nil {
				b.Close()
				break // the build ended before the kill
			}
			if !errors.Is(err, errKilled) {
				rt.Fatalf("open: %v", err)
			}
			if rep, err := Check(w.path); err != nil || !rep.Sound() {
				rt.Fatalf("check after a kill: %v %v", err, rep.Problems)
			}
			// A reader finds no half-built index: what was dropped is
			// still missing at the top level.
			ro, err := Open(w.path, Options{ReadOnly: true, Now: opts.Now})
			if err != nil {
				rt.Fatal(err)
			}
			_ = ro.db.View(func(tx *bolt.Tx) error {
				for _, name := range drop {
					if tx.Bucket(name) != nil {
						rt.Fatalf("%s at the top level before its build ended", name)
					}
				}
				return nil
			})
			ro.Close()
		}
		buildInterrupt = func(string) error { return nil }
		b, err := Open(w.path, opts)
		if err != nil {
			rt.Fatal(err)
		}
		defer b.Close()
		_ = b.db.View(func(tx *bolt.Tx) error {
			if tx.Bucket(bIndexBuild) != nil {
				rt.Fatalf("the build's bucket is left after the build")
			}
			return nil
		})
		checkKept(rt, b, "search")
		checkBriefKept(rt, b, "brief")
		checkRankSound(rt, b, civil.Of(w.now), "ranking")
		b.Close()
		if rep, err := Check(w.path); err != nil || !rep.Sound() {
			rt.Fatalf("check: %v %v", err, rep.Problems)
		}
	})
}
