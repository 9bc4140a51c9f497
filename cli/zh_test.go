package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/interchange"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// speak runs the command line on book in lang and returns what it wrote
// to stdout and stderr.
func speak(book, lang string, args ...string) (string, string, error) {
	return speakWaiting(book, lang, 0, args...)
}

// speakWaiting is speak with a command that waits up to wait for a book
// another vipbook holds (zero: store.AppWait).
func speakWaiting(book, lang string, wait time.Duration, args ...string) (string, string, error) {
	var out, errOut bytes.Buffer
	a := &App{Now: goldenNow, Stdout: &out, Stderr: &errOut, Stdin: strings.NewReader(""), WorkFactor: testWorkFactor, HeldWait: wait}
	root := NewRoot(a)
	root.SetArgs(append([]string{"--book", book, "--lang", lang}, args...))
	root.SetOut(&out)
	root.SetErr(&errOut)
	err := root.ExecuteContext(context.Background())
	return out.String(), errOut.String(), err
}

// latinWord is a run of Latin letters: an English word, or a piece of
// client data, a name of a command or flag.
var latinWord = regexp.MustCompile(`\b[A-Za-z][A-Za-z']*[A-Za-z]\b`)

// dataWords are the Latin words of the book's client data (names, items,
// notes typed in English), as the JSON export holds them, leaving out the
// codes of kinds and statuses, which the interface words.
func dataWords(t *testing.T, book string) map[string]bool {
	t.Helper()
	out, _, err := speak(book, "en", "export", "-o", "-", "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	codes := map[string]bool{"gender": true, "channel": true, "kind": true, "status": true,
		"format": true, "origin": true, "code": true, "type": true}
	words := map[string]bool{}
	var walk func(key string, v any)
	walk = func(key string, v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				walk(k, e)
			}
		case []any:
			for _, e := range x {
				walk(key, e)
			}
		case string:
			if !codes[key] {
				for _, w := range latinWord.FindAllString(x, -1) {
					words[w] = true
				}
			}
		}
	}
	walk("", v)
	return words
}

// syntaxWords are the words a Chinese run may show because they are typed,
// not read: the names of the commands and flags, the placeholders of the
// usage lines, the values flags take, file formats and the brands of the
// programs they come from.
func syntaxWords() map[string]bool {
	words := map[string]bool{}
	add := func(s string) {
		for _, w := range latinWord.FindAllString(s, -1) {
			words[w] = true
		}
	}
	root := NewRoot(&App{})
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		add(c.Use)
		c.Flags().VisitAll(func(f *pflag.Flag) { add(f.Name); add(f.DefValue) })
		c.PersistentFlags().VisitAll(func(f *pflag.Flag) { add(f.Name) })
		for _, s := range c.Commands() {
			walk(s)
		}
	}
	walk(root)
	return words
}

// typedWords are the values typed on the command line that help texts
// list (kinds, fields, sort orders): syntax in a help, English in output.
func typedWords() map[string]bool {
	words := map[string]bool{}
	for _, s := range []string{
		"en zh pyramid general visit call message preference size complaint special_request situation",
		"holiday birthday season miss_you thank_you care service_invite referral_thanks welcome",
		"call_back care_message birthday_greeting custom open sourcing fulfilled declined today tomorrow",
		"name spend last-visit next-date dmy mdy vcf csv json ics field value y yes",
		"anniversary best_time channel child city country disability dislikes district do_not_contact elderly",
		"email gender gift_prefs health hobbies home_store honorific latin_name lunar_birthday motivator",
		"occupation phone pregnant share_of_wallet special_note tags tier wechat why_brand given middle family",
		"address company birth_year birth_month birth_day date note tag vip",
		"colour fabric brand style line occasion other spouse partner parent assistant child_birthday",
		"family_birthday first_purchase store counter EU US UK FR IT DE JP CN HK KR AU INT cm mm",
		"next friday pm", // dates as they may be typed in English (dateinput)
	} {
		for _, w := range latinWord.FindAllString(s, -1) {
			words[w] = true
		}
	}
	for _, f := range interchange.Fields { // --map field names, as import reads them
		for _, w := range latinWord.FindAllString(string(f), -1) {
			words[w] = true
		}
	}
	return words
}

