package interchange

import (
	"strings"

	"github.com/vipbook/vipbook/profile"
)

// Where the region a number without a country code is read in comes from.
const (
	RegionFromBook = "book" // the book's country
	RegionFromFlag = "flag" // --region: the file's country, said by the associate
	RegionFromFile = "file" // the record's own country (a CSV country column, a vCard ADR)
)

// PhoneRegion says how many numbers written without a country code were
// read as numbers of Region (calling code CC), and why that region: the
// book's, the one given for the file, or each record's own country. A
// dry run shows them, with the first few numbers as examples.
type PhoneRegion struct {
	Region   string      `json:"region"`
	CC       string      `json:"calling_code"`
	From     string      `json:"from"`
	Count    int         `json:"count"`
	Examples []PhoneRead `json:"examples,omitempty"`
}

// PhoneRead is one number read in a region: where, as written, as stored.
type PhoneRead struct {
	Line   int    `json:"line"`
	Raw    string `json:"raw"`
	Stored string `json:"stored"`
}

// regionExamples is how many numbers each PhoneRegion keeps as examples.
const regionExamples = 3

// phoneRegion is the region a record's numbers without a country code
// are read in: its calling code, its ISO code and where it came from.
type phoneRegion struct {
	cc, region, from string
}

// bookRegion is the region of the book's calling code.
func bookRegion(cc string) phoneRegion {
	return phoneRegion{cc: cc, region: profile.RegionOfCallingCode(cc), from: RegionFromBook}
}

// Region reads a region as --region gives it, or as a file's country
// column or address writes it: an ISO 3166 code ("GB", "cn"), a country's
// name in English or Chinese ("United Kingdom", "英国"), or a calling code
// ("+44", "44"). It returns the ISO code, and false when it names no
// region whose numbers libphonenumber knows.
func Region(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if d := strings.TrimPrefix(s, "+"); d != "" && strings.Trim(d, "0123456789") == "" {
		r := profile.RegionOfCallingCode(d)
		return r, r != ""
	}
	r := countryCode(s)
	if r == "" || profile.CallingCodeOf(r) == "" {
		return "", false
	}
	return r, true
}

// recordRegion is the region of a record whose own country is country
// (empty or unknown: the file's, else the book's).
func recordRegion(country string, file phoneRegion) phoneRegion {
	if country == "" {
		return file
	}
	r, ok := Region(country)
	if !ok {
		return file
	}
	return phoneRegion{cc: profile.CallingCodeOf(r), region: r, from: RegionFromFile}
}

// phoneRegions sums the numbers each record read in a region, in the order
// the regions were first met; nil when every one was read in the book's
// region (nothing to say).
func phoneRegions(rs []Record) []PhoneRegion {
	var out []PhoneRegion
	other := false
	for i := range rs {
		for _, rd := range rs[i].reads {
			j := -1
			for k := range out {
				if out[k].Region == rd.in.region && out[k].From == rd.in.from {
					j = k
				}
			}
			if j < 0 {
				out = append(out, PhoneRegion{Region: rd.in.region, CC: rd.in.cc, From: rd.in.from})
				j = len(out) - 1
			}
			out[j].Count++
			if len(out[j].Examples) < regionExamples {
				out[j].Examples = append(out[j].Examples, rd.PhoneRead)
			}
			other = other || rd.in.from != RegionFromBook
		}
	}
	if !other {
		return nil
	}
	return out
}

// regionRead is a number a record read in a region.
type regionRead struct {
	PhoneRead
	in phoneRegion
}
