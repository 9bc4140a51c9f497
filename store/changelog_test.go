package store

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/internal/hlc"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
)

func changesOf(t *testing.T, b *Book) []Change {
	t.Helper()
	var out []Change
	if err := b.View(func(tx *Tx) error {
		var err error
		out, err = tx.Changes(0)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestBookNotJoinedLogsNothing(t *testing.T) {
	b, _ := newBook(t)
	p := &profile.Profile{Name: "王小明"}
	if err := b.Update(func(tx *Tx) error { return tx.AddClient(p) }); err != nil {
		t.Fatal(err)
	}
	if err := b.Update(func(tx *Tx) error {
		return tx.AddNote(&notes.Note{ClientID: p.ID, Kind: notes.Call, Text: "called"})
	}); err != nil {
		t.Fatal(err)
	}
	if got := changesOf(t, b); len(got) != 0 {
		t.Fatalf("a book that never joined logged %d changes", len(got))
	}
	if _, ok := b.Chain(); ok {
		t.Fatal("a new book says it joined a chain")
	}
}

func TestJoinLogsTheWholeBookThenEveryWrite(t *testing.T) {
	b, path := newBook(t)
	p := &profile.Profile{Name: "王小明", City: "上海"}
	if err := b.Update(func(tx *Tx) error {
		if err := tx.AddClient(p); err != nil {
			return err
		}
		if err := tx.AddNote(&notes.Note{ClientID: p.ID, Kind: notes.Call, Text: "likes loafers"}); err != nil {
			return err
		}
		if err := tx.AddNote(&notes.Note{ClientID: p.ID, Kind: notes.Call, Text: "PRIVATE-MARK", Private: true}); err != nil {
			return err
		}
		return tx.AddPurchase(&profile.Purchase{ClientID: p.ID, Date: civil.Of(testNow), Amount: 1280000})
	}); err != nil {
		t.Fatal(err)
	}
	j := Join{DSN: "host=/tmp dbname=chain user=lina", Store: "Tokyo", Associate: "lina"}
	if err := b.JoinChain(j); err != nil {
		t.Fatal(err)
	}
	if err := b.JoinChain(j); !errors.Is(err, ErrJoined) {
		t.Fatalf("joining twice: %v", err)
	}
	got := changesOf(t, b)
	kinds := map[string]int{}
	for _, c := range got {
		kinds[c.Kind]++
		if strings.Contains(string(c.Data), "PRIVATE-MARK") {
			t.Fatalf("a private note is in the change log: %s", c.Data)
		}
	}
	if kinds[ChangeClient] != 1 || kinds[ChangeNote] != 1 || kinds[ChangePurchase] != 1 {
		t.Fatalf("join logged %v, want the client, one note (not the private one) and the purchase", kinds)
	}

	// An edit logs only the changed field, and stamps its clock.
	if err := b.Update(func(tx *Tx) error {
		return tx.UpdateClientWith(p.ID, func(q *profile.Profile) error { q.City = "东京"; return nil })
	}); err != nil {
		t.Fatal(err)
	}
	got = changesOf(t, b)
	last := got[len(got)-1]
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(last.Data, &fields); err != nil {
		t.Fatal(err)
	}
	if len(fields) != 1 || string(fields["city"]) != `"东京"` {
		t.Fatalf("an edit of the city logged %s", last.Data)
	}
	if err := b.View(func(tx *Tx) error {
		if c := tx.FieldClock(p.ID, "city"); c.String() != last.HLC {
			t.Errorf("city's clock %v, want %s", c, last.HLC)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	// Timestamps strictly increase even with a clock that stands still.
	for i := 1; i < len(got); i++ {
		a, _ := hlc.Parse(got[i-1].HLC)
		c, _ := hlc.Parse(got[i].HLC)
		if c.Compare(a) <= 0 || got[i].Seq <= got[i-1].Seq {
			t.Fatalf("change %d (%s) is not after change %d (%s)", i, got[i].HLC, i-1, got[i-1].HLC)
		}
	}

	// The join record survives reopening, and holds no password.
	b.Close()
	b2, err := Open(path, Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	defer b2.Close()
	jj, ok := b2.Chain()
	if !ok || jj.BookID == "" || jj.Store != "Tokyo" {
		t.Fatalf("after reopening: %+v %v", jj, ok)
	}

	// Acknowledged changes leave the log; the others stay.
	n := len(got)
	if err := b2.Update(func(tx *Tx) error { return tx.Acknowledge(got[1].Seq) }); err != nil {
		t.Fatal(err)
	}
	if rest := changesOf(t, b2); len(rest) != n-2 || rest[0].Seq != got[2].Seq {
		t.Fatalf("after acknowledging 2 of %d: %d left", n, len(rest))
	}
}

func TestAFailedWriteLogsNothing(t *testing.T) {
	b, _ := newBook(t)
	if err := b.JoinChain(Join{Store: "Tokyo", Associate: "lina"}); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	err := b.Update(func(tx *Tx) error {
		if err := tx.AddClient(&profile.Profile{Name: "Anne"}); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatal(err)
	}
	if got := changesOf(t, b); len(got) != 0 {
		t.Fatalf("a write that failed left %d changes", len(got))
	}
}

func TestEraseDropsUnsentChangesOfTheClient(t *testing.T) {
	b, _ := newBook(t)
	if err := b.JoinChain(Join{Store: "Tokyo", Associate: "lina"}); err != nil {
		t.Fatal(err)
	}
	gone := &profile.Profile{Name: "ERASE-ME-7781"}
	keep := &profile.Profile{Name: "Anne"}
	if err := b.Update(func(tx *Tx) error {
		if err := tx.AddClient(gone); err != nil {
			return err
		}
		return tx.AddClient(keep)
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.EraseClients(gone.ID); err != nil {
		t.Fatal(err)
	}
	got := changesOf(t, b)
	if len(got) != 2 {
		t.Fatalf("want keep's add and gone's erasure, got %d changes", len(got))
	}
	for _, c := range got {
		if strings.Contains(string(c.Data), "ERASE-ME") {
			t.Fatalf("the erased client's data is still in the log: %s", c.Data)
		}
	}
	if got[1].Kind != ChangeErase || got[1].ClientID != gone.ID {
		t.Fatalf("last change %+v, want the erasure", got[1])
	}
}

// The log's changes read in one pass (decodeChange) are those
// encoding/json reads, escapes, odd ids and all; what it does not read goes
// to encoding/json, and ChangesAfter starts after the number given.
func TestChangesReadInOnePass(t *testing.T) {
	for _, ch := range []Change{
		{Seq: 1, HLC: "0000018c2f-00000001-ab", Kind: ChangeNote, ClientID: "k3x9ab", EntityID: "n1", Data: json.RawMessage(`{"text":"<b>\"藏青\"</b>\\n","at":"2026-12-01T10:00:00Z"}`)},
		{Seq: 18446744073709551615, HLC: "h", Kind: ChangeClient, ClientID: `a"b\c`, Data: json.RawMessage(`{"name":"王小明","phones":["+86 138"]}`)},
		{Seq: 3, Kind: ChangeErase, ClientID: "x", Data: json.RawMessage(`null`)},
	} {
		raw, err := json.Marshal(&ch)
		if err != nil {
			t.Fatal(err)
		}
		var want, got Change
		if err := json.Unmarshal(raw, &want); err != nil {
			t.Fatal(err)
		}
		if !decodeChange(raw, &got) {
			if strings.ContainsAny(ch.ClientID, `"\`) {
				continue // an escape: encoding/json reads it
			}
			t.Fatalf("%s: not read", raw)
		}
		if got.Seq != want.Seq || got.HLC != want.HLC || got.Kind != want.Kind || got.ClientID != want.ClientID ||
			got.EntityID != want.EntityID || string(got.Data) != string(want.Data) {
			t.Fatalf("read %+v, want %+v", got, want)
		}
	}
	if decodeChange([]byte(`{"seq":1,"data":{"a":1}`), &Change{}) {
		t.Fatal("a change cut short was read")
	}

	b, _ := newBook(t)
	if err := b.JoinChain(Join{DSN: "host=/tmp dbname=chain user=lina", Store: "Tokyo", Associate: "lina"}); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		if err := b.Update(func(tx *Tx) error { return tx.AddClient(&profile.Profile{Name: "客户"}) }); err != nil {
			t.Fatal(err)
		}
	}
	all := changesOf(t, b)
	if err := b.View(func(tx *Tx) error {
		after, err := tx.ChangesAfter(all[0].Seq, 1)
		if err != nil || len(after) != 1 || after[0].Seq != all[1].Seq {
			t.Fatalf("ChangesAfter(%d, 1): %v %v", all[0].Seq, after, err)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}
