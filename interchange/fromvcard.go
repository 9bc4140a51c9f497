package interchange

import (
	"github.com/vipbook/vipbook/i18n"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/interchange/vcard"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
)

// fromVCard turns a card into the record r (a zero Record: the slot of
// the file's records it is read into, so that a record of a kilobyte is
// neither allocated apart nor copied), or returns why it cannot be one.
func fromVCard(r *Record, card *vcard.Card, file phoneRegion) Msg {
	c := viewOf(card)
	r.Line = c.Line
	// The card's own country (its first address's, or its preferred
	// one's) is where its numbers without a country code are read.
	in := file
	for _, a := range c.All("ADR") {
		country := vcard.Field(vcard.Fields(a.Value), 6)
		if country == "" {
			continue
		}
		if a.HasType("pref") {
			in = recordRegion(country, file)
			break
		}
		if in.from != RegionFromFile {
			in = recordRegion(country, file)
		}
	}
	p := &r.Profile
	n := vcard.Fields(value(c, "N"))
	fn := strings.TrimSpace(vcard.Text(value(c, "FN")))
	p.Honorific = vcard.Field(n, 3)
	p.Name = fn
	if p.Name == "" {
		p.Name = joinName(vcard.Field(n, 1), vcard.Field(n, 2), vcard.Field(n, 0))
	} else if p.Honorific != "" && strings.HasPrefix(p.Name, p.Honorific+" ") {
		p.Name = strings.TrimSpace(strings.TrimPrefix(p.Name, p.Honorific+" "))
	}
	phonetic := joinName(vcard.Text(value(c, "X-PHONETIC-FIRST-NAME")), vcard.Text(value(c, "X-PHONETIC-MIDDLE-NAME")),
		vcard.Text(value(c, "X-PHONETIC-LAST-NAME")))
	if phonetic != "" && (!hasHan(p.Name) || hasHan(phonetic)) {
		// A reading in kana, or of a Latin name: not a Latin name to
		// keep, but worth keeping.
		r.addDetail("Phonetic name: " + phonetic)
		phonetic = ""
	}
	if hasHan(p.Name) {
		latin := phonetic
		if nick := vcard.Text(value(c, "NICKNAME")); latin == "" && nick != "" && !hasHan(nick) {
			latin = nick
		}
		p.LatinName = latin
	} else if nick := vcard.Text(value(c, "NICKNAME")); nick != "" && nick != p.Name {
		r.addDetail("Nickname: " + nick)
	}
	org := vcard.Fields(value(c, "ORG"))
	company := vcard.Field(org, 0)
	title := vcard.Text(value(c, "TITLE"))
	if strings.EqualFold(value(c, "X-ABSHOWAS"), "COMPANY") || strings.EqualFold(value(c, "KIND"), "org") {
		who := firstOf(company, p.Name)
		return msg(i18n.ImportCompanyCard, who)
	}
	if p.Name == "" {
		if company != "" {
			return msg(i18n.ImportCompanyCard, company)
		}
		return noName(value(c, "EMAIL"), value(c, "TEL"))
	}
	p.Occupation = joinOccupation(title, company)
	switch g := strings.ToLower(vcard.Field(vcard.Fields(firstOf(value(c, "GENDER"), value(c, "X-GENDER"))), 0)); {
	case g == "m" || g == "male":
		p.Gender = "m"
	case g == "f" || g == "female":
		p.Gender = "f"
	}

	tels := c.All("TEL")
	isPref := func(t *vcard.Property) bool { return t.HasType("pref") || t.Param("PREF") != "" }
	// The preferred number first.
	for pass := 0; pass < 2; pass++ {
		for _, t := range tels {
			if isPref(t) != (pass == 0) {
				continue
			}
			num := strings.TrimPrefix(strings.TrimPrefix(vcard.Text(t.Value), "tel:"), "TEL:")
			if t.HasType("fax") || t.HasType("pager") {
				if profile.CheckPhone(num) == nil {
					r.addDetail(phoneLabel(c, t) + ": " + num)
				}
				continue
			}
			r.addPhone(num, phoneLabel(c, t), in)
		}
	}
	for _, e := range c.All("EMAIL") {
		r.addEmail(vcard.Text(e.Value))
	}
	for _, im := range append(c.All("IMPP"), c.All("X-WECHAT")...) {
		v := vcard.Text(im.Value)
		low := strings.ToLower(v)
		switch {
		case im.Name == "X-WECHAT":
			p.WeChat = v
		case strings.HasPrefix(low, "weixin:") || strings.HasPrefix(low, "wechat:"):
			_, p.WeChat, _ = strings.Cut(v, ":")
		}
	}
	for i, a := range c.All("ADR") {
		f := vcard.Fields(a.Value)
		if i == 0 || a.HasType("pref") && p.City == "" {
			p.City = firstOf(p.City, vcard.Field(f, 3))
			if cc := countryCode(vcard.Field(f, 6)); cc != "" && p.Country == "" {
				p.Country = cc
			}
		}
		// An address of city and country only (as vipbook writes it, the
		// district in the extended-address field) is all in the profile.
		// Gmail puts a whole address typed in one box in the extended
		// part: lines, or text with no city and no country beside it.
		ext := vcard.Field(f, 1)
		whole := strings.Contains(ext, "\n") || vcard.Field(f, 3) == "" && vcard.Field(f, 6) == "" && strings.ContainsAny(ext, ",0123456789")
		if vcard.Field(f, 0) == "" && vcard.Field(f, 2) == "" && vcard.Field(f, 5) == "" && vcard.Field(f, 4) == "" && !whole {
			if i == 0 {
				p.District = vcard.Field(f, 1)
			}
			continue
		}
		if text := formatAddress(f); text != "" {
			r.addDetail("Address: " + text)
		}
	}
	for _, cat := range c.All("CATEGORIES") {
		for _, t := range vcard.List(cat.Value) {
			r.addTag(t)
		}
	}
	if b := c.Get("BDAY"); b != nil {
		r.vdate(b, profile.DateBirthday, "")
	}
	for _, name := range []string{"ANNIVERSARY", "X-ANNIVERSARY", "X-MS-ANNIVERSARY", "X-EVOLUTION-ANNIVERSARY"} {
		for _, d := range c.All(name) {
			r.vdate(d, profile.DateAnniversary, "")
		}
	}
	for _, d := range c.All("X-ABDATE") {
		label := c.Label(d)
		kind := profile.DateKind(strings.ToLower(d.Param("X-VIPBOOK-KIND")))
		switch {
		case kind != "":
		case strings.EqualFold(label, "anniversary"):
			kind, label = profile.DateAnniversary, ""
		default:
			kind = profile.DateCustom
		}
		if strings.EqualFold(label, dateKindText(kind)) {
			label = "" // the label vipbook writes for a date without one
		}
		r.vdate(d, kind, label)
	}
	for _, d := range c.All("X-VIPBOOK-LUNAR-DATE") {
		kind := profile.DateKind(strings.ToLower(firstOf(d.Param("KIND"), "custom")))
		md, leap, err := profile.ParseLunarMonthDay(vcard.Text(d.Value))
		if err != nil {
			r.warn(i18n.ImportLunarDateNotDate, d.Value)
			r.addDetail("Lunar date: " + vcard.Text(d.Value))
			continue
		}
		r.addDate(profile.ImportantDate{Kind: kind, Label: vcard.Text(d.Param("LABEL")), When: md, Lunar: true,
			LeapMonth: leap || strings.EqualFold(d.Param("LEAP"), "true"), LeadDays: leadDays(d), ID: d.Param(dateIDParam), For: d.Param(forParam)})
	}
	// Android's events: X-ANDROID-CUSTOM:vnd.android.cursor.item/contact_event;DATE;TYPE;LABEL
	// (TYPE 1 anniversary, 2 other, 3 birthday, 0 the label's).
	for _, x := range c.All("X-ANDROID-CUSTOM") {
		f := vcard.Fields(x.Value)
		if vcard.Field(f, 0) == "vnd.android.cursor.item/relation" {
			addMember(p, vcard.Field(f, 1), androidRelation(vcard.Field(f, 2), vcard.Field(f, 3)))
			continue
		}
		if vcard.Field(f, 0) != "vnd.android.cursor.item/contact_event" {
			continue
		}
		kind, label := profile.DateCustom, vcard.Field(f, 3)
		switch vcard.Field(f, 2) {
		case "1":
			kind, label = profile.DateAnniversary, ""
		case "3":
			kind, label = profile.DateBirthday, ""
		case "2":
			label = firstOf(label, "Other")
		}
		if kind == profile.DateCustom {
			label = firstOf(label, "Event")
		}
		date := *x // its parameters
		date.Group, date.Value, date.Guessed = "", vcard.Field(f, 1), false
		r.vdate(&date, kind, label)
	}
	// Apple's lunar birthday, after vipbook's own (which keeps the lead
	// time) so the two make one date.
	for _, d := range c.All("X-ALTBDAY") {
		if !strings.EqualFold(d.Param("CALSCALE"), "chinese") {
			r.addDetail("Birthday (" + strings.ToLower(firstOf(d.Param("CALSCALE"), "other")) + " calendar): " + vcard.Text(d.Value))
			continue
		}
		md, ok := parseAltBDay(vcard.Text(d.Value), d.Param(appleOmitYear) != "")
		if !ok {
			r.warn(i18n.ImportLunarBirthNotDate, d.Value)
			r.addDetail("Lunar birthday: " + vcard.Text(d.Value))
			continue
		}
		r.addDate(profile.ImportantDate{Kind: profile.DateBirthday, When: md, Lunar: true})
	}
	for _, rel := range append(c.All("X-ABRELATEDNAMES"), c.All("RELATED")...) {
		name := vcard.Text(rel.Value)
		if name == "" || strings.Contains(name, ":") {
			continue // a urn: or a uri names no one
		}
		addMember(p, name, relatedRelation(firstOf(c.Label(rel), strings.Join(slices.DeleteFunc(rel.Types(), func(t string) bool { return t == "text" }), " "))))
	}
	// A member who is another client: RELATED by that card's UID, in the
	// group of the member's name (vipbook's own cards).
	for _, rel := range c.All("RELATED") {
		uid := vcard.Text(rel.Value)
		if rel.Group == "" || !strings.HasPrefix(strings.ToLower(uid), "urn:uuid:") {
			continue
		}
		for _, n := range c.All("X-ABRELATEDNAMES") {
			if strings.EqualFold(n.Group, rel.Group) {
				if i := slices.IndexFunc(p.Household, func(m profile.Member) bool { return m.Name == strings.TrimSpace(vcard.Text(n.Value)) }); i >= 0 {
					p.Household[i].ClientID = strings.ToLower(uid)
				}
			}
		}
	}
	if uid := strings.ToLower(value(c, propReferredBy)); strings.HasPrefix(uid, "urn:uuid:") {
		p.ReferredBy = uid
	}
	switch uid := strings.TrimSpace(value(c, "UID")); {
	case strings.HasPrefix(strings.ToLower(uid), "urn:uuid:"):
		r.UID = strings.ToLower(uid)
	case strings.HasPrefix(uid, oldUIDPrefix) && len(uid) > len(oldUIDPrefix):
		// The UID of vipbook's exports before the urn:uuid one: the same
		// client's key.
		r.UID = clientUID(uid[len(oldUIDPrefix):])
	}
	r.readEntries(c)
	ns := c.All("NOTE")
	r.Notes = slices.Grow(r.Notes, len(ns)) // room for them all at once (eight a card in c10k.vcf)
	for _, note := range ns {
		n := NoteIn{Text: vcard.Text(note.Value)}
		if kind := note.Param(noteKindParam); kind != "" {
			if k, err := notes.ParseKind(kind); err == nil {
				n.Kind = k
			}
		}
		if at := note.Param(noteAtParam); at != "" { // a time of none is no time: not parsed to say so
			if at, err := time.Parse(basicTime, at); err == nil {
				n.At = at
			}
		}
		r.addNote(n)
	}
	if v := strings.ToLower(value(c, "X-VIPBOOK-DO-NOT-CONTACT")); v == "true" || v == "1" || v == "yes" {
		p.Consent = profile.Consent{DoNotContact: true, How: "in the imported file"}
	}
	if v := c.Get(propConsent); v != nil {
		// When and how the answer was recorded (vipbook's own cards).
		fs := vcard.Fields(v.Value)
		if at, err := time.Parse(basicTime, vcard.Field(fs, 0)); err == nil {
			p.Consent.RecordedAt = at
		}
		if how := vcard.Field(fs, 1); how != "" || p.Consent.DoNotContact {
			p.Consent.How = how
		}
	}
	if rev := value(c, "REV"); rev != "" {
		r.Rev = parseRev(rev)
	}
	return Msg{}
}

