package profile

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/vipbook/vipbook/civil"
)

// The preference kinds beyond the first six: a product line, an occasion
// dressed for, anything else.
const (
	PrefLine     PrefKind = "line"
	PrefOccasion PrefKind = "occasion"
	PrefOther    PrefKind = "other"
)

// LikeCategories lists the categories a like or a dislike is entered
// with, as `vipbook like --category` takes them (fabric is stored as
// PrefMaterial).
var LikeCategories = []string{"colour", "fabric", "brand", "style", "line", "occasion", "other"}

// ParsePrefKind reads a like's or dislike's category: colour (color),
// fabric (material), brand, style (cut), line, occasion, other, and the
// older category and fit. Empty is PrefOther. It returns ErrBadField for
// anything else.
func ParsePrefKind(s string) (PrefKind, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "other":
		return PrefOther, nil
	case "colour", "color":
		return PrefColour, nil
	case "fabric", "material":
		return PrefMaterial, nil
	case "brand":
		return PrefBrand, nil
	case "style", "cut":
		return PrefStyle, nil
	case "line":
		return PrefLine, nil
	case "occasion":
		return PrefOccasion, nil
	case "category":
		return PrefCategory, nil
	case "fit":
		return PrefFit, nil
	}
	return "", fmt.Errorf("%w: a category is one of %s", ErrBadField, strings.Join(LikeCategories, ", "))
}

// Likes returns the preferences that are likes, in the order entered.
func (p *Profile) Likes() []Preference {
	var out []Preference
	for _, pr := range p.Preferences {
		if !pr.Dislike {
			out = append(out, pr)
		}
	}
	return out
}

// AllDislikes returns every dislike as text: the ones entered with a
// category (Preferences with Dislike set), then the plain list Dislikes.
func (p *Profile) AllDislikes() []string {
	var out []string
	for _, pr := range p.Preferences {
		if pr.Dislike {
			out = append(out, pr.Value)
		}
	}
	return append(out, p.Dislikes...)
}

// CurrentSizes returns the newest size of each category, in the order the
// categories were first entered: the size taken last (by Taken, then by
// the order entered) wins; the older ones stay in Sizes as history. A
// category is one in either language (SizeCategory): 鞋 39 then shoes 40
// is shoes 40 now.
func (p *Profile) CurrentSizes() []Size {
	return newestOf(p.Sizes, func(s Size) (string, civil.Date) { return SizeCategory(s.Category), s.Taken })
}

// newestOf keeps the newest entry of each name (by the day taken, then
// the order entered), in the order the names were first entered; names
// compare without case.
func newestOf[E any](es []E, key func(E) (name string, taken civil.Date)) []E {
	var out []E
	for _, e := range es {
		name, taken := key(e)
		i := slices.IndexFunc(out, func(o E) bool { n, _ := key(o); return strings.EqualFold(n, name) })
		switch {
		case i < 0:
			out = append(out, e)
		default:
			if _, t := key(out[i]); !taken.Before(t) {
				out[i] = e
			}
		}
	}
	return out
}

// Measurement is one made-to-order measurement: a suit's chest, waist or
// sleeve, a ring's inner diameter. A newer one of the same name is the
// current one; the older stay as history.
type Measurement struct {
	Name  string     `json:"name"`
	Value string     `json:"value"`
	Unit  string     `json:"unit,omitempty"` // cm, in, mm
	Taken civil.Date `json:"taken,omitzero"`
}

// CurrentMeasurements returns the newest measurement of each name, in the
// order the names were first entered.
func (p *Profile) CurrentMeasurements() []Measurement {
	return newestOf(p.Measurements, func(m Measurement) (string, civil.Date) { return m.Name, m.Taken })
}

// Card is a membership card of the client: the programme, its number,
// level, points and expiry. The number finds the client as a phone does.
type Card struct {
	Program string     `json:"program"`
	Number  string     `json:"number"`
	Level   string     `json:"level,omitempty"`
	Points  int        `json:"points,omitempty"`
	Expires civil.Date `json:"expires,omitzero"`
}

