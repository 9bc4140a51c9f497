package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/profile"
)

// keyConst is a Key constant declared in keys.go.
type keyConst struct {
	name  string
	value Key
}

// keyFiles are the files that declare the keys.
func keyFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("keys*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("no keys*.go: %v", err)
	}
	return files
}

// declaredKeys parses keys*.go for their Key constants.
func declaredKeys(t *testing.T) []keyConst {
	t.Helper()
	var out []keyConst
	for _, name := range keyFiles(t) {
		out = append(out, keysOf(t, name)...)
	}
	if len(out) == 0 {
		t.Fatal("no keys found in keys*.go")
	}
	return out
}

// keysOf parses one file for its Key constants.
func keysOf(t *testing.T, name string) []keyConst {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), name, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []keyConst
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, spec := range g.Specs {
			vs := spec.(*ast.ValueSpec)
			if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != "Key" {
				t.Errorf("%s: every constant of %s is a Key", vs.Names[0].Name, name)
				continue
			}
			for i, n := range vs.Names {
				lit, ok := vs.Values[i].(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					t.Fatalf("%s: a key is a string literal", n.Name)
				}
				v, _ := strconv.Unquote(lit.Value)
				out = append(out, keyConst{name: n.Name, value: Key(v)})
			}
		}
	}
	return out
}

func TestCatalogsHoldExactlyTheKeys(t *testing.T) {
	keys := declaredKeys(t)
	seen := map[Key]string{}
	for _, k := range keys {
		if other, dup := seen[k.value]; dup {
			t.Errorf("%s and %s share the key %q", k.name, other, k.value)
		}
		seen[k.value] = k.name
	}
	for lang, cat := range catalogs {
		for _, k := range keys {
			s, ok := cat[k.value]
			if !ok {
				t.Errorf("%s: %s (%q) is missing", lang, k.name, k.value)
			} else if strings.TrimSpace(s) == "" {
				t.Errorf("%s: %s is blank", lang, k.name)
			}
		}
		for k := range cat {
			if _, ok := seen[k]; !ok {
				t.Errorf("%s: %q is not a key of keys.go", lang, k)
			}
		}
	}
}