// vdate reads a date property into the record, or keeps it in a note.
func (r *Record) vdate(p *vcard.Property, kind profile.DateKind, label string) {
	text := vcard.Text(p.Value)
	md, err := parseVDate(text)
	if err != nil || strings.EqualFold(p.Param("VALUE"), "text") {
		r.warn(i18n.ImportDateNotDate, kind, text)
		r.addDetail(strings.ToUpper(string(kind[:1])) + string(kind[1:]) + ": " + text)
		return
	}
	if y := p.Param(appleOmitYear); y != "" && atoiOr(y, -1) == md.Year {
		md.Year = 0 // Apple's 1604-03-02: no year
	}
	r.addDate(profile.ImportantDate{Kind: kind, Label: label, When: md, LeadDays: leadDays(p), ID: p.Param(dateIDParam), For: p.Param(forParam)})
}

// leadDays reads a date's own lead time (X-VIPBOOK-LEAD-DAYS), 0 when it
// has none or it is not a sensible number of days.
func leadDays(p *vcard.Property) int {
	n, err := strconv.Atoi(strings.TrimSpace(p.Param(leadParam)))
	if err != nil || n < 0 || n > 366 {
		return 0
	}
	return n
}

// parseVDate reads the date forms of vCard 2.1 to 4.0: 1985-03-02,
// 19850302, --0302, --03-02, with or without a time after a T.
func parseVDate(s string) (civil.MonthDay, error) {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, 'T'); i > 0 {
		s = s[:i]
	}
	return civil.ParseMonthDay(s)
}

