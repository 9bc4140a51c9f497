package interchange

import (
	"encoding/csv"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
)

// CSVHeader is the header of vipbook's CSV export, in English (WriteCSVIn
// writes it in Chinese too: i18n's CSVColumn). Import maps every
// column of it back but id, tier and the figures, which are the book's own:
// a dry run lists them as not read (a tier is the book's to work out, and
// a tier override is set in the book, not by a file).
var CSVHeader = []string{"id", "name", "latin_name", "honorific", "gender", "phones", "email", "wechat", "channel",
	"do_not_contact", "city", "district", "country", "occupation", "birthday", "anniversary", "child_birthdays",
	"family_birthdays", "first_purchase", "other_dates", "tags", "tier", "spend_12_months", "purchases", "last_visit",
	"note_count", "created", "notes", "sizes", "likes", "dislikes", "measurements", "household", "cards", "size_history",
	"measurement_history", "referred_by", "home_store", "counter", "best_time", "hobbies", "gift_prefs", "why_brand", "motivator",
	"share_of_wallet", "made_to_order", "special", "consent_recorded", "gifts"}

// csvDateColumns are the kinds of date each date column of the CSV export
// holds, in the order of CSVHeader; other_dates takes every other kind.
var csvDateColumns = []profile.DateKind{profile.DateBirthday, profile.DateAnniversary, profile.DateChildBirthday,
	profile.DateFamilyBirthday, profile.DateFirstPurchase, profile.DateCustom}

// csvColumnOf returns the index in csvDateColumns of a kind's column.
func csvColumnOf(k profile.DateKind) int {
	if i := slices.Index(csvDateColumns, k); i >= 0 {
		return i
	}
	return len(csvDateColumns) - 1
}

// NoteSeparator is the line between two notes in the notes column of the
// CSV export; import splits a note cell at it.
const NoteSeparator = "\n---\n"

// maxCell is the most text a spreadsheet keeps in one cell (Excel:
// 32,767 characters); the notes column keeps the most recent notes that fit.
const maxCell = 32_000

// WriteCSV writes one row per client in UTF-8, with the byte-order mark
// Excel needs to read UTF-8 when forExcel is set. Lists (phones, tags) are
// joined with "; ", a phone with its label before it ("mobile: +86 138
// 0013 8000"), each text with a backslash before the marks that would
// cut it (esc, see profilecells.go). The notes column holds the client's notes, oldest
// first, separated by a line "---" (NoteSeparator): all of them, or the most
// recent that fit in a spreadsheet cell (note_count says how many there
// are). Each kind of date has its column (birthday, anniversary,
// child_birthdays, family_birthdays, first_purchase, other_dates), its
// dates joined with "; ", each "LABEL: DATE" when it has a label; a lunar
// date is written "lunar 1985-08-15", a date of someone else's "DATE for
// NAME", then its id and last gift "[d1, last gift 2025-08-01]"; the
// gifts column holds the gift log, each "DAY: WHAT [g1, for d1]" (see
// profilecells.go). The sizes column holds the current sizes, size_history every
// size with the day it was taken, measurement_history every measurement
// so. The do_not_contact column travels
// with the client.
//
// A cell a spreadsheet would run as a formula (= or @ first, or + or -
// before anything but a digit) is written with a leading apostrophe,
// which import takes off again. A phone is not a formula: it is written
// as it is (+86 138 0013 8000), and for Excel as ="+86 138 0013 8000",
// which Excel shows as that text (not 8.6E+12, not losing a leading 0).
func WriteCSV(w io.Writer, ex *Export, forExcel bool) error {
	return WriteCSVIn(w, ex, forExcel, i18n.English)
}

