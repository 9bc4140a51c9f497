package interchange

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/profile"
)

// The profile's entries in CSV cells, as the export writes them and
// import (or --map) reads them back. Each cell is a list joined with
// "; ", each part "NAME: WHAT":
//
//	sizes         shoes: 39 EU (narrow foot); jacket: 50 IT
//	likes         colour: navy; style: loafers
//	dislikes      colour: gold; crowded weekends
//	measurements  chest: 98 cm; ring inner: 17.3 mm
//	household     张伟: spouse, born lunar 12-05; Lily: child, born 2015-06-01
//	cards         Maison: VIP 8800-123, gold, 1200 points, expires 2027-12-31
//	phones        mobile: +8613800138000; work: +862162881234
//	gifts         2025-08-01: silk scarf [g1, for d1]; 2026-05-10: flowers [g2, for d2]
//
// and a date of the date columns may end with its lead days, whose it
// is, and its id and last gift: "wedding: 2010-05-20 lead 30", "lunar
// 12-05 lead 21 for 张伟 [d3]", "1985-08-15 lead 30 [d1, last gift
// 2025-08-01]". The
// size_history column holds every size, old ones too, each with its day:
// "shoes: 38 EU, taken 2024-01-01; shoes: 39 EU (narrow foot), taken
// 2026-03-01"; measurement_history every measurement in the same way.

// One escaping rule holds for every text in every multi-value cell (the
// profile cells above, tags, the date columns' labels and names): a
// backslash makes the character after it plain text. The export writes
// "\\" for a backslash and puts one before each of ; ； , ( ) [ ] : 、
// (and, in a size's or a measurement's value, a space), so that no text
// is cut or misread as a mark of the cell ("colour: navy\; dark\, matt"
// is one like, "navy; dark, matt"). Import reads a backslash before any
// of these as that character; before anything else it is the text's own
// (older exports wrote no backslash but the gifts' "\;", which reads
// the same).
//
// A notes cell keeps a note's line "---" from parting it: written
// "\---" (and a line "\---" as "\\---"), read back one backslash less.

// escMarks are the characters esc puts a backslash before.
const escMarks = `\;；,()[]:、`

// hideMarks are those hide reads after a backslash: escMarks and the
// space of a value.
const hideMarks = escMarks + " "

// hideBase is the first of the noncharacters (U+FDD0–U+FDEF, never
// interchanged as text) that stand for an escaped mark while a cell is
// cut into its parts.
const hideBase = 0xFDD0

// esc writes a text for a multi-value cell: a backslash before each mark,
// the ends trimmed.
func esc(s string) string { return escWith(strings.TrimSpace(s), escMarks) }

// escValue writes a size's or a measurement's value, whose spaces would
// part it from its system or unit.
func escValue(s string) string { return escWith(strings.TrimSpace(s), hideMarks) }

