package interchange

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	govcard "github.com/emersion/go-vcard"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/interchange/vcard"
	"github.com/vipbook/vipbook/profile"
)

// WriteVCard writes one vCard 3.0 per client: name, phones, e-mail,
// WeChat, city, occupation, birthday (BDAY), wedding anniversary
// (X-ANNIVERSARY, as Evolution and others write it), other dates as
// labelled X-ABDATE items (as Apple and Google write them), lunar dates as
// X-VIPBOOK-LUNAR-DATE (kind, label, leap month and lead time kept) and a
// lunar birthday also as Apple's X-ALTBDAY;CALSCALE=chinese, which iPhones
// and Macs show as a Chinese-calendar birthday (not for a leap month,
// which that form has no way to say), household members,
// one NOTE per note (its kind and time as parameters), one CATEGORIES per tag, and X-VIPBOOK-DO-NOT-CONTACT
// for a client who asked not to be contacted. A date without a year is
// written as Apple writes it in 3.0 (BDAY;X-APPLE-OMIT-YEAR=1604:1604-03-02;
// --0302 is vCard 4.0 syntax, which 3.0 readers drop). A date's own lead time (how
// many days ahead to prepare) is its X-VIPBOOK-LEAD-DAYS parameter; the
// district is the extended-address part of ADR. A date's id and whose
// it is are its X-VIPBOOK-ID and X-VIPBOOK-FOR parameters. Household
// members are written twice: as Apple's labelled X-ABRELATEDNAMES, which
// phones show, and as vCard 4.0's RELATED;TYPE=spouse (child, parent,
// sweetheart for a partner, agent for an assistant), which others read;
// import makes them one. The parts of a profile no standard property
// holds are X-VIPBOOK-SIZE (every size, with its history),
// X-VIPBOOK-LIKE, X-VIPBOOK-DISLIKE, X-VIPBOOK-MEASUREMENT,
// X-VIPBOOK-CARD and X-VIPBOOK-GIFT (see writeEntries). Import reads all
// of it back.
func WriteVCard(w io.Writer, ex *Export) error {
	vw := vcard.NewWriter(w)
	for i := range ex.Clients {
		if err := vw.Write(cardOf(&ex.Clients[i])); err != nil {
			return err
		}
	}
	return vw.Flush()
}

