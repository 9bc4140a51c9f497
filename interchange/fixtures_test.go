package interchange

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/vipbook/vipbook/store"
)

var testNow = time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)

// newBook makes an empty book in a temporary directory.
func newBook(t testing.TB) *store.Book {
	t.Helper()
	return newBookWith(t, store.Options{})
}

// newBookWith makes an empty book opened with opt, its clock at testNow.
func newBookWith(t testing.TB, opt store.Options) *store.Book {
	t.Helper()
	opt.Now = func() time.Time { return testNow }
	b, err := store.Init(filepath.Join(t.TempDir(), "book.db"), store.Meta{Associate: "Li Na", Store: "Shanghai IFC",
		Currency: "CNY", CountryCode: "86"}, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	return b
}

// importFile parses and applies a file as `vipbook import` does.
func importFile(t testing.TB, b *store.Book, name string, data []byte, o ParseOptions) (*Plan, error) {
	t.Helper()
	o.CC = b.Meta().CountryCode
	src, err := Parse(name, data, o)
	if err != nil {
		return nil, err
	}
	var pl *Plan
	err = b.Update(func(tx *store.Tx) error {
		var err error
		if pl, err = MakePlan(tx, src, PlanOptions{SourceTime: testNow.Add(-time.Hour)}); err != nil {
			return err
		}
		return Apply(tx, pl, nil)
	})
	return pl, err
}

// TestEveryFixture imports every file of testdata/fixtures (at the
// repository root; see its SOURCES.md) into a fresh book: each is imported
// or refused with a reason, never a crash, with the counts below; and
// importing it again changes nothing.
func TestEveryFixture(t *testing.T) {
	type want struct {
		new, skipped int
		err          error // refused with this
	}
	expect := map[string]want{
		"csv/google_contacts_legacy_export_folkerkinzel.csv":         {new: 1},
		"csv/outlook365_web_export_bom_folkerkinzel.csv":             {new: 1},
		"csv/outlook_microsoft_sample_import_contacts.csv":           {new: 5}, // five colleagues sharing one phone stay five
		"csv/google_csv_resaved_by_excel_written.csv":                {new: 2},
		"csv/outlook_de_windows1252_written.csv":                     {new: 2},
		"csv/outlook_fr_windows1252_written.csv":                     {new: 1},
		"csv/outlook_ko_euckr_written.csv":                           {new: 2},
		"csv/outlook_zh_tw_big5_written.csv":                         {new: 2},
		"csv/outlook_zh_cn_gbk_written.csv":                          {new: 2},
		"csv/thunderbird_de_utf8_written.csv":                        {new: 1},
		"csv/thunderbird_ja_shiftjis_written.csv":                    {new: 3},
		"csv/thunderbird_zh_cn_gb18030_written.csv":                  {new: 3},
		"csv/windows_live_mail_ja_shiftjis_written.csv":              {new: 2},
		"vcf/unknown_charset_ansi_written.vcf":                       {new: 1},
		"csv/roundcube_all.csv":                                      {new: 1},
		"csv/shopify_customers_export_2024_written.csv":              {new: 3},
		"csv/shopify_legacy_template_solidus_importer_customers.csv": {new: 2}, // continuation rows fold into John
		"csv/thunderbird_csv_semicolon.csv":                          {new: 2},
		"csv/thunderbird_export.csv":                                 {new: 2},
		"csv/thunderbird_de_windows1252_written.csv":                 {new: 1},
		"csv/thunderbird_utf16le_written.csv":                        {new: 1},
		"csv/windows_live_mail_de_semicolon_bom_written.csv":         {new: 1},
		"csv/zh_hant_headers_bom_customer_manager_rust.csv":          {new: 3},
		"ics/icalendar_rfc_7529.ics":                                 {err: ErrNotContacts},
		"ics/icaljs_google_birthday.ics":                             {err: ErrNotContacts},
		"ics/khal_event_d_no_value.ics":                              {err: ErrNotContacts},
		"ics/khal_event_r_past.ics":                                  {err: ErrNotContacts},
		"vcf/aosp_v21_complicated.vcf":                               {new: 1},
		"vcf/android_samsung_events_written.vcf":                     {new: 2},
		"vcf/apple_ios_omit_year_lunar_written.vcf":                  {new: 2},
		"vcf/aosp_v21_nest.vcf":                                      {new: 2, skipped: 2}, // the outer card and the line after it
		"vcf/eds_vcard_5.vcf":                                        {new: 1},
		"vcf/eds_vcard_7.vcf":                                        {err: ErrNoRecords},  // no BEGIN:VCARD
		"vcf/ezvcard_John_Doe_ANDROID.vcf":                           {new: 3, skipped: 2}, // two cards with an e-mail only
		"vcf/ezvcard_John_Doe_GMAIL.vcf":                             {new: 1},
		"vcf/ezvcard_John_Doe_IPHONE.vcf":                            {new: 1},
		"vcf/ezvcard_John_Doe_MS_OUTLOOK.vcf":                        {new: 1},
		"vcf/ezvcard_gmail-list.vcf":                                 {new: 3},
		"vcf/icaljs_vcard.vcf":                                       {new: 1},
		"vcf/khard_text-bday.vcf":                                    {new: 1},
		"vcf/khard_unparsable.vcf":                                   {err: ErrNoRecords}, // no END:VCARD
		"vcf/metowolf_zhaoshang_bank_cmb.vcf":                        {err: ErrNoRecords}, // a bank, not a person
		"vcf/nodevcf_multiple.vcf":                                   {new: 1},            // one person in three versions
		"vcf/roundcube_thebat.vcf":                                   {new: 1},
		"vcf/sabre_v3_v4_escapes_written.vcf":                        {new: 2},
		"vcf/thunderbird_export.vcf":                                 {new: 2},
		"vcf/vcard4android_vcard4.vcf":                               {new: 1},
	}
	files, err := filepath.Glob("../testdata/fixtures/*/*")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, f := range files {
		rel := filepath.Base(filepath.Dir(f)) + "/" + filepath.Base(f)
		if filepath.Ext(f) == ".md" {
			continue
		}
		t.Run(rel, func(t *testing.T) {
			w, ok := expect[rel]
			if !ok {
				t.Fatalf("a new fixture: add its expected counts")
			}
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			b := newBook(t)
			pl, err := importFile(t, b, f, data, ParseOptions{})
			if w.err != nil {
				if !errors.Is(err, w.err) || len(err.Error()) < 30 {
					t.Fatalf("err = %v, want %v with a reason", err, w.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(pl.New) != w.new || len(pl.Skipped) != w.skipped || len(pl.Merged) != 0 {
				t.Errorf("new %d merged %d skipped %d (%+v), want new %d skipped %d", len(pl.New), len(pl.Merged), len(pl.Skipped), pl.Skipped, w.new, w.skipped)
			}
			for _, s := range pl.Skipped {
				if s.Line < 1 || s.Reason == "" {
					t.Errorf("skip without line or reason: %+v", s)
				}
			}
			b.View(func(tx *store.Tx) error {
				if n := tx.ClientCount(); n != w.new {
					t.Errorf("%d clients in the book, want %d", n, w.new)
				}
				return nil
			})
			again, err := importFile(t, b, f, data, ParseOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if len(again.New) != 0 || len(again.Merged) != 0 || len(again.Unchanged) != w.new {
				t.Errorf("second import: new %d merged %+v unchanged %d, want nothing changed", len(again.New), again.Merged, len(again.Unchanged))
			}
		})
	}
}
