package store

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// breakInvariant damages the closed book at path as a bad disk could
// without bbolt noticing: a client's summary goes, so Check finds it.
func breakInvariant(t *testing.T, path string) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		k, _ := tx.Bucket(bSummaries).Cursor().First()
		if k == nil {
			return errors.New("no summary to remove")
		}
		return tx.Bucket(bSummaries).Delete(k)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestPoint6DamagedBackups: a damaged book is not backed up, by hand or
// by the daily backup, and the daily backups of a week of damage rotate
// none of the good ones away; a rescue copy is written under a name that
// says DAMAGED.
func TestPoint6DamagedBackups(t *testing.T) {
	b, path := newBook(t)
	for i := range 5 {
		if err := addPair(b, i); err != nil {
			t.Fatal(err)
		}
	}
	day := func(d int) time.Time { return time.Date(2026, time.December, d, 9, 0, 0, 0, time.UTC) }
	for d := 1; d <= AutoBackupsKept; d++ {
		if _, _, err := b.AutoBackup(day(d)); err != nil {
			t.Fatal(err)
		}
	}
	names := func() []string {
		es, _ := os.ReadDir(BackupDir(path))
		var out []string
		for _, e := range es {
			out = append(out, e.Name())
		}
		return out
	}
	good := names()
	if len(good) != AutoBackupsKept {
		t.Fatalf("%d good backups, want %d", len(good), AutoBackupsKept)
	}
	b.Close()
	breakInvariant(t, path)
	b, err := Open(path, Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()

	for d := AutoBackupsKept + 1; d <= 3*AutoBackupsKept; d++ {
		written, removed, err := b.AutoBackup(day(d))
		if !errors.Is(err, ErrBackupDamaged) || !errors.Is(err, ErrDamaged) || written != "" || len(removed) != 0 {
			t.Fatalf("day %d on a damaged book: written %q, removed %q, err %v; want a refusal and nothing touched", d, written, removed, err)
		}
	}
	if got := names(); !slices.Equal(got, good) {
		t.Fatalf("after three weeks of damage the backups are %q, want the good %q", got, good)
	}
	for _, n := range good {
		if rep, err := Check(filepath.Join(BackupDir(path), n)); err != nil || !rep.Sound() {
			t.Errorf("backup %s: %v %v", n, err, rep.Problems)
		}
	}

	dst := filepath.Join(t.TempDir(), "manual.db")
	err = b.Backup(dst)
	var dmg *BackupDamagedError
	if !errors.As(err, &dmg) || len(dmg.Problems) == 0 {
		t.Fatalf("Backup of a damaged book = %v, want a BackupDamagedError with the problems", err)
	}
	if Exists(dst) {
		t.Error("a refused backup left a file")
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(dst), ".*")); len(left) != 0 {
		t.Errorf("a refused backup left temporary files: %q", left)
	}
	rescue, err := b.RescueCopy(dst)
	if err != nil {
		t.Fatal(err)
	}
	if rescue != filepath.Join(filepath.Dir(dst), "manual-DAMAGED.db") {
		t.Errorf("the rescue copy is %s", rescue)
	}
	if rep, err := Check(rescue); err != nil || rep.Sound() {
		t.Errorf("the rescue copy should hold the damage: %v %v", err, rep.Problems)
	}
}
