package tiers

import (
	"math/rand/v2"
	"reflect"
	"strconv"
	"testing"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/profile"
)

// TestAssignValuedIsAssign: from the 12-month spends alone, AssignValued
// gives every client the assignment Assign gives from every purchase
// (ties, archived clients, no spend, purchases out of the 12 months or
// after the day, tiers set by hand), RFM apart, and so does the compact
// Valuation client by client; under a card scheme it declines.
func TestAssignValuedIsAssign(t *testing.T) {
	today := civil.MustParse("2026-11-24")
	rng := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 50; round++ {
		n := 1 + rng.IntN(200)
		sums := make([]profile.Summary, n)
		vs := make([]Valued, n)
		for i := range sums {
			s := &sums[i]
			s.ID = strconv.Itoa(100000 + i)
			for k := rng.IntN(6); k > 0; k-- {
				day := today.AddDays(400 - rng.IntN(900))
				s.Spends = append(s.Spends, profile.Spend{Date: day, Amount: profile.Money(rng.IntN(4) * 50000)})
			}
			if rng.IntN(10) == 0 {
				s.Status = profile.Archived
			}
			if rng.IntN(12) == 0 {
				s.Tier = []string{"A", " b ", "Z", "D"}[rng.IntN(4)]
			}
			vs[i] = Valued{ID: s.ID, Tier: s.Tier, Archived: s.Status == profile.Archived, Spend12: profile.Last12(s.Spends, today)}
		}
		cfg := config.Default().Tiers
		want := Assign(sums, today, cfg)
		got, ok := AssignValued(vs, cfg)
		if !ok {
			t.Fatal("AssignValued declined the pyramid")
		}
		v, _ := Value(vs, cfg)
		for i := range want {
			want[i].RFM = RFM{}
			if !reflect.DeepEqual(got[i], want[i]) {
				t.Fatalf("round %d, client %d: %+v\nwant %+v", round, i, got[i], want[i])
			}
			if one := v.Assignment(i, vs[i]); !reflect.DeepEqual(one, want[i]) || v.Level(i) != want[i].Level || v.Tier(i, vs[i].Tier) != want[i].Tier {
				t.Fatalf("round %d, client %d: the valuation's %+v, level %d\nwant %+v", round, i, one, v.Level(i), want[i])
			}
		}
	}
	cfg := config.Default().Tiers
	cfg.Scheme = "department_store"
	if _, ok := AssignValued(nil, cfg); ok {
		t.Error("AssignValued worked a card scheme out without the purchases")
	}
}
