package search_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/vipbook/vipbook/search"
)

func TestKeys(t *testing.T) {
	tests := []struct {
		name string
		want []string // every key, in any order
	}{
		{"王小明", []string{"wangxiaoming", "wxm"}},
		{"王小明 Michael Wang", []string{"wangxiaoming", "wxm"}},
		{"曾小凡", []string{"zengxiaofan", "cengxiaofan", "zxf", "cxf"}},
		{"单丽娜", []string{"shanlina", "danlina", "chanlina", "sln", "dln", "cln"}},
		{"欧阳娜娜", []string{"ouyangnana", "oynn"}},
		{"Sophie Martin", nil},
		{"", nil},
	}
	for _, tt := range tests {
		got := strings.Fields(search.Keys(tt.name))
		slices.Sort(got)
		want := slices.Clone(tt.want)
		slices.Sort(want)
		// Heteronyms may bring more readings than listed: every listed
		// key must be there, and nothing else for a name without them.
		for _, w := range want {
			if !slices.Contains(got, w) {
				t.Errorf("Keys(%q) = %v, missing %q", tt.name, got, w)
			}
		}
		if len(want) == 0 && len(got) != 0 {
			t.Errorf("Keys(%q) = %v, want none", tt.name, got)
		}
	}
}

// A name of many characters with several readings each keeps a bounded
// number of keys.
func TestKeysBounded(t *testing.T) {
	got := strings.Fields(search.Keys("单单单单单单单单单单"))
	if len(got) > 16 {
		t.Errorf("Keys of ten 单 gave %d keys: %v", len(got), got)
	}
}
