package interchange

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
)

// CSVHeader is the header of vipbook's CSV export. Import maps every
// column of it back (id, tier and the figures are the book's own and are
// not imported).
var CSVHeader = []string{"id", "name", "latin_name", "honorific", "gender", "phones", "email", "wechat", "channel",
	"do_not_contact", "city", "district", "country", "occupation", "birthday", "anniversary", "tags", "tier",
	"spend_12_months", "purchases", "last_visit", "note_count", "created", "notes"}

// NoteSeparator is the line between two notes in the notes column of the
// CSV export; import splits a note cell at it.
const NoteSeparator = "\n---\n"

// maxCell is the most text a spreadsheet keeps in one cell (Excel:
// 32,767 characters); the notes column keeps the most recent notes that fit.
const maxCell = 32_000

// WriteCSV writes one row per client in UTF-8, with the byte-order mark
// Excel needs to read UTF-8 when bom is set. Lists (phones, tags) are
// joined with "; ". The notes column holds the client's notes, oldest
// first, separated by a line "---" (NoteSeparator): all of them, or the most
// recent that fit in a spreadsheet cell (note_count says how many there
// are). A lunar birthday is written "lunar 1985-08-15". The
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
			c.Stats.LastVisit.String(), strconv.Itoa(len(c.Notes)), p.Created.Format("2006-01-02"), notesCell(c.Notes)}
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

// notesCell joins the most recent notes (oldest first) that fit in a cell.
func notesCell(ns []notes.Note) string {
	size, from := 0, len(ns)
	for from > 0 {
		n := len(ns[from-1].Text) + len(NoteSeparator)
		if size+n > maxCell && from < len(ns) {
			break
		}
		size += n
		from--
	}
	texts := make([]string, 0, len(ns)-from)
	for _, n := range ns[from:] {
		texts = append(texts, n.Text)
	}
	s := strings.Join(texts, NoteSeparator)
	if len(s) > maxCell { // one note longer than a cell
		s = s[:maxCell]
		for !utf8.ValidString(s) {
			s = s[:len(s)-1]
		}
	}
	return s
}

// splitNotes cuts a note cell at the lines "---" the CSV export puts
// between notes.
func splitNotes(v string) []string {
	v = strings.ReplaceAll(v, "\r\n", "\n")
	if !strings.Contains(v, NoteSeparator) {
		return []string{v}
	}
	return strings.Split(v, NoteSeparator)
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
