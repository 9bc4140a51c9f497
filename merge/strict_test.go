package merge

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/profile"
)

func TestNamesAgree(t *testing.T) {
	cases := []struct {
		n1, l1, n2, l2 string
		want           bool
	}{
		{"Anne Dubois", "", "anne  dubois", "", true},
		{"王 小明", "", "王小明", "", true},
		{"王小明", "Michael Wang", "Michael Wang", "", true},
		{"John Doe", "", "John Richter Doe", "", true},
		{"John Richter, James Doe Sr.", "", "John Richter James Doe Sr.", "", true},
		{"Ｊｏｈｎ Ｄｏｅ", "", "john doe", "", true},
		{"", "", "Anyone", "", true},
		{"Anita Jorgensen", "", "Kemal Celik", "", false},
		{"John", "", "John Doe", "", false}, // one word says too little
		{"John Doe", "", "Jane Doe", "", false},
		{"王小明", "", "王晓明", "", false},
	}
	for _, c := range cases {
		if got := NamesAgree(c.n1, c.l1, c.n2, c.l2); got != c.want {
			t.Errorf("NamesAgree(%q, %q, %q, %q) = %v, want %v", c.n1, c.l1, c.n2, c.l2, got, c.want)
		}
		if got := NamesAgree(c.n2, c.l2, c.n1, c.l1); got != c.want {
			t.Errorf("NamesAgree is not symmetric for %q and %q", c.n1, c.n2)
		}
	}
}

// TestStrictMatch: a shared phone or e-mail matches only under the same
// name (five colleagues sharing an office phone stay five), a name with a
// birthday is looked at only when no phone or e-mail matched, and a client
// known by name alone matches a contact that brings nothing else.
func TestStrictMatch(t *testing.T) {
	office := []string{"8655555512"}
	book := []profile.Summary{
		{ID: "anita", Name: "Anita Jorgensen", Phones: office},
		{ID: "kemal", Name: "Kemal Celik", Phones: office, Email: "kemal@example.com"},
		{ID: "wxm", Name: "王小明", LatinName: "Michael Wang", Phones: []string{"8613800138000"}, Dates: bday(3, 14)},
		{ID: "lina", Name: "李娜", Dates: bday(3, 14)},
		{ID: "zw", Name: "张伟"},
	}
	x := IndexSummaries(book)
	x.Strict = true
	cases := []struct {
		name  string
		p     profile.Profile
		want  string
		by    Reason
		key   string
		apart []string
	}{
		{"shared office phone, another colleague", profile.Profile{Name: "Shiori Inoue", Phones: []profile.Phone{{Number: "55555512"}}}, "", "", "", []string{"anita", "kemal"}},
		{"shared office phone, the same colleague", profile.Profile{Name: "kemal celik", Phones: []profile.Phone{{Number: "55555512"}}}, "kemal", ByPhone, "8655555512", []string{"anita"}},
		{"e-mail under the same name", profile.Profile{Name: "Kemal Celik", Email: "KEMAL@example.com"}, "kemal", ByEmail, "kemal@example.com", nil},
		{"phone under the latin name", profile.Profile{Name: "Michael Wang", Phones: []profile.Phone{{Number: "138 0013 8000"}}}, "wxm", ByPhone, "8613800138000", nil},
		{"a contact without a name may be anyone", profile.Profile{Phones: []profile.Phone{{Number: "13800138000"}}}, "wxm", ByPhone, "8613800138000", nil},
		{"name and birthday", profile.Profile{Name: "李娜", Dates: bday(3, 14)}, "lina", ByNameBirthday, "", nil},
		{"name alone when nothing else is known", profile.Profile{Name: "张 伟"}, "zw", ByName, "", nil},
		{"name alone does not match a contact with a phone", profile.Profile{Name: "张伟", Phones: []profile.Phone{{Number: "13900000000"}}}, "", "", "", nil},
		{"name alone does not match a contact with a birthday", profile.Profile{Name: "张伟", Dates: bday(1, 2)}, "", "", "", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, ok := x.Match("", KeysOfProfile(&c.p, "86"))
			var apart []string
			for _, s := range m.Apart {
				apart = append(apart, s.ID)
			}
			if ok != (c.want != "") || m.ID != c.want || m.By != c.by || m.Key != c.key || !slices.Equal(apart, c.apart) {
				t.Fatalf("Match = %+v, %v; want %s by %s (%s), apart %v", m, ok, c.want, c.by, c.key, c.apart)
			}
		})
	}
	// Added as they arrive: the five colleagues of one file stay five.
	y := NewIndex()
	y.Strict = true
	for i, n := range []string{"Anita Jorgensen", "Anne-Mette Olesen", "Dorena Paschke", "Kemal Celik", "Shiori Inoue"} {
		p := profile.Profile{Name: n, Phones: []profile.Phone{{Number: "(555) 555-1212"}}}
		k := KeysOfProfile(&p, "86")
		if m, ok := y.Match("", k); ok || len(m.Apart) != i {
			t.Fatalf("%s: %+v, want no match and %d apart", n, m, i)
		}
		y.Add(n, k)
	}
	// Not strict, the phone alone decides (handover between vipbook books).
	x.Strict = false
	p := profile.Profile{Name: "Shiori Inoue", Phones: []profile.Phone{{Number: "55555512"}}}
	if m, ok := x.Match("", KeysOfProfile(&p, "86")); !ok || m.ID != "anita" || len(m.Apart) != 0 {
		t.Fatalf("not strict: %+v", m)
	}
}