// verbs returns the formatting verbs of s with the argument each takes, as
// "1:s", "2:d", sorted: the same set in two catalogs means the same call
// fits both, whatever order the language puts them in.
func verbs(s string) []string {
	var out []string
	arg := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			continue
		}
		i++
		if i < len(s) && s[i] == '%' {
			continue
		}
		for i < len(s) && strings.IndexByte("+-# 0", s[i]) >= 0 {
			i++
		}
		for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.' || s[i] == '*') {
			i++
		}
		if i < len(s) && s[i] == '[' {
			end := strings.IndexByte(s[i:], ']')
			if end < 0 {
				return append(out, "bad index")
			}
			n, err := strconv.Atoi(s[i+1 : i+end])
			if err != nil {
				return append(out, "bad index")
			}
			arg = n - 1
			i += end + 1
		}
		for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.') {
			i++
		}
		if i >= len(s) {
			return append(out, "dangling %")
		}
		out = append(out, strconv.Itoa(arg+1)+":"+string(s[i]))
		arg++
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func TestVerbs(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"plain", nil},
		{"100%% sure", nil},
		{"%s and %d", []string{"1:s", "2:d"}},
		{"%[2]d年%[1]s", []string{"1:s", "2:d"}},
		{"%q is %5.2f", []string{"1:q", "2:f"}},
	}
	for _, tt := range tests {
		if got := verbs(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("verbs(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestCatalogsAgreeOnVerbs(t *testing.T) {
	for k, s := range en {
		z, ok := zh[k]
		if !ok {
			continue // reported by TestCatalogsHoldExactlyTheKeys
		}
		// %q and %s take the same string: Chinese quotes with “%s”.
		quoted := func(vs []string) []string {
			for i, v := range vs {
				vs[i] = strings.TrimSuffix(v, ":q") + map[bool]string{true: ":s", false: ""}[strings.HasSuffix(v, ":q")]
			}
			return vs
		}
		if a, b := quoted(verbs(s)), quoted(verbs(z)); !slices.Equal(a, b) {
			t.Errorf("%q: English takes %v, Chinese %v", k, a, b)
		}
	}
}

// TestEveryKeyIsUsed looks for every key in the Go sources of the module:
// as i18n.Name outside this package, as a bare Name in its own code.
func TestEveryKeyIsUsed(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Skip("not in the module's source tree")
	}
	here, _ := filepath.Abs(".")
	var outside, inside strings.Builder
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if n := d.Name(); path != root && (strings.HasPrefix(n, ".") || n == "testdata" || n == "vendor") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if filepath.Dir(path) == here {
			if b := filepath.Base(path); strings.HasPrefix(b, "keys") || b == "en.go" || b == "zh.go" ||
				strings.HasSuffix(b, "_en.go") || strings.HasSuffix(b, "_zh.go") {
				return nil
			}
			inside.Write(b)
		} else {
			outside.Write(b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// One pass over the sources for the names they use (a regular
	// expression per key over 1.6 MB of sources took 20 s, minutes under
	// load).
	used := map[string]bool{}
	for _, m := range regexp.MustCompile(`\bi18n\.([A-Za-z_][A-Za-z0-9_]*)`).FindAllStringSubmatch(outside.String(), -1) {
		used[m[1]] = true
	}
	for _, m := range regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_]*`).FindAllString(inside.String(), -1) {
		used[m] = true
	}
	for _, k := range declaredKeys(t) {
		if !used[k.name] {
			t.Errorf("%s (%q) is used nowhere: use it or remove it", k.name, k.value)
		}
	}
}

func TestNew(t *testing.T) {
	tests := []struct{ in, want string }{
		{"en", English}, {"zh", Chinese}, {"zh_CN.UTF-8", Chinese}, {"ZH_tw", Chinese},
		{"fr_FR.UTF-8", English}, {"", English}, {"C", English},
	}
	for _, tt := range tests {
		if got := New(tt.in).Lang(); got != tt.want {
			t.Errorf("New(%q).Lang() = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDomainText(t *testing.T) {
	day := civil.Date{Year: 2026, Month: time.November, Day: 24}
	en, zh := New("en"), New("zh")
	tests := []struct{ got, want string }{
		{en.LongDate(day), "Tuesday 24 November 2026"},
		{zh.LongDate(day), "2026年11月24日 星期二"},
		{en.DaysAway(0), "today"},
		{en.DaysAway(1), "tomorrow"},
		{en.DaysAway(5), "in 5 days"},
		{en.DaysAway(-3), "3 days ago"},
		{zh.DaysAway(5), "5 天后"},
		{en.List([]string{"a", "b"}), "a, b"},
		{zh.List([]string{"玉", "金"}), "玉、金"},
		{zh.T(StatusPurchaseAdded, "1280.00", "王小明"), "已为王小明记录购买 1280.00。"},
		{en.T(Key("no.such.key")), "no.such.key"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%d: got %q, want %q", i, tt.got, tt.want)
		}
	}
}

// TestSingulars: every English singular form stands for a key of the
// catalog and takes the same arguments as its plural.
func TestSingulars(t *testing.T) {
	for k, one := range enOne {
		many, ok := en[k]
		if !ok {
			t.Errorf("%q has a singular but no text", k)
			continue
		}
		if a, b := verbs(one), verbs(many); !slices.Equal(a, b) {
			t.Errorf("%q: the singular takes %v, the plural %v", k, a, b)
		}
	}
	en := New("en")
	if got := en.N(CliCountClients, 1, 1); got != "1 client" {
		t.Errorf("one client: %q", got)
	}
	if got := en.N(CliCountClients, 2, 2); got != "2 clients" {
		t.Errorf("two clients: %q", got)
	}
	if got := New("zh").N(CliCountClients, 1, 1); got != "1 位客户" {
		t.Errorf("one client in Chinese: %q", got)
	}
}

// TestHelpTables: the English and the Chinese help of the command line
// hold the same commands and flags, none blank.
func TestHelpTables(t *testing.T) {
	for k, s := range helpEN {
		if z, ok := helpZH[k]; !ok || strings.TrimSpace(z) == "" {
			t.Errorf("%q has no Chinese", k)
		}
		if strings.TrimSpace(s) == "" {
			t.Errorf("%q is blank in English", k)
		}
	}
	for k := range helpZH {
		if _, ok := helpEN[k]; !ok {
			t.Errorf("%q has no English", k)
		}
	}
}

// TestReasons: a briefing reason's code and facts read in either
// language, with English singulars.
func TestReasons(t *testing.T) {
	en, zh := New("en"), New("zh")
	tests := []struct{ got, want string }{
		{en.Reason("late", []string{"1"}), "1 day late"},
		{en.Reason("late", []string{"3"}), "3 days late"},
		{zh.Reason("late", []string{"3"}), "逾期 3 天"},
		{en.Reason("waiting_weeks", []string{"1"}), "waiting over 1 week"},
		{en.Reason("last_contact", []string{"1"}), "last contact 1 day ago"},
		{zh.Reason("tier_spend", []string{"A", "18,400 CNY", "4", "320"}), "等级 A：近 12 个月消费 18,400 CNY，排名第 4 / 320"},
		{en.Reason("date", []string{"anniversary", "", "5", "", "2026-11-29"}), "anniversary in 5 days, on 2026-11-29"},
		{zh.Reason("date", []string{"birthday", "", "0", "", "2026-11-24"}), "今天生日"},
		{zh.Reason("special_person", []string{"elderly", "child"}), "特殊关照：" + zh.SpecialFlag("elderly") + "、" + zh.SpecialFlag("child")},
		{en.LapseReason(1, civil.Date{Year: 2026, Month: 11, Day: 23}, 0, false, "A", 1), "away 1 day (last visit 2026-11-23); A clients lapse after 1 day"},
		{en.Reason("no_such_reason", nil), "no_such_reason"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%d: got %q, want %q", i, tt.got, tt.want)
		}
	}
}

// TestPoint14EnglishPlurals (issue 12, point 14): a count of one reads
// in the singular wherever the app or the command line counts.
func TestPoint14EnglishPlurals(t *testing.T) {
	en := New("en")
	tests := []struct{ got, want string }{
		{en.N(WhenLate, 1, 1), "1 day late"},
		{en.N(WhenWaiting, 1, 1), "waiting 1 day"},
		{en.N(ReportVisits, 1, 1, "2026-11-20"), "1 visit, last 2026-11-20"},
		{en.N(ReportPurchases, 1, 1), "1 purchase"},
		{en.N(HoConfirmTitle, 1, 1, "Wang Fang"), "Hand 1 client over to Wang Fang?"},
		{en.N(HoConfirmTitle, 2, 2, "Wang Fang"), "Hand 2 clients over to Wang Fang?"},
		{en.DateAge("anniversary", 1), "(1 year)"},
		{en.N(CliCountVisits, 1, 1), "1 visit"},
		{en.N(CliTaskOverdueDays, 1, 1), "(1d overdue)"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%d: got %q, want %q", i, tt.got, tt.want)
		}
	}
}

// TestConfigProblemsHaveWords: every problem a config file can have has
// its words in English and Chinese, and they take as many facts.
func TestConfigProblemsHaveWords(t *testing.T) {
	for _, p := range config.Problems() {
		k, ok := configKeys[p]
		if !ok {
			t.Errorf("%s has no key", p)
			continue
		}
		e, z := New(English).T(k), New(Chinese).T(k)
		if e == string(k) || z == string(k) || (z == e && p != config.ProblemRead) {
			t.Errorf("%s: en %q, zh %q", p, e, z)
		}
		if strings.Count(e, "%")-strings.Count(e, "%%")*2 != strings.Count(z, "%")-strings.Count(z, "%%")*2 {
			t.Errorf("%s: en %q and zh %q take different facts", p, e, z)
		}
	}
}

// TestBesideNoSpaceBeforeFullWidth: a remark after text takes a space in
// English and none before a full-width bracket in Chinese (生日（农历）,
// not 生日 （农历）).
func TestBesideNoSpaceBeforeFullWidth(t *testing.T) {
	en, zh := New("en"), New("zh")
	d := profile.ImportantDate{Kind: profile.DateBirthday, Lunar: true}
	for _, tt := range []struct{ got, want string }{
		{zh.DateLabel(d), "生日（农历）"},
		{en.DateLabel(d), "birthday (lunar)"},
		{zh.Beside("2026-08-24  ", "（今天）"), "2026-08-24（今天）"},
		{en.Beside("2026-08-24", "(today)"), "2026-08-24 (today)"},
		{zh.ApptStatus("no_show"), "未到店"},
	} {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

// TestNumberGrouped: Number groups a number's digits by three in English
// and Chinese alike, as amounts are written.
func TestNumberGrouped(t *testing.T) {
	for _, lang := range []string{English, Chinese} {
		c := New(lang)
		for n, want := range map[int]string{0: "0", 950: "950", 1200: "1,200", 1234567: "1,234,567", -45000: "-45,000"} {
			if got := c.Number(n); got != want {
				t.Errorf("%s: Number(%d) = %q, want %q", lang, n, got, want)
			}
		}
		if got, want := c.N(CliProfilePoints, 12800, c.Number(12800)), map[string]string{English: "12,800 points", Chinese: "12,800 积分"}[lang]; got != want {
			t.Errorf("%s: the points read %q, want %q", lang, got, want)
		}
	}
}
