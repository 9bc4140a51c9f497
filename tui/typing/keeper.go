package typing

import (
	"encoding/json"
	"errors"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/store"
)

// Delay is how long typing must pause before the drafts are written to
// the book.
const Delay = 700 * time.Millisecond

// Keeper holds the text being typed, in memory, from the moment it
// changes. Update records into it (no I/O); commands and the program's exit
// write it to the book. It outlives the model: when a screen panics or a
// signal ends the program, Run still finds the drafts here and saves them.
type Keeper struct {
	mu      sync.Mutex
	entries map[string]*keptDraft
}

type keptDraft struct {
	draft   store.Draft
	version int  // bumped on every change
	saved   int  // the version last written to the book
	deleted bool // the text was saved or dismissed: remove the draft
}

// NewKeeper returns an empty keeper.
func NewKeeper() *Keeper { return &Keeper{entries: map[string]*keptDraft{}} }

// Set records the current text of a draft.
func (k *Keeper) Set(d store.Draft) {
	k.mu.Lock()
	defer k.mu.Unlock()
	e := k.entries[d.Key]
	if e == nil {
		e = &keptDraft{}
		k.entries[d.Key] = e
	}
	e.draft, e.deleted = d, false
	e.version++
}

// Clear records that a draft is no longer wanted (saved or dismissed); the
// next flush removes it from the book.
func (k *Keeper) Clear(key string) {
	k.mu.Lock()
	defer k.mu.Unlock()
	e := k.entries[key]
	if e == nil {
		e = &keptDraft{draft: store.Draft{Key: key}}
		k.entries[key] = e
	}
	e.deleted = true
	e.version++
}

// Pending returns the drafts not yet written to the book.
func (k *Keeper) Pending() []store.Draft {
	k.mu.Lock()
	defer k.mu.Unlock()
	var out []store.Draft
	for _, e := range k.entries {
		if !e.deleted && e.version != e.saved {
			out = append(out, e.draft)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}

// Open reports whether a draft is being typed: set, neither saved nor
// dismissed, whether or not a flush has written it to the book yet.
func (k *Keeper) Open() bool {
	k.mu.Lock()
	defer k.mu.Unlock()
	for _, e := range k.entries {
		if !e.deleted {
			return true
		}
	}
	return false
}

// changed reports whether a draft was changed or cleared since its last write.
func (k *Keeper) changed() bool {
	k.mu.Lock()
	defer k.mu.Unlock()
	for _, e := range k.entries {
		if e.version != e.saved {
			return true
		}
	}
	return false
}

// Flush writes every changed draft to the book and removes the cleared
// ones, in one transaction. The keeper is read inside the transaction, so a
// draft cleared before a note's save was committed is never written back
// after it.
func (k *Keeper) Flush(b *book.Book) error {
	if b == nil || !k.changed() {
		return nil // no commit: even an empty one writes the book's meta page
	}
	type done struct {
		key     string
		version int
	}
	var written []done
	err := b.WriteDrafts(func(w book.DraftWriter) error {
		written = written[:0]
		k.mu.Lock()
		defer k.mu.Unlock()
		for key, e := range k.entries {
			if e.version == e.saved {
				continue
			}
			if e.deleted {
				if err := w.Delete(key); err != nil && !errors.Is(err, store.ErrNotFound) {
					return err
				}
			} else {
				d := e.draft
				d.Saved = time.Time{} // stamped with the book's clock
				if err := w.Save(&d); errors.Is(err, store.ErrNotFound) {
					// The client is no longer in the book (erased in
					// another terminal): what was typed about them goes
					// with them, to no file.
					e.deleted = true
				} else if err != nil {
					return err
				}
			}
			written = append(written, done{key, e.version})
		}
		return nil
	})
	if err != nil {
		return err
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	for _, w := range written {
		if e := k.entries[w.key]; e != nil && e.saved < w.version {
			e.saved = w.version
			if e.deleted && e.version == w.version {
				delete(k.entries, w.key)
			}
		}
	}
	return nil
}

// Draft keys: what the text is for.
const (
	NotePrefix = "note:"  // + client id
	FormPrefix = "form:"  // + form kind + ":" + client id
	SnoozeKey  = "snooze" // never kept: a date is quick to retype
)

// NoteKey is the key of the draft of a note on a client.
func NoteKey(clientID string) string { return NotePrefix + clientID }

// FormKey is the key of the draft of a form of kind about a client (none
// for a new client).
func FormKey(kind, clientID string) string { return FormPrefix + kind + ":" + clientID }

// ParseFormKey splits a form draft's key into its kind and client id; ok
// is false when k is not a form's.
func ParseFormKey(k string) (kind, clientID string, ok bool) {
	rest, ok := strings.CutPrefix(k, FormPrefix)
	if !ok {
		return "", "", false
	}
	kind, clientID, _ = strings.Cut(rest, ":")
	return kind, clientID, true
}

// EncodeFields encodes a form's answers for a draft.
func EncodeFields(values map[string]string) json.RawMessage {
	b, _ := json.Marshal(values)
	return b
}

// DecodeFields reads a form draft's answers.
func DecodeFields(raw json.RawMessage) map[string]string {
	out := map[string]string{}
	_ = json.Unmarshal(raw, &out)
	return out
}
