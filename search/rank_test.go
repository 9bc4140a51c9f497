package search

import (
	"slices"
	"testing"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/profile"
)

// TestEqualMatchesRankByTierThenRecency: the clients a query matches
// equally well ("who to call when the loafers in 39 arrive") come top
// tier first, then the one seen most recently, then the bigger spender;
// a client without a tier comes after those with one. A better match of
// the name still comes before a higher tier.
func TestEqualMatchesRankByTierThenRecency(t *testing.T) {
	d := civil.MustParse
	today := d("2026-11-24")
	seen := func(day string, amount profile.Money) []profile.Spend {
		return []profile.Spend{{Date: d("2020-01-01"), Amount: 1}, {Date: d(day), Amount: amount}}
	}
	loafers39 := func(id, name, tier string, spends []profile.Spend, visits ...civil.Date) profile.Summary {
		return profile.Summary{ID: id, Name: name, Tier: tier, Spends: spends, VisitDays: visits,
			Sizes: []string{"shoes=39"}, Likes: []string{"loafers"}}
	}
	sums := []profile.Summary{
		loafers39("c-old", "Carla", "C", seen("2026-11-20", 900000)),             // lower tier, recent, big spender
		loafers39("a-old", "Alma", "A", seen("2025-03-01", 500000)),              // top tier, seen long ago
		loafers39("none", "Nora", "", seen("2026-11-23", 9900000)),               // no tier
		loafers39("a-new", "Ada", "A", seen("2025-01-01", 100), d("2026-11-10")), // top tier, visited lately
		loafers39("b-mid", "Bea", "B", seen("2026-06-01", 100)),
		loafers39("a-fut", "Ava", "A", seen("2024-01-01", 100), d("2026-12-24")), // a visit booked ahead is not "seen"
		{ID: "x", Name: "Xenia", Tier: "A", Sizes: []string{"shoes=38"}, Likes: []string{"loafers"}},
	}
	levels := []string{"C", "B", "A"} // lowest first, as tiers.Levels
	ix := New(sums, Options{Today: today, Levels: levels})
	var got []string
	for _, i := range ix.Search("size:shoes=39 likes:loafers").All() {
		got = append(got, sums[i].ID)
	}
	want := []string{"a-new", "a-old", "a-fut", "b-mid", "c-old", "none"}
	if !slices.Equal(got, want) {
		t.Errorf("equal matches ranked %v, want %v", got, want)
	}

	// The name matched exactly beats a fuzzy match of a higher tier.
	names := []profile.Summary{{ID: "top", Name: "Bxexa", Tier: "A"}, {ID: "exact", Name: "Bea", Tier: "C"}}
	ix = New(names, Options{Today: today, Levels: levels})
	if r := ix.Search("bea").All(); len(r) != 2 || names[r[0]].ID != "exact" {
		t.Errorf("bea ranked %v, want the exact name first", r)
	}

	if LevelOf(levels, "a") != 3 || LevelOf(levels, "") != 0 || LevelOf(levels, "Z") != 0 {
		t.Error("LevelOf")
	}
	if s := LastSeen(&sums[5], today); s != d("2024-01-01") {
		t.Errorf("LastSeen counts a visit after today: %s", s)
	}
}