// parseRev reads a REV timestamp (basic or extended ISO 8601).
func parseRev(s string) time.Time {
	for _, layout := range []string{"20060102T150405Z", time.RFC3339, "2006-01-02T15:04:05.000Z", "20060102T150405", "2006-01-02", "20060102"} {
		if t, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
			return t
		}
	}
	return time.Time{}
}

func value(c cardView, name string) string {
	if p := c.Get(name); p != nil {
		return p.Value
	}
	return ""
}

// cardView finds a card's properties by name as vcard.Card does, passing
// over at once the names the card has none of (most of the forty or so
// fromVCard asks for): mask has a bit (nameBit) of each name it has.
type cardView struct {
	*vcard.Card
	mask uint64
}

func viewOf(c *vcard.Card) cardView {
	v := cardView{Card: c}
	for i := range c.Props {
		v.mask |= nameBit(c.Props[i].Name)
	}
	return v
}

// nameBit is a bit of the 64 of a cardView's mask for a property's name
// (names share bits: a bit set says the name may be there).
func nameBit(name string) uint64 {
	if name == "" {
		return 1
	}
	return 1 << ((uint(len(name)) + 3*uint(name[len(name)-1]) + 7*uint(name[len(name)/2])) & 63)
}

// All is vcard.Card.All.
func (v cardView) All(name string) []*vcard.Property {
	if v.mask&nameBit(name) == 0 {
		return nil
	}
	return v.Card.All(name)
}

