package interchange

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/vipbook/vipbook/profile"
)

// CSVHeader is the header of vipbook's CSV export. Import maps every
// column of it back (id, tier and the figures are the book's own and are
// not imported).
var CSVHeader = []string{"id", "name", "latin_name", "honorific", "gender", "phones", "email", "wechat", "channel",
	"do_not_contact", "city", "district", "country", "occupation", "birthday", "anniversary", "tags", "tier",
	"spend_12_months", "purchases", "last_visit", "note_count", "created"}

// WriteCSV writes one row per client in UTF-8, with the byte-order mark
// Excel needs to read UTF-8 when bom is set. Lists (phones, tags) are
// joined with "; ". A lunar birthday is written "lunar 1985-08-15". The
// do_not_contact column travels with the client. A cell that a
// spreadsheet would run as a formula (= + - @ first) is written with a
// leading apostrophe, which import takes off again.
func WriteCSV(w io.Writer, ex *Export, bom bool) error {
	if bom {
		if _, err := io.WriteString(w, "\uFEFF"); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	for i := range ex.Clients {
		c := &ex.Clients[i]
		p := &c.Profile
		var phones []string
		for _, ph := range p.Phones {
			phones = append(phones, ph.Number)
		}
		var bday, anniv string
		for _, d := range p.Dates {
			switch {
			case d.Kind == profile.DateBirthday && bday == "":
				bday = cellDate(d)
			case d.Kind == profile.DateAnniversary && d.Label == "" && anniv == "":
				anniv = cellDate(d)
			}
		}
		row := []string{p.ID, p.Name, p.LatinName, p.Honorific, p.Gender, strings.Join(phones, "; "), p.Email, p.WeChat,
			string(p.Channel), strconv.FormatBool(p.Consent.DoNotContact), p.City, p.District, p.Country, p.Occupation,
			bday, anniv, strings.Join(p.Tags, "; "), p.Tier, c.Stats.Last12.String(), strconv.Itoa(c.Stats.Purchases),
			c.Stats.LastVisit.String(), strconv.Itoa(len(c.Notes)), p.Created.Format("2006-01-02")}
		for j, v := range row {
			row[j] = defuse(v)
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// cellDate writes a date for a CSV cell: 1985-03-02, 03-02, lunar 1985-08-15,
// lunar leap 06-10.
func cellDate(d profile.ImportantDate) string {
	s := d.When.String()
	if d.Lunar {
		if d.LeapMonth {
			return "lunar leap " + s
		}
		return "lunar " + s
	}
	return s
}

// defuse keeps a spreadsheet from running a cell as a formula.
func defuse(v string) string {
	if v != "" && strings.ContainsRune("=+-@", rune(v[0])) {
		return "'" + v
	}
	return v
}

// undefuse takes off the apostrophe defuse put before a formula character.
func undefuse(v string) string {
	if len(v) > 1 && v[0] == '\'' && strings.ContainsRune("=+-@", rune(v[1])) {
		return v[1:]
	}
	return v
}
