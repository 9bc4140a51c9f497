package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/vipbook/vipbook/safefile"
)

// AutoBackupsKept is how many automatic backups of a book are kept: the
// newest, one a day.
const AutoBackupsKept = 7

// BackupDir is where the backups of the book at bookPath go: a "backups"
// directory beside it.
func BackupDir(bookPath string) string {
	return filepath.Join(filepath.Dir(bookPath), "backups")
}

// backupStem splits the book's file name into what its backups are named
// after and their extension (".db" when the book has none).
func backupStem(bookPath string) (stem, ext string) {
	base := filepath.Base(bookPath)
	ext = filepath.Ext(base)
	stem = strings.TrimSuffix(base, ext)
	if ext == "" {
		ext = ".db"
	}
	return stem, ext
}

// BackupPath is where a backup of the book at bookPath taken at now goes,
// in BackupDir: book-YYYYMMDD-HHMM.db for one asked for (`vipbook backup`,
// the key of the interface), book-auto-YYYYMMDD.db for the automatic one
// of the day. The date is now's, in now's zone. It looks at no file: see
// UnusedPath for a second backup in the same minute.
func BackupPath(bookPath string, now time.Time, auto bool) string {
	stem, ext := backupStem(bookPath)
	if auto {
		return filepath.Join(BackupDir(bookPath), autoBackupName(stem, ext, now))
	}
	return filepath.Join(BackupDir(bookPath), stem+"-"+now.Format("20060102-1504")+ext)
}

// Copies returns the copies vipbook made of the book at bookPath that are
// still on disk: its backups in BackupDir (stem-YYYYMMDD-HHMM.ext,
// stem-auto-YYYYMMDD.ext, with -2, -3 for a second in the same minute) and
// the books restore kept beside it. Other books' backups in the same
// directory are not its.
func Copies(bookPath string) []string {
	stem, ext := backupStem(bookPath)
	var out []string
	names, _ := filepath.Glob(filepath.Join(BackupDir(bookPath), stem+"-*"+ext))
	for _, n := range names {
		rest := strings.TrimPrefix(filepath.Base(n), stem+"-")
		if rest = strings.TrimPrefix(rest, "auto-"); rest != "" && rest[0] >= '0' && rest[0] <= '9' {
			out = append(out, n)
		}
	}
	kept, _ := filepath.Glob(bookPath + ".before-restore-*")
	return append(out, kept...)
}

// UnusedPath returns p when no file is there, else p with -2, -3, ...
// before its extension: the first name free.
func UnusedPath(p string) string {
	ext := filepath.Ext(p)
	name := strings.TrimSuffix(p, ext)
	for i := 2; Exists(p); i++ {
		p = fmt.Sprintf("%s-%d%s", name, i, ext)
	}
	return p
}

// autoBackupName is the name of the automatic backup of day now.
func autoBackupName(stem, ext string, now time.Time) string {
	return stem + "-auto-" + now.Format("20060102") + ext
}

// autoBackupDay reads the day out of name when it is the name of an
// automatic backup of the book named stem+ext (stem-auto-YYYYMMDD.ext,
// exactly); ok is false for any other name.
func autoBackupDay(name, stem, ext string) (day string, ok bool) {
	prefix := stem + "-auto-"
	if !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, ext) || len(name) != len(prefix)+8+len(ext) {
		return "", false
	}
	day = name[len(prefix) : len(prefix)+8]
	if _, err := time.Parse("20060102", day); err != nil {
		return "", false
	}
	return day, true
}

// AutoBackupPlan decides the automatic backup of the book at bookPath on
// day now, given the names of the files in its BackupDir: write is the
// file to write (a full path), "" when there is one of that day already;
// remove are the automatic backups to delete (full paths), all but the
// AutoBackupsKept newest, that day's always among those kept (even if the
// clock went back and later days are there). Only names of the form
// book-auto-YYYYMMDD.db, with the book's own name and extension, are ever
// in remove: manual backups, other books' backups and any other file are
// left alone. It reads no file.
func AutoBackupPlan(bookPath string, names []string, now time.Time) (write string, remove []string) {
	stem, ext := backupStem(bookPath)
	dir := BackupDir(bookPath)
	today := autoBackupName(stem, ext, now)
	type auto struct{ name, day string }
	var others []auto
	haveToday := false
	for _, n := range names {
		day, ok := autoBackupDay(n, stem, ext)
		switch {
		case !ok:
		case n == today:
			haveToday = true
		default:
			others = append(others, auto{n, day})
		}
	}
	if !haveToday {
		write = filepath.Join(dir, today)
	}
	// Newest first; today's is kept and counts as one of those kept.
	slices.SortFunc(others, func(a, b auto) int { return strings.Compare(b.day, a.day) })
	keep := AutoBackupsKept - 1
	for i, o := range others {
		if i >= keep {
			remove = append(remove, filepath.Join(dir, o.name))
		}
	}
	return write, remove
}

// AutoBackup makes the automatic backup of the day: when BackupDir holds
// none from now's day, it writes one there (BackupPath with auto; the
// directory made 0700 if need be, the file 0600, hot: see Backup) and
// then deletes the automatic backups beyond the AutoBackupsKept newest.
// written is the file written, "" when the day's was there already;
// removed are the files deleted. A backup that fails deletes nothing, and
// so does a damaged book's: it is refused (ErrBackupDamaged), as Backup
// refuses it, so seven days of damage leave the good backups in place.
func (b *Book) AutoBackup(now time.Time) (written string, removed []string, err error) {
	dir := BackupDir(b.path)
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return "", nil, fmt.Errorf("the backup was not written: cannot read the backups directory: %w", err)
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		if e.Type().IsRegular() {
			names = append(names, e.Name())
		}
	}
	write, remove := AutoBackupPlan(b.path, names, now)
	if write != "" {
		if err := safefile.MkdirPrivate(dir); err != nil {
			if isNoSpace(err) {
				return "", nil, fmt.Errorf("no room for the backups directory %s (the disk is full): free some space (%w)", dir, err)
			}
			return "", nil, fmt.Errorf("the backup was not written: cannot make the backups directory: %w", err)
		}
		if err := b.Backup(write); err != nil {
			return "", nil, err
		}
	}
	if write == "" {
		// Old backups go only to make room for one just written and
		// checked, so the newest good backup is never the one rotated out.
		return "", nil, nil
	}
	for _, p := range remove {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			return write, removed, fmt.Errorf("could not delete the old backup %s: %w", filepath.Base(p), err)
		}
		removed = append(removed, p)
	}
	return write, removed, nil
}
