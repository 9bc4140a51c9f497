package typing

import (
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/safefile"
	"github.com/vipbook/vipbook/store"
)

// When the book cannot take the drafts (the disk or the book's size limit
// is full, the book is read-only), the program's exit writes them to a
// fallback file of their own, in the state directory; the next start of the
// same book imports them into it (and removes the file), or offers them
// from the file while the book still cannot take them.

// fallbackFile is what a fallback file holds: the book the drafts belong to
// (their client ids are that book's) and the drafts.
type fallbackFile struct {
	Book   string        `json:"book"`
	Drafts []store.Draft `json:"drafts"`
}

// fallbackPrefix starts the name of every fallback file.
const fallbackPrefix = "drafts-"

// LastMessageFile is the file in the state directory that holds the last
// message the app sent, for a terminal that ignores the clipboard; an
// erasure removes it.
const LastMessageFile = "last-message.txt"

// DefaultStateDir is where fallback files go: $XDG_STATE_HOME/vipbook,
// else ~/.local/state/vipbook.
func DefaultStateDir() string {
	return config.XDGDir("XDG_STATE_HOME", filepath.Join(".local", "state"))
}

// BookKey names a book in a fallback file: its absolute path.
func BookKey(b *book.Book) string {
	if b == nil {
		return ""
	}
	p, err := filepath.Abs(b.Path())
	if err != nil {
		return b.Path()
	}
	return p
}

// WriteFallback writes drafts of book to a new fallback file in dir
// (0600, dir 0700) and returns its path.
func WriteFallback(dir, book string, drafts []store.Draft, now time.Time) (string, error) {
	if err := os.MkdirAll(dir, safefile.DirPerm); err != nil {
		return "", err
	}
	raw, err := json.MarshalIndent(fallbackFile{Book: book, Drafts: drafts}, "", "  ")
	if err != nil {
		return "", err
	}
	// Two exits in the same second: -2, -3.
	path := store.UnusedPath(filepath.Join(dir, fallbackPrefix+now.Format("20060102-150405")+".json"))
	err = safefile.Write(path, func(w io.Writer) error {
		_, err := w.Write(append(raw, '\n'))
		return err
	})
	if err != nil {
		return "", err
	}
	return path, nil
}

// fallbackDrafts are the drafts of one book found in fallback files.
type fallbackDrafts struct {
	files  []string      // the files that hold them
	drafts []store.Draft // one per key, the latest saved
}

// readFallbacks reads the fallback files in dir that belong to book. A file
// that cannot be read or parsed is left alone (it may be another vipbook's
// or half a copy): it is never removed.
func readFallbacks(dir, book string) (fallbackDrafts, error) {
	var out fallbackDrafts
	names, err := filepath.Glob(filepath.Join(dir, fallbackPrefix+"*.json"))
	if err != nil || len(names) == 0 {
		return out, err
	}
	sort.Strings(names)
	latest := map[string]store.Draft{}
	for _, name := range names {
		raw, err := os.ReadFile(name)
		if err != nil {
			continue
		}
		var f fallbackFile
		if json.Unmarshal(raw, &f) != nil || f.Book != book {
			continue
		}
		out.files = append(out.files, name)
		for _, d := range f.Drafts {
			if d.Key == "" || strings.HasPrefix(d.Key, SnoozeKey) {
				continue
			}
			if old, ok := latest[d.Key]; !ok || !d.Saved.Before(old.Saved) {
				latest[d.Key] = d
			}
		}
	}
	for _, d := range latest {
		out.drafts = append(out.drafts, d)
	}
	sort.Slice(out.drafts, func(i, j int) bool { return out.drafts[i].Key < out.drafts[j].Key })
	return out, nil
}

// ImportFallbacks moves the drafts of book's fallback files in dir into the
// book, keeping a draft the book already holds when it is newer, and
// removes the files once the book has them. When the book cannot take them
// (full, read-only) the files stay and the drafts are returned, to be
// offered from memory.
func ImportFallbacks(b *book.Book, dir string) ([]store.Draft, error) {
	if b == nil || dir == "" {
		return nil, nil
	}
	fb, err := readFallbacks(dir, BookKey(b))
	if err != nil || len(fb.drafts) == 0 {
		return nil, err
	}
	err = b.WriteDrafts(func(w book.DraftWriter) error {
		have, err := w.Drafts()
		if err != nil {
			return err
		}
		newer := map[string]time.Time{}
		for _, d := range have {
			newer[d.Key] = d.Saved
		}
		for _, d := range fb.drafts {
			if t, ok := newer[d.Key]; ok && !t.Before(d.Saved) {
				continue
			}
			d := d
			if err := w.Save(&d); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fb.drafts, err
	}
	var errs []error
	for _, f := range fb.files {
		if err := os.Remove(f); err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return nil, errors.Join(errs...)
}

// ForgetClients removes the drafts of the clients ids from the fallback
// files of book in dir (a file left with no draft is removed), so an
// erasure leaves none of the client's words in the state directory. It
// returns how many drafts went.
func ForgetClients(dir, book string, ids ...string) (int, error) {
	gone := make(map[string]bool, len(ids))
	for _, id := range ids {
		gone[id] = true
	}
	names, err := filepath.Glob(filepath.Join(dir, fallbackPrefix+"*.json"))
	if err != nil {
		return 0, err
	}
	n := 0
	for _, name := range names {
		raw, err := os.ReadFile(name)
		if err != nil {
			continue
		}
		var f fallbackFile
		if json.Unmarshal(raw, &f) != nil || f.Book != book {
			continue
		}
		kept := f.Drafts[:0]
		for _, d := range f.Drafts {
			if gone[d.ClientID] {
				n++
				continue
			}
			kept = append(kept, d)
		}
		if len(kept) == len(f.Drafts) {
			continue
		}
		if len(kept) == 0 {
			if err := os.Remove(name); err != nil {
				return n, err
			}
			continue
		}
		f.Drafts = kept
		out, err := json.MarshalIndent(f, "", "  ")
		if err != nil {
			return n, err
		}
		if err := safefile.Write(name, func(w io.Writer) error { _, err := w.Write(append(out, '\n')); return err }); err != nil {
			return n, err
		}
	}
	return n, nil
}
