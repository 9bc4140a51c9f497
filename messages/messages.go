package messages

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/template"
	"time"
	"unicode"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/festivals"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/tasks"
)

// Kind is the moment a message is for.
type Kind string

// The kinds of message.
const (
	Holiday        Kind = "holiday"         // wishes only, no store news
	Birthday       Kind = "birthday"        // their day, wishes
	Season         Kind = "season"          // change of season: weather care, no products
	MissYou        Kind = "miss_you"        // a long-absent client: warm, no "what happened?"
	ThankYou       Kind = "thank_you"       // day 0 of the rhythm, with the care instructions
	Call           Kind = "call"            // day 3: how does it wear (a script for the call, or a message)
	Care           Kind = "care"            // every 3 weeks: care and styling tips
	ServiceInvite  Kind = "service_invite"  // after 3 months: come back for care or cleaning
	ReferralThanks Kind = "referral_thanks" // to the client who introduced someone
	Welcome        Kind = "welcome"         // to the client who was introduced
	Complaint      Kind = "complaint"       // closing a complaint: confirm satisfaction and thank
)

// Kinds lists every kind in display order.
var Kinds = []Kind{Holiday, Birthday, Season, MissYou, ThankYou, Call, Care, ServiceInvite, ReferralThanks, Welcome, Complaint}

// Langs are the languages of the built-in templates.
var Langs = []string{"en", "zh"}

var (
	// ErrBadKind is returned when a kind name is unknown.
	ErrBadKind = errors.New("unknown message kind")
	// ErrDoNotContact is returned by Compose for a client who asked not to
	// be contacted.
	ErrDoNotContact = errors.New("the client asked not to be contacted")
	// ErrBadTemplate is returned when a template file does not parse or
	// does not execute.
	ErrBadTemplate = errors.New("bad message template")
)

// KindNames returns the kind names, comma separated, for help and errors.
func KindNames() string {
	names := make([]string, len(Kinds))
	for i, k := range Kinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}

// ParseKind reads a kind name ("miss-you", "birthday", ...).
func ParseKind(s string) (Kind, error) {
	k := Kind(strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), "-", "_"))
	for _, known := range Kinds {
		if k == known {
			return k, nil
		}
	}
	return "", fmt.Errorf("%w %q (one of: %s)", ErrBadKind, s, KindNames())
}

// ForTask returns the message that does a task of kind k, and false for a
// task that is not a message (a personal visit, a custom task).
func ForTask(k tasks.Kind) (Kind, bool) {
	switch k {
	case tasks.ThankYou:
		return ThankYou, true
	case tasks.CallBack:
		return Call, true
	case tasks.CareMessage:
		return Care, true
	case tasks.ServiceInvite:
		return ServiceInvite, true
	case tasks.BirthdayGreeting:
		return Birthday, true
	case tasks.ReferralThanks:
		return ReferralThanks, true
	case tasks.Introduce:
		return Welcome, true
	case tasks.ComplaintFollowUp:
		return Complaint, true
	}
	return "", false
}

// Context is what a message needs beyond the client's profile.
type Context struct {
	Today     civil.Date
	Associate string // the associate's name, for the signature
	Store     string
	Signature string     // config's [messages] signature; replaces the default one when set
	Occasion  string     // the holiday's name; the festival of the coming week when empty
	Items     string     // what was bought (the last purchase)
	Bought    civil.Date // the day of that purchase; zero when unknown
	Referred  string     // whom the client introduced (referral thanks)
	Referrer  string     // who introduced the client (welcome)
}

// Data is what a template is executed with.
type Data struct {
	Lang       string   // "en" or "zh"
	Name       string   // the client's name as the book shows it
	Salutation string   // how to address them: "Ms Dubois", "王女士", "王小明"
	Honorific  string   // as recorded
	Hobby      string   // the first hobby, "" when none
	Hobbies    []string // every hobby
	Likes      []string // every preference (categories, styles, colours ...)
	Colour     string   // the first colour they like
	Style      string   // the first style they like
	Items      string   // what they bought, "" when unknown
	// BoughtToday is true when the last purchase was made today (or its
	// day is unknown): a thank-you logged late thanks for the last visit,
	// not for "today".
	BoughtToday bool
	Piece       string // Items, or "new piece" / "新品"
	CareTip     string // a general care tip for the piece
	Occasion    string // the holiday
	Season      string // the season today: spring, summer, autumn, winter (in Lang)
	SeasonCare  string // weather care for the season
	Referred    string
	Referrer    string
	Associate   string
	Store       string
	Sign        string // the signature, starting with a line break, or ""
	Today       civil.Date
}

