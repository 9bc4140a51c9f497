package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vipbook/vipbook/store"
	bolt "go.etcd.io/bbolt"
)

// TestPoint4ErasedDamagedClientStaysErased (issue 14 point 4, with point
// 3's erase of a damaged client): a client whose record, summary and
// search row no longer decode is erased by id, and the tombstone still
// holds the salted hashes of their phone and card, read from the book's
// phone and card indexes. A later import of the client's earlier vCard,
// CSV or handover bundle skips them, saying they were erased: by the
// phone, and by the card alone in a CSV that gives the client a new
// phone. Before, such
// an erasure wrote a tombstone without the phones and the client came
// back.
func TestPoint4ErasedDamagedClientStaysErased(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "book.db")
	pass := filepath.Join(dir, "pass.txt")
	if err := os.WriteFile(pass, []byte("correct horse battery staple\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	run(t, book, "init", "--associate", "李娜")
	run(t, book, "add", "Mq Both", "--phone", "+86 139 0000 3333")
	run(t, book, "card", "add", "Mq Both", "VIP 7788-0099", "--program", "Maison")
	run(t, book, "add", "Mq Cardonly", "--phone", "+86 139 0000 4444")
	run(t, book, "card", "add", "Mq Cardonly", "VIP 5511-2266", "--program", "Maison")
	run(t, book, "add", "Keep Other", "--phone", "13916882046")
	both := idByPhone(t, book, "13900003333")
	cardOnly := idByCard(t, book, "VIP5511-2266")
	if id := idByPhone(t, book, "13900004444"); id != cardOnly {
		t.Fatalf("fixture: the card finds %s, the phone %s", cardOnly, id)
	}
	files := map[string]string{}
	for _, f := range []string{"vcf", "csv"} {
		files[f] = filepath.Join(dir, "clients."+f)
		run(t, book, "export", "-o", files[f], "--format", f)
	}
	// The card alone: Mq Cardonly has a new phone in this file.
	raw, err := os.ReadFile(files["csv"])
	if err != nil {
		t.Fatal(err)
	}
	newPhone := strings.NewReplacer("+8613900004444", "+8613900005555", "139 0000 4444", "139 0000 5555", "13900004444", "13900005555").Replace(string(raw))
	if newPhone == string(raw) {
		t.Fatalf("fixture: no phone of Mq Cardonly in the CSV:\n%s", raw)
	}
	files["csv"] = filepath.Join(dir, "newphone.csv")
	if err := os.WriteFile(files["csv"], []byte(newPhone), 0o600); err != nil {
		t.Fatal(err)
	}
	files["bundle"] = filepath.Join(dir, "older.age")
	run(t, book, "handover", "export", "--clients", "Mq", "--all-matches", "-o", files["bundle"], "--passphrase-file", pass)

	db, err := bolt.Open(book, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, id := range []string{both, cardOnly} {
			for _, bucket := range []string{"clients", "summaries", "searchrow"} {
				if err := tx.Bucket([]byte(bucket)).Put([]byte(id), []byte("\x01\x02 not a "+bucket)); err != nil {
					return err
				}
			}
		}
		return nil
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{both, cardOnly} {
		if out, err := runIn(book, id+"\n", "erase", id); err != nil {
			t.Fatalf("erase of a client whose record and summary are damaged: %v\n%s", err, out)
		}
	}
	for _, m := range []string{"Mq Both", "Mq Cardonly", "8613900003333", "VIP77880099", "VIP55112266"} {
		if bookBytesHave(t, book, m) {
			t.Errorf("the book still holds %q after the erasure", m)
		}
	}
	const said = "erased on 2026-11-24 at the client's request"
	imports := map[string][]string{
		"vcf":    {"import", files["vcf"], "--dry-run"},
		"csv":    {"import", files["csv"], "--dry-run"},
		"bundle": {"handover", "import", files["bundle"], "--passphrase-file", pass, "--dry-run"},
	}
	for _, kind := range []string{"vcf", "csv", "bundle"} {
		out, err := runIn(book, "", imports[kind]...)
		if err != nil {
			t.Fatalf("%s: %v\n%s", kind, err, out)
		}
		for _, name := range []string{"Mq Both", "Mq Cardonly"} {
			if !strings.Contains(out, name) || !strings.Contains(out, said) {
				t.Errorf("%s: the import does not say %s was erased:\n%s", kind, name, out)
			}
		}
		if strings.Contains(out, "would add 3") || strings.Contains(out, "would add 2") {
			t.Errorf("%s: the import would add the erased clients:\n%s", kind, out)
		}
	}
	run(t, book, "import", files["csv"])
	if out := run(t, book, "list"); strings.Contains(out, "Mq Both") || strings.Contains(out, "Mq Cardonly") {
		t.Errorf("the CSV import brought an erased client back:\n%s", out)
	}
}

// idByCard is the id of the one client holding the card numbered card.
func idByCard(t *testing.T, path, card string) string {
	t.Helper()
	var id string
	inBook(t, path, func(tx *store.Tx) error {
		ids := tx.FindByCard(card)
		if len(ids) != 1 {
			t.Fatalf("card %s finds %v", card, ids)
		}
		id = ids[0]
		return nil
	})
	return id
}