// Get is vcard.Card.Get.
func (v cardView) Get(name string) *vcard.Property {
	if v.mask&nameBit(name) == 0 {
		return nil
	}
	return v.Card.Get(name)
}

// phoneLabel names a number: mobile, home, work, fax, or the item label.
func phoneLabel(c cardView, t *vcard.Property) string {
	if l := c.Label(t); l != "" {
		return strings.ToLower(l)
	}
	var kinds []string
	for _, ty := range t.Types() {
		switch ty {
		case "cell", "mobile", "iphone":
			kinds = append(kinds, "mobile")
		case "home", "work", "fax", "pager", "main", "other":
			kinds = append(kinds, ty)
		}
	}
	return strings.Join(kinds, " ")
}

// joinName writes a name from its parts: family name first and no spaces
// in Chinese, Japanese and Korean; given name first otherwise.
func joinName(given, middle, family string) string {
	if hasHan(given + family) {
		return strings.TrimSpace(family + given)
	}
	var parts []string
	for _, s := range []string{given, middle, family} {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " ")
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hangul, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) {
			return true
		}
	}
	return false
}

func firstOf(s ...string) string {
	for _, v := range s {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// onlyWhat says what a nameless card holds, for the report.
// noName is why a contact without a name is skipped, saying what little it
// has.
func noName(email, phone string) Msg {
	switch {
	case email != "":
		return msg(i18n.ImportNoNameEmail, vcard.Text(email))
	case phone != "":
		return msg(i18n.ImportNoNamePhone, vcard.Text(phone))
	}
	return msg(i18n.ImportNoName)
}

// formatAddress writes an ADR value on one line, parts joined by commas.
func formatAddress(f []string) string {
	var parts []string
	for _, s := range f {
		if s = strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", ", ")), " "); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

// countryCode maps the country names address books write to ISO codes,
// for the ones a shop's clients most often come from.
func countryCode(name string) string {
	n := strings.ToLower(strings.TrimSpace(name))
	if n == "uk" {
		return "GB"
	}
	if len(n) == 2 {
		return strings.ToUpper(n)
	}
	return countryCodes()[n]
}

// countryCodes are the country names countryCode knows, made on first use
// (a map literal in countryCode was made anew at each of its calls, two
// for each address an import reads).
var countryCodes = sync.OnceValue(func() map[string]string {
	return map[string]string{
		"china": "CN", "中国": "CN", "中华人民共和国": "CN", "people's republic of china": "CN", "prc": "CN",
		"hong kong": "HK", "香港": "HK", "macau": "MO", "macao": "MO", "澳门": "MO", "taiwan": "TW", "台湾": "TW", "台灣": "TW",
		"united states": "US", "united states of america": "US", "usa": "US", "u.s.a.": "US", "美国": "US",
		"canada": "CA", "united kingdom": "GB", "great britain": "GB", "英国": "GB", "英國": "GB",
		"england": "GB", "scotland": "GB", "wales": "GB", "northern ireland": "GB", "united kingdom of great britain and northern ireland": "GB",
		"france": "FR", "法国": "FR", "germany": "DE", "deutschland": "DE", "德国": "DE", "italy": "IT", "italia": "IT",
		"spain": "ES", "españa": "ES", "japan": "JP", "日本": "JP", "korea": "KR", "south korea": "KR", "韩国": "KR",
		"singapore": "SG", "新加坡": "SG", "australia": "AU", "switzerland": "CH", "schweiz": "CH", "netherlands": "NL",
		"poland": "PL", "polska": "PL", "russia": "RU", "india": "IN", "brazil": "BR", "mexico": "MX",
	}
})

// atoiOr returns the number in s, or def.
func atoiOr(s string, def int) int {
	if n, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
		return n
	}
	return def
}

// addMember adds a named member of the household once.
func addMember(p *profile.Profile, name, relation string) {
	name = strings.TrimSpace(name)
	if name == "" || slices.ContainsFunc(p.Household, func(m profile.Member) bool { return m.Name == name }) {
		return
	}
	p.Household = append(p.Household, profile.Member{Name: name, Relation: relation})
}

// relatedRelation reads a relation as a label or RELATED's TYPE says it,
// with RELATED's words for two of the book's relations (sweetheart for a
// partner, agent for an assistant).
func relatedRelation(s string) string {
	switch r := strings.ToLower(strings.TrimSpace(s)); r {
	case "sweetheart":
		return "partner"
	case "agent":
		return "assistant"
	default:
		return r
	}
}

// androidRelations are the relation types of Android's contacts (the
// TYPE_* of ContactsContract's Relation), by number; 0 is the label's.
var androidRelations = []string{1: "assistant", 2: "brother", 3: "child", 4: "partner", 5: "father", 6: "friend",
	7: "manager", 8: "mother", 9: "parent", 10: "partner", 11: "referred by", 12: "relative", 13: "sister", 14: "spouse"}

// androidRelation names the relation of an X-ANDROID-CUSTOM relation row:
// its type number's, or the label of a custom one (type 0).
func androidRelation(typ, label string) string {
	if n := atoiOr(typ, 0); n > 0 && n < len(androidRelations) {
		return androidRelations[n]
	}
	return strings.ToLower(strings.TrimSpace(label))
}
