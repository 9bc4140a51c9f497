package interchange

import (
	"bytes"
	"strings"
	"testing"

	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// TestOldUIDStillMatches: a vCard exported before the UID became a
// urn:uuid ("vipbook-" and the client's id) still finds its client on
// import: the whole file changes nothing, and a card whose phone has
// changed since (so no phone, e-mail or birthday finds the client) merges
// into that client instead of adding a duplicate, as the urn:uuid form
// does.
func TestOldUIDStillMatches(t *testing.T) {
	b, ids := sampleBook(t)
	var zhao string
	if err := b.Update(func(tx *store.Tx) error {
		p := profile.Profile{Name: "赵敏", Phones: []profile.Phone{{Number: "13600000000"}}}
		err := tx.AddClient(&p)
		zhao = p.ID
		return err
	}); err != nil {
		t.Fatal(err)
	}
	ids = append(ids, zhao)
	var buf bytes.Buffer
	if err := WriteVCard(&buf, collect(t, b, ids)); err != nil {
		t.Fatal(err)
	}
	for form, phone := range map[string]string{"old": "13600009999", "new": "13600008888"} {
		file := buf.String()
		if form == "old" {
			for _, id := range ids {
				if !strings.Contains(file, "UID:"+clientUID(id)) {
					t.Fatalf("the export has no UID %s for %s", clientUID(id), id)
				}
				file = strings.ReplaceAll(file, "UID:"+clientUID(id), "UID:vipbook-"+id)
			}
		}
		pl, err := importFile(t, b, "old.vcf", []byte(file), ParseOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if len(pl.New) != 0 || len(pl.Merged) != 0 || len(pl.Unchanged) != len(ids) {
			t.Errorf("%s: the whole file into its own book: new %+v, merged %+v", form, pl.New, pl.Merged)
		}
		moved := strings.Replace(file, "+86 136 0000 0000", "+86 "+phone, 1) // the export writes numbers so
		pl, err = importFile(t, b, "moved.vcf", []byte(moved), ParseOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if len(pl.New) != 0 || len(pl.Merged) != 1 || pl.Merged[0].ClientID != zhao {
			t.Errorf("%s: a card whose phone changed: new %+v, merged %+v, want merged into %s", form, pl.New, pl.Merged, zhao)
		}
	}
}
