package book

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
)

// checkSound runs the store's check on the closed book: every kept index
// (search, value records, spend ranking, brief records) agrees with the
// records.
func checkSound(t *testing.T, b *Book) {
	t.Helper()
	path := b.Path()
	b.Close()
	rep, err := store.Check(path)
	if err != nil || !rep.Sound() {
		t.Fatalf("check after the removal: %v %q", err, rep.Problems)
	}
}

func summaryOf(t *testing.T, b *Book, id string) profile.Summary {
	t.Helper()
	var s profile.Summary
	if err := b.View(func(tx *store.Tx) (err error) { s, err = tx.Summary(id); return }); err != nil {
		t.Fatal(err)
	}
	return s
}

func keptSearch(t *testing.T, b *Book, q string) []string {
	t.Helper()
	var ids []string
	_ = b.View(func(tx *store.Tx) error { ids, _ = tx.SearchKept(q); return nil })
	return ids
}

// TestDeleteNote: a visit note logged on the wrong client goes, and with
// it what it gave the client: the note count, the visit's day, the last
// contact and the search's words; a complaint's open case is cancelled.
func TestDeleteNote(t *testing.T) {
	b, c := newBook(t, "2026-11-02", Options{})
	wang := client(t, b, "王小明", "13800000001")
	keep := &notes.Note{ClientID: wang.ID, Kind: notes.Call, Text: "asked about the navy coat", At: at("2026-10-20")}
	if err := b.AddNote(keep); err != nil {
		t.Fatal(err)
	}
	wrong := &notes.Note{ClientID: wang.ID, Kind: notes.Visit, Text: "tried the burgundy handbag", At: at("2026-11-02")}
	if err := b.AddNote(wrong); err != nil {
		t.Fatal(err)
	}
	complaint := &notes.Note{ClientID: wang.ID, Kind: notes.Complaint, Text: "the zip broke", At: at("2026-11-02")}
	if err := b.AddNote(complaint); err != nil {
		t.Fatal(err)
	}
	if ids := keptSearch(t, b, "burgundy"); !slices.Contains(ids, wang.ID) {
		t.Fatalf("the note's word is not searchable before: %v", ids)
	}
	c.t = at("2026-11-03")

	n, r, err := b.DeleteNote(wrong.ID)
	if err != nil || n.Text != wrong.Text || r.Client != "王小明" || len(r.Cancelled) != 0 {
		t.Fatalf("DeleteNote = %+v, %+v, %v", n, r, err)
	}
	s := summaryOf(t, b, wang.ID)
	if s.NoteCount != 2 || len(s.VisitDays) != 0 || s.LastContact != civil.MustParse("2026-10-20") || s.LastNote != civil.MustParse("2026-11-02") {
		t.Errorf("summary after the removal: notes %d, visits %v, last contact %s, last note %s; want 2, none, 2026-10-20, 2026-11-02",
			s.NoteCount, s.VisitDays, s.LastContact, s.LastNote)
	}
	if ids := keptSearch(t, b, "burgundy"); slices.Contains(ids, wang.ID) {
		t.Errorf("the removed note's word still finds the client")
	}
	if ids := keptSearch(t, b, "navy"); !slices.Contains(ids, wang.ID) {
		t.Errorf("the kept note's word no longer finds the client")
	}

	_, r, err = b.DeleteNote(complaint.ID)
	if err != nil || len(r.Cancelled) != 1 || r.Cancelled[0].Kind != tasks.ComplaintFollowUp ||
		!strings.Contains(r.Cancelled[0].Note, "complaint note was removed") {
		t.Fatalf("removing the complaint: %+v, %v; want its case cancelled, saying why", r, err)
	}
	if _, _, err := b.DeleteNote(wrong.ID); !errors.Is(err, ErrNoNote) {
		t.Errorf("removing it twice: %v, want ErrNoNote", err)
	}
	checkSound(t, b)
}