// formatWords are file formats, programs, units and the words of paths.
func formatWords() map[string]bool {
	words := map[string]bool{}
	for _, s := range []string{
		// formats, programs, units, places in paths
		"vipbook VIP CNY RFM JSON CSV vCard iCalendar Markdown UTF GBK Excel Google Contacts Outlook Shopify",
		"Thunderbird bash zsh fish PowerShell Out-String Invoke-Expression source bbolt XDG CONFIG HOME DATA",
		"VIPBOOK BOOK LANG config toml db book backups before-restore YYYY YYYYMMDD HHMMSS HHMM MM DD HH",
		"CATEGORIES KIND tmpl Go text template messages dir urgency chmod KB MB GB EU FR HK",
		"wxm shell contacts outlook dates top greetings wang clients vhb pyramid dmy mdy EUC KR windows Big Shift JIS LE DAMAGED",
		"PostgreSQL PGPASSWORD libpq URL TLS sslmode STORE ASSOCIATE",
		"PGPASSFILE pgpass PGSERVICEFILE pg_service conf PGSERVICE localhost DSN service= password= Unix sslrootcert",
	} {
		for _, w := range latinWord.FindAllString(s, -1) {
			words[w] = true
		}
	}
	return words
}

// csvHeaders adds the words of the header line of the CSV file at path
// (the column names of vipbook's export, English with --headers en) and
// the field names --map takes, which the dry run shows beside each
// column, to words, when the file
// exists.
func csvHeaders(t *testing.T, path string, words map[string]bool) {
	t.Helper()
	if b, err := os.ReadFile(path); err == nil {
		head, _, _ := strings.Cut(string(b), "\n")
		for _, w := range latinWord.FindAllString(head, -1) {
			words[w] = true
		}
	}
	for _, f := range interchange.Fields {
		for _, w := range latinWord.FindAllString(string(f), -1) {
			words[w] = true
		}
	}
}

// english returns the words of out that are neither client data nor
// syntax: interface English.
func english(out string, allowed ...map[string]bool) []string {
	var bad []string
	for _, line := range strings.Split(out, "\n") {
		for _, w := range latinWord.FindAllString(line, -1) {
			ok := false
			for _, m := range allowed {
				if m[w] || m[strings.ToLower(w)] {
					ok = true
					break
				}
			}
			if !ok {
				bad = append(bad, w+" in "+strings.TrimSpace(line))
			}
		}
	}
	return bad
}

