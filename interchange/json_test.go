package interchange

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/vipbook/vipbook/handover"
	"github.com/vipbook/vipbook/store"
)

// TestJSONRoundTrip exports a demo book (and the sample book) to JSON and
// imports the file into an empty book: every client comes back with its
// profile (consent, sizes, likes, family, cards, gifts), its notes with
// their day and kind, purchases, tasks, appointments and requests, all
// equal to what was exported; importing it again changes nothing.
func TestJSONRoundTrip(t *testing.T) {
	demoB, demoIDs := demoBook(t, 60)
	sample, sampleIDs := sampleBook(t)
	for _, tc := range []struct {
		name string
		b    *store.Book
		ids  []string
	}{{"demo", demoB, demoIDs}, {"sample", sample, sampleIDs}} {
		t.Run(tc.name, func(t *testing.T) {
			ex := collect(t, tc.b, tc.ids)
			var buf bytes.Buffer
			if err := WriteJSON(&buf, ex); err != nil {
				t.Fatal(err)
			}
			if !IsExportJSON(buf.Bytes()) {
				t.Fatal("the export is not recognised as one")
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
			got := collect(t, empty, ids)
			for i := range ex.Clients {
				w, g := ex.Clients[i], got.Clients[i]
				for _, part := range []struct {
					what string
					a, b any
				}{{"profile", w.Profile, g.Profile}, {"notes", w.Notes, g.Notes}, {"purchases", w.Purchases, g.Purchases},
					{"tasks", w.Tasks, g.Tasks}, {"appointments", w.Appointments, g.Appointments}, {"requests", w.Requests, g.Requests},
					{"stats", w.Stats, g.Stats}} {
					a, _ := json.Marshal(part.a)
					b, _ := json.Marshal(part.b)
					if !bytes.Equal(a, b) {
						t.Errorf("%s: %s differ:\n exported %s\n imported %s", w.Profile.Name, part.what, a, b)
					}
				}
			}
			again, err := handover.Apply(empty, back.Bundle(), handover.ImportOptions{Lang: "en", Restore: true})
			if err != nil {
				t.Fatal(err)
			}
			if again.New != 0 || again.Merged != 0 {
				t.Errorf("second import: new %d merged %d", again.New, again.Merged)
			}
		})
	}
}