// TestDeletePurchase: a purchase logged by mistake goes: the client's
// spend and the ranking no longer count it, the 0-3-3-3 follow-ups it made
// that are still open are cancelled (a done one stays done), and the
// year's top spender is ranked again: the client who led only by it loses
// the visit, the new leader gets one.
func TestDeletePurchase(t *testing.T) {
	b, c := newBook(t, "2026-11-02", Options{})
	wang := client(t, b, "王小明", "13800000001")
	anne := client(t, b, "Anne Dubois", "13800000002")
	day := civil.MustParse("2026-11-02")
	if err := b.AddPurchase(&profile.Purchase{ClientID: anne.ID, Date: civil.MustParse("2026-10-01"), Amount: 5_000_000}); err != nil {
		t.Fatal(err)
	}
	if err := b.AddPurchase(&profile.Purchase{ClientID: wang.ID, Date: civil.MustParse("2026-09-01"), Amount: 100_000}); err != nil {
		t.Fatal(err)
	}
	mistake := &profile.Purchase{ClientID: wang.ID, Date: day, Amount: 9_900_000, Items: "the wrong client's coat"}
	if err := b.AddPurchase(mistake); err != nil {
		t.Fatal(err)
	}
	visitOf := func(id string) tasks.Task {
		var v tasks.Task
		for _, tk := range b.tasksOf(t, id) {
			if tk.Kind == tasks.PersonalVisit && (v.ID == "" || tk.IsOpen()) {
				v = tk
			}
		}
		return v
	}
	if v := visitOf(wang.ID); !v.IsOpen() {
		t.Fatalf("王小明 is not given the top spender's visit by the mistaken purchase: %+v", v)
	}
	thanks := taskOf(t, b, tasks.ThankYou)
	for _, tk := range b.tasksOf(t, wang.ID) {
		if tk.Kind == tasks.ThankYou && tk.Origin != "" && strings.Contains(tk.Origin, day.String()) {
			thanks = tk
		}
	}
	if _, err := b.TickTask(thanks.ID); err != nil {
		t.Fatal(err)
	}
	c.t = at("2026-11-03")

	p, r, err := b.DeletePurchase(mistake.ID)
	if err != nil || p.Amount != mistake.Amount || r.Client != "王小明" {
		t.Fatalf("DeletePurchase = %+v, %+v, %v", p, r, err)
	}
	s := summaryOf(t, b, wang.ID)
	if len(s.Spends) != 1 || s.Spends[0].Amount != 100_000 || s.LastContact != civil.MustParse("2026-09-01") {
		t.Errorf("summary after the removal: spends %v, last contact %s; want the September purchase alone", s.Spends, s.LastContact)
	}
	var cancelled []tasks.Kind
	for _, tk := range r.Cancelled {
		cancelled = append(cancelled, tk.Kind)
		if !strings.Contains(tk.Note, "purchase it followed was removed") {
			t.Errorf("%s cancelled without saying why: %q", tk.Kind, tk.Note)
		}
	}
	slices.Sort(cancelled)
	want := []tasks.Kind{tasks.CallBack, tasks.CareMessage, tasks.PersonalVisit, tasks.ServiceInvite}
	if !slices.Equal(cancelled, want) {
		t.Errorf("cancelled %v, want %v (the thank-you was done and stays)", cancelled, want)
	}
	for _, tk := range b.tasksOf(t, wang.ID) {
		if tk.IsOpen() && (strings.Contains(tk.Origin, day.String()) || tk.Kind == tasks.PersonalVisit) {
			t.Errorf("王小明 keeps an open follow-up of the removed purchase: %s %s", tk.Kind, tk.Origin)
		}
		if tk.ID == thanks.ID && tk.Status != tasks.Done {
			t.Errorf("the done thank-you became %s", tk.Status)
		}
	}
	if v := visitOf(anne.ID); !v.IsOpen() || !strings.Contains(v.Title, "50,000") {
		t.Errorf("Anne Dubois, now the year's leader, has no open visit: %+v", v)
	}
	var top []string
	_ = b.View(func(tx *store.Tx) error {
		rk, ok := tx.SpendRanking(civil.MustParse("2026-11-03"))
		if ok {
			_ = rk.Top(func(id string, m profile.Money) bool { top = append(top, id); return len(top) < 2 })
		}
		return nil
	})
	if len(top) != 2 || top[0] != anne.ID {
		t.Errorf("spend ranking after the removal: %v, want Anne first", top)
	}
	if _, _, err := b.DeletePurchase(mistake.ID); !errors.Is(err, ErrNoPurchase) {
		t.Errorf("removing it twice: %v, want ErrNoPurchase", err)
	}
	checkSound(t, b)
}

func (b *Book) tasksOf(t *testing.T, clientID string) []tasks.Task {
	t.Helper()
	var ts []tasks.Task
	_ = b.View(func(tx *store.Tx) error { ts = tx.ClientTasks(clientID); return nil })
	return ts
}