// Set is a set of templates: the built-in ones, some replaced by files.
type Set struct {
	tmpl map[string]*template.Template // "kind.lang"
	from map[string]string             // "kind.lang" -> the file it came from ("" built in)
}

func key(k Kind, lang string) string { return string(k) + "." + lang }

// Builtin returns the built-in templates.
func Builtin() *Set {
	s := &Set{tmpl: map[string]*template.Template{}, from: map[string]string{}}
	for k, text := range builtin {
		s.tmpl[k] = template.Must(template.New(k).Option("missingkey=error").Parse(text))
	}
	return s
}

// Load returns the built-in templates with those replaced by files in dir
// (KIND.LANG.tmpl). A missing dir is no error. A file that does not parse
// gives ErrBadTemplate naming the file; a file whose name is not a known
// kind and language is an error too, so a misspelt name is not silently
// ignored.
func Load(dir string) (*Set, error) {
	s := Builtin()
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return s, fmt.Errorf("read the message templates in %s: %w", dir, err)
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".tmpl") {
			continue
		}
		path := filepath.Join(dir, name)
		k := strings.TrimSuffix(name, ".tmpl")
		if _, ok := builtin[k]; !ok {
			return s, fmt.Errorf("%w: %s: name it KIND.LANG.tmpl, KIND one of %s and LANG en or zh", ErrBadTemplate, path, KindNames())
		}
		text, err := os.ReadFile(path)
		if err != nil {
			return s, err
		}
		t, err := template.New(k).Option("missingkey=error").Parse(string(text))
		if err != nil {
			return s, fmt.Errorf("%w: %s: %v", ErrBadTemplate, path, err)
		}
		// Execute once on a full sample so a field Data lacks is found now.
		if err := t.Execute(new(bytes.Buffer), sampleData(k)); err != nil {
			return s, fmt.Errorf("%w: %s: %v", ErrBadTemplate, path, err)
		}
		s.tmpl[k], s.from[k] = t, path
	}
	return s, nil
}

func sampleData(k string) Data {
	lang := k[strings.LastIndexByte(k, '.')+1:]
	p := &profile.Profile{Name: "王小明", Hobbies: []string{"golf"}}
	return NewData(p, lang, Context{Today: civil.New(2026, time.November, 24), Associate: "Li Na", Items: "silk scarf"})
}

// Source returns the file a kind's template in lang comes from, or "" for
// the built-in one.
func (s *Set) Source(k Kind, lang string) string { return s.from[key(k, lang)] }

// Render executes the template of kind k in lang with d. The text is
// trimmed and ends without a line break.
func (s *Set) Render(k Kind, lang string, d Data) (string, error) {
	t, ok := s.tmpl[key(k, lang)]
	if !ok {
		return "", fmt.Errorf("%w %q in %q", ErrBadKind, k, lang)
	}
	var b strings.Builder
	if err := t.Execute(&b, d); err != nil {
		if src := s.from[key(k, lang)]; src != "" {
			return "", fmt.Errorf("%w: %s: %v", ErrBadTemplate, src, err)
		}
		return "", err
	}
	return strings.TrimSpace(b.String()), nil
}

// Compose writes the message of kind k for the client p in lang ("zh" for
// Chinese, English otherwise). It refuses a client who asked not to be
// contacted with ErrDoNotContact. It is pure: the caller logs the contact.
func (s *Set) Compose(p *profile.Profile, k Kind, lang string, c Context) (string, error) {
	if p.Consent.DoNotContact {
		return "", fmt.Errorf("%s: %w", p.DisplayName(), ErrDoNotContact)
	}
	if lang != "zh" {
		lang = "en"
	}
	return s.Render(k, lang, NewData(p, lang, c))
}

// NewData gathers what the templates use from the profile and the context.
func NewData(p *profile.Profile, lang string, c Context) Data {
	zh := lang == "zh"
	cat := i18n.New(lang) // the words that fill a gap come from the one catalog
	d := Data{Lang: lang, Name: p.DisplayName(), Salutation: Salutation(p, lang), Honorific: p.Honorific,
		Hobbies: p.Hobbies, Items: strings.TrimSpace(c.Items), Referred: c.Referred, Referrer: c.Referrer,
		Associate: c.Associate, Store: c.Store, Today: c.Today, BoughtToday: c.Bought.IsZero() || c.Bought == c.Today}
	if len(p.Hobbies) > 0 {
		d.Hobby = p.Hobbies[0]
	}
	for _, pr := range p.Preferences {
		d.Likes = append(d.Likes, pr.Value)
		if pr.Kind == profile.PrefColour && d.Colour == "" {
			d.Colour = pr.Value
		}
		if pr.Kind == profile.PrefStyle && d.Style == "" {
			d.Style = pr.Value
		}
	}
	d.Piece = d.Items
	if d.Piece == "" {
		d.Piece = cat.T(i18n.MsgFragPiece)
	}
	d.CareTip = cat.T(i18n.MsgFragCareTip)
	d.Occasion = c.Occasion
	if d.Occasion == "" && !c.Today.IsZero() {
		if fs := festivals.Between(c.Today, c.Today.AddDays(7)); len(fs) > 0 {
			d.Occasion = fs[0].NameIn(lang)
		}
	}
	if d.Occasion == "" {
		d.Occasion = cat.T(i18n.MsgFragOccasion)
	}
	d.Season, d.SeasonCare = season(c.Today, cat)
	switch {
	case c.Signature != "":
		d.Sign = "\n\n" + c.Signature
	case c.Associate != "" && zh:
		d.Sign = "\n\n—— " + strings.TrimSpace(c.Store+" "+c.Associate)
	case c.Associate != "":
		d.Sign = "\n\n" + c.Associate
		if c.Store != "" {
			d.Sign += ", " + c.Store
		}
	}
	return d
}

