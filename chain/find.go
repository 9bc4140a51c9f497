package chain

import (
	"context"
	"strings"
	"time"
	"unicode"

	"github.com/vipbook/vipbook/profile"
)

// Found is a client of the chain as chain find shows it: only what the
// chain shares (never notes, phones or the profile's fields).
type Found struct {
	ID           string     `json:"id"`
	Name         string     `json:"name"`
	LatinName    string     `json:"latin_name,omitempty"`
	Store        string     `json:"store"`     // home store
	Associate    string     `json:"associate"` // primary associate
	Secondary    string     `json:"secondary,omitempty"`
	Tier         string     `json:"tier,omitempty"` // the chain tier
	Spend        float64    `json:"spend"`          // purchases in every store
	Currency     string     `json:"currency,omitempty"`
	LastVisit    *time.Time `json:"last_visit,omitempty"`
	OpenRequests int        `json:"open_requests"`
	DoNotContact bool       `json:"do_not_contact,omitempty"`
}

// FindLimit is the most clients Find returns for one way of matching.
const FindLimit = 20

// Query is what Find looks for, read from what was typed: a phone
// (normalised with the calling code cc), a card number, the beginning of a
// name (Latin or not, case ignored).
type Query struct {
	Phone, Card, Name string
}

// ParseQuery reads typed text as a query: digits alone are a phone and a
// card; text with a letter is a name and, with a digit too, a card.
func ParseQuery(text, cc string) Query {
	text = strings.TrimSpace(text)
	var letters, digits int
	for _, r := range text {
		switch {
		case unicode.IsDigit(r):
			digits++
		case unicode.IsLetter(r):
			letters++
		}
	}
	var q Query
	if letters == 0 && digits >= 5 {
		q.Phone = profile.NormalizePhone(text, cc)
	}
	if digits > 0 {
		q.Card = profile.NormalizeCard(text)
	}
	if letters > 0 {
		q.Name = strings.ToLower(text)
	}
	return q
}

// Find returns the clients of the whole chain matching q, whatever store
// they belong to, through chain_find: any associate of the chain may call
// it, and it returns the shared columns only. Erased clients are not found.
func (db *DB) Find(ctx context.Context, q Query) ([]Found, error) {
	if q == (Query{}) {
		return nil, nil
	}
	rows, err := db.pool.Query(ctx, `SELECT id, name, latin_name, store, associate, COALESCE(secondary, ''), tier,
		spend::float8, currency, last_visit, open_requests, do_not_contact FROM chain_find($1, $2, $3, $4)`,
		q.Phone, q.Card, q.Name, FindLimit)
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	var out []Found
	seen := map[string]bool{}
	for rows.Next() {
		var f Found
		if err := rows.Scan(&f.ID, &f.Name, &f.LatinName, &f.Store, &f.Associate, &f.Secondary, &f.Tier,
			&f.Spend, &f.Currency, &f.LastVisit, &f.OpenRequests, &f.DoNotContact); err != nil {
			return nil, classify(err)
		}
		if !seen[f.ID] {
			seen[f.ID] = true
			out = append(out, f)
		}
	}
	return out, classify(rows.Err())
}