func escWith(s, marks string) string {
	if !strings.ContainsAny(s, marks) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(marks, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// hide turns each escaped mark of a cell ("\;") into a noncharacter that
// no cutting of the cell sees; show turns it back into the mark.
func hide(v string) string {
	if !strings.Contains(v, `\`) {
		return v
	}
	var b strings.Builder
	rs := []rune(v)
	for i := 0; i < len(rs); i++ {
		if rs[i] == '\\' && i+1 < len(rs) {
			if k := strings.IndexRune(hideMarks, rs[i+1]); k >= 0 {
				b.WriteRune(hideBase + rune(utf8.RuneCountInString(hideMarks[:k])))
				i++
				continue
			}
		}
		b.WriteRune(rs[i])
	}
	return b.String()
}

// show turns the noncharacters hide made back into their marks.
func show(s string) string {
	if !strings.ContainsFunc(s, hidden) {
		return s
	}
	marks := []rune(hideMarks)
	return strings.Map(func(r rune) rune {
		if hidden(r) {
			return marks[r-hideBase]
		}
		return r
	}, s)
}

func hidden(r rune) bool { return r >= hideBase && r < hideBase+rune(len([]rune(hideMarks))) }

// cellSep joins the parts of a profile cell.
const cellSep = "; "

// cellParts cuts a profile cell into its parts, each NAME and WHAT (NAME
// empty when the part has no ": "), its escaped marks hidden: each text
// taken from a part goes through show.
func cellParts(v string) [][2]string {
	var out [][2]string
	// Split at ";" only: a card's part holds commas.
	for _, part := range strings.FieldsFunc(hide(v), func(r rune) bool { return r == ';' || r == '；' || r == '\n' || r == '\r' }) {
		if part = strings.TrimSpace(part); part == "" {
			continue
		}
		name, what, ok := strings.Cut(part, ": ")
		if !ok {
			name, what = "", part
		}
		out = append(out, [2]string{strings.TrimSpace(name), strings.TrimSpace(what)})
	}
	return out
}

func sizesCell(p *profile.Profile) string {
	var parts []string
	for _, z := range p.CurrentSizes() {
		s := esc(z.Category) + ": " + strings.TrimSpace(escValue(z.Value)+" "+esc(z.System))
		if z.Note != "" {
			s += " (" + esc(z.Note) + ")"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, cellSep)
}

// sizeHistoryCell writes every size with the day it was taken, in the
// order entered.
func sizeHistoryCell(p *profile.Profile) string {
	var parts []string
	for _, z := range p.Sizes {
		s := esc(z.Category) + ": " + strings.TrimSpace(escValue(z.Value)+" "+esc(z.System))
		if z.Note != "" {
			s += " (" + esc(z.Note) + ")"
		}
		if !z.Taken.IsZero() {
			s += takenMark + z.Taken.String()
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, cellSep)
}

// takenMark goes between a size and its day in size_history.
const takenMark = ", taken "

// forMark goes between a date and the person it is for.
const forMark = " for "

// readSizes reads a sizes or size_history cell; a part's own day
// (", taken 2024-01-01") wins over taken.
func readSizes(v string, taken civil.Date) []profile.Size {
	var out []profile.Size
	for _, pt := range cellParts(v) {
		day := taken
		if i := strings.LastIndex(pt[1], takenMark); i > 0 {
			if d, err := civil.Parse(strings.TrimSpace(pt[1][i+len(takenMark):])); err == nil {
				pt[1], day = pt[1][:i], d
			}
		}
		what, note := pt[1], ""
		if i := strings.LastIndex(what, " ("); i > 0 && strings.HasSuffix(what, ")") {
			what, note = what[:i], what[i+2:len(what)-1]
		}
		f := strings.Fields(what)
		if pt[0] == "" || len(f) == 0 {
			continue
		}
		out = append(out, profile.Size{Category: show(pt[0]), Value: show(f[0]), System: show(strings.Join(f[1:], " ")), Note: show(note), Taken: day})
	}
	return out
}

// prefCell writes likes (dislike false) or dislikes, each with its
// category when it has one.
func prefCell(p *profile.Profile, dislike bool) string {
	var parts []string
	for _, pr := range p.Preferences {
		if pr.Dislike == dislike {
			s := string(pr.Kind) + ": " + esc(pr.Value)
			if pr.Note != "" {
				s += " (" + esc(pr.Note) + ")"
			}
			if !pr.Added.IsZero() {
				s += addedMark + pr.Added.String()
			}
			parts = append(parts, s)
		}
	}
	if dislike {
		for _, d := range p.Dislikes {
			parts = append(parts, esc(d))
		}
	}
	return strings.Join(parts, cellSep)
}

// addedMark goes between a like and the day it was added.
const addedMark = ", added "

// readPrefs reads a likes or dislikes cell, each part "CATEGORY: WHAT",
// and in vipbook's export " (NOTE)" and ", added DAY" after it.
func readPrefs(v string, dislike bool, added civil.Date) []profile.Preference {
	var out []profile.Preference
	for _, pt := range cellParts(v) {
		kind, err := profile.ParsePrefKind(show(pt[0]))
		value, note, day := pt[1], "", added
		if i := strings.LastIndex(value, addedMark); i > 0 {
			if d, err := civil.Parse(strings.TrimSpace(value[i+len(addedMark):])); err == nil {
				value, day = value[:i], d
			}
		}
		if i := strings.LastIndex(value, " ("); i > 0 && strings.HasSuffix(value, ")") && err == nil {
			value, note = value[:i], value[i+2:len(value)-1]
		}
		if err != nil { // "NAME: WHAT" that is no category: the whole text
			kind, value = profile.PrefOther, pt[0]+": "+pt[1]
		}
		if value != "" {
			out = append(out, profile.Preference{Kind: kind, Value: show(value), Note: show(note), Dislike: dislike, Added: day})
		}
	}
	return out
}

func measurementsCell(p *profile.Profile) string {
	var parts []string
	for _, m := range p.CurrentMeasurements() {
		parts = append(parts, esc(m.Name)+": "+strings.TrimSpace(escValue(m.Value)+" "+esc(m.Unit)))
	}
	return strings.Join(parts, cellSep)
}

// measurementHistoryCell writes every measurement with the day it was
// taken, in the order entered, as sizeHistoryCell writes sizes.
func measurementHistoryCell(p *profile.Profile) string {
	var parts []string
	for _, m := range p.Measurements {
		s := esc(m.Name) + ": " + strings.TrimSpace(escValue(m.Value)+" "+esc(m.Unit))
		if !m.Taken.IsZero() {
			s += takenMark + m.Taken.String()
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, cellSep)
}

// readMeasurements reads a measurements or measurement_history cell; a
// part's own day (", taken 2024-01-01") wins over taken.
func readMeasurements(v string, taken civil.Date) []profile.Measurement {
	var out []profile.Measurement
	for _, pt := range cellParts(v) {
		day := taken
		if i := strings.LastIndex(pt[1], takenMark); i > 0 {
			if d, err := civil.Parse(strings.TrimSpace(pt[1][i+len(takenMark):])); err == nil {
				pt[1], day = pt[1][:i], d
			}
		}
		f := strings.Fields(pt[1])
		if pt[0] == "" || len(f) == 0 {
			continue
		}
		out = append(out, profile.Measurement{Name: show(pt[0]), Value: show(f[0]), Unit: show(strings.Join(f[1:], " ")), Taken: day})
	}
	return out
}

func householdCell(p *profile.Profile) string {
	var parts []string
	for _, m := range p.Household {
		var bits []string
		if m.Relation != "" {
			bits = append(bits, esc(m.Relation))
		}
		if m.Birthday.Valid() {
			bits = append(bits, bornMark+cellDate(profile.ImportantDate{When: m.Birthday, Lunar: m.Lunar, LeapMonth: m.LeapMonth}))
		}
		s := esc(m.Name)
		if len(bits) > 0 || m.ClientID != "" {
			s += ": " + strings.Join(bits, ", ")
		}
		if m.ClientID != "" {
			s += clientMark + esc(m.ClientID)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, cellSep)
}

// bornMark goes before a household member's birthday in the household
// cell ("小宝: child, born 2018-12-13"; "张伟: spouse, born lunar 12-05").
const bornMark = "born "

// clientMark goes between a household member's relation and the id of
// the client they are, in the household cell ("张伟: spouse, client
// 53rkvx").
const clientMark = ", client "

// readHousehold reads household members; relation, when set, is the
// relation of every member (a spouse column). A member who is a client
// of the export links to that row by its id (csvKey).
func readHousehold(v, relation string) []profile.Member {
	var out []profile.Member
	for _, pt := range cellParts(v) {
		name, rel := pt[0], pt[1]
		if name == "" {
			name, rel = pt[1], ""
		}
		var link string
		if i := strings.LastIndex(rel, "client "); i >= 0 {
			before, id := strings.TrimSpace(rel[:i]), strings.TrimSpace(rel[i+len("client "):])
			if strings.HasSuffix(before, ",") && id != "" && !strings.ContainsAny(id, " ,") {
				rel, link = strings.TrimSpace(strings.TrimSuffix(before, ",")), csvKey(show(id))
			}
		}
		var born profile.ImportantDate
		if i := strings.LastIndex(rel, bornMark); i >= 0 && (i == 0 || strings.HasSuffix(strings.TrimSpace(rel[:i]), ",")) {
			if d, ok, err := parseCellDate(rel[i+len(bornMark):], "dmy", false); ok && err == nil {
				born, rel = d, strings.TrimSuffix(strings.TrimSpace(rel[:i]), ",")
			}
		}
		if relation != "" {
			rel = relation
		} else if r, err := profile.ParseRelation(show(rel)); err == nil {
			rel = r
		}
		if name != "" {
			out = append(out, profile.Member{Name: show(name), Relation: show(strings.TrimSpace(rel)), ClientID: link,
				Birthday: born.When, Lunar: born.Lunar, LeapMonth: born.LeapMonth})
		}
	}
	return out
}

func cardsCell(p *profile.Profile) string {
	var parts []string
	for _, c := range p.Cards {
		bits := []string{esc(c.Number)}
		if c.Level != "" {
			bits = append(bits, esc(c.Level))
		}
		if c.Points != 0 {
			bits = append(bits, strconv.Itoa(c.Points)+" points")
		}
		if !c.Expires.IsZero() {
			bits = append(bits, "expires "+c.Expires.String())
		}
		s := strings.Join(bits, ", ")
		if c.Program != "" {
			s = esc(c.Program) + ": " + s
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, cellSep)
}

func readCards(v string) []profile.Card {
	var out []profile.Card
	for _, pt := range cellParts(v) {
		bits := strings.Split(pt[1], ",")
		c := profile.Card{Program: show(pt[0]), Number: show(strings.TrimSpace(bits[0]))}
		for _, b := range bits[1:] {
			b = strings.TrimSpace(b)
			if n, ok := strings.CutSuffix(b, " points"); ok {
				if k, err := strconv.Atoi(n); err == nil {
					c.Points = k
					continue
				}
			}
			if d, ok := strings.CutPrefix(b, "expires "); ok {
				if day, err := civil.Parse(d); err == nil {
					c.Expires = day
					continue
				}
			}
			if c.Level == "" {
				c.Level = show(b)
			}
		}
		if profile.NormalizeCard(c.Number) != "" {
			out = append(out, c)
		}
	}
	return out
}

// mergeSizes keeps sizes from a sizes cell (no day) only when the
// size_history cell does not hold the same size with its day: the two
// columns of vipbook's export say the current sizes twice.
func mergeSizes(zs []profile.Size) []profile.Size {
	same := func(a, b profile.Size) bool {
		return strings.EqualFold(a.Category, b.Category) && a.Value == b.Value && a.System == b.System && a.Note == b.Note
	}
	return slices.DeleteFunc(zs, func(z profile.Size) bool {
		return z.Taken.IsZero() && slices.ContainsFunc(zs, func(o profile.Size) bool { return !o.Taken.IsZero() && same(o, z) })
	})
}

// mergeMeasurements keeps measurements from a measurements cell (no day)
// only when the measurement_history cell does not hold the same one with
// its day, as mergeSizes does for sizes.
func mergeMeasurements(ms []profile.Measurement) []profile.Measurement {
	same := func(a, b profile.Measurement) bool {
		return strings.EqualFold(a.Name, b.Name) && a.Value == b.Value && a.Unit == b.Unit
	}
	return slices.DeleteFunc(ms, func(m profile.Measurement) bool {
		return m.Taken.IsZero() && slices.ContainsFunc(ms, func(o profile.Measurement) bool { return !o.Taken.IsZero() && same(o, m) })
	})
}

// cutFor takes whose date it is off the end of a date cell's part
// ("12-05 for 张伟"): the part without it, and the name ("" when none).
func cutFor(part string) (string, string) {
	i := strings.LastIndex(part, forMark)
	if i < 0 {
		return part, ""
	}
	return strings.TrimSpace(part[:i]), strings.TrimSpace(part[i+len(forMark):])
}

// cutLead takes a date's lead days off the end of a date cell's part
// ("2010-05-20 lead 30"): the part without them, and the days (0 when
// none).
func cutLead(part string) (string, int) {
	i := strings.LastIndex(part, " lead ")
	if i < 0 {
		return part, 0
	}
	n, err := strconv.Atoi(strings.TrimSpace(part[i+len(" lead "):]))
	if err != nil || n < 0 {
		return part, 0
	}
	return strings.TrimSpace(part[:i]), n
}

// listCell joins a list of texts (hobbies, gift preferences, tags) with "; ".
func listCell(l []string) string {
	var parts []string
	for _, s := range l {
		parts = append(parts, esc(s))
	}
	return strings.Join(parts, cellSep)
}

// madeMark goes between a made-to-order specification and its day.
const madeMark = ", made "

// madeToOrderCell writes each made-to-order specification "ITEM: SPEC
// (NOTES), made DAY".
func madeToOrderCell(p *profile.Profile) string {
	var parts []string
	for _, m := range p.MadeToOrder {
		s := esc(m.Item) + ": " + esc(m.Spec)
		if m.Notes != "" {
			s += " (" + esc(m.Notes) + ")"
		}
		if !m.Date.IsZero() {
			s += madeMark + m.Date.String()
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, cellSep)
}

func readMadeToOrder(v string) []profile.MadeToOrder {
	var out []profile.MadeToOrder
	for _, pt := range cellParts(v) {
		m := profile.MadeToOrder{Item: pt[0], Spec: pt[1]}
		if i := strings.LastIndex(m.Spec, madeMark); i >= 0 {
			if d, err := civil.Parse(strings.TrimSpace(m.Spec[i+len(madeMark):])); err == nil {
				m.Spec, m.Date = m.Spec[:i], d
			}
		}
		if i := strings.LastIndex(m.Spec, " ("); i >= 0 && strings.HasSuffix(m.Spec, ")") {
			m.Spec, m.Notes = m.Spec[:i], m.Spec[i+2:len(m.Spec)-1]
		}
		if m.Item != "" {
			m.Item, m.Spec, m.Notes = show(m.Item), show(m.Spec), show(m.Notes)
			out = append(out, m)
		}
	}
	return out
}

// specialCell writes the special-person flags and their note: "elderly
// health: a chair at the fitting".
func specialCell(p *profile.Profile) string {
	s := strings.Join(p.Special.Flags(), " ")
	if p.Special.Note != "" {
		s += ": " + p.Special.Note
	}
	return s
}

// readSpecial reads a special cell; false when a flag is unknown.
func readSpecial(v string) (profile.Special, bool) {
	flags, note, _ := strings.Cut(v, ": ")
	s := profile.Special{Note: strings.TrimSpace(note)}
	for _, f := range strings.Fields(flags) {
		if !s.SetFlag(f) {
			return profile.Special{}, false
		}
	}
	return s, true
}

// consentCell writes when and how the consent was recorded: "2026-11-21T10:00:00Z, asked in store".
func consentCell(p *profile.Profile) string {
	c := p.Consent
	if c.RecordedAt.IsZero() {
		return c.How
	}
	s := c.RecordedAt.UTC().Format(time.RFC3339)
	if c.How != "" {
		s += ", " + c.How
	}
	return s
}

// readConsent reads a consent_recorded cell: the time, when the cell
// starts with one, and how.
func readConsent(v string) (time.Time, string) {
	first, rest, _ := strings.Cut(v, ", ")
	if at, err := time.Parse(time.RFC3339, strings.TrimSpace(first)); err == nil {
		return at, strings.TrimSpace(rest)
	}
	return time.Time{}, strings.TrimSpace(v)
}

// phoneCell writes a number with its label before it, as the other
// cells name their parts: "mobile: +86 138 0013 8000". The label loses
// what would cut the cell or the part (";", ",", ":", "、").
func phoneCell(ph profile.Phone) string {
	l := strings.Join(strings.FieldsFunc(ph.Label, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(";,:；，：、", r)
	}), " ")
	if l == "" {
		return ph.Number
	}
	return l + ": " + ph.Number
}

// cutPhoneLabel takes a label phoneCell wrote off a number: "mobile: +86
// 138 0013 8000" is the number and "mobile". What comes before ": " is a
// label only when it holds no digit.
func cutPhoneLabel(v string) (string, string) {
	v = strings.TrimSpace(v)
	l, n, ok := strings.Cut(v, ":")
	if !ok {
		l, n, ok = strings.Cut(v, "：")
	}
	if l = strings.TrimSpace(l); !ok || l == "" || strings.IndexFunc(l, unicode.IsDigit) >= 0 {
		return v, ""
	}
	return strings.TrimSpace(n), l
}

// A date's references in a date cell, and a gift's in the gifts cell,
// go between brackets at the end of the part: the ids the book gives
// them and that a gift names its date by, and the day of the date's last
// gift.
//
//	birthday   1985-08-15 lead 30 [d1, last gift 2025-08-01]
//	gifts      2025-08-01: silk scarf [g1, for d1]; 2026-05-10: flowers [g2, for d2]
//
// A date or gift written without them (a sheet of one's own) is numbered
// by the book as it is added.
const (
	lastGiftMark = "last gift "
	giftForMark  = "for "
)

// dateRef writes a date's bracket: " [d1, last gift 2025-08-01]", or ""
// when it has neither.
func dateRef(d profile.ImportantDate) string {
	var bits []string
	if d.ID != "" {
		bits = append(bits, refText(d.ID))
	}
	if !d.LastGift.IsZero() {
		bits = append(bits, lastGiftMark+d.LastGift.String())
	}
	if len(bits) == 0 {
		return ""
	}
	return " [" + strings.Join(bits, ", ") + "]"
}

// refText keeps an id from breaking its bracket or its cell.
func refText(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(" ;,[]", r) }), "")
}

// cutRef takes the bracket off the end of a part: the part without it,
// and the bits inside ("d1", "last gift 2025-08-01"). A part without one
// comes back whole.
func cutRef(part string) (string, []string) {
	part = strings.TrimSpace(part)
	if !strings.HasSuffix(part, "]") {
		return part, nil
	}
	i := strings.LastIndex(part, " [")
	if i < 0 {
		if !strings.HasPrefix(part, "[") {
			return part, nil
		}
		i = 0
	}
	var bits []string
	for _, b := range strings.Split(part[i:], ",") {
		if b = strings.TrimSpace(strings.Trim(strings.TrimSpace(b), "[]")); b != "" {
			bits = append(bits, b)
		}
	}
	return strings.TrimSpace(part[:i]), bits
}

// readDateRef reads a date's bracket into d: its id, its last gift.
// false when a bit is neither (the bracket is then the date's own text).
func readDateRef(bits []string, d *profile.ImportantDate) bool {
	var id string
	var last civil.Date
	for _, b := range bits {
		if s, ok := strings.CutPrefix(b, lastGiftMark); ok {
			day, err := civil.Parse(strings.TrimSpace(s))
			if err != nil {
				return false
			}
			last = day
			continue
		}
		if id != "" || strings.ContainsAny(b, " :") {
			return false
		}
		id = b
	}
	d.ID, d.LastGift = id, last
	return true
}

// giftsCell writes the gift log in the order logged: "DAY: WHAT [ID, for
// DATE-ID]". A ";" of the text is written "\;" (escapeSemi), so that a
// gift comes back as it was logged and a second import finds it.
func giftsCell(p *profile.Profile) string {
	var parts []string
	for _, g := range p.Gifts {
		s := g.Date.String() + ": " + esc(g.What)
		var bits []string
		if g.ID != "" {
			bits = append(bits, esc(g.ID))
		}
		if g.ForDate != "" {
			bits = append(bits, giftForMark+esc(g.ForDate))
		}
		if len(bits) > 0 {
			s += " [" + strings.Join(bits, ", ") + "]"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, cellSep)
}

// readGifts reads a gifts cell. A part whose day is no date is returned
// in bad, whole, to be kept in the details.
func readGifts(v string) (gifts []profile.Gift, bad []string) {
	for _, pt := range cellParts(v) {
		day, err := civil.Parse(show(pt[0]))
		what, bits := cutRef(pt[1])
		g := profile.Gift{What: what, Date: day}
		for _, b := range bits {
			if f, ok := strings.CutPrefix(b, giftForMark); ok {
				g.ForDate = show(strings.TrimSpace(f))
			} else if g.ID == "" && !strings.ContainsAny(b, " :") {
				g.ID = show(b)
			} else {
				what = pt[1] // not a bracket of ours: the gift's own text
				g = profile.Gift{What: what, Date: day}
				break
			}
		}
		g.What = show(strings.TrimSpace(what))
		if err != nil || day.IsZero() || g.What == "" {
			bad = append(bad, show(strings.TrimPrefix(pt[0]+": "+pt[1], ": ")))
			continue
		}
		gifts = append(gifts, g)
	}
	return gifts, bad
}