// season names the season of day (northern hemisphere, by month) and the
// weather care that goes with it, in cat's language.
func season(day civil.Date, cat *i18n.Catalog) (string, string) {
	seasons := [4][2]i18n.Key{
		{i18n.MsgSeasonWinter, i18n.MsgSeasonCareWint},
		{i18n.MsgSeasonSpring, i18n.MsgSeasonCareSpr},
		{i18n.MsgSeasonSummer, i18n.MsgSeasonCareSum},
		{i18n.MsgSeasonAutumn, i18n.MsgSeasonCareAut},
	}
	m := day.Month
	if day.IsZero() {
		m = time.January
	}
	x := seasons[(int(m)%12)/3]
	return cat.T(x[0]), cat.T(x[1])
}

// Salutation returns how to address the client in lang: the honorific with
// the surname ("Ms Dubois", "王女士") when an honorific or a gender is
// recorded, the full name otherwise. A Chinese honorific recorded whole
// ("王女士") is used as it is in Chinese.
func Salutation(p *profile.Profile, lang string) string {
	hon := strings.TrimSpace(p.Honorific)
	if lang == "zh" {
		if hasHan(hon) {
			return hon
		}
		t := zhTitle(hon, p.Gender)
		switch {
		case t != "" && hasHan(p.Name):
			return hanSurname(p.Name) + t
		case t != "":
			return lastWord(p.DisplayName()) + t
		}
		return p.DisplayName()
	}
	t := enTitle(hon, p.Gender)
	latin := p.LatinName
	if latin == "" && !hasHan(p.Name) {
		latin = p.Name
	}
	switch {
	case latin != "" && t != "":
		return t + " " + lastWord(latin)
	case latin != "":
		return latin
	}
	return p.DisplayName()
}

func enTitle(hon, gender string) string {
	if hon != "" && !hasHan(hon) {
		return strings.TrimSuffix(hon, ".")
	}
	switch {
	case strings.HasSuffix(hon, "女士") || strings.HasSuffix(hon, "小姐") || strings.HasSuffix(hon, "太太"):
		return "Ms"
	case strings.HasSuffix(hon, "先生"):
		return "Mr"
	}
	switch strings.ToLower(gender) {
	case "f":
		return "Ms"
	case "m":
		return "Mr"
	}
	return ""
}

func zhTitle(hon, gender string) string {
	switch strings.ToLower(strings.TrimSuffix(hon, ".")) {
	case "ms", "mrs", "miss", "madam", "mme", "mlle":
		return "女士"
	case "mr", "m", "monsieur":
		return "先生"
	case "dr":
		return "博士"
	case "":
	default:
		return ""
	}
	switch strings.ToLower(gender) {
	case "f":
		return "女士"
	case "m":
		return "先生"
	}
	return ""
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// compoundSurnames are the two-character surnames common enough to meet.
var compoundSurnames = []string{"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "慕容", "尉迟", "公孙", "长孙", "宇文", "司徒", "夏侯", "轩辕", "端木", "澹台"}

func hanSurname(name string) string {
	name = strings.TrimSpace(name)
	for _, c := range compoundSurnames {
		if strings.HasPrefix(name, c) && len([]rune(name)) > 2 {
			return c
		}
	}
	r := []rune(name)
	if len(r) == 0 {
		return ""
	}
	return string(r[0])
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return s
	}
	return f[len(f)-1]
}

// WithLastPurchase sets the items and the day of the newest purchase among
// ps (newest first, as the book gives them) that names its items.
func (c Context) WithLastPurchase(ps []profile.Purchase) Context {
	for _, pu := range ps {
		if pu.Items != "" {
			c.Items, c.Bought = pu.Items, pu.Date
			break
		}
	}
	return c
}