// TestEveryCommandSpeaksChinese runs every command of the tree in Chinese
// on a demo book, and its --help: none prints an English word that is not
// client data or something typed (a command, a flag, a value).
func TestEveryCommandSpeaksChinese(t *testing.T) {
	t.Setenv("COLUMNS", "200") // task list's titles whole: the client data's words, not cut ones
	book := demoBook(t)
	dir := t.TempDir()
	syntax, typed := syntaxWords(), typedWords()
	for w := range formatWords() {
		syntax[w] = true
	}
	en := func(args ...string) string {
		out, errOut, err := speak(book, "en", args...)
		if err != nil {
			t.Fatalf("%v: %v\n%s", args, err, errOut)
		}
		return out
	}
	var clients []struct{ ID string }
	if err := json.Unmarshal([]byte(en("list", "--json")), &clients); err != nil || len(clients) < 3 {
		t.Fatalf("clients: %v", err)
	}
	var open []struct{ ID string }
	if err := json.Unmarshal([]byte(en("task", "list", "--json")), &open); err != nil || len(open) < 4 {
		t.Fatalf("tasks: %v", err)
	}
	req := strings.Fields(en("request", clients[1].ID, "limited silk scarf"))
	reqID := req[2]
	pass := filepath.Join(dir, "pass")
	if err := os.WriteFile(pass, []byte("correct horse battery\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	c0, c1, c2 := clients[0].ID, clients[1].ID, clients[2].ID
	en("note", c0, "the heel came loose", "--kind", "complaint")
	var all []struct{ ID, Kind string }
	if err := json.Unmarshal([]byte(en("task", "list", "--json")), &all); err != nil {
		t.Fatal(err)
	}
	caseID := ""
	for _, x := range all {
		if x.Kind == "complaint_follow_up" {
			caseID = x.ID
		}
	}
	var detail struct {
		Notes     []struct{ ID string }
		Purchases []struct{ ID string }
	}
	if err := json.Unmarshal([]byte(en("show", c0, "--json")), &detail); err != nil || len(detail.Notes) == 0 || len(detail.Purchases) == 0 {
		t.Fatalf("show %s --json: %v (%d notes, %d purchases)", c0, err, len(detail.Notes), len(detail.Purchases))
	}
	data := dataWords(t, book)
	for _, w := range latinWord.FindAllString(dir, -1) {
		syntax[w] = true
	}
	bundle, backup := filepath.Join(dir, "h.vhb"), filepath.Join(dir, "b.db")
	steps := []zhStep{
		{"vipbook list", []string{"list"}},
		{"vipbook search", []string{"search", "tier:A"}},
		{"vipbook show", []string{"show", c0}},
		{"vipbook tiers", []string{"tiers"}},
		{"vipbook brief", []string{"brief"}},
		{"vipbook brief", []string{"brief", "--markdown"}},
		{"vipbook report", []string{"report"}},
		{"vipbook check", []string{"check"}},
		{"vipbook add", []string{"add", "新客户", "--phone", "13800000001"}},
		{"vipbook edit", []string{"edit", c0, "--set", "city=上海"}},
		{"vipbook note", []string{"note", c0, "喜欢丝巾", "--kind", "preference"}},
		{"vipbook buy", []string{"buy", c0, "1280", "--items", "丝巾"}},
		{"vipbook note rm", []string{"note", "rm", detail.Notes[0].ID, "--yes"}},
		{"vipbook buy rm", []string{"buy", "rm", detail.Purchases[0].ID, "--yes"}},
		{"vipbook visit", []string{"visit", c0, "--at", "2026-11-25 10:00"}},
		{"vipbook message", []string{"message", c0, "--kind", "birthday"}},
		{"vipbook request", []string{"request", c0, "限量款"}},
		{"vipbook request update", []string{"request", "update", reqID, "--status", "sourcing"}},
		{"vipbook task list", []string{"task", "list"}},
		{"vipbook task add", []string{"task", "add", c0, "回电确认", "--due", "tomorrow"}},
		{"vipbook task show", []string{"task", "show", open[0].ID}},
		{"vipbook task done", []string{"task", "done", open[0].ID}},
		{"vipbook task reopen", []string{"task", "reopen", open[0].ID}},
		{"vipbook task snooze", []string{"task", "snooze", open[1].ID, "--until", "2026-12-01"}},
		{"vipbook task cancel", []string{"task", "cancel", open[2].ID}},
		{"vipbook task check", []string{"task", "check", caseID, "1"}},
		{"vipbook export", []string{"export", "-o", filepath.Join(dir, "x.csv")}},
		{"vipbook import", []string{"import", filepath.Join(dir, "x.csv"), "--dry-run"}},
		{"vipbook export-client", []string{"export-client", c1, "-o", filepath.Join(dir, "c.json")}},
		{"vipbook backup", []string{"backup", "-o", backup}},
		{"vipbook restore", []string{"restore", backup, "--yes"}},
		{"vipbook handover export", []string{"handover", "export", "--clients", c2, "-o", bundle, "--to", "王芳", "--passphrase-file", pass}},
		{"vipbook handover import", []string{"handover", "import", bundle, "--dry-run", "--passphrase-file", pass}},
		{"vipbook handover log", []string{"handover", "log"}},
		{"vipbook purge", []string{"purge"}},
		{"vipbook erase", []string{"erase", c1, "--yes"}},
		{"vipbook demo", []string{"demo", "--if-missing"}},
		{"vipbook init", []string{"--book", filepath.Join(dir, "new.db"), "init", "--associate", "李娜"}},
		{"vipbook size", []string{"size", c0, "shoes", "39", "--system", "EU", "--fit", "脚背窄"}},
		{"vipbook like", []string{"like", c0, "藏青", "--category", "colour"}},
		{"vipbook dislike", []string{"dislike", c0, "大logo", "--category", "style"}},
		{"vipbook measure", []string{"measure", c0, "胸围", "98"}},
		{"vipbook date add", []string{"date", "add", c0, "--kind", "anniversary", "--date", "05-20", "--lead", "30"}},
		{"vipbook date list", []string{"date", "list", c0}},
		{"vipbook family add", []string{"family", "add", c0, "张伟", "--relation", "spouse", "--birthday", "腊月初八", "--client", c2}},
		{"vipbook family list", []string{"family", "list", c0}},
		{"vipbook card add", []string{"card", "add", c0, "8800123", "--program", "会员", "--points", "1200", "--expires", "2027-12-31"}},
		{"vipbook card list", []string{"card", "list", c0}},
		{"vipbook gift", []string{"gift", c0, "丝巾", "--for", "d2"}},
		{"vipbook date rm", []string{"date", "rm", c0, "d2"}},
		{"vipbook family rm", []string{"family", "rm", c0, "张伟"}},
		{"vipbook card rm", []string{"card", "rm", c0, "8800123"}},
		{"vipbook merge", []string{"merge", clients[len(clients)-1].ID, c0, "--dry-run"}},
		{"vipbook merge", []string{"merge", clients[len(clients)-1].ID, c0, "--yes"}},
		{"vipbook help", []string{"help"}},
	}
	steps = append(steps, chainZhSteps(t, pass)...)
	ran := map[string]bool{}
	for _, s := range steps {
		if s.path == "vipbook import" {
			csvHeaders(t, s.args[1], data)
		}
		out, errOut, err := speak(book, "zh", s.args...)
		if err != nil {
			t.Errorf("%v: %v\n%s", s.args, err, errOut)
		}
		for w := range dataWords(t, book) { // what the run wrote (an id) is data too
			data[w] = true
		}
		allowed := []map[string]bool{data, syntax}
		if s.path == "vipbook help" {
			allowed = append(allowed, typed)
		}
		for _, w := range english(out+errOut, allowed...) {
			t.Errorf("vipbook %s: English %s", strings.Join(s.args, " "), w)
		}
		ran[s.path] = true
	}
	// Commands that need a terminal or a shell are checked through their
	// help alone.
	helpOnly := map[string]bool{"vipbook": true, "vipbook handover": true, "vipbook task": true, "vipbook chain": true,
		"vipbook date": true, "vipbook family": true, "vipbook card": true,
		"vipbook completion": true, "vipbook completion bash": true, "vipbook completion zsh": true,
		"vipbook completion fish": true, "vipbook completion powershell": true}
	root := NewRoot(&App{})
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	var paths []string
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		paths = append(paths, c.CommandPath())
		for _, s := range c.Commands() {
			walk(s)
		}
	}
	walk(root)
	sort.Strings(paths)
	for _, p := range paths {
		args := append(strings.Fields(p)[1:], "--help")
		out, errOut, err := speak(book, "zh", args...)
		if err != nil {
			t.Errorf("%s --help: %v", p, err)
		}
		for _, w := range english(out+errOut, syntax, typed) {
			t.Errorf("%s --help: English %s", p, w)
		}
		if !ran[p] && !helpOnly[p] && !ranWithServer[p] && !(strings.HasPrefix(p, "vipbook chain ") && !chainInstalled()) {
			t.Errorf("%s has no run in this test: add one", p)
		}
	}
}

// speakLocale runs the command line on book with no --lang: the language
// comes from the locale (LANG).
func speakLocale(t *testing.T, book, locale string, args ...string) string {
	t.Helper()
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", locale)
	var out, errOut bytes.Buffer
	a := &App{Now: goldenNow, Stdout: &out, Stderr: &errOut, Stdin: strings.NewReader(""), WorkFactor: testWorkFactor}
	root := NewRoot(a)
	root.SetArgs(append([]string{"--book", book}, args...))
	root.SetOut(&out)
	root.SetErr(&errOut)
	if err := root.ExecuteContext(context.Background()); err != nil {
		t.Fatalf("LANG=%s vipbook %v: %v\n%s", locale, args, err, errOut.String())
	}
	return out.String()
}

// TestFollowUpTitlesFollowTheLanguage: the follow-ups the rules make for
// a purchase logged under LANG=C read in Chinese in a Chinese session, and
// those of a purchase logged in Chinese read in English under LANG=C.
func TestFollowUpTitlesFollowTheLanguage(t *testing.T) {
	t.Setenv("COLUMNS", "200") // task list's titles whole
	book := demoBook(t)
	var clients []struct{ ID string }
	if err := json.Unmarshal([]byte(speakLocale(t, book, "C", "list", "--json")), &clients); err != nil || len(clients) < 2 {
		t.Fatalf("clients: %v", err)
	}
	speakLocale(t, book, "C", "buy", clients[0].ID, "900", "--items", "silk scarf")
	speakLocale(t, book, "zh_CN.UTF-8", "buy", clients[1].ID, "900", "--items", "丝巾")
	zh := speakLocale(t, book, "zh_CN.UTF-8", "task", "list", "--client", clients[0].ID)
	if !strings.Contains(zh, "发送购物感谢信息（silk scarf）") || !strings.Contains(zh, "回访电话：穿着感受如何？（silk scarf）") ||
		strings.Contains(zh, "Thank-you message") {
		t.Errorf("made under LANG=C, listed in Chinese:\n%s", zh)
	}
	en := speakLocale(t, book, "C", "task", "list", "--client", clients[1].ID)
	if !strings.Contains(en, "Thank-you message for the purchase (丝巾)") || !strings.Contains(en, "Call: how does it wear? (丝巾)") ||
		strings.Contains(en, "发送购物感谢信息") {
		t.Errorf("made in Chinese, listed under LANG=C:\n%s", en)
	}
	show := speakLocale(t, book, "zh_CN.UTF-8", "show", clients[0].ID)
	if !strings.Contains(show, "发送购物感谢信息（silk scarf）") {
		t.Errorf("the client's card in Chinese:\n%s", show)
	}
}

// TestHelpFromTheCatalog: every command and flag of the tree gets its
// help from the catalog, in both languages (the commands hold none).
func TestHelpFromTheCatalog(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		root := NewRoot(&App{Lang: lang})
		root.InitDefaultHelpCmd()
		root.InitDefaultCompletionCmd()
		localize(root, i18n.New(lang))
		var walk func(c *cobra.Command)
		walk = func(c *cobra.Command) {
			if c.Short == "" {
				t.Errorf("%s: %s has no short help", lang, c.CommandPath())
			}
			c.LocalFlags().VisitAll(func(f *pflag.Flag) {
				if f.Usage == "" {
					t.Errorf("%s: %s --%s has no usage", lang, c.CommandPath(), f.Name)
				}
			})
			for _, s := range c.Commands() {
				walk(s)
			}
		}
		walk(root)
	}
}

