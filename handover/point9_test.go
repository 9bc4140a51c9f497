package handover

import (
	"errors"
	"strings"
	"testing"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
)

// introduceTasks counts the client's "introduce yourself" tasks that are
// not cancelled.
func introduceTasks(tx *store.Tx, id string) int {
	n := 0
	for _, t := range tx.ClientTasks(id) {
		if t.Kind == tasks.Introduce && t.Status != tasks.Cancelled {
			n++
		}
	}
	return n
}

// TestPoint9SecondBundleNoSecondIntroduce: issue 12 point 9. A second
// bundle from the same colleague (a new bundle id) for a client already
// received adds no second "introduce yourself" task, whether the first is
// still open or done; nor does the giver's own open introduction travel.
func TestPoint9SecondBundleNoSecondIntroduce(t *testing.T) {
	a, ac, ids := giver(t)
	b, bc, _ := receiver(t)
	first, err := read(t, export(t, a, []string{ids["zw"]}, ExportOptions{To: "Wang Fang"}), pass)
	must(t, err)
	rep, err := Apply(b, first, ImportOptions{})
	must(t, err)
	if rep.Introduce != 1 {
		t.Fatalf("first bundle: %d introduce tasks", rep.Introduce)
	}
	zw := rep.Items[0].ID
	// Li Na learns more and sends 张伟 again, in a new bundle.
	ac.t = ac.t.AddDate(0, 0, 1)
	must(t, a.Update(func(tx *store.Tx) error {
		return tx.AddNote(&notes.Note{ClientID: ids["zw"], Kind: notes.General, Text: "moved to Pudong"})
	}))
	second, err := read(t, export(t, a, []string{ids["zw"]}, ExportOptions{To: "Wang Fang"}), pass)
	must(t, err)
	if second.Header.ID == first.Header.ID {
		t.Fatal("fixture: the same bundle id")
	}
	bc.t = bc.t.AddDate(0, 0, 1)
	rep, err = Apply(b, second, ImportOptions{})
	must(t, err)
	if rep.Introduce != 0 || rep.Added.Notes != 1 {
		t.Errorf("second bundle: %d introduce tasks, %d notes", rep.Introduce, rep.Added.Notes)
	}
	// Done, then a third bundle: still none.
	must(t, b.Update(func(tx *store.Tx) error {
		for _, tk := range tx.ClientTasks(zw) {
			if tk.Kind == tasks.Introduce {
				tk.Complete(bc.t)
				return tx.UpdateTask(&tk)
			}
		}
		t.Fatal("no introduce task")
		return nil
	}))
	ac.t = ac.t.AddDate(0, 0, 1)
	third, err := read(t, export(t, a, []string{ids["zw"]}, ExportOptions{To: "Wang Fang"}), pass)
	must(t, err)
	rep, err = Apply(b, third, ImportOptions{})
	must(t, err)
	must(t, b.View(func(tx *store.Tx) error {
		if n := introduceTasks(tx, zw); n != 1 || rep.Introduce != 0 {
			t.Errorf("after the third bundle: %d introduce tasks (report %d)", n, rep.Introduce)
		}
		return nil
	}))

	// Wang Fang passes 张伟 on to a third colleague before introducing
	// herself there: her open introduction does not travel, Zhou Min gets
	// her own.
	c := &clock{bc.t}
	zhou := newBook(t, "Zhou Min", "", c)
	must(t, b.Update(func(tx *store.Tx) error {
		return tx.AddTask(&tasks.Task{ClientID: zw, Kind: tasks.Introduce, Title: "Introduce yourself", Due: civil.Of(bc.t), Origin: "handover:x:" + zw})
	}))
	on, err := read(t, export(t, b, []string{zw}, ExportOptions{To: "Zhou Min"}), pass)
	must(t, err)
	rep, err = Apply(zhou, on, ImportOptions{})
	must(t, err)
	must(t, zhou.View(func(tx *store.Tx) error {
		if n := introduceTasks(tx, rep.Items[0].ID); n != 1 {
			t.Errorf("the third colleague has %d introduce tasks", n)
		}
		return nil
	}))
}

// TestPoint9PrivateNoteStays: issue 12 point 9 with issue 16. A private
// note (note --private) is the associate's own: it never goes into a
// bundle, and one an older bundle carries is not taken in.
func TestPoint9PrivateNoteStays(t *testing.T) {
	a, _, ids := giver(t)
	must(t, a.Update(func(tx *store.Tx) error {
		return tx.AddNote(&notes.Note{ClientID: ids["wxm"], Kind: notes.General, Text: "MY OWN: owes me lunch", Private: true})
	}))
	bundle, err := read(t, export(t, a, []string{ids["wxm"]}, ExportOptions{To: "Wang Fang"}), pass)
	must(t, err)
	for _, n := range bundle.Clients[0].Notes {
		if n.Private || n.Text == "MY OWN: owes me lunch" {
			t.Fatalf("a private note left through the bundle: %+v", n)
		}
	}
	if len(bundle.Clients[0].Notes) != 3 {
		t.Errorf("the bundle holds %d notes, want the 3 shared ones", len(bundle.Clients[0].Notes))
	}
	// A bundle that carries one anyway (an older vipbook): not taken in.
	bundle.Clients[0].Notes = append(bundle.Clients[0].Notes, notes.Note{ID: "n-private", ClientID: ids["wxm"],
		Kind: notes.General, Text: "SOMEONE ELSE'S: private", Private: true, At: at("2026-11-01 10:00")})
	bundle.Clients[0].noteJSON = nil
	b, _, _ := receiver(t)
	rep, err := Apply(b, bundle, ImportOptions{})
	must(t, err)
	must(t, b.View(func(tx *store.Tx) error {
		ns, err := tx.Notes(rep.Items[0].ID)
		for _, n := range ns {
			if n.Private {
				t.Errorf("the receiving book took a private note: %+v", n)
			}
		}
		return err
	}))
}

