package search_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/search"
	"pgregory.net/rapid"
)

var (
	genNames  = []string{"王小明", "曾小凡", "单丽娜", "王芳", "李伟", "欧阳娜娜", "张晓", "王长乐", "陈静", "单行"}
	genLatin  = []string{"", "", "Michael Wang", "Lina Shan", "Sophie Martin", "Leo Li", "Zoe Zhang", "Wang Lei"}
	genCities = []string{"上海", "北京", "Paris", "New York", ""}
	genTiers  = []string{"A", "B", "C", "D", ""}
	genTags   = []string{"vip", "vip-gold", "bridal", "collector", "老客户", "new-2026"}
	genPhones = []string{"13800138000", "+86 139-1111-2222", "020 8765 4321", "+33 6 12 34 56 78", "13511112222"}
	// Pieces queries are typed from.
	genTokens = []string{"w", "wang", "wxm", "zxf", "cxf", "sln", "shan", "li", "lina", "王", "小", "明", "单",
		"138", "0013", "+86", "139-1111", "tier:a", "tier:", "tier:b", "city:上海", "city:sh", "city:北京", "city:p", "tag:vip", "tag:", "tag:b", "tag:lao", "zhang", "x", "1"}
)

func genBook(t *rapid.T) []profile.Summary {
	n := rapid.IntRange(0, 40).Draw(t, "clients")
	sums := make([]profile.Summary, n)
	for i := range sums {
		name := rapid.SampledFrom(genNames).Draw(t, "name")
		if rapid.IntRange(0, 4).Draw(t, "latin only") == 0 {
			name = ""
		}
		tags := rapid.SliceOfN(rapid.SampledFrom(genTags), 0, 2).Draw(t, "tags")
		phones := rapid.SliceOfN(rapid.SampledFrom(genPhones), 0, 2).Draw(t, "phones")
		spend := profile.Money(rapid.IntRange(0, 5).Draw(t, "spend") * 10_000)
		sums[i] = client("c", name, rapid.SampledFrom(genLatin).Draw(t, "latin"), rapid.SampledFrom(genCities).Draw(t, "city"),
			rapid.SampledFrom(genTiers).Draw(t, "tier"), spend, phones, tags...)
	}
	return sums
}

func genQuery(t *rapid.T, label string) string {
	return strings.Join(rapid.SliceOfN(rapid.SampledFrom(genTokens), 0, 3).Draw(t, label), " ")
}

// Searching from an earlier result gives exactly what a fresh search
// gives, whether the earlier query is narrowed (typing on) or not.
func TestNarrowingEqualsFreshSearch(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		sums := genBook(t)
		ix := search.New(sums, search.Options{Today: today, CountryCode: "86"})
		q1 := genQuery(t, "q1")
		var q2 string
		switch rapid.IntRange(0, 3).Draw(t, "how") {
		case 0: // typing on, letter by letter
			q2 = q1 + rapid.StringOfN(rapid.SampledFrom([]rune("aginwxz13 :王明-")), 1, 4, -1).Draw(t, "typed")
		case 1: // another term
			q2 = q1 + " " + genQuery(t, "more")
		case 2: // the last term changed: a base that does not apply is ignored
			words := strings.Fields(q1)
			if len(words) > 0 {
				words = words[:len(words)-1]
			}
			q2 = strings.Join(append(words, rapid.SampledFrom(genTokens).Draw(t, "other")), " ")
		default: // anything
			q2 = genQuery(t, "q2")
		}
		base := ix.Search(q1)
		fresh := ix.Search(q2)
		narrowed := ix.Search(q2, base)
		if !slices.Equal(narrowed.All(), fresh.All()) {
			t.Fatalf("Search(%q) from %q = %v, fresh = %v", q2, q1, narrowed.All(), fresh.All())
		}
	})
}

// Every page of a result, asked for in any order, is the matching slice
// of the full ranking, which is sorted by the documented rules.
func TestRankedPagesAgree(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		sums := genBook(t)
		ix := search.New(sums, search.Options{Today: today, CountryCode: "86"})
		q := genQuery(t, "q")
		want := ix.Search(q).All()
		r := ix.Search(q)
		for range rapid.IntRange(1, 5).Draw(t, "pages") {
			from := rapid.IntRange(0, len(want)+2).Draw(t, "from")
			to := rapid.IntRange(from, len(want)+3).Draw(t, "to")
			got := r.Rows(from, to)
			lo, hi := min(from, len(want)), min(to, len(want))
			if !slices.Equal(got, want[lo:hi]) && !(len(got) == 0 && lo == hi) {
				t.Fatalf("Rows(%d, %d) = %v, want %v", from, to, got, want[lo:hi])
			}
		}
		if m := r.Matches(); !slices.IsSorted(m) || len(m) != r.Len() {
			t.Fatalf("Matches() = %v: want %d clients in book order", m, r.Len())
		}
	})
}
