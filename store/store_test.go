package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
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

var testNow = time.Date(2026, time.November, 24, 9, 0, 0, 0, time.UTC)

func clock() time.Time { return testNow }

// newBook creates a book in a fresh directory under t.TempDir().
func newBook(t *testing.T) (*Book, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "data", "vipbook", "book.db")
	b, err := Init(path, Meta{Associate: "李娜", Store: "Shanghai IFC"}, Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	return b, path
}

func TestInitPermissions(t *testing.T) {
	_, path := newBook(t)
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("book mode %v, want 0600", st.Mode().Perm())
	}
	dir, _ := os.Stat(filepath.Dir(path))
	if dir.Mode().Perm() != 0o700 {
		t.Errorf("directory mode %v, want 0700", dir.Mode().Perm())
	}
	if _, err := Init(path, Meta{Associate: "x"}, Options{}); !errors.Is(err, ErrExists) {
		t.Errorf("second Init = %v, want ErrExists", err)
	}
}

func TestOpenTightensMode(t *testing.T) {
	b, path := newBook(t)
	b.Close()
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	b2, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	b2.Close()
	st, _ := os.Stat(path)
	if st.Mode().Perm() != 0o600 {
		t.Errorf("mode after open %v, want 0600", st.Mode().Perm())
	}
}

func fullProfile() *profile.Profile {
	return &profile.Profile{
		Name: "王小明", LatinName: "Michael Wang", Honorific: "王先生", Gender: "m",
		Phones:  []profile.Phone{{Number: "+86 138 0013 8000", Label: "mobile"}},
		Email:   "xm.wang@example.com",
		WeChat:  "wxm_1985",
		Channel: profile.Channel("wechat"), BestTime: "weekday evenings",
		Consent: profile.Consent{RecordedAt: testNow.Add(-time.Hour), How: "in store, verbal"},
		City:    "上海", District: "静安", Country: "CN", Occupation: "architect",
		Hobbies:   []string{"高尔夫", "jazz"},
		Household: []profile.Member{{Name: "王乐乐", Relation: "daughter", Birthday: civil.MonthDay{Year: 2015, Month: time.June, Day: 1}}},
		WhyBrand:  "the tailoring", Dislikes: []string{"loud logos"}, GiftPrefs: []string{"tea"},
		Sizes:       []profile.Size{{Category: "suit", System: "EU", Value: "50", Note: "long", Taken: civil.MustParse("2026-10-01")}},
		Preferences: []profile.Preference{{Kind: profile.PrefKind("colour"), Value: "navy"}},
		Dates: []profile.ImportantDate{
			{Kind: profile.DateBirthday, When: civil.MonthDay{Year: 1985, Month: time.August, Day: 15}, Lunar: true},
			{Kind: profile.DateAnniversary, When: civil.MonthDay{Month: time.February, Day: 29}, LeadDays: 14},
		},
		Special: profile.Special{Elderly: true, Note: "bad knee: offer a seat"},
		Tags:    []string{"vip", "suits"},
	}
}