func cardOf(c *Client) govcard.Card {
	p := &c.Profile
	card := govcard.Card{}
	add := func(name, value string, params govcard.Params, group string) {
		if value != "" {
			card.Add(name, &govcard.Field{Value: value, Params: params, Group: group})
		}
	}
	card.SetValue(govcard.FieldVersion, "3.0")
	add(govcard.FieldUID, clientUID(p.ID), nil, "")
	add(govcard.FieldFormattedName, p.DisplayName(), nil, "")
	given, family := splitName(p.DisplayName())
	add(govcard.FieldName, strings.Join([]string{nameField(family), nameField(given), "", nameField(p.Honorific), ""}, ";"), nil, "")
	if p.Name != "" && p.LatinName != "" && p.LatinName != p.Name {
		add(govcard.FieldNickname, p.LatinName, nil, "")
	}
	for _, ph := range p.Phones {
		var params govcard.Params
		if t := telType(ph.Label); t != "" {
			params = govcard.Params{govcard.ParamType: {t}}
		}
		add(govcard.FieldTelephone, ph.Number, params, "")
	}
	add(govcard.FieldEmail, p.Email, govcard.Params{govcard.ParamType: {"INTERNET"}}, "")
	add("X-WECHAT", p.WeChat, nil, "")
	if p.City != "" || p.District != "" || p.Country != "" {
		add(govcard.FieldAddress, strings.Join([]string{"", nameField(p.District), "", nameField(p.City), "", "", nameField(p.Country)}, ";"),
			govcard.Params{govcard.ParamType: {"HOME"}}, "")
	}
	add(govcard.FieldTitle, p.Occupation, nil, "")
	item := 0
	group := func() string { item++; return fmt.Sprintf("item%d", item) }
	for _, d := range p.Dates {
		// lead adds what vipbook keeps of a date beyond its day: its own
		// lead time, its id (a gift's date refers to it) and whose it is.
		lead := func(params govcard.Params) govcard.Params {
			if params == nil {
				params = govcard.Params{}
			}
			if d.LeadDays > 0 {
				params[leadParam] = []string{strconv.Itoa(d.LeadDays)}
			}
			if d.ID != "" {
				params[dateIDParam] = []string{d.ID}
			}
			if d.For != "" {
				params[forParam] = []string{d.For}
			}
			if len(params) == 0 {
				return nil
			}
			return params
		}
		switch {
		case d.Lunar:
			params := govcard.Params{"KIND": {string(d.Kind)}}
			if d.LeapMonth {
				params["LEAP"] = []string{"TRUE"}
			}
			if d.Label != "" {
				params["LABEL"] = []string{d.Label}
			}
			add("X-VIPBOOK-LUNAR-DATE", d.When.String(), lead(params), "")
			if d.Kind == profile.DateBirthday && !d.LeapMonth {
				v, params := altBDay(d.When)
				add("X-ALTBDAY", v, params, "")
			}
		case d.Kind == profile.DateBirthday:
			v, params := vdate(d)
			add(govcard.FieldBirthday, v, lead(params), "")
		case d.Kind == profile.DateAnniversary && d.Label == "":
			v, params := vdate(d)
			add("X-ANNIVERSARY", v, lead(params), "")
		default:
			g := group()
			v, params := vdate(d)
			if params == nil {
				params = govcard.Params{}
			}
			params["X-VIPBOOK-KIND"] = []string{string(d.Kind)}
			add("X-ABDATE", v, lead(params), g)
			add("X-ABLabel", firstOf(d.Label, dateKindText(d.Kind)), nil, g)
		}
	}
	for _, h := range p.Household {
		g := group()
		add("X-ABRELATEDNAMES", h.Name, nil, g)
		add("X-ABLabel", abLabel(h.Relation), nil, g)
		params := govcard.Params{"VALUE": {"text"}}
		if t := relatedType(h.Relation); t != "" {
			params[govcard.ParamType] = []string{t}
		}
		add("RELATED", h.Name, params, "")
		if h.ClientID != "" {
			// The member is a client of the book: vCard 4.0's RELATED
			// by the other card's UID, in the group of the name.
			params := govcard.Params{}
			if t := relatedType(h.Relation); t != "" {
				params[govcard.ParamType] = []string{t}
			}
			add("RELATED", clientUID(h.ClientID), params, g)
		}
	}
	if p.ReferredBy != "" {
		add(propReferredBy, clientUID(p.ReferredBy), nil, "")
	}
	writeEntries(add, p)
	for _, n := range c.Notes {
		params := govcard.Params{noteKindParam: {string(n.Kind)}}
		if !n.At.IsZero() {
			params[noteAtParam] = []string{n.At.UTC().Format(basicTime)}
		}
		add(govcard.FieldNote, n.Text, params, "")
	}
	for _, t := range p.Tags {
		add(govcard.FieldCategories, t, nil, "")
	}
	if p.Consent.DoNotContact {
		add("X-VIPBOOK-DO-NOT-CONTACT", "TRUE", nil, "")
	}
	if !p.Updated.IsZero() {
		add(govcard.FieldRevision, p.Updated.UTC().Format("20060102T150405Z"), nil, "")
	}
	return card
}

// noteKindParam and noteAtParam carry a note's kind and time on its NOTE,
// so a re-import keeps them (and two equal notes of different days).
const (
	noteKindParam = "X-VIPBOOK-KIND"
	noteAtParam   = "X-VIPBOOK-AT"
)

// basicTime is ISO 8601's basic format, as REV is written: no colon, so
// it can stand in a parameter unquoted.
const basicTime = "20060102T150405Z"

// leadParam carries a date's own lead time in days on its property,
// dateIDParam its id (d1, d2 ...: a gift's date), forParam whose date it
// is when not the client's (a member of the household).
const (
	leadParam   = "X-VIPBOOK-LEAD-DAYS"
	dateIDParam = "X-VIPBOOK-ID"
	forParam    = "X-VIPBOOK-FOR"
)

// relatedType is vCard 4.0's RELATED type of a relation (RFC 6350
// 6.6.6), "" for one it has no word for.
func relatedType(rel string) string {
	switch r := strings.ToLower(rel); r {
	case "spouse", "child", "parent", "friend", "sibling", "colleague", "emergency", "agent":
		return r
	case "partner":
		return "sweetheart"
	case "assistant":
		return "agent"
	}
	return ""
}

// nameField makes s a field of a compound value: its semicolons are
// written "\;" (vcard.Component).
func nameField(s string) string { return vcard.Component(s) }

// omitYear is the year Apple writes in a date whose year is not known
// (X-APPLE-OMIT-YEAR=1604): a leap year, so 29 February is a date in it,
// and old enough that no one alive was born in it.
const omitYear = 1604

