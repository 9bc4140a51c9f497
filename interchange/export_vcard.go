package interchange

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	govcard "github.com/emersion/go-vcard"

	"github.com/vipbook/vipbook/interchange/vcard"
	"github.com/vipbook/vipbook/profile"
)

// WriteVCard writes one vCard 3.0 per client: name, phones, e-mail,
// WeChat, city, occupation, birthday (BDAY), wedding anniversary
// (X-ANNIVERSARY, as Evolution and others write it), other dates as
// labelled X-ABDATE items (as Apple and Google write them), lunar dates as
// X-VIPBOOK-LUNAR-DATE (no vCard calendar holds them), household members,
// one NOTE per note, one CATEGORIES per tag, and X-VIPBOOK-DO-NOT-CONTACT
// for a client who asked not to be contacted. A date's own lead time (how
// many days ahead to prepare) is its X-VIPBOOK-LEAD-DAYS parameter; the
// district is the extended-address part of ADR. Import reads all of it
// back.
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
	add(govcard.FieldUID, "vipbook-"+p.ID, nil, "")
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
		lead := func(params govcard.Params) govcard.Params {
			if d.LeadDays > 0 {
				if params == nil {
					params = govcard.Params{}
				}
				params[leadParam] = []string{strconv.Itoa(d.LeadDays)}
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
		case d.Kind == profile.DateBirthday:
			add(govcard.FieldBirthday, vdate(d), lead(nil), "")
		case d.Kind == profile.DateAnniversary && d.Label == "":
			add("X-ANNIVERSARY", vdate(d), lead(nil), "")
		default:
			g := group()
			add("X-ABDATE", vdate(d), lead(govcard.Params{"X-VIPBOOK-KIND": {string(d.Kind)}}), g)
			add("X-ABLabel", firstOf(d.Label, dateKindText(d.Kind, "en")), nil, g)
		}
	}
	for _, h := range p.Household {
		g := group()
		add("X-ABRELATEDNAMES", h.Name, nil, g)
		add("X-ABLabel", abLabel(h.Relation), nil, g)
	}
	for _, n := range c.Notes {
		add(govcard.FieldNote, n.Text, nil, "")
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

// leadParam carries a date's own lead time in days on its property.
const leadParam = "X-VIPBOOK-LEAD-DAYS"

// nameField keeps a semicolon out of a field of a compound value (go-vcard
// escapes commas and backslashes but not semicolons).
func nameField(s string) string { return strings.ReplaceAll(s, ";", ",") }

// vdate writes a date as vCard 3.0 does: 1985-03-02, or --0302 without a year.
func vdate(d profile.ImportantDate) string {
	if d.When.Year == 0 {
		return fmt.Sprintf("--%02d%02d", int(d.When.Month), d.When.Day)
	}
	return d.When.String()
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

// dateKindText names a kind of date for a calendar or a label.
func dateKindText(k profile.DateKind, lang string) string {
	zh := lang == "zh"
	switch k {
	case profile.DateBirthday:
		return pick(zh, "Birthday", "生日")
	case profile.DateAnniversary:
		return pick(zh, "Anniversary", "结婚纪念日")
	case profile.DateChildBirthday:
		return pick(zh, "Child's birthday", "孩子生日")
	case profile.DateFamilyBirthday:
		return pick(zh, "Family birthday", "家人生日")
	case profile.DateFirstPurchase:
		return pick(zh, "First purchase", "首次购买纪念")
	}
	return pick(zh, "Date", "纪念日")
}

func pick(zh bool, en, cn string) string {
	if zh {
		return cn
	}
	return en
}
