package tui

import (
	"fmt"
	"reflect"
	"strings"
	"unicode"

	"github.com/vipbook/vipbook/briefing"
)

// The clienteling engine adds sections to the briefing (the three
// specials, lapsed clients, ...). The screen draws the sections it knows
// with care; any other list the Briefing carries is still shown, by
// reading its items generically, so that a new section is never hidden
// from the associate.

// knownSections are the Briefing fields the screen draws itself.
var knownSections = map[string]bool{"Date": true, "Associate": true, "Urgent": true, "Visits": true, "Overdue": true,
	"Due": true, "Dates": true, "Requests": true, "Festivals": true, "Situations": true, "People": true, "Lapsed": true,
	"Cards": true, "Totals": true, "Ahead": true}

// extraSection is a list the screen reads generically.
type extraSection struct {
	field string // Go field name
	json  string // its JSON name
	items []extraItem
}

// extraItem is one generic item: the client it concerns and what it says.
type extraItem struct {
	clientID string
	name     string
	text     string
}

// extraSections returns the non-empty lists of br that the screen does not
// draw itself, in declaration order.
func extraSections(br briefing.Briefing) []extraSection {
	v := reflect.ValueOf(br)
	t := v.Type()
	var out []extraSection
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() || knownSections[f.Name] {
			continue
		}
		fv := v.Field(i)
		if fv.Kind() != reflect.Slice || fv.Len() == 0 {
			continue
		}
		sec := extraSection{field: f.Name, json: jsonName(f)}
		for j := 0; j < fv.Len(); j++ {
			sec.items = append(sec.items, readItem(fv.Index(j)))
		}
		out = append(out, sec)
	}
	return out
}

func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if name == "" || name == "-" {
		return f.Name
	}
	return name
}

// sectionTitle names a generic section: its JSON name made readable.
func sectionTitle(sec extraSection) string {
	words := strings.FieldsFunc(sec.json, func(r rune) bool { return r == '_' || r == '-' })
	s := strings.Join(words, " ")
	if s == "" {
		return sec.field
	}
	r := []rune(s)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// idFields and nameFields are where a generic item keeps its client.
var (
	idFields   = []string{"ClientID", "ID"}
	nameFields = []string{"ClientName", "Name"}
	skipFields = map[string]bool{"ClientID": true, "ID": true, "ClientName": true, "Name": true, "LatinName": true,
		"Phones": true, "SearchKeys": true, "Origin": true, "Created": true, "Spends": true, "VisitDays": true}
)

// readItem reads an item of any struct shape: its client id and name, and
// its other text (strings, lists of strings, numbers, dates, and the text of
// nested structs one level down).
func readItem(v reflect.Value) extraItem {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return extraItem{}
		}
		v = v.Elem()
	}
	var it extraItem
	if v.Kind() != reflect.Struct {
		it.text = fmt.Sprint(v.Interface())
		return it
	}
	it.clientID, it.name = clientOf(v)
	var parts []string
	collectText(v, 0, &parts)
	it.text = strings.Join(parts, "; ")
	return it
}

// clientOf finds the client id and name in a struct, or in a struct field
// of it (a Summary, a Task, a Profile).
func clientOf(v reflect.Value) (id, name string) {
	str := func(v reflect.Value, names []string) string {
		for _, n := range names {
			if f := v.FieldByName(n); f.IsValid() && f.Kind() == reflect.String && f.String() != "" {
				return f.String()
			}
		}
		return ""
	}
	if id = str(v, []string{"ClientID"}); id == "" {
		id = str(v, idFields)
	}
	name = str(v, nameFields)
	for i := 0; i < v.NumField() && (id == "" || name == ""); i++ {
		f := v.Field(i)
		for f.Kind() == reflect.Pointer && !f.IsNil() {
			f = f.Elem()
		}
		if !v.Type().Field(i).IsExported() || f.Kind() != reflect.Struct {
			continue
		}
		if id == "" {
			if id = str(f, []string{"ClientID"}); id == "" && v.Type().Field(i).Name == "Client" {
				id = str(f, []string{"ID"})
			}
		}
		if name == "" {
			name = str(f, nameFields)
		}
	}
	return id, name
}

func collectText(v reflect.Value, depth int, parts *[]string) {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() || skipFields[f.Name] {
			continue
		}
		fv := v.Field(i)
		if s, ok := fv.Interface().(fmt.Stringer); ok && fv.Kind() != reflect.Struct {
			if str := s.String(); str != "" && str != "0" {
				*parts = append(*parts, str)
			}
			continue
		}
		switch fv.Kind() {
		case reflect.String:
			if fv.String() != "" {
				*parts = append(*parts, fv.String())
			}
		case reflect.Int, reflect.Int64, reflect.Int32:
			if fv.Int() != 0 {
				*parts = append(*parts, fmt.Sprintf("%s %d", strings.ToLower(f.Name), fv.Int()))
			}
		case reflect.Slice:
			if fv.Type().Elem().Kind() == reflect.String {
				for j := 0; j < fv.Len(); j++ {
					*parts = append(*parts, fv.Index(j).String())
				}
			}
		case reflect.Struct:
			if s, ok := fv.Interface().(fmt.Stringer); ok {
				if str := s.String(); str != "" && !strings.HasPrefix(str, "0001") && !strings.HasPrefix(str, "0000") {
					*parts = append(*parts, str)
				}
			} else if depth == 0 {
				collectText(fv, 1, parts)
			}
		}
	}
}
