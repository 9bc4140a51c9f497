package book

import (
	"testing"

	"github.com/vipbook/vipbook/interchange"
	"github.com/vipbook/vipbook/store"
)

// TestImportPreviewThenImport: a preview (dryRun) keeps the file's
// records, so the same parsed file then imports; the import lets go of
// them before it writes (they are not needed once planned, and held
// through the writes they raised the import's peak: seen from its
// progress), its plan still saying what it did.
func TestImportPreviewThenImport(t *testing.T) {
	b, _ := newBook(t, "2026-12-06", Options{})
	data := "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:王小明\r\nTEL;TYPE=CELL:13800138000\r\nNOTE:喜欢藏青色\r\nEND:VCARD\r\n" +
		"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anne Dubois\r\nEMAIL:anne@example.fr\r\nEND:VCARD\r\n"
	src, err := interchange.Parse("c.vcf", []byte(data), interchange.ParseOptions{CC: "86"})
	if err != nil {
		t.Fatal(err)
	}
	preview, err := b.Import(src, interchange.PlanOptions{}, nil, true)
	if err != nil || len(preview.New) != 2 || len(src.Records) != 2 {
		t.Fatalf("preview: %v, %d new, %d records left", err, len(preview.New), len(src.Records))
	}
	held := -1
	progress := func(done, total int) {
		if held < 0 {
			held = len(src.Records)
		}
	}
	plan, err := b.Import(src, interchange.PlanOptions{}, progress, false)
	if err != nil || len(plan.New) != 2 || plan.New[0].ClientID == "" {
		t.Fatalf("import: %v, %+v", err, plan)
	}
	if held != 0 || src.Records != nil {
		t.Errorf("%d records held while writing, %d after", held, len(src.Records))
	}
	b.View(func(tx *store.Tx) error {
		if ns, err := tx.Notes(plan.New[0].ClientID); err != nil || len(ns) != 1 || tx.ClientCount() != 2 {
			t.Errorf("after the import: %d clients, notes %+v, %v", tx.ClientCount(), ns, err)
		}
		return nil
	})
}