// TestProfilesCompletes: a label, a relation or a birthday known on one
// side only completes the other's, and a do-not-contact wish from a source
// that does not say when is stamped with the merge.
func TestProfilesCompletes(t *testing.T) {
	now := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	base := &profile.Profile{Name: "王小明", Phones: []profile.Phone{{Number: "13800138000"}},
		Household: []profile.Member{{Name: "李娜"}, {Name: "王乐", Relation: "son"}}}
	in := &profile.Profile{Name: "王小明", Phones: []profile.Phone{{Number: "+86 138 0013 8000", Label: "mobile"}},
		Household: []profile.Member{{Name: "李 娜", Relation: "spouse", Birthday: civil.MonthDay{Month: 5, Day: 1}}, {Name: "王乐", Relation: "daughter"}},
		Consent:   profile.Consent{DoNotContact: true}}
	cs := Profiles(base, in, Options{Now: now, Source: "import contacts.vcf"})
	if len(cs) != 1 || cs[0].Field != "do_not_contact" || cs[0].Kept != "incoming" {
		t.Fatalf("conflicts %+v", cs)
	}
	if len(base.Phones) != 1 || base.Phones[0].Label != "mobile" {
		t.Errorf("phones %+v: the label is not taken", base.Phones)
	}
	want := []profile.Member{{Name: "李娜", Relation: "spouse", Birthday: civil.MonthDay{Month: 5, Day: 1}}, {Name: "王乐", Relation: "son"}, {Name: "王乐", Relation: "daughter"}}
	if !slices.Equal(base.Household, want) {
		t.Errorf("household %+v, want %+v", base.Household, want)
	}
	if c := base.Consent; !c.DoNotContact || !c.RecordedAt.Equal(now) || c.How != "import contacts.vcf" {
		t.Errorf("consent %+v: not stamped", c)
	}
}

// TestDiff: Diff lists what a merge changed, and is empty exactly when the
// merge left the profile as it was.
func TestDiff(t *testing.T) {
	old := time.Date(2026, 1, 1, 10, 0, 0, 0, time.UTC)
	book := func() *profile.Profile {
		return &profile.Profile{ID: "aaaaaa", Name: "王小明", City: "上海", Phones: []profile.Phone{{Number: "13800138000"}},
			Tags: []string{"VIP"}, Dates: bday(3, 14), Updated: old, Created: old}
	}
	cases := []struct {
		name string
		in   profile.Profile
		want []Change
	}{
		{"nothing new", profile.Profile{Name: "王小明", Tags: []string{"vip"}, Phones: []profile.Phone{{Number: "138-0013-8000"}}}, nil},
		{"a city that lost stays out", profile.Profile{Name: "王小明", City: "北京", Updated: old.Add(-time.Hour)}, nil},
		{"new values", profile.Profile{Name: "王小明", City: "北京", Email: "w@example.cn", Updated: old.Add(time.Hour),
			Phones: []profile.Phone{{Number: "13800138000", Label: "mobile"}, {Number: "13900139000"}}, Tags: []string{"shoes"},
			Dates:   []profile.ImportantDate{{Kind: profile.DateBirthday, When: civil.MonthDay{Year: 1985, Month: 3, Day: 14}}, {Kind: profile.DateAnniversary, When: civil.MonthDay{Month: 5, Day: 20}}},
			Special: profile.Special{Elderly: true}},
			[]Change{{"phones", "13800138000", "13800138000 (mobile)"}, {"phones", "", "13900139000"}, {"email", "", "w@example.cn"},
				{"city", "上海", "北京"}, {"date:birthday", "03-14", "1985-03-14"}, {"date:anniversary", "", "05-20"},
				{"special:elderly", "false", "true"}, {"tags", "", "shoes"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before, after := book(), book()
			Profiles(after, &c.in, Options{Now: old})
			got := Diff(before, after)
			if !slices.Equal(got, c.want) {
				t.Errorf("Diff = %+v\nwant %+v", got, c.want)
			}
			after.History = nil
			if (len(got) == 0) != reflect.DeepEqual(before, after) {
				t.Errorf("Diff %+v but the profiles differ: %v", got, !reflect.DeepEqual(before, after))
			}
		})
	}
}

func TestNewTexts(t *testing.T) {
	have := []string{"Likes navy\nsize M"}
	in := []string{"Likes navy\r\nsize M", " Prefers weekday evenings ", "Prefers weekday evenings", "", "New one"}
	if got := NewTexts(have, in); !slices.Equal(got, []string{" Prefers weekday evenings ", "New one"}) {
		t.Errorf("NewTexts = %q", got)
	}
}

// TestClone: merging into a clone leaves the original as it was.
func TestClone(t *testing.T) {
	p := &profile.Profile{Name: "王小明", Phones: []profile.Phone{{Number: "13800138000"}},
		Household: []profile.Member{{Name: "李娜"}}, Dates: bday(3, 14), Tags: []string{"VIP"},
		HandedOver: &profile.Handover{To: "Wang"}}
	orig := Clone(p)
	c := Clone(p)
	Profiles(c, &profile.Profile{Name: "王小明", Phones: []profile.Phone{{Number: "13800138000", Label: "mobile"}},
		Household: []profile.Member{{Name: "李娜", Relation: "spouse"}}, Tags: []string{"shoes"},
		Dates: []profile.ImportantDate{{Kind: profile.DateBirthday, When: civil.MonthDay{Year: 1985, Month: 3, Day: 14}}}}, Options{})
	c.HandedOver.To = "Li"
	if !reflect.DeepEqual(p, orig) {
		t.Errorf("the original changed: %+v", p)
	}
	if len(Diff(p, c)) != 4 {
		t.Errorf("Diff = %+v", Diff(p, c))
	}
}
