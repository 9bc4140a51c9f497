package store

import (
	"os"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// TestLastCommitPageSize: a book of pages larger than 4 KiB (a machine of
// 16 KiB pages) whose first meta page does not read (being written as
// Changed looks) gives its transaction id from the second, one page in.
func TestLastCommitPageSize(t *testing.T) {
	for _, size := range []int{4096, 16384, 65536} {
		path := filepath.Join(t.TempDir(), "book.db")
		db, err := bolt.Open(path, 0o600, &bolt.Options{PageSize: size})
		if err != nil {
			t.Fatal(err)
		}
		for range 3 { // the last commit in meta 1, the one before in meta 0
			if err := db.Update(func(tx *bolt.Tx) error {
				_, err := tx.CreateBucketIfNotExists([]byte("b"))
				return err
			}); err != nil {
				t.Fatal(err)
			}
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
		f, err := os.OpenFile(path, os.O_RDWR, 0)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.WriteAt([]byte{0xff, 0xff}, pageHeaderSize+48); err != nil { // meta 0's txid
			t.Fatal(err)
		}
		f.Close()
		txid, _, err := lastCommit(path)
		if err != nil || txid != 3 {
			t.Errorf("page size %d, first meta torn: lastCommit = %d, %v; want 3 from the second", size, txid, err)
		}
	}
}