// vdate writes a date as vCard 3.0 readers take it: 1985-03-02, and
// without a year 1604-03-02 with the parameter X-APPLE-OMIT-YEAR=1604 (as
// Apple writes it; --0302 is vCard 4.0 syntax).
func vdate(d profile.ImportantDate) (string, govcard.Params) {
	if d.When.Year == 0 {
		return fmt.Sprintf("%04d-%02d-%02d", omitYear, int(d.When.Month), d.When.Day),
			govcard.Params{appleOmitYear: {strconv.Itoa(omitYear)}}
	}
	return d.When.String(), nil
}

// appleOmitYear is the parameter saying a date's year stands for none.
const appleOmitYear = "X-APPLE-OMIT-YEAR"

// altBDay writes a lunar birthday as Apple's X-ALTBDAY;CALSCALE=chinese
// does: the sexagenary cycle (4 digits; 1984 began the 78th), the year in
// it (1-60), month and day, so the 15th of the 8th month of 1985 is
// 007800020815. A lunar birthday without a year is written in the lunar
// year 1604 with X-APPLE-OMIT-YEAR, as a Gregorian one is.
func altBDay(md civil.MonthDay) (string, govcard.Params) {
	params := govcard.Params{"CALSCALE": {"chinese"}}
	year := md.Year
	if year == 0 {
		year = omitYear
		params[appleOmitYear] = []string{strconv.Itoa(omitYear)}
	}
	n := year - 1984
	cycle, inCycle := 78+floorDiv(n, 60), n-60*floorDiv(n, 60)+1
	return fmt.Sprintf("%04d%04d%02d%02d", cycle, inCycle, int(md.Month), md.Day), params
}

// parseAltBDay reads an X-ALTBDAY;CALSCALE=chinese value (see altBDay):
// the lunar year (0 when omitYear says it is not known), month and day.
func parseAltBDay(v string, omit bool) (civil.MonthDay, bool) {
	v = strings.TrimSpace(v)
	if len(v) != 12 || strings.Trim(v, "0123456789") != "" {
		return civil.MonthDay{}, false
	}
	cycle, inCycle, mon, day := atoiOr(v[:4], 0), atoiOr(v[4:8], 0), atoiOr(v[8:10], 0), atoiOr(v[10:], 0)
	if cycle == 0 || inCycle < 1 || inCycle > 60 || mon < 1 || mon > 12 || day < 1 || day > 30 {
		return civil.MonthDay{}, false
	}
	year := 1984 + (cycle-78)*60 + inCycle - 1
	if omit {
		year = 0
	}
	return civil.MonthDay{Year: year, Month: time.Month(mon), Day: day}, true
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b < 0 {
		q--
	}
	return q
}

// abLabel writes a relation the way Apple labels it (_$!<Spouse>!$_) for
// the relations phones know, as is otherwise.
func abLabel(rel string) string {
	switch r := strings.ToLower(rel); r {
	case "spouse", "child", "mother", "father", "parent", "brother", "sister", "partner", "friend", "manager", "assistant":
		return "_$!<" + strings.ToUpper(r[:1]) + r[1:] + ">!$_"
	}
	return rel
}

func telType(label string) string {
	switch strings.ToLower(label) {
	case "mobile", "cell":
		return "CELL"
	case "home":
		return "HOME"
	case "work":
		return "WORK"
	}
	return ""
}

// splitName cuts a name into given and family name: a Chinese name's
// family name is its first character (two for the compound surnames); a
// latin name's is its last word.
func splitName(name string) (given, family string) {
	name = strings.TrimSpace(name)
	if hasHan(name) && !strings.Contains(name, " ") {
		r := []rune(name)
		if len(r) < 2 {
			return "", name
		}
		n := 1
		if len(r) > 2 {
			for _, s := range []string{"欧阳", "司马", "诸葛", "上官", "东方", "慕容", "令狐", "皇甫", "尉迟", "公孙", "长孙", "宇文", "司徒", "夏侯", "轩辕", "端木", "独孤", "南宫", "西门", "百里", "呼延", "澹台", "申屠"} {
				if strings.HasPrefix(name, s) {
					n = 2
				}
			}
		}
		return string(r[n:]), string(r[:n])
	}
	i := strings.LastIndexByte(name, ' ')
	if i < 0 {
		return name, ""
	}
	return name[:i], name[i+1:]
}

// dateKindText names a kind of date as the X-ABLabel of a vCard: Apple's
// own English labels, part of the file's format (read back by fromVCard),
// not words for a person.
func dateKindText(k profile.DateKind) string {
	switch k {
	case profile.DateBirthday:
		return "Birthday"
	case profile.DateAnniversary:
		return "Anniversary"
	case profile.DateChildBirthday:
		return "Child's birthday"
	case profile.DateFamilyBirthday:
		return "Family birthday"
	case profile.DateFirstPurchase:
		return "First purchase"
	}
	return "Date"
}
