package interchange

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/handover"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// fullBook holds two clients: the first with every field of a profile an
// associate enters filled in (partsBook's parts, and everything else),
// her husband linked to the second client of the book, who referred her.
func fullBook(t *testing.T) (*store.Book, []string) {
	t.Helper()
	b, ids := partsBook(t)
	day := civil.MustParse
	husband := profile.Profile{Name: "张伟", Phones: []profile.Phone{{Number: "139 0000 1111", Label: "mobile"}}}
	err := b.Update(func(tx *store.Tx) error {
		if err := tx.AddClient(&husband); err != nil {
			return err
		}
		return tx.UpdateClientWith(ids[0], func(p *profile.Profile) error {
			p.LatinName, p.Honorific, p.Gender = "Michael Wang", "王先生", "m"
			p.Phones = append(p.Phones, profile.Phone{Number: "021-6288 1234", Label: "work"})
			p.WeChat, p.Channel, p.BestTime = "wxm_88", profile.ChannelWeChat, "weekday evenings"
			p.Consent = profile.Consent{DoNotContact: true, RecordedAt: testNow.Add(-72 * time.Hour), How: "asked in store"}
			p.HomeStore, p.Counter = "Beijing SKP", "Shoes"
			p.City, p.District, p.Country, p.Occupation = "上海", "静安区", "CN", "律师"
			p.Hobbies = []string{"golf", "opera"}
			p.Household[0].ClientID = husband.ID
			p.WhyBrand, p.Motivator, p.ShareOfWallet = "the craft", "first access to new lines", "about half"
			p.GiftPrefs = []string{"flowers", "tea"}
			p.Preferences[0].Note, p.Preferences[0].Added = "penny, not tassel", day("2025-04-04")
			p.MadeToOrder = []profile.MadeToOrder{{Item: "suit", Spec: "chest 98, sleeve 62", Date: day("2026-02-02"), Notes: "half canvas"}}
			p.Special = profile.Special{Elderly: true, Health: true, Note: "a chair at the fitting"}
			p.Tier = "VIC"
			p.ReferredBy = husband.ID
			p.Tags = []string{"VIP", "shoes, bags"}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return b, []string{ids[0], husband.ID}
}

// entered is p without what the book keeps of its own (the id, created
// and updated times, owners, handover and history, the tier, which the
// book works out or the associate sets in it) and without the fields
// notCarried names: what an export then an import must bring back
// exactly, as JSON.
func entered(p profile.Profile, notCarried []string) string {
	p.ID, p.Tier = "", ""
	p.Created, p.Updated = time.Time{}, time.Time{}
	p.Owners, p.HandedOver, p.History = nil, nil, nil
	b, _ := json.Marshal(p)
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		panic(err)
	}
	for _, f := range notCarried {
		delete(m, f)
	}
	b, _ = json.MarshalIndent(m, "", " ")
	return string(b)
}

// notCarried are the fields of a profile each format does not carry (none:
// vCard, CSV and JSON carry every field an associate enters).
var notCarried = map[string][]string{
	"vcf":  nil,
	"csv":  nil,
	"json": nil,
}

// TestFullProfileRoundTrip exports a fully filled profile and the client
// her husband is, to vCard, to CSV and to JSON, and imports each file into an
// empty book: every field comes back exactly (but those notCarried
// lists), and the husband's link and the referral point to the husband
// as the new book numbers him (vCard: RELATED and X-VIPBOOK-REFERRED-BY
// by the husband's urn:uuid UID; CSV: ", client ID" and referred_by by
// his row's id).
func TestFullProfileRoundTrip(t *testing.T) {
	b, ids := fullBook(t)
	ex := collect(t, b, ids)
	for _, format := range []string{"vcf", "csv", "json"} {
		t.Run(format, func(t *testing.T) {
			var got *Export
			if format == "json" {
				got = jsonExportImport(t, b, ex)
			} else {
				var file []byte
				file, got = exportImport(t, ex, format, false)
				// Into the same book: the links name the same clients,
				// nothing changes.
				pl, err := importFile(t, b, "again."+format, file, ParseOptions{})
				if err != nil {
					t.Fatal(err)
				}
				if len(pl.New) != 0 || len(pl.Merged) != 0 {
					t.Errorf("importing the export into its book adds %+v, changes %+v", pl.New, pl.Merged)
				}
			}
			for i := range ex.Clients {
				w, g := ex.Clients[i].Profile, got.Clients[i].Profile
				w.Household = slices.Clone(w.Household)
				for j, m := range w.Household {
					if m.ClientID == ids[1] {
						w.Household[j].ClientID = got.Clients[1].Profile.ID
					}
				}
				if w.ReferredBy == ids[1] {
					w.ReferredBy = got.Clients[1].Profile.ID
				}
				if a, b := entered(w, notCarried[format]), entered(g, notCarried[format]); a != b {
					t.Errorf("%s: the imported profile differs:\n%s", w.Name, fieldDiff(a, b))
				}
			}
		})
	}
}

// jsonExportImport writes ex as vipbook's JSON export and reads it into
// an empty book as `vipbook import` does (a handover bundle, restored),
// then into b, the book it came from, where it must change nothing: the
// clients as the empty book holds them, in order.
func jsonExportImport(t *testing.T, b *store.Book, ex *Export) *Export {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteJSON(&buf, ex); err != nil {
		t.Fatal(err)
	}
	back, err := ReadJSON(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	empty := newBook(t)
	rep, err := handover.Apply(empty, back.Bundle(), handover.ImportOptions{Lang: "en", Restore: true})
	if err != nil {
		t.Fatal(err)
	}
	if rep.New != len(ex.Clients) {
		t.Fatalf("%d new of %d", rep.New, len(ex.Clients))
	}
	var ids []string
	for _, it := range rep.Items {
		ids = append(ids, it.ID)
	}
	again, err := handover.Apply(b, back.Bundle(), handover.ImportOptions{Lang: "en", Restore: true})
	if err != nil {
		t.Fatal(err)
	}
	if again.New != 0 || again.Merged != 0 {
		t.Errorf("importing the export into its book adds %d, changes %d", again.New, again.Merged)
	}
	return collect(t, empty, ids)
}

// fieldDiff lists the fields of two profiles, as JSON objects, whose
// values differ: the field, then the two values.
func fieldDiff(a, b string) string {
	var am, bm map[string]json.RawMessage
	if err := json.Unmarshal([]byte(a), &am); err != nil {
		return err.Error()
	}
	if err := json.Unmarshal([]byte(b), &bm); err != nil {
		return err.Error()
	}
	var keys []string
	for k := range am {
		keys = append(keys, k)
	}
	for k := range bm {
		if _, ok := am[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	var out []string
	for _, k := range keys {
		if string(am[k]) != string(bm[k]) {
			out = append(out, fmt.Sprintf("%s:\n  exported %s\n  imported %s", k, compact(am[k]), compact(bm[k])))
		}
	}
	return strings.Join(out, "\n")
}

func compact(m json.RawMessage) string {
	var buf bytes.Buffer
	if json.Compact(&buf, m) != nil {
		return string(m)
	}
	return buf.String()
}