// NormalizeCard returns the form a card number is indexed and compared
// in: letters and digits only, upper case ("vip 8800-123" is VIP8800123).
// It is empty when nothing is left.
func NormalizeCard(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToUpper(r))
		}
	}
	return b.String()
}

// CardNumbers returns the normalised numbers of the client's cards, in
// order, without duplicates.
func (p *Profile) CardNumbers() []string {
	var out []string
	for _, c := range p.Cards {
		if n := NormalizeCard(c.Number); n != "" && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// Gift is a gift or card given or sent to the client: what, the day, and
// the important date it was for (an ImportantDate's ID), when it was for
// one.
type Gift struct {
	ID      string     `json:"id"`
	What    string     `json:"what"`
	Date    civil.Date `json:"date"`
	ForDate string     `json:"for_date,omitempty"`
}

// Relations lists the relations a household member is entered with.
var Relations = []string{"spouse", "partner", "child", "parent", "assistant", "other"}

// ParseRelation reads a household member's relation; it returns
// ErrBadField for anything but Relations.
func ParseRelation(s string) (string, error) {
	r := strings.ToLower(strings.TrimSpace(s))
	switch r {
	case "wife", "husband":
		return "spouse", nil
	case "son", "daughter":
		return "child", nil
	case "mother", "father":
		return "parent", nil
	}
	if slices.Contains(Relations, r) {
		return r, nil
	}
	return "", fmt.Errorf("%w: a relation is one of %s", ErrBadField, strings.Join(Relations, ", "))
}

// DateKinds lists the kinds a date is added with (`vipbook date add
// --kind`).
var DateKinds = []DateKind{DateBirthday, DateAnniversary, DateChildBirthday, DateFamilyBirthday, DateFirstPurchase, DateCustom}

// ParseDateKind reads a date's kind; it returns ErrBadField for a kind
// not in DateKinds.
func ParseDateKind(s string) (DateKind, error) {
	k := DateKind(strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), "-", "_"))
	if slices.Contains(DateKinds, k) {
		return k, nil
	}
	var names []string
	for _, d := range DateKinds {
		names = append(names, string(d))
	}
	return "", fmt.Errorf("%w: a date's kind is one of %s", ErrBadField, strings.Join(names, ", "))
}

// NumberDates gives every important date without an ID the smallest free
// one ("d1", "d2", ...), in order. It is deterministic: a profile read
// back gives its old dates the same IDs again.
func (p *Profile) NumberDates() {
	next := 1
	for i := range p.Dates {
		if p.Dates[i].ID != "" {
			continue
		}
		for slices.ContainsFunc(p.Dates, func(d ImportantDate) bool { return d.ID == "d"+strconv.Itoa(next) }) {
			next++
		}
		p.Dates[i].ID = "d" + strconv.Itoa(next)
	}
}

// DateByID returns the index of the date with id in p.Dates, or -1.
func (p *Profile) DateByID(id string) int {
	return slices.IndexFunc(p.Dates, func(d ImportantDate) bool { return strings.EqualFold(d.ID, id) })
}

// NextGiftID returns an ID for a new gift: "g" and one more than the
// highest number in use.
func (p *Profile) NextGiftID() string {
	n := 0
	for _, g := range p.Gifts {
		if k, err := strconv.Atoi(strings.TrimPrefix(g.ID, "g")); err == nil && k > n {
			n = k
		}
	}
	return "g" + strconv.Itoa(n+1)
}

// GiftWindow is how many days before a date's day a gift logged for it
// counts as prepared for that occurrence (with the date's lead time, when
// longer).
const GiftWindow = 60

// GiftPrepared reports whether a gift or card for this date was logged for
// its occurrence on day on: within GiftWindow (or the lead time, when
// longer) days before it, and not after it.
func (d ImportantDate) GiftPrepared(on civil.Date) bool {
	if d.LastGift.IsZero() || d.LastGift.After(on) {
		return false
	}
	return !d.LastGift.Before(on.AddDays(-max(GiftWindow, d.Lead())))
}