// TestDemoDatesInTheReadersLanguage: the demo book keeps a child's
// birthday as whose it is (not an English label "Lily's birthday") and a
// wedding anniversary as its kind, so both read in the session's language:
// "小宝的生日" and "结婚纪念日" in Chinese, "小宝's birthday" in English.
func TestDemoDatesInTheReadersLanguage(t *testing.T) {
	t.Setenv("COLUMNS", "200")
	book := demoBook(t)
	var clients []struct{ ID string }
	out, _, err := speak(book, "en", "list", "--json")
	if err != nil || json.Unmarshal([]byte(out), &clients) != nil {
		t.Fatalf("list: %v", err)
	}
	var zhAll, enAll strings.Builder
	for _, c := range clients {
		zh, _, err := speak(book, "zh", "date", "list", c.ID)
		if err != nil {
			t.Fatal(err)
		}
		en, _, err := speak(book, "en", "date", "list", c.ID)
		if err != nil {
			t.Fatal(err)
		}
		zhAll.WriteString(zh)
		enAll.WriteString(en)
	}
	for _, args := range [][]string{{"report"}, {"brief"}} {
		zh, _, err := speak(book, "zh", args...)
		if err != nil {
			t.Fatal(err)
		}
		zhAll.WriteString(zh)
	}
	zh, en := zhAll.String(), enAll.String()
	zh = strings.ReplaceAll(zh, "--kind birthday", "") // the hint of an empty list: syntax
	for _, w := range []string{"birthday", "anniversary"} {
		if strings.Contains(zh, w) {
			t.Errorf("Chinese session shows %q:\n%s", w, zh)
		}
	}
	if !strings.Contains(zh, "的生日") || !strings.Contains(zh, "结婚纪念日") {
		t.Errorf("no child's birthday or anniversary worded in Chinese:\n%s", zh)
	}
	if !regexp.MustCompile(`\S's birthday`).MatchString(en) || strings.Contains(en, "的生日") {
		t.Errorf("English session:\n%s", en)
	}
}

