package bbolt

import (
	"bytes"
	stderrors "errors"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"testing"

	"go.etcd.io/bbolt/errors"
)

// op is one transaction of a scenario: it runs on the same book written
// with Put (sorted false) or with PutSorted (sorted true).
type op func(tx *Tx, sorted bool) error

// putAll puts the pairs into the bucket named name, with Put one at a
// time or with one PutSorted.
func putAll(tx *Tx, name string, sorted bool, keys, values [][]byte) error {
	b, err := tx.CreateBucketIfNotExists([]byte(name))
	if err != nil {
		return err
	}
	if sorted {
		return b.PutSorted(len(keys), func(i int) ([]byte, []byte) { return keys[i], values[i] })
	}
	for i := range keys {
		if err := b.Put(keys[i], values[i]); err != nil {
			return err
		}
	}
	return nil
}

// pairs returns n sorted keys from prefix, step apart, with values of
// size bytes.
func pairs(prefix string, from, n, step, size int) (keys, values [][]byte) {
	for i := 0; i < n; i++ {
		keys = append(keys, []byte(fmt.Sprintf("%s%09d", prefix, from+i*step)))
		values = append(values, bytes.Repeat([]byte{byte(i)}, size))
	}
	return keys, values
}

// run writes a book with the ops, each in its own transaction.
func run(t *testing.T, path string, sorted bool, ops []op) {
	t.Helper()
	db, err := Open(path, 0600, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, o := range ops {
		if err := db.Update(func(tx *Tx) error { return o(tx, sorted) }); err != nil {
			t.Fatalf("transaction %d: %v", i, err)
		}
	}
	if err := db.View(func(tx *Tx) error {
		for err := range tx.Check() {
			return err
		}
		return nil
	}); err != nil {
		t.Fatalf("check: %v", err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestPutSortedSameAsPut writes the same transactions with Put and with
// PutSorted and finds the two files the same, byte for byte, and whole
// (tx.Check): into a new bucket (inline, then a tree of many leaves), at
// the end of a bucket of many leaves, after the last leaf was emptied,
// among a bucket's keys (no append: each is Put), over existing keys, in
// a nested bucket, and with values over a page.
func TestPutSortedSameAsPut(t *testing.T) {
	k1, v1 := pairs("a", 0, 3, 1, 10)         // stays inline
	k2, v2 := pairs("b", 0, 20000, 2, 40)     // many leaves in one commit
	k3, v3 := pairs("b", 40000, 5000, 1, 100) // after them
	k4, v4 := pairs("b", 1, 300, 7, 20)       // among them
	k5, v5 := pairs("b", 40000, 50, 3, 5)     // over some of k3
	k6, v6 := pairs("c", 0, 10, 1, 9000)      // values over a page
	rng := rand.New(rand.NewSource(1))
	var k7, v7 [][]byte // random keys
	for i := 0; i < 3000; i++ {
		k := make([]byte, 1+rng.Intn(30))
		rng.Read(k)
		k7 = append(k7, k)
	}
	slicesSortUnique(&k7)
	for range k7 {
		v7 = append(v7, []byte("v"))
	}
	ops := []op{
		func(tx *Tx, s bool) error { return putAll(tx, "x", s, k1, v1) },
		func(tx *Tx, s bool) error { return putAll(tx, "y", s, k2, v2) },
		func(tx *Tx, s bool) error { return putAll(tx, "y", s, k3, v3) },
		func(tx *Tx, s bool) error { return putAll(tx, "y", s, k4, v4) },
		func(tx *Tx, s bool) error { return putAll(tx, "y", s, k5, v5) },
		func(tx *Tx, s bool) error {
			// Empty the last leaves, then append after what is left.
			b := tx.Bucket([]byte("y"))
			c := b.Cursor()
			for k, _ := c.Last(); k != nil && bytes.Compare(k, []byte("b000042000")) >= 0; k, _ = c.Last() {
				if err := b.Delete(k); err != nil {
					return err
				}
			}
			return putAll(tx, "y", s, k6, v6)
		},
		func(tx *Tx, s bool) error {
			b, err := tx.Bucket([]byte("y")).CreateBucket([]byte("nested"))
			if err != nil {
				return err
			}
			if s {
				return b.PutSorted(len(k7), func(i int) ([]byte, []byte) { return k7[i], v7[i] })
			}
			for i := range k7 {
				if err := b.Put(k7[i], v7[i]); err != nil {
					return err
				}
			}
			return nil
		},
		func(tx *Tx, s bool) error { return putAll(tx, "z", s, k7, v7) },
	}
	dir := t.TempDir()
	put, sorted := filepath.Join(dir, "put.db"), filepath.Join(dir, "sorted.db")
	run(t, put, false, ops)
	run(t, sorted, true, ops)
	a, err := os.ReadFile(put)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(sorted)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatalf("the files differ: %d and %d bytes", len(a), len(b))
	}
	// And the file holds what was put (so the two are not both wrong).
	db, err := Open(sorted, 0600, &Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.View(func(tx *Tx) error {
		y := tx.Bucket([]byte("y"))
		for i, k := range k3[:2000] { // those past 42000 are deleted
			want := v3[i]
			for j, k5 := range k5 {
				if bytes.Equal(k5, k) {
					want = v5[j]
				}
			}
			if got := y.Get(k); !bytes.Equal(got, want) {
				return fmt.Errorf("%s = %x, want %x", k, got, want)
			}
		}
		if got := y.Get(k6[9]); !bytes.Equal(got, v6[9]) {
			return fmt.Errorf("%s: %d bytes, want %d", k6[9], len(got), len(v6[9]))
		}
		if n := y.Bucket([]byte("nested")).Stats().KeyN; n != len(k7) {
			return fmt.Errorf("nested: %d keys, want %d", n, len(k7))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func slicesSortUnique(ks *[][]byte) {
	s := *ks
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && bytes.Compare(s[j-1], s[j]) > 0; j-- {
			s[j-1], s[j] = s[j], s[j-1]
		}
	}
	out := s[:0]
	for i, k := range s {
		if i == 0 || !bytes.Equal(k, s[i-1]) {
			out = append(out, k)
		}
	}
	*ks = out
}

// TestPutSortedRefuses finds each refused input stores nothing.
func TestPutSortedRefuses(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "b.db"), 0600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Update(func(tx *Tx) error { _, err := tx.CreateBucket([]byte("b")); return err }); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		keys [][]byte
		want error
	}{
		{[][]byte{[]byte("a"), []byte("c"), []byte("b")}, ErrKeysNotSorted},
		{[][]byte{[]byte("a"), []byte("a")}, ErrKeysNotSorted},
		{[][]byte{[]byte("a"), nil}, errors.ErrKeyRequired},
		{[][]byte{[]byte("a"), bytes.Repeat([]byte("k"), MaxKeySize+1)}, errors.ErrKeyTooLarge},
	}
	for _, c := range cases {
		err := db.Update(func(tx *Tx) error {
			b := tx.Bucket([]byte("b"))
			err := b.PutSorted(len(c.keys), func(i int) ([]byte, []byte) { return c.keys[i], []byte("v") })
			if n := b.Stats().KeyN; n != 0 {
				t.Errorf("%q: %d keys stored", c.keys, n)
			}
			return err
		})
		if !stderrors.Is(err, c.want) {
			t.Errorf("%q: %v, want %v", c.keys, err, c.want)
		}
	}
	if err := db.View(func(tx *Tx) error {
		return tx.Bucket([]byte("b")).PutSorted(1, func(int) ([]byte, []byte) { return []byte("a"), nil })
	}); !stderrors.Is(err, errors.ErrTxNotWritable) {
		t.Errorf("read-only: %v", err)
	}
}
