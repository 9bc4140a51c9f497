package store

import (
	"fmt"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// TestPutKVsEqualKeys puts sorted pairs with two equal keys (bbolt's
// PutSorted refuses them): each is put, the later value kept, as Put in
// that order keeps it; and pairs among a bucket's keys land among them.
func TestPutKVsEqualKeys(t *testing.T) {
	db, err := bolt.Open(filepath.Join(t.TempDir(), "b.db"), 0600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		bk, err := tx.CreateBucket([]byte("b"))
		if err != nil {
			return err
		}
		if err := putKVs(bk, []kv{{[]byte("m"), []byte("0")}}); err != nil {
			return err
		}
		return putKVs(bk, []kv{
			{[]byte("a"), []byte("1")}, {[]byte("a"), []byte("2")}, {[]byte("n"), []byte("3")},
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	err = db.View(func(tx *bolt.Tx) error {
		var got []string
		tx.Bucket([]byte("b")).ForEach(func(k, v []byte) error {
			got = append(got, string(k)+"="+string(v))
			return nil
		})
		if want := "[a=2 m=0 n=3]"; fmt.Sprint(got) != want {
			t.Errorf("bucket holds %v, want %s", got, want)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