// TestLunarDaysAndFestivalsInBothLanguages: on the briefing, a lunar
// birthday and the Chinese festivals fall on the right solar days, said
// in Chinese under zh (农历八月十五, 春节（正月初一）) and in English
// under en (lunar 08-15, Spring Festival (lunar 01-01)), with no Chinese
// in the English lines.
func TestLunarDaysAndFestivalsInBothLanguages(t *testing.T) {
	t.Setenv("COLUMNS", "200")
	book := demoBook(t)
	run(t, book, "add", "Moon Lady", "--phone", "13900007777")
	run(t, book, "date", "add", "13900007777", "--kind", "birthday", "--date", "农历八月十五")
	han := func(s string) bool {
		return strings.ContainsFunc(s, func(r rune) bool { return r >= 0x4e00 && r <= 0x9fff })
	}
	line := func(out, sub string) string {
		for _, l := range strings.Split(out, "\n") {
			if strings.Contains(l, sub) {
				return l
			}
		}
		return ""
	}
	for _, c := range []struct {
		date, lang, find, want string
	}{
		{"2027-01-28", "zh", "春节", "春节（正月初一） 2027-02-06"},
		{"2027-01-28", "zh", "除夕", "除夕（腊月廿九） 2027-02-05"},
		{"2027-01-28", "zh", "元宵节", "元宵节（正月十五） 2027-02-20"},
		{"2027-01-28", "en", "Spring Festival", "Spring Festival (lunar 01-01) 2027-02-06"},
		{"2027-01-28", "en", "Eve", "Chinese New Year's Eve (lunar 12-29) 2027-02-05"},
		{"2027-01-28", "en", "Lantern", "Lantern Festival (lunar 01-15) 2027-02-20"},
		{"2027-09-10", "zh", "Moon Lady", "（2027-09-15） 农历八月十五"},
		{"2027-09-10", "en", "Moon Lady", "(2027-09-15) lunar 08-15"},
		{"2027-09-10", "zh", "中秋节", "中秋节（八月十五） 2027-09-15"},
		{"2027-09-10", "en", "Mid-Autumn", "Mid-Autumn Festival (lunar 08-15) 2027-09-15"},
	} {
		out, errOut, err := speak(book, c.lang, "brief", "--date", c.date, "--limit", "0")
		if err != nil {
			t.Fatalf("%v\n%s", err, errOut)
		}
		l := line(out, c.find)
		if !strings.Contains(l, c.want) {
			t.Errorf("brief --date %s --lang %s: %q, want %q", c.date, c.lang, l, c.want)
		}
		if c.lang == "en" && c.find != "Moon Lady" && han(l) {
			t.Errorf("brief --date %s --lang en: Chinese in %q", c.date, l)
		}
	}
	en, _, _ := speak(book, "en", "date", "list", "13900007777")
	zh, _, _ := speak(book, "zh", "date", "list", "13900007777")
	if !strings.Contains(en, "lunar 08-15") || han(en) || !strings.Contains(zh, "农历八月十五") {
		t.Errorf("date list:\n%s\n%s", en, zh)
	}
}