func TestClientRoundTrip(t *testing.T) {
	b, path := newBook(t)
	p := fullProfile()
	if err := b.Update(func(tx *Tx) error { return tx.AddClient(p) }); err != nil {
		t.Fatal(err)
	}
	if p.ID == "" || p.CurrentOwner() != "李娜" || p.HomeStore != "Shanghai IFC" {
		t.Fatalf("AddClient did not fill id/owner/store: %q %q %q", p.ID, p.CurrentOwner(), p.HomeStore)
	}
	b.Close()

	// Reopen from disk: everything survives.
	b, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	err = b.View(func(tx *Tx) error {
		got, err := tx.Client(p.ID)
		if err != nil {
			return err
		}
		if !reflect.DeepEqual(normalise(got), normalise(p)) {
			t.Errorf("round trip:\n got %+v\nwant %+v", got, p)
		}
		sum, err := tx.Summary(p.ID)
		if err != nil {
			return err
		}
		if sum.Name != "王小明" || sum.City != "上海" {
			t.Errorf("summary %+v", sum)
		}
		for _, typed := range []string{"13800138000", "138-0013-8000", "+86 138 0013 8000", "0086 13800138000"} {
			if ids := tx.FindByPhone(typed); len(ids) != 1 || ids[0] != p.ID {
				t.Errorf("FindByPhone(%q) = %v", typed, ids)
			}
		}
		if ids := tx.FindByPhone("13900000000"); len(ids) != 0 {
			t.Errorf("FindByPhone(other) = %v", ids)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// normalise drops the monotonic clock reading and zone pointers, which JSON
// does not keep.
func normalise(p *profile.Profile) *profile.Profile {
	q := *p
	q.Created, q.Updated = q.Created.UTC().Round(0), q.Updated.UTC().Round(0)
	q.Consent.RecordedAt = q.Consent.RecordedAt.UTC().Round(0)
	q.Owners = append([]profile.Ownership(nil), p.Owners...)
	for i := range q.Owners {
		q.Owners[i].From = q.Owners[i].From.UTC().Round(0)
	}
	return &q
}

func TestPhoneReindexedOnUpdate(t *testing.T) {
	b, _ := newBook(t)
	p := fullProfile()
	err := b.Update(func(tx *Tx) error {
		if err := tx.AddClient(p); err != nil {
			return err
		}
		p.Phones = []profile.Phone{{Number: "139 1688 2046"}}
		return tx.UpdateClient(p)
	})
	if err != nil {
		t.Fatal(err)
	}
	_ = b.View(func(tx *Tx) error {
		if ids := tx.FindByPhone("13800138000"); len(ids) != 0 {
			t.Errorf("old phone still indexed: %v", ids)
		}
		if ids := tx.FindByPhone("+8613916882046"); len(ids) != 1 {
			t.Errorf("new phone not indexed: %v", ids)
		}
		return nil
	})
}

func TestSummaryFollowsWrites(t *testing.T) {
	b, _ := newBook(t)
	p := &profile.Profile{Name: "曾小凡", Phones: []profile.Phone{{Number: "13916882046"}}}
	err := b.Update(func(tx *Tx) error {
		if err := tx.AddClient(p); err != nil {
			return err
		}
		for _, pu := range []profile.Purchase{
			{ClientID: p.ID, Date: civil.MustParse("2026-03-01"), Amount: 1840000, Currency: "CNY", Items: "silk scarf"},
			{ClientID: p.ID, Date: civil.MustParse("2025-12-24"), Amount: 500000, Currency: "CNY"},
		} {
			if err := tx.AddPurchase(&pu); err != nil {
				return err
			}
		}
		return tx.AddNote(&notes.Note{ClientID: p.ID, Kind: notes.Visit, Text: "came in for the new season", At: testNow})
	})
	if err != nil {
		t.Fatal(err)
	}
	_ = b.View(func(tx *Tx) error {
		sum, err := tx.Summary(p.ID)
		if err != nil {
			t.Fatal(err)
		}
		st := sum.Stats(civil.Of(testNow))
		if st.YearToDate != 1840000 || st.Last12 != 2340000 || st.Purchases != 2 || st.Visits != 3 || st.LastVisit != civil.Of(testNow) {
			t.Errorf("stats %+v", st)
		}
		ns, _ := tx.Notes(p.ID)
		ps, _ := tx.Purchases(p.ID)
		if len(ns) != 1 || len(ps) != 2 {
			t.Errorf("notes %d purchases %d", len(ns), len(ps))
		}
		return nil
	})
}

func TestRuleTaskIsUnique(t *testing.T) {
	b, _ := newBook(t)
	p := &profile.Profile{Name: "Anne Dubois"}
	err := b.Update(func(tx *Tx) error {
		if err := tx.AddClient(p); err != nil {
			return err
		}
		t1 := tasks.Task{ClientID: p.ID, Title: "Thank you", Kind: tasks.ThankYou, Due: civil.MustParse("2026-11-24"), Origin: "rhythm:p1:0"}
		if err := tx.AddTask(&t1); err != nil {
			return err
		}
		t2 := t1
		t2.ID = ""
		if err := tx.AddTask(&t2); !errors.Is(err, ErrDuplicate) || t2.ID != t1.ID {
			t.Errorf("second rule task: %v (id %q, first %q)", err, t2.ID, t1.ID)
		}
		m1 := tasks.Task{ClientID: p.ID, Title: "call", Kind: tasks.CallBack, Due: civil.MustParse("2026-11-25")}
		m2 := m1
		if err := tx.AddTask(&m1); err != nil {
			return err
		}
		return tx.AddTask(&m2) // manual tasks may repeat
	})
	if err != nil {
		t.Fatal(err)
	}
	_ = b.View(func(tx *Tx) error {
		if ts := tx.ClientTasks(p.ID); len(ts) != 3 {
			t.Errorf("%d tasks, want 3", len(ts))
		}
		due, _ := tx.OpenTasksDueBy(civil.MustParse("2026-11-24"))
		if len(due) != 1 || due[0].Kind != tasks.ThankYou {
			t.Errorf("due by today: %+v", due)
		}
		return nil
	})
}

// TestHookFailureRollsBack: a rule that fails takes the write with it.
func TestHookFailureRollsBack(t *testing.T) {
	b, _ := newBook(t)
	boom := errors.New("rule failed")
	b.SetHooks(Hooks{ClientAdded: func(tx *Tx, p *profile.Profile) error { return boom }})
	err := b.Update(func(tx *Tx) error { return tx.AddClient(&profile.Profile{Name: "王小明"}) })
	if !errors.Is(err, boom) {
		t.Fatalf("Update = %v", err)
	}
	_ = b.View(func(tx *Tx) error {
		if n := tx.ClientCount(); n != 0 {
			t.Errorf("%d clients after a failed write", n)
		}
		return nil
	})
}

func TestEraseClient(t *testing.T) {
	b, _ := newBook(t)
	keep := &profile.Profile{Name: "单丽娜"}
	gone := fullProfile()
	err := b.Update(func(tx *Tx) error {
		for _, p := range []*profile.Profile{keep, gone} {
			if err := tx.AddClient(p); err != nil {
				return err
			}
			if err := tx.AddNote(&notes.Note{ClientID: p.ID, Kind: notes.General, Text: "note"}); err != nil {
				return err
			}
		}
		if err := tx.AddPurchase(&profile.Purchase{ClientID: gone.ID, Date: civil.MustParse("2026-11-01"), Amount: 100, Currency: "CNY"}); err != nil {
			return err
		}
		if err := tx.AddTask(&tasks.Task{ClientID: gone.ID, Title: "call", Kind: tasks.CallBack, Due: civil.MustParse("2026-11-24")}); err != nil {
			return err
		}
		if err := tx.AddAppointment(&visits.Appointment{ClientID: gone.ID, Start: testNow.Add(2 * time.Hour), Duration: time.Hour}); err != nil {
			return err
		}
		return tx.AddRequest(&requests.Request{ClientID: gone.ID, What: "the navy coat in 50"})
	})
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := b.Update(func(tx *Tx) (err error) { n, err = tx.EraseClient(gone.ID); return err }); err != nil {
		t.Fatal(err)
	}
	if n != 6 {
		t.Errorf("erased %d records, want 6", n)
	}
	_ = b.View(func(tx *Tx) error {
		if tx.HasClient(gone.ID) || len(tx.FindByPhone("13800138000")) != 0 {
			t.Error("client or phone index left")
		}
		if ns, _ := tx.Notes(gone.ID); len(ns) != 0 {
			t.Error("notes left")
		}
		if ts, _ := tx.AllTasks(); len(ts) != 0 {
			t.Error("tasks left")
		}
		if as := tx.ClientAppointments(gone.ID); len(as) != 0 {
			t.Error("appointments left")
		}
		if rs, _ := tx.OpenRequests(); len(rs) != 0 {
			t.Error("requests left")
		}
		if ns, _ := tx.Notes(keep.ID); len(ns) != 1 {
			t.Error("the other client's note went too")
		}
		return nil
	})
}

func TestSecondWriterGetsLocked(t *testing.T) {
	b, path := newBook(t)
	_ = b
	start := time.Now()
	_, err := Open(path, Options{Timeout: 200 * time.Millisecond})
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second writable Open = %v, want ErrLocked", err)
	}
	if err.Error() != "another vipbook is holding this book (a long import or handover?); try again once it has finished" {
		t.Errorf("message %q", err)
	}
	if time.Since(start) > 30*time.Second { // it waits 200 ms; the rest is room for a loaded machine
		t.Error("the second open hung")
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	b, path := newBook(t)
	b.Close()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	_ = db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bMeta).Put(kSchema, []byte("99")) })
	db.Close()
	before, _ := os.ReadFile(path)
	for _, ro := range []bool{true, false} {
		_, err = Open(path, Options{ReadOnly: ro})
		if !errors.Is(err, ErrNewerSchema) {
			t.Errorf("Open(readOnly=%v) = %v, want ErrNewerSchema", ro, err)
		}
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("a refused book was changed")
	}
}

func TestNotABookRefusedUntouched(t *testing.T) {
	dir := t.TempDir()
	otherBolt := filepath.Join(dir, "other.db")
	db, err := bolt.Open(otherBolt, 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	_ = db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("sessions")); return err })
	db.Close()

	files := map[string][]byte{
		"hostname":  []byte("shop-till-3\n"),
		"empty":     {},
		"short":     []byte("bolt"),
		"contacts":  []byte("BEGIN:VCARD\nVERSION:3.0\nFN:王小明\nEND:VCARD\n"),
		"zeros.db":  make([]byte, 8192),
		"other.db":  nil, // an unrelated bbolt database
		"directory": nil,
	}
	for name, content := range files {
		path := filepath.Join(dir, name)
		switch name {
		case "other.db":
		case "directory":
			os.Mkdir(path, 0o700)
		default:
			if err := os.WriteFile(path, content, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		var before []byte
		var beforeInfo os.FileInfo
		if name != "directory" {
			before, _ = os.ReadFile(path)
			beforeInfo, _ = os.Stat(path)
		}
		for _, ro := range []bool{true, false} {
			b, err := Open(path, Options{ReadOnly: ro, Timeout: 200 * time.Millisecond})
			if !errors.Is(err, ErrNotBook) {
				t.Errorf("%s (readOnly=%v): Open = %v, want ErrNotBook", name, ro, err)
				if b != nil {
					b.Close()
				}
			}
		}
		if name == "directory" {
			continue
		}
		after, _ := os.ReadFile(path)
		afterInfo, _ := os.Stat(path)
		if !bytes.Equal(before, after) || afterInfo.Mode() != beforeInfo.Mode() {
			t.Errorf("%s was changed by a refused open", name)
		}
	}
}

func TestMissingBook(t *testing.T) {
	_, err := Open(filepath.Join(t.TempDir(), "nope.db"), Options{})
	if !errors.Is(err, ErrNoBook) {
		t.Errorf("Open(missing) = %v, want ErrNoBook", err)
	}
}

func TestReadOnlyRefusesWrites(t *testing.T) {
	b, path := newBook(t)
	b.Close()
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if err := ro.Update(func(tx *Tx) error { return tx.AddClient(&profile.Profile{Name: "x"}) }); err == nil {
		t.Error("a read-only book accepted a write")
	}
}

func TestDrafts(t *testing.T) {
	b, path := newBook(t)
	d := Draft{Key: "note:c1", Text: "prefers 王 brand tea", Saved: testNow}
	if err := b.Update(func(tx *Tx) error { return tx.SaveDraft(&d) }); err != nil {
		t.Fatal(err)
	}
	b.Close()
	b, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	_ = b.Update(func(tx *Tx) error {
		ds, err := tx.Drafts()
		if err != nil || len(ds) != 1 || ds[0].Text != d.Text {
			t.Errorf("drafts %+v, %v", ds, err)
		}
		return tx.DeleteDraft(d.Key)
	})
	_ = b.View(func(tx *Tx) error {
		if ds, _ := tx.Drafts(); len(ds) != 0 {
			t.Error("draft not deleted")
		}
		return nil
	})
}

// TestContactTaskRefusedForDoNotContact: no call, message or visit can be
// planned for a client who asked not to be contacted, whoever asks; other
// tasks (an order to chase) and closed contact tasks (history) still go in.
func TestContactTaskRefusedForDoNotContact(t *testing.T) {
	b, _ := newBook(t)
	p := &profile.Profile{Name: "勿扰 客人", Consent: profile.Consent{DoNotContact: true, How: "asked in store"}}
	err := b.Update(func(tx *Tx) error {
		if err := tx.AddClient(p); err != nil {
			return err
		}
		call := &tasks.Task{ClientID: p.ID, Title: "call", Kind: tasks.CallBack, Due: civil.MustParse("2026-11-25")}
		if err := tx.AddTask(call); !errors.Is(err, ErrDoNotContact) {
			t.Errorf("call for a do-not-contact client: %v, want ErrDoNotContact", err)
		}
		chase := &tasks.Task{ClientID: p.ID, Title: "chase the order", Kind: tasks.Custom, Due: civil.MustParse("2026-11-25")}
		if err := tx.AddTask(chase); err != nil {
			t.Errorf("a non-contact task was refused: %v", err)
		}
		past := &tasks.Task{ClientID: p.ID, Title: "thanked", Kind: tasks.ThankYou, Status: tasks.Done, Due: civil.MustParse("2026-01-02")}
		if err := tx.AddTask(past); err != nil {
			t.Errorf("a done contact task (history) was refused: %v", err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	err = b.View(func(tx *Tx) error {
		if n := len(tx.ClientTasks(p.ID)); n != 2 {
			t.Errorf("%d tasks stored, want 2 (the chase and the history)", n)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
