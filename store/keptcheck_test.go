package store

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/requests"
	"github.com/vipbook/vipbook/tasks"
	"github.com/vipbook/vipbook/visits"
	bolt "go.etcd.io/bbolt"
)

// Issue 15, "check verifies every kept index": each bucket the store
// keeps on write from the records is damaged three ways on a real book
// (an entry missing, an entry no record makes, an entry's value damaged);
// check must find each, and check --repair's writes (a writable open,
// then RepairIndexes) must leave a book check finds sound.

// notDerived are the buckets that hold records, or what no record makes
// (the change log and clocks, the aliases of merged clients, the
// tombstones of removed records, drafts, the rules' state): check reads
// them, but nothing can rebuild them.
var notDerived = [][]byte{bMeta, bClients, bNotes, bPurchases, bTasks, bAppts, bRequests, bDrafts,
	bRuleState, bChanges, bFieldClock, bAliases, bChainIDs}

// keptCase is one kept index: the bucket and the prefix of check's
// problem lines about it.
type keptCase struct {
	bucket []byte
	prefix string // check's lines about it start with this
	// extraKey, when set, is the key of an entry no record makes (the
	// default: the first key with "zz" appended).
	extraKey []byte
	// noRepair: check finds the damage but nothing rebuilds the bucket
	// from the records (the summaries, which the other indexes are made
	// from: a damaged one is put back from a backup by check --repair's
	// salvage).
	noRepair bool
	// unseen are the damages check cannot see, with why.
	unseen map[string]string
}

var keptCases = []keptCase{
	{bucket: bSummaries, prefix: "", noRepair: true},
	{bucket: bPhones, prefix: "phones:"},
	{bucket: bCards, prefix: "cards:"},
	{bucket: bNoteIDs, prefix: "noteids:"},
	{bucket: bNoteTime, prefix: "notetime:"},
	{bucket: bPurchaseIDs, prefix: "purchaseids:"},
	{bucket: bTaskClient, prefix: "taskclient:"},
	{bucket: bTaskOrigin, prefix: "taskorigin:"},
	{bucket: bTaskDue, prefix: "taskdue:"},
	{bucket: bTaskDone, prefix: "taskdone:"},
	{bucket: bApptStart, prefix: "apptstart:"},
	{bucket: bApptClient, prefix: "apptclient:"},
	{bucket: bReqClient, prefix: "reqclient:"},
	{bucket: bReqOpen, prefix: "reqopen:"},
	{bucket: bSitTime, prefix: "sittime:"},
	{bucket: bSearch, prefix: "search index:"},
	{bucket: bSearchRev, prefix: "search index:"},
	{bucket: bSearchRow, prefix: "search row:"},
	{bucket: bStanding, prefix: "standing:"},
	{bucket: bValue, prefix: "value:"},
	{bucket: bBrief, prefix: "brief:"},
	{bucket: bRank, prefix: "spend ranking:"},
	{bucket: bRankRev, prefix: "spend ranking:"},
	{bucket: bSpendDay, prefix: "spend ranking:"},
	{bucket: bRemoved, prefix: "removed:", noRepair: true, unseen: map[string]string{
		"missing": "a tombstone is what no record makes: the record it stood for is gone",
		"extra":   "a tombstone of a record never in the book looks like one whose record is gone",
	}},
}

