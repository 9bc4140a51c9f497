package store

import (
	"reflect"
	"testing"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/profile"
)

// TestSummaryRhythm: a summary is written with the rhythm its days say
// (whatever the struct held), and a summary written before the rhythm
// was kept (version 1) still decodes, with the rhythm marked unknown.
func TestSummaryRhythm(t *testing.T) {
	d := civil.MustParse
	s := profile.Summary{ID: "c1", Name: "王小明",
		Spends:    []profile.Spend{{Date: d("2026-01-10"), Amount: 100}, {Date: d("2026-03-01"), Amount: 200}},
		VisitDays: []civil.Date{d("2026-02-01"), d("2026-05-01")},
		Rhythm:    profile.Rhythm{Days: 99, OK: true}, // stale: not trusted
	}
	raw := encodeSummary(&s)
	var got profile.Summary
	if err := decodeSummary(raw, &got, nil); err != nil {
		t.Fatal(err)
	}
	want, _ := profile.RhythmUpTo(s.Spends, s.VisitDays, profile.AllDays, nil)
	if got.Rhythm != want || want.Days != 4 || want.LastDay() != d("2026-05-01") {
		t.Fatalf("rhythm %+v, want %+v (4 days, last 2026-05-01)", got.Rhythm, want)
	}

	// Version 1: the same bytes without the rhythm at the end.
	v1 := encodeSummary(&s)
	v1[0] = summaryV1
	enc := enc{}
	r := want
	enc.uvarint(uint64(r.Days))
	enc.varint(int64(r.Last))
	enc.uvarint(uint64(r.MedianGap))
	v1 = v1[:len(v1)-len(enc.b)]
	var old profile.Summary
	if err := decodeSummary(v1, &old, nil); err != nil {
		t.Fatalf("a version 1 summary: %v", err)
	}
	if old.Rhythm.OK {
		t.Errorf("a version 1 summary has a rhythm: %+v", old.Rhythm)
	}
	old.Rhythm = got.Rhythm
	if !reflect.DeepEqual(old, got) {
		t.Errorf("a version 1 summary decodes differently:\n%+v\n%+v", old, got)
	}
}

// TestSummaryFits: the sizes' fit notes go at the end of a version 3
// summary, only when there are any: a summary without them is the bytes
// it was before they were kept, one with them is those bytes and the
// notes after them (what a vipbook before them reads, stopping at the
// store), and both decode as written.
func TestSummaryFits(t *testing.T) {
	s := profile.Summary{ID: "c1", Name: "王小明", Sizes: []string{"shoes=39", "ring=12"}, Likes: []string{"navy"}, Store: "国金"}
	without := encodeSummary(&s)
	if without[0] != summaryVersion {
		t.Fatalf("version %d, want %d", without[0], summaryVersion)
	}
	var got profile.Summary
	if err := decodeSummary(without, &got, nil); err != nil || got.Fits != nil || got.Store != "国金" {
		t.Fatalf("without fit notes: %v, %+v", err, got)
	}
	s.Fits = []string{"runs narrow, half size up", "偏紧"}
	with := encodeSummary(&s)
	tail := enc{}
	tail.strs(s.Fits)
	if string(with) != string(without)+string(tail.b) {
		t.Errorf("with fit notes:\n%q\nwant the summary without them and then the notes:\n%q", with, string(without)+string(tail.b))
	}
	got = profile.Summary{Fits: []string{"stale"}}
	if err := decodeSummary(with, &got, nil); err != nil || !reflect.DeepEqual(got.Fits, s.Fits) || got.Store != "国金" {
		t.Errorf("with fit notes decodes to %v, %+v", err, got)
	}
	if err := decodeSummary(without, &got, nil); err != nil || got.Fits != nil {
		t.Errorf("without fit notes after one with them: %v, fits %q", err, got.Fits)
	}
	if err := decodeSummary(with[:len(with)-1], &got, nil); err == nil {
		t.Errorf("a summary cut in its fit notes decodes")
	}
}