// TestAliasFollowedOnImport: issue 11 with a handover. A client merged
// away in the receiving book is not created again by a later bundle under
// its old id: the id is followed to the client it went into.
func TestAliasFollowedOnImport(t *testing.T) {
	a, ac, ids := giver(t)
	b, bc, _ := receiver(t)
	first, err := read(t, export(t, a, []string{ids["zw"]}, ExportOptions{To: "Wang Fang"}), pass)
	must(t, err)
	_, err = Apply(b, first, ImportOptions{})
	must(t, err)
	old := ids["zw"]
	var kept string
	must(t, b.Update(func(tx *store.Tx) error {
		if !tx.HasClient(old) {
			t.Fatal("fixture: 张伟 did not keep his id")
		}
		dup := &profile.Profile{Name: "张伟", Phones: []profile.Phone{{Number: "13700137000"}}}
		must(t, tx.AddClient(dup))
		kept = dup.ID
		_, err := tx.MergeClients(dup, old)
		return err
	}))
	ac.t, bc.t = ac.t.AddDate(0, 0, 2), bc.t.AddDate(0, 0, 2)
	must(t, a.Update(func(tx *store.Tx) error {
		return tx.AddNote(&notes.Note{ClientID: old, Kind: notes.General, Text: "moved to Pudong"})
	}))
	again, err := read(t, export(t, a, []string{old}, ExportOptions{To: "Wang Fang"}), pass)
	must(t, err)
	rep, err := Apply(b, again, ImportOptions{})
	must(t, err)
	if rep.New != 0 || rep.Items[0].ID != kept {
		t.Errorf("the second bundle: %+v", rep.Items)
	}
	must(t, b.View(func(tx *store.Tx) error {
		if tx.HasClient(old) {
			t.Error("the merged-away id is a client again")
		}
		ns, _ := tx.Notes(kept)
		found := false
		for _, n := range ns {
			found = found || n.Text == "moved to Pudong"
		}
		if !found {
			t.Error("the new note did not reach the client the id was merged into")
		}
		return nil
	}))
}

// TestPoint9SameNameAsks: issue 12 point 9 with issue 11. A client of the
// bundle with the name of a client here but no phone, e-mail or id in
// common is neither merged nor added silently: the preview lists the
// likeness, Apply refuses the whole bundle (nothing written) with the
// pairs named, and Apply with Despite adds them as new clients.
func TestPoint9SameNameAsks(t *testing.T) {
	c := &clock{at("2026-11-02 10:00")}
	a := newBook(t, "Li Na", "", c)
	must(t, a.Update(func(tx *store.Tx) error {
		return tx.AddClient(&profile.Profile{Name: "王 小明", Phones: []profile.Phone{{Number: "13911112222"}}})
	}))
	var id string
	must(t, a.View(func(tx *store.Tx) error {
		sums, err := tx.Summaries()
		id = sums[0].ID
		return err
	}))
	bundle, err := read(t, export(t, a, []string{id}, ExportOptions{To: "Wang Fang"}), pass)
	must(t, err)
	b, _, here := receiver(t)
	before := dump(t, b)
	rep, err := Preview(b, bundle, ImportOptions{})
	must(t, err)
	if rep.Likely != 1 || len(rep.Items[0].Likely) != 1 || rep.Items[0].Likely[0].ID != here {
		t.Fatalf("the preview: %+v", rep.Items)
	}
	_, err = Apply(b, bundle, ImportOptions{})
	var le *LikelyError
	if !errors.As(err, &le) || !errors.Is(err, ErrLikelyDuplicates) {
		t.Fatalf("Apply of a same-name client: %v", err)
	}
	if msg := err.Error(); !strings.Contains(msg, "王 小明 ~ 王小明 ("+here+")") || !strings.Contains(msg, "--force") {
		t.Errorf("the refusal: %s", msg)
	}
	if dump(t, b) != before {
		t.Fatal("the refused import changed the book")
	}
	rep, err = Apply(b, bundle, ImportOptions{Despite: true})
	must(t, err)
	if rep.New != 1 || rep.Items[0].ID == here {
		t.Errorf("with Despite: %+v", rep.Items)
	}
}
