package handover

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/store"
)

// TestPoint11BundleSizeLimits: issue 14 point 11 for data that arrives in
// a handover bundle. A note over the receiving book's limit, a name over
// 200 characters or details over 256 KiB, a record line over the reader's
// limit and a bundle over the whole limit are refused with a plain message
// (en and zh) naming the client, and nothing is written: the receiving
// book is byte for byte the same.
func TestPoint11BundleSizeLimits(t *testing.T) {
	a, _, ids := giver(t)
	must(t, a.Update(func(tx *store.Tx) error {
		return tx.AddNote(&notes.Note{ClientID: ids["wxm"], Kind: notes.General, Text: strings.Repeat("长", 25<<10)}) // 75 KiB
	}))
	path := export(t, a, []string{ids["wxm"], ids["anne"]}, ExportOptions{To: "Wang Fang"})
	b, _, _ := receiver(t)
	before := dump(t, b)
	f, err := os.Open(path)
	must(t, err)
	defer f.Close()
	_, err = ApplyFile(b, f, pass, ImportOptions{}, false)
	var tl *TooLargeError
	if !errors.Is(err, ErrTooLarge) || !errors.As(err, &tl) || tl.Key != i18n.HoTooLongNote {
		t.Fatalf("a 75 KiB note: %v", err)
	}
	en, zh := i18n.New("en").Error(err), i18n.New("zh").Error(err)
	if !strings.Contains(en, "王小明") || !strings.Contains(en, "75 KiB") || !strings.Contains(en, "nothing was imported") ||
		!strings.Contains(zh, "未导入任何内容") {
		t.Errorf("the refusal:\n%s\n%s", en, zh)
	}
	if dump(t, b) != before {
		t.Fatal("the refused bundle changed the book")
	}
	// A larger limit in the receiving book's config takes it.
	f2, err := os.Open(path)
	must(t, err)
	defer f2.Close()
	if _, err := ApplyFile(b, f2, pass, ImportOptions{NoteLimit: 128 << 10}, true); err != nil {
		t.Errorf("under a 128 KiB limit: %v", err)
	}

	bundle, err := read(t, export(t, a, []string{ids["zw"]}, ExportOptions{}), pass)
	must(t, err)
	long := *bundle
	long.Clients = append([]Client(nil), bundle.Clients...)
	long.Clients[0].Profile.Name = strings.Repeat("名", 201)
	if _, err := Apply(b, &long, ImportOptions{}); !errors.As(err, &tl) || tl.Key != i18n.HoTooLongName {
		t.Errorf("a name of 201 characters: %v", err)
	}
	long.Clients[0].Profile = bundle.Clients[0].Profile
	long.Clients[0].Profile.Occupation = strings.Repeat("x", 300<<10)
	if _, err := Apply(b, &long, ImportOptions{}); !errors.As(err, &tl) || tl.Key != i18n.HoTooLongRecord {
		t.Errorf("details of 300 KiB: %v", err)
	}
	if dump(t, b) != before {
		t.Fatal("a refused bundle changed the book")
	}

	// The reader's own limits: one record line, the whole bundle.
	var plain bytes.Buffer
	must(t, Encode(&plain, bundle))
	defer func(l int, m int64) { maxRecordLine, maxBundle = l, m }(maxRecordLine, maxBundle)
	maxRecordLine = 64
	if _, err := Decode(bytes.NewReader(plain.Bytes())); !errors.As(err, &tl) || tl.Key != i18n.HoTooLongLine {
		t.Errorf("a record line over the limit: %v", err)
	}
	maxRecordLine, maxBundle = 8<<20, int64(plain.Len()-1)
	if _, err = Decode(bytes.NewReader(plain.Bytes())); !errors.As(err, &tl) || tl.Key != i18n.HoTooLarge {
		t.Errorf("a bundle over the limit: %v", err)
	}
	if zh := i18n.New("zh").Error(err); !strings.Contains(zh, "分批交接") {
		t.Errorf("in Chinese: %s", zh)
	}
}