// WriteCSVIn writes the CSV export as WriteCSV does, its header in
// language lang ("en" or "zh": 姓名, 电话, 生日 …, as i18n's CSVColumn
// names the columns). The cells are the same in either; import reads a
// header in either language.
func WriteCSVIn(w io.Writer, ex *Export, forExcel bool, lang string) error {
	if forExcel {
		if _, err := io.WriteString(w, "\uFEFF"); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	cat := i18n.New(lang)
	header := make([]string, len(CSVHeader))
	for i, h := range CSVHeader {
		header[i] = cat.CSVColumn(h)
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	for i := range ex.Clients {
		c := &ex.Clients[i]
		p := &c.Profile
		var phones []string
		for _, ph := range p.Phones {
			phones = append(phones, phoneCell(ph))
		}
		cols := make([][]string, len(csvDateColumns))
		for _, d := range p.Dates {
			j := csvColumnOf(d.Kind)
			cols[j] = append(cols[j], labelled(d))
		}
		dates := make([]string, len(cols))
		for j, c := range cols {
			dates[j] = strings.Join(c, "; ")
		}
		row := []string{p.ID, p.Name, p.LatinName, p.Honorific, p.Gender, "", p.Email, p.WeChat,
			string(p.Channel), strconv.FormatBool(p.Consent.DoNotContact), p.City, p.District, p.Country, p.Occupation}
		row = append(row, dates...)
		row = append(row, listCell(p.Tags), p.Tier, c.Stats.Last12.String(), strconv.Itoa(c.Stats.Purchases),
			c.Stats.LastVisit.String(), strconv.Itoa(len(c.Notes)), p.Created.Format("2006-01-02"), notesCell(c.Notes),
			sizesCell(p), prefCell(p, false), prefCell(p, true), measurementsCell(p), householdCell(p), cardsCell(p), sizeHistoryCell(p),
			measurementHistoryCell(p), p.ReferredBy, p.HomeStore, p.Counter, p.BestTime, listCell(p.Hobbies), listCell(p.GiftPrefs),
			p.WhyBrand, p.Motivator, p.ShareOfWallet, madeToOrderCell(p), specialCell(p), consentCell(p), giftsCell(p))
		for j, v := range row {
			row[j] = defuse(v)
		}
		row[5] = strings.Join(phones, "; ")
		if forExcel && row[5] != "" && !strings.Contains(row[5], `"`) {
			row[5] = `="` + row[5] + `"`
		} else {
			row[5] = defuse(row[5])
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// labelled writes a date for a date column: DATE, or LABEL: DATE, with
// its lead days when it has its own (DATE lead 30), whose date it is when
// not the client's (DATE for 张伟), and its id and last gift ([d1, last
// gift 2025-08-01], dateRef).
func labelled(d profile.ImportantDate) string {
	s := cellDate(d)
	if d.LeadDays > 0 {
		s += " lead " + strconv.Itoa(d.LeadDays)
	}
	if d.For != "" {
		s += forMark + esc(d.For)
	}
	s += dateRef(d)
	if d.Label == "" {
		return s
	}
	return esc(d.Label) + ": " + s
}

// notesCell joins the most recent notes (oldest first) that fit in a cell.
func notesCell(ns []notes.Note) string {
	from := notesFrom(ns)
	texts := make([]string, 0, len(ns)-from)
	for _, n := range ns[from:] {
		texts = append(texts, escNoteLines(n.Text))
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

// notesFrom returns the index of the oldest note of ns the notes cell
// holds: the most recent notes that fit in a cell, at least one.
func notesFrom(ns []notes.Note) int {
	size, from := 0, len(ns)
	for from > 0 {
		n := len(ns[from-1].Text) + len(NoteSeparator)
		if size+n > maxCell && from < len(ns) {
			break
		}
		size += n
		from--
	}
	return from
}

// splitNotes cuts a note cell at the lines "---" the CSV export puts
// between notes, and gives each note its own lines "---" back.
func splitNotes(v string) []string {
	v = strings.ReplaceAll(v, "\r\n", "\n")
	parts := []string{v}
	if strings.Contains(v, NoteSeparator) {
		parts = strings.Split(v, NoteSeparator)
	}
	for i, n := range parts {
		parts[i] = unescNoteLines(n)
	}
	return parts
}

// escNoteLines writes a note's own lines "---" (and "\---", "\\---")
// with one backslash more, so that they do not part the notes cell.
func escNoteLines(s string) string {
	if !strings.Contains(s, "---") {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if noteRule(l) {
			lines[i] = `\` + l
		}
	}
	return strings.Join(lines, "\n")
}

// unescNoteLines takes the backslash escNoteLines put before a line off.
func unescNoteLines(s string) string {
	if !strings.Contains(s, `\---`) {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, `\`) && noteRule(l[1:]) {
			lines[i] = l[1:]
		}
	}
	return strings.Join(lines, "\n")
}

// noteRule reports whether a line is "---" after backslashes.
func noteRule(l string) bool { return strings.TrimLeft(l, `\`) == "---" }

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

// defuse keeps a spreadsheet from running a cell as a formula: = and @
// start one; + and - do before anything but a digit (-5, +86 138 ... are
// numbers, +cmd|... and -2+3+cmd|... are not: the second character
// decides, so "-2+3" is left as arithmetic, which runs nothing). A text
// that itself starts with apostrophes before such a character ('=x) gets
// one more, so that undefuse gives it back whole.
func defuse(v string) string {
	if formulaStart(v) || quotedFormula(v) {
		return "'" + v
	}
	return v
}

// quotedFormula reports whether v is apostrophes before a character that
// starts a formula: the cell defuse writes for one, or a text that looks
// like it.
func quotedFormula(v string) bool {
	rest := strings.TrimLeft(v, "'")
	return len(rest) < len(v) && rest != "" && strings.IndexByte("=+-@\t\r", rest[0]) >= 0
}

func formulaStart(v string) bool {
	if v == "" {
		return false
	}
	switch v[0] {
	case '=', '@', '\t', '\r':
		return true
	case '+', '-':
		if len(v) == 1 {
			return false
		}
		c := v[1]
		if c == ' ' && len(v) > 2 {
			c = v[2]
		}
		return c < '0' || c > '9' || !phoneShaped(v)
	}
	return false
}

// phoneShaped reports whether v holds only what phone numbers, amounts
// and dates are written with: digits, spaces and + - ( ) . / ;.
func phoneShaped(v string) bool {
	return strings.Trim(v, "0123456789 +-().;/") == ""
}

// undefuse takes off what defuse and WriteCSV put before a cell: the
// apostrophe before a formula character, ="..." around phones.
func undefuse(v string) string {
	if quotedFormula(v) {
		return v[1:]
	}
	if len(v) > 3 && strings.HasPrefix(v, `="`) && strings.HasSuffix(v, `"`) && !strings.Contains(v[2:len(v)-1], `"`) {
		return v[2 : len(v)-1]
	}
	return v
}
