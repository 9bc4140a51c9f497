package briefing

import (
	"slices"
	"testing"

	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/profile"
)

// TestPrepCardLikesLeaveOutDislikes: a dislike entered with its category
// (a Preference with Dislike set: polyester, materials) is no like on the
// prep card; it is with the dislikes, before the plain ones.
func TestPrepCardLikesLeaveOutDislikes(t *testing.T) {
	today := day("2026-11-24")
	br := book(t, today, config.Default(), Options{},
		client{p: profile.Profile{Name: "曾小凡",
			Preferences: []profile.Preference{
				{Kind: profile.PrefColour, Value: "black"},
				{Kind: profile.PrefMaterial, Value: "polyester", Dislike: true},
				{Kind: profile.PrefStyle, Value: "loafers"},
			},
			Dislikes: []string{"crowded weekends"},
		}, visitAt: "10:30"},
	)
	if len(br.Visits) != 1 {
		t.Fatalf("visits %+v", br.Visits)
	}
	v := br.Visits[0]
	var likes []string
	for _, p := range v.Preferences {
		likes = append(likes, p.Value)
	}
	slices.Sort(likes)
	if !slices.Equal(likes, []string{"black", "loafers"}) {
		t.Errorf("likes %q, want black and loafers (polyester is disliked)", likes)
	}
	if !slices.Equal(v.Dislikes, []string{"polyester", "crowded weekends"}) {
		t.Errorf("dislikes %q, want polyester then crowded weekends", v.Dislikes)
	}
}
