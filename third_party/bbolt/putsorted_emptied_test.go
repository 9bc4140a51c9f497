package bbolt

import (
	"bytes"
	"fmt"
	"path/filepath"
	"testing"
	"time"
)

// TestPutSortedStraddlesEmptiedLeaf: the bucket's last leaf is emptied in
// the transaction (its separating key S stays in the parent until the
// commit); PutSorted's first key sorts before S (after every key left),
// its later keys after S. Put puts those after S into the emptied leaf;
// PutSorted put them all into the leaf before it, where a read through the
// tree (Get, Seek, Delete) does not find them, and a later Put of one of
// them in the same transaction stores it twice.
func TestPutSortedStraddlesEmptiedLeaf(t *testing.T) {
	for _, sorted := range []bool{false, true} {
		t.Run(fmt.Sprint("sorted=", sorted), func(t *testing.T) {
			db, err := Open(filepath.Join(t.TempDir(), "b.db"), 0600, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			key := func(i int) []byte { return []byte(fmt.Sprintf("k%06d", i)) }
			if err := db.Update(func(tx *Tx) error {
				b, err := tx.CreateBucket([]byte("b"))
				if err != nil {
					return err
				}
				for i := 0; i < 2000; i += 2 {
					if err := b.Put(key(i), []byte("old")); err != nil {
						return err
					}
				}
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			var sep []byte
			err = db.Update(func(tx *Tx) error {
				b := tx.Bucket([]byte("b"))
				c := b.Cursor()
				c.Last()
				if len(c.stack) < 2 {
					return fmt.Errorf("root is a leaf")
				}
				leaf := c.stack[len(c.stack)-1].page
				sep = append([]byte(nil), leaf.LeafPageElement(0).Key()...)
				// Empty the last leaf, and the last 10 keys before it.
				for k, _ := c.Last(); k != nil; k, _ = c.Last() {
					if bytes.Compare(k, sep) < 0 {
						break
					}
					if err := b.Delete(k); err != nil {
						return err
					}
				}
				for i := 0; i < 10; i++ {
					k, _ := c.Last()
					if err := b.Delete(k); err != nil {
						return err
					}
				}
				last, _ := c.Last()
				// Odd keys from after last to past sep.
				var ks [][]byte
				var n int
				fmt.Sscanf(string(last), "k%d", &n)
				for i := n + 1; i < n+200; i += 2 {
					ks = append(ks, key(i))
				}
				if !(bytes.Compare(ks[0], sep) < 0 && bytes.Compare(ks[len(ks)-1], sep) > 0) {
					return fmt.Errorf("keys do not straddle %s", sep)
				}
				v := []byte("new")
				if sorted {
					if err := b.PutSorted(len(ks), func(i int) ([]byte, []byte) { return ks[i], v }); err != nil {
						return err
					}
				} else {
					for _, k := range ks {
						if err := b.Put(k, v); err != nil {
							return err
						}
					}
				}
				// Read back in the same transaction.
				for _, k := range ks {
					if got := b.Get(k); !bytes.Equal(got, v) {
						t.Errorf("Get(%s) in the transaction = %q, want %q (sep %s)", k, got, v, sep)
						break
					}
				}
				// Overwrite the last one, as a later step of the transaction
				// would.
				return b.Put(ks[len(ks)-1], []byte("newer"))
			})
			if err != nil {
				t.Fatal(err)
			}
			if err := db.View(func(tx *Tx) error {
				for err := range tx.Check() {
					t.Errorf("check: %v", err)
				}
				b := tx.Bucket([]byte("b"))
				n := 0
				var prev []byte
				for k, _ := b.Cursor().First(); k != nil; k, _ = b.Cursor().Seek(append(prev, 0)) {
					if prev != nil && bytes.Compare(prev, k) >= 0 {
						t.Errorf("keys out of order: %s then %s", prev, k)
						break
					}
					prev = append([]byte(nil), k...)
					n++
				}
				var dup int
				var p []byte
				b.ForEach(func(k, _ []byte) error {
					if bytes.Equal(k, p) {
						dup++
					}
					p = append(p[:0], k...)
					return nil
				})
				if dup > 0 {
					t.Errorf("%d keys stored twice", dup)
				}
				return nil
			}); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestLastAllLeavesEmptied: Cursor.Last on a bucket of several leaves,
// every key deleted in the transaction, returns nil (upstream v1.5.0 never
// returned); with a key left in the first leaf, it returns that key.
func TestLastAllLeavesEmptied(t *testing.T) {
	for _, keep := range []bool{false, true} {
		db, err := Open(filepath.Join(t.TempDir(), "b.db"), 0600, nil)
		if err != nil {
			t.Fatal(err)
		}
		key := func(i int) []byte { return []byte(fmt.Sprintf("k%06d", i)) }
		err = db.Update(func(tx *Tx) error {
			b, err := tx.CreateBucket([]byte("b"))
			if err != nil {
				return err
			}
			for i := 0; i < 1000; i++ {
				if err := b.Put(key(i), []byte("v")); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		tx, err := db.Begin(true)
		if err != nil {
			t.Fatal(err)
		}
		b := tx.Bucket([]byte("b"))
		if b.Stats().LeafPageN < 3 {
			t.Fatalf("%d leaves: the test needs several", b.Stats().LeafPageN)
		}
		from := 0
		if keep {
			from = 1
		}
		for i := from; i < 1000; i++ {
			if err := b.Delete(key(i)); err != nil {
				t.Fatal(err)
			}
		}
		done := make(chan []byte, 1)
		go func() { k, _ := b.Cursor().Last(); done <- k }()
		select {
		case k := <-done:
			if want := map[bool]string{false: "", true: "k000000"}[keep]; string(k) != want {
				t.Errorf("keep=%v: Last = %q, want %q", keep, k, want)
			}
		case <-time.After(30 * time.Second):
			t.Fatalf("keep=%v: Cursor.Last did not return", keep)
		}
		tx.Rollback()
		db.Close()
	}
}
