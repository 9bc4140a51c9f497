package chainsync

import (
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/handover"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// handOver collects the client named name from the giving book and applies
// the bundle to the receiving one, as a handover bundle brings it.
func handOver(t *testing.T, from *store.Book, name string, to *testBook) {
	t.Helper()
	p := clientNamed(t, from, name)
	var b *handover.Bundle
	if err := from.View(func(tx *store.Tx) error {
		var err error
		b, err = handover.Collect(tx, []string{p.ID}, to.role, to.clock())
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := handover.Apply(to.st, b, handover.ImportOptions{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
}

// texts are the texts of a client's notes and the items of its purchases,
// sorted.
func texts(t *testing.T, st *store.Book, id string) []string {
	t.Helper()
	var out []string
	for _, n := range notesOf(t, st, id) {
		out = append(out, n.Text)
	}
	for _, p := range purchasesOf(t, st, id) {
		out = append(out, "bought "+p.Items)
	}
	sort.Strings(out)
	return out
}

// A client handed over in a bundle to a joined associate reaches the chain
// with its history, whatever ids its records carry: those the giver made
// (a giver who never joined), those the giver had pulled from the chain
// (held there on the first client, which the new one is not), and those of
// a book the chain never saw (a book of another chain). After the
// receiver's sync, a store that adopts the receiver's client gets all of
// it; the first client's records stay where they were; syncing again
// doubles nothing, and a later change of such a record reaches the chain.
func TestHandedOverHistoryReachesTheChain(t *testing.T) {
	c := newChain(t)
	osaka := c.joinedBook(t, "mori", "Osaka", osakaClient)
	osaka.sync(t)
	first := c.find(t, osaka, "sato")

	// Ito (Osaka, joined) adopts the client: its shared note and purchase
	// come into his book under Mori's book's ids. He adds a note of his
	// own and hands the client to Abe without syncing it.
	ito := c.joinedBook(t, "ito", "Osaka", nil)
	if _, err := Adopt(ctxT(t), ito.st, ito.pw, first, ito.clock); err != nil {
		t.Fatal(err)
	}
	adopted := clientNamed(t, ito.st, "佐藤由紀")
	if err := ito.st.Update(func(tx *store.Tx) error {
		return tx.AddNote(&notes.Note{ClientID: adopted.ID, Kind: notes.Call, Text: "asked for the spring catalogue"})
	}); err != nil {
		t.Fatal(err)
	}

	// A giver who never joined: Kimura's book holds a client with a note
	// of her own and one that came from a book of another chain.
	kimura := &testBook{role: "kimura", now: day0}
	st, err := store.Init(filepath.Join(t.TempDir(), "kimura.db"), store.Meta{Associate: "kimura", Store: "Kyoto",
		CountryCode: "81", Currency: "JPY"}, store.Options{Now: kimura.clock, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.Update(func(tx *store.Tx) error {
		p := &profile.Profile{Name: "中村葵", LatinName: "Nakamura Aoi"}
		if err := tx.AddClient(p); err != nil {
			return err
		}
		if err := tx.AddNote(&notes.Note{ClientID: p.ID, Kind: notes.Visit, Text: "loves the silk scarves"}); err != nil {
			return err
		}
		if _, err := tx.ImportNotes([]notes.Note{{ID: "elsewhere0000001/n1", ClientID: p.ID, Kind: notes.General,
			At: day0.Add(-48 * time.Hour), Author: "someone", Text: "note from the Sapporo chain"}}); err != nil {
			return err
		}
		return tx.AddPurchase(&profile.Purchase{ClientID: p.ID, Date: civil.New(2026, 11, 2), Amount: 3000000, Items: "scarf"})
	}); err != nil {
		t.Fatal(err)
	}

	abe := c.joinedBook(t, "abe", "Kyoto", nil)
	handOver(t, ito.st, "佐藤由紀", abe)
	handOver(t, st, "中村葵", abe)
	abe.sync(t)

	// Another store adopts Abe's clients: each comes with its whole
	// history.
	tokyo := c.joinedBook(t, "sato", "Tokyo", nil)
	for _, want := range []struct {
		name string
		has  []string
	}{
		{"佐藤由紀", []string{"asked for the spring catalogue", "tried the navy loafers, size 38"}},
		{"中村葵", []string{"bought scarf", "loves the silk scarves", "note from the Sapporo chain"}},
	} {
		var id string
		if err := abe.st.View(func(tx *store.Tx) error {
			id = tx.ChainClientID(clientNamed(t, abe.st, want.name).ID)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if _, err := Adopt(ctxT(t), tokyo.st, tokyo.pw, id, tokyo.clock); err != nil {
			t.Fatal(err)
		}
		got := texts(t, tokyo.st, clientNamed(t, tokyo.st, want.name).ID)
		for _, w := range want.has {
			if !contains(got, w) {
				t.Errorf("%s adopted from Abe's book: %q, want %q among them", want.name, got, w)
			}
		}
	}
	// The first client keeps its records on the chain, none moved to
	// Abe's client.
	if n := c.scalar(t, `SELECT count(*) FROM events WHERE client_id = $1`, first); n != 2 {
		t.Errorf("the first client has %d records on the chain, want its note and purchase", n)
	}
	// The handbag the chain holds on the first client is not copied to
	// Abe's: the chain counts the person's spend once (Mori's handbag and
	// Kimura's scarf, which the chain did not hold).
	if n := c.scalar(t, `SELECT count(*) FROM events WHERE kind = 'purchase' AND NOT deleted`); n != 2 {
		t.Errorf("%d purchases on the chain, want the handbag and the scarf once each", n)
	}
	if n := c.scalar(t, `SELECT count(*) FROM clients WHERE name = '佐藤由紀' AND spend > 0`); n != 1 {
		t.Errorf("%d of the chain's clients named 佐藤由紀 count the handbag in their spend, want 1", n)
	}

	// Syncing again doubles nothing; Abe's later change of a handed-over
	// record (pulled once by Ito) reaches Tokyo under the same name.
	before := c.scalar(t, `SELECT count(*) FROM events`)
	abe.sync(t)
	if n := c.scalar(t, `SELECT count(*) FROM events`); n != before {
		t.Fatalf("%d records on the chain after syncing again, %d before", n, before)
	}
	received := clientNamed(t, abe.st, "佐藤由紀")
	for _, n := range notesOf(t, abe.st, received.ID) {
		if strings.Contains(n.Text, "loafers") {
			if err := abe.st.Update(func(tx *store.Tx) error { _, err := tx.DeleteNote(n.ID); return err }); err != nil {
				t.Fatal(err)
			}
		}
	}
	abe.sync(t)
	tokyo.sync(t)
	if got := texts(t, tokyo.st, clientNamed(t, tokyo.st, "佐藤由紀").ID); contains(got, "tried the navy loafers, size 38") {
		t.Errorf("Abe's removal of the handed-over note did not reach Tokyo: %q", got)
	}
	if n := c.scalar(t, `SELECT count(*) FROM events`); n != before {
		t.Fatalf("%d records on the chain after the removal, %d before", n, before)
	}
	if n := c.scalar(t, `SELECT count(*) FROM events WHERE client_id = $1 AND NOT deleted`, first); n != 2 {
		t.Errorf("Abe's removal reached the first client's records: %d left", n)
	}

	// Tokyo, now the client's secondary associate, removes the note from
	// the other chain (held by the chain on Abe's client, under Abe's
	// book's id): the removal goes under that id and reaches Abe's book,
	// where the note keeps the id it came with.
	aoi := clientNamed(t, tokyo.st, "中村葵")
	for _, n := range notesOf(t, tokyo.st, aoi.ID) {
		if strings.Contains(n.Text, "Sapporo") {
			if err := tokyo.st.Update(func(tx *store.Tx) error { _, err := tx.DeleteNote(n.ID); return err }); err != nil {
				t.Fatal(err)
			}
		}
	}
	tokyo.sync(t)
	abe.sync(t)
	if got := texts(t, abe.st, clientNamed(t, abe.st, "中村葵").ID); contains(got, "note from the Sapporo chain") {
		t.Errorf("Tokyo's removal of the re-keyed note did not reach Abe: %q", got)
	}
	if n := c.scalar(t, `SELECT count(*) FROM events`); n != before {
		t.Fatalf("%d records on the chain after Tokyo's removal, %d before", n, before)
	}

	// A book that received the client and joined afterwards: its first
	// sync brings the client's two notes to the chain too, and not the
	// purchase the chain holds on the first client.
	kato := &testBook{role: c.associate(t, "kato", "Nagoya", false), pw: Password{Text: "pw-kato"}, now: day0}
	kato.path = filepath.Join(t.TempDir(), "kato.db")
	if kato.st, err = store.Init(kato.path, store.Meta{Associate: kato.role, Store: "Nagoya", CountryCode: "81", Currency: "JPY"},
		store.Options{Now: kato.clock, NoSync: true}); err != nil {
		t.Fatal(err)
	}
	defer kato.st.Close()
	handOver(t, ito.st, "佐藤由紀", kato)
	if _, err := Join(ctxT(t), kato.st, c.pg.DSN(c.db, kato.role, ""), kato.pw, "Nagoya", ""); err != nil {
		t.Fatal(err)
	}
	kato.sync(t)
	var katoID string
	_ = kato.st.View(func(tx *store.Tx) error {
		katoID = tx.ChainClientID(clientNamed(t, kato.st, "佐藤由紀").ID)
		return nil
	})
	if n := c.scalar(t, `SELECT count(*) FROM events WHERE client_id = $1 AND kind IN ('note', 'visit', 'purchase') AND NOT deleted`, katoID); n != 2 {
		t.Errorf("the client of a book that joined after receiving it has %d notes and purchases on the chain, want its 2 notes", n)
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// A record re-keyed at one push keeps its name at every later push: when
// the chain comes to hold its foreign id on the same client too (here the
// administrator moves it there, as a merge of the two clients would), the
// book's later change still goes to BOOKID/ID, not to the foreign id,
// which would leave the re-keyed copy with the old version and never see
// the removal.
func TestRekeyedNameIsKept(t *testing.T) {
	c := newChain(t)
	osaka := c.joinedBook(t, "mori", "Osaka", osakaClient)
	osaka.sync(t)
	first := c.find(t, osaka, "sato")
	ito := c.joinedBook(t, "ito", "Osaka", nil)
	if _, err := Adopt(ctxT(t), ito.st, ito.pw, first, ito.clock); err != nil {
		t.Fatal(err)
	}
	abe := c.joinedBook(t, "abe", "Kyoto", nil)
	handOver(t, ito.st, "佐藤由紀", abe)
	abe.sync(t)

	received := clientNamed(t, abe.st, "佐藤由紀")
	var abeBook, chainClient, foreign string
	if err := abe.st.View(func(tx *store.Tx) error {
		j, _ := tx.Book().Chain()
		abeBook, chainClient = j.BookID, tx.ChainClientID(received.ID)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for _, n := range notesOf(t, abe.st, received.ID) {
		if strings.Contains(n.Text, "loafers") {
			foreign = n.ID
		}
	}
	if foreign == "" || strings.HasPrefix(foreign, abeBook+"/") {
		t.Fatalf("the handed-over note's id in Abe's book is %q, want another book's", foreign)
	}
	rekeyed := abeBook + "/" + foreign
	if n := c.scalar(t, `SELECT count(*) FROM events WHERE id = $1 AND client_id = $2`, rekeyed, chainClient); n != 1 {
		t.Fatalf("the handed-over note is not on the chain as %s on Abe's client", rekeyed)
	}
	// The chain now holds the foreign id on Abe's client as well.
	c.pg.Exec(t, c.db, `UPDATE events SET client_id = $2 WHERE id = $1`, foreign, chainClient)

	if err := abe.st.Update(func(tx *store.Tx) error { _, err := tx.DeleteNote(foreign); return err }); err != nil {
		t.Fatal(err)
	}
	abe.sync(t)
	if n := c.scalar(t, `SELECT count(*) FROM events WHERE id = $1 AND deleted`, rekeyed); n != 1 {
		t.Errorf("Abe's removal of the note did not reach its re-keyed name %s on the chain", rekeyed)
	}
}