// keptCheckBook writes a book holding an entry in every kept index.
func keptCheckBook(t *testing.T) string {
	t.Helper()
	b, path := newBook(t)
	today := civil.Of(testNow)
	err := b.Update(func(tx *Tx) error {
		a := &profile.Profile{Name: "王小明", Phones: []profile.Phone{{Number: "13800138000"}}, Tags: []string{"vip"},
			Cards: []profile.Card{{Program: "Club", Number: "C-1234"}}}
		c := &profile.Profile{Name: "Amy Wang", Phones: []profile.Phone{{Number: "13900139000"}}}
		for _, p := range []*profile.Profile{a, c} {
			if err := tx.AddClient(p); err != nil {
				return err
			}
		}
		for i, n := range []notes.Note{
			{ClientID: a.ID, Kind: notes.Visit, Text: "tried the navy loafers 试穿"},
			{ClientID: a.ID, Kind: notes.Situation, Text: "moving to Beijing"},
			{ClientID: c.ID, Kind: notes.General, Text: "likes silk"},
			{ClientID: c.ID, Kind: notes.General, Text: "removed later"},
		} {
			n.At = testNow.Add(-time.Duration(i+1) * time.Hour)
			if err := tx.AddNote(&n); err != nil {
				return err
			}
		}
		for _, p := range []profile.Purchase{
			{ClientID: a.ID, Date: today.AddDays(-3), Amount: 12000},
			{ClientID: c.ID, Date: today.AddDays(-40), Amount: 800},
			{ClientID: c.ID, Date: today.AddDays(-2), Amount: 50},
		} {
			if err := tx.AddPurchase(&p); err != nil {
				return err
			}
		}
		for _, tk := range []tasks.Task{
			{ClientID: a.ID, Title: "thank", Kind: tasks.ThankYou, Due: today, Origin: "thankyou:x"},
			{ClientID: c.ID, Title: "call", Kind: tasks.CallBack, Due: today.AddDays(2)},
			{ClientID: c.ID, Title: "called", Kind: tasks.CallBack, Due: today, Status: tasks.Done, DoneAt: testNow.Add(-time.Hour)},
		} {
			if err := tx.AddTask(&tk); err != nil {
				return err
			}
		}
		if err := tx.AddAppointment(&visits.Appointment{ClientID: a.ID, Start: testNow.Add(48 * time.Hour), Duration: time.Hour, Status: visits.Booked}); err != nil {
			return err
		}
		for _, r := range []requests.Request{
			{ClientID: a.ID, What: "size 39 in navy", Opened: today, Status: requests.Open},
			{ClientID: c.ID, What: "a red scarf", Opened: today, Status: requests.Fulfilled},
		} {
			if err := tx.AddRequest(&r); err != nil {
				return err
			}
		}
		ns, err := tx.Notes(c.ID)
		if err != nil {
			return err
		}
		for _, n := range ns {
			if n.Text == "removed later" {
				_, err = tx.DeleteNote(n.ID)
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	b.Close()
	// The removal's compaction, owed, is done by the next writable open.
	b, err = Open(path, Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	b.Close()
	return path
}

// copyBook copies the book at src into a new temporary directory.
func copyBook(t *testing.T, src string) string {
	t.Helper()
	raw, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), "book.db")
	if err := os.WriteFile(dst, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	return dst
}

func TestCheckEveryKeptIndex(t *testing.T) {
	// Every bucket is either a record bucket or has a case here: a kept
	// index added later without one fails this.
	for _, name := range append(slices.Clone(allBuckets), bRemoved) {
		derived := !slices.ContainsFunc(notDerived, func(n []byte) bool { return bytes.Equal(n, name) })
		cased := slices.ContainsFunc(keptCases, func(c keptCase) bool { return bytes.Equal(c.bucket, name) })
		if derived != cased {
			t.Errorf("bucket %s: derived from the records %v, a case here %v", name, derived, cased)
		}
	}
	base := keptCheckBook(t)
	if rep, err := Check(base); err != nil || !rep.Sound() {
		t.Fatalf("the book before any damage: %v %q", err, rep.Problems)
	}
	// The three damages, each given the bucket's first entry.
	damages := []struct {
		name string
		do   func(bk *bolt.Bucket, k, v []byte, c keptCase) error
	}{
		{"missing", func(bk *bolt.Bucket, k, _ []byte, _ keptCase) error { return bk.Delete(k) }},
		{"extra", func(bk *bolt.Bucket, k, v []byte, c keptCase) error {
			extra := c.extraKey
			if extra == nil {
				extra = append(slices.Clone(k), "zz"...)
			}
			return bk.Put(extra, slices.Clone(v))
		}},
		{"damaged", func(bk *bolt.Bucket, k, v []byte, _ keptCase) error {
			bad := []byte("\xffdamaged")
			if len(v) > 2 {
				// the value's length kept, its first bytes changed
				bad = slices.Clone(v)
				bad[0] ^= 0x5a
				bad[len(bad)-1] ^= 0x33
			}
			return bk.Put(k, bad)
		}},
	}
	for _, c := range keptCases {
		for _, d := range damages {
			t.Run(string(c.bucket)+"/"+d.name, func(t *testing.T) {
				path := copyBook(t, base)
				db, err := bolt.Open(path, 0o600, nil)
				if err != nil {
					t.Fatal(err)
				}
				err = db.Update(func(tx *bolt.Tx) error {
					bk := tx.Bucket(c.bucket)
					k, v := bk.Cursor().First()
					if bytes.Equal(c.bucket, bRemoved) {
						// the tombstones: the removed note's, not the salt
						k, v = bk.Cursor().Seek([]byte("r:"))
					}
					if bytes.Equal(c.bucket, bRankRev) && bytes.Equal(k, kRankDay) {
						k, v = bk.Cursor().Last()
					}
					if k == nil {
						t.Fatalf("bucket %s is empty in the test book", c.bucket)
					}
					return d.do(bk, slices.Clone(k), slices.Clone(v), c)
				})
				db.Close()
				if err != nil {
					t.Fatal(err)
				}
				rep, err := Check(path)
				if err != nil {
					t.Fatal(err)
				}
				if rep.Sound() || !slices.ContainsFunc(rep.Problems, func(p string) bool { return strings.HasPrefix(p, c.prefix) }) {
					if why, ok := c.unseen[d.name]; ok {
						t.Skip(why)
					}
					t.Fatalf("check did not find it: %q", rep.Problems)
				}
				if c.noRepair {
					return
				}
				// check --repair: a writable open (the book stays
				// marked damaged: it takes no write), then the kept
				// indexes written afresh.
				if b, err := Open(path, Options{Now: clock}); err != nil {
					t.Fatal(err)
				} else {
					b.Close()
				}
				if err := RepairIndexes(path); err != nil {
					t.Fatal(err)
				}
				if rep, err := Check(path); err != nil || !rep.Sound() {
					t.Fatalf("after the repair: %v %q", err, rep.Problems)
				}
			})
		}
	}
}
