package store

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"time"

	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/search"
	bolt "go.etcd.io/bbolt"
)

// Salvaged says what SalvageClients did for one damaged client's record:
// put back from the backup From (a file among Copies), or, with From "",
// left damaged because no copy holds a sound record of the client.
type Salvaged struct {
	ID   string
	Name string // as the copy names the client; "" when none was found
	From string
	// Day is when the copy was written (its file's time): the client's
	// record is as it was then.
	Day time.Time
}

// SalvageClients finds the clients of the book at path whose record is
// damaged (its seal does not match, or it does not decode) and puts back
// each one's record from the newest of the book's copies (Copies: the
// backups, the books restore kept) that holds a sound record of that
// client, with its summary written afresh from it; the other clients are
// not touched. It is for `vipbook check --repair`: the client is as the
// backup has them, and what changed since is lost for that client only.
// A client no copy holds soundly is reported with From "". The indexes
// kept on write (search, value, brief, the spend ranking) are not
// rewritten here: the caller rebuilds them afterwards (RepairIndexes), as
// `check --repair` does.
func SalvageClients(path string) ([]Salvaged, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %s", ErrNoBook, path)
	}
	if err := regularFile(path, st); err != nil {
		return nil, err
	}
	db, err := waitOpen(path, &bolt.Options{Timeout: OpenTimeout, FreelistType: bolt.FreelistMapType}, nil)
	if err != nil {
		return nil, openErr(path, err)
	}
	defer db.Close()
	var damaged []string
	err = guarded(func() error {
		return db.View(func(tx *bolt.Tx) error {
			cb := tx.Bucket(bClients)
			if cb == nil {
				return fmt.Errorf("%w: %s", ErrNotBook, path)
			}
			return cb.ForEach(func(k, v []byte) error {
				if body, err := unseal(v); err != nil || !json.Valid(body) {
					damaged = append(damaged, string(k))
				}
				return nil
			})
		})
	})
	if err != nil || len(damaged) == 0 {
		return nil, err
	}

	found := map[string][]byte{}
	out := make([]Salvaged, len(damaged))
	for i, id := range damaged {
		out[i].ID = id
	}
	for _, c := range newestFirst(Copies(path)) {
		cst, err := os.Stat(c)
		if err != nil {
			continue
		}
		cdb, err := guardedOpen(c, &bolt.Options{ReadOnly: true, Timeout: OpenTimeout})
		if err != nil {
			continue // a copy that does not open is passed over
		}
		_ = guarded(func() error {
			return cdb.View(func(tx *bolt.Tx) error {
				cb := tx.Bucket(bClients)
				if cb == nil {
					return nil
				}
				for i := range out {
					if found[out[i].ID] != nil {
						continue
					}
					body, err := unseal(cb.Get([]byte(out[i].ID)))
					var p profile.Profile
					if err != nil || body == nil || json.Unmarshal(body, &p) != nil {
						continue
					}
					found[out[i].ID] = append([]byte(nil), body...)
					out[i].Name, out[i].From, out[i].Day = p.Name, c, cst.ModTime()
				}
				return nil
			})
		})
		cdb.Close()
	}
	if len(found) == 0 {
		return out, nil
	}
	err = writeErr(guarded(func() error {
		return db.Update(func(tx *bolt.Tx) error {
			var meta Meta
			if raw := tx.Bucket(bMeta).Get(kBook); raw != nil {
				if err := json.Unmarshal(raw, &meta); err != nil {
					return err
				}
			}
			cb, sb := tx.Bucket(bClients), tx.Bucket(bSummaries)
			for id, body := range found {
				var p profile.Profile
				if err := json.Unmarshal(body, &p); err != nil {
					return err
				}
				if err := cb.Put([]byte(id), seal(body)); err != nil {
					return err
				}
				// The summary follows the record put back; what notes and
				// purchases gave it is kept when it still decodes.
				var s profile.Summary
				if raw := sb.Get([]byte(id)); raw == nil || decodeSummary(raw, &s, nil) != nil {
					s = profile.Summary{}
				}
				s.Refresh(&p, meta.CountryCode)
				s.SearchKeys = search.Keys(p.Name + " " + p.LatinName)
				if err := sb.Put([]byte(id), encodeSummary(&s)); err != nil {
					return err
				}
			}
			return nil
		})
	}))
	if err != nil {
		return nil, err
	}
	return out, nil
}

// newestFirst orders files by their modification time, the newest first.
func newestFirst(paths []string) []string {
	when := make(map[string]time.Time, len(paths))
	for _, p := range paths {
		if st, err := os.Stat(p); err == nil {
			when[p] = st.ModTime()
		}
	}
	out := slices.Clone(paths)
	slices.SortStableFunc(out, func(a, b string) int { return when[b].Compare(when[a]) })
	return out
}
