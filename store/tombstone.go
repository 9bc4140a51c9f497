package store

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strings"

	"github.com/vipbook/vipbook/profile"
)

// bErased holds the tombstones of erased clients (issue 14 point 4): no
// personal data, only salted SHA-256 hashes of their phone numbers (as the
// store normalises them), membership card numbers (profile.NormalizeCard)
// and e-mail (lowercased), each with the day of the
// erasure and its reason, so that an import of an older file does not
// bring the client back. The random salt of the book is kept in the same
// bucket under kSalt. The bucket is made by the first erasure.
var (
	bErased = []byte("erased")
	kSalt   = []byte("salt")
)

// ReasonClientRequest is the reason of an erasure asked for by the client.
const ReasonClientRequest = "client_request"

// Erasure is what a tombstone says: the day (YYYY-MM-DD) and the reason.
type Erasure struct {
	Day    string `json:"day"`
	Reason string `json:"reason"`
}

// erasureKeys returns the values a tombstone hashes for p: its phones in
// the book's normalised form (and the phones, already normalised, of
// more: those its summary kept, those the index held), its membership
// card numbers normalised (and those of cards), and its e-mail
// lowercased.
func erasureKeys(p *profile.Profile, cc string, more, cards []string) []string {
	var out []string
	add := func(v string) {
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	for _, n := range p.NormalizedPhones(cc) {
		add("phone:" + n)
	}
	for _, n := range more {
		if n != "" {
			add("phone:" + n)
		}
	}
	for _, n := range p.CardNumbers() {
		add("card:" + n)
	}
	for _, n := range cards {
		if n != "" {
			add("card:" + n)
		}
	}
	if e := strings.ToLower(strings.TrimSpace(p.Email)); e != "" {
		add("email:" + e)
	}
	return out
}

func tombHash(salt []byte, v string) []byte {
	h := sha256.New()
	h.Write(salt)
	h.Write([]byte(v))
	return []byte("h:" + hex.EncodeToString(h.Sum(nil)))
}

// bury writes the tombstone of the client p (being erased), with the
// normalised phones and card numbers the book knows of them besides p's.
func (tx *Tx) bury(p *profile.Profile, phones, cards []string) error {
	keys := erasureKeys(p, tx.book.meta.CountryCode, phones, cards)
	if len(keys) == 0 {
		return nil
	}
	bk, err := tx.tx.CreateBucketIfNotExists(bErased)
	if err != nil {
		return err
	}
	salt := bk.Get(kSalt)
	if salt == nil {
		salt = make([]byte, 32)
		if _, err := rand.Read(salt); err != nil {
			return err
		}
		if err := bk.Put(kSalt, salt); err != nil {
			return err
		}
	}
	salt = append([]byte(nil), salt...)
	raw, err := json.Marshal(Erasure{Day: tx.Now().Format("2006-01-02"), Reason: ReasonClientRequest})
	if err != nil {
		return err
	}
	for _, k := range keys {
		if err := bk.Put(tombHash(salt, k), raw); err != nil {
			return err
		}
	}
	return nil
}

// tombstones returns the tombstone keys matching p, whose phones are
// typed for calling code cc ("" for the book's).
func (tx *Tx) tombstones(p *profile.Profile, cc string) (keys [][]byte, e Erasure) {
	bk := tx.tx.Bucket(bErased)
	if bk == nil {
		return nil, e
	}
	salt := bk.Get(kSalt)
	if salt == nil {
		return nil, e
	}
	if cc == "" {
		cc = tx.book.meta.CountryCode
	}
	for _, v := range erasureKeys(p, cc, nil, nil) {
		k := tombHash(salt, v)
		if raw := bk.Get(k); raw != nil {
			if len(keys) == 0 {
				_ = json.Unmarshal(raw, &e)
			}
			keys = append(keys, k)
		}
	}
	return keys, e
}

// Erased reports whether p (phones typed for calling code cc, "" for the
// book's) has the phone or e-mail of a client erased from the book, and
// when and why that client was erased.
func (tx *Tx) Erased(p *profile.Profile, cc string) (Erasure, bool) {
	keys, e := tx.tombstones(p, cc)
	return e, len(keys) > 0
}

// Unbury removes the tombstones matching p: the associate re-adds an
// erased client on purpose.
func (tx *Tx) Unbury(p *profile.Profile, cc string) error {
	keys, _ := tx.tombstones(p, cc)
	for _, k := range keys {
		if err := tx.tx.Bucket(bErased).Delete(k); err != nil {
			return err
		}
	}
	return nil
}

// Tombstones returns how many tombstone hashes the book keeps.
func (tx *Tx) Tombstones() int {
	bk := tx.tx.Bucket(bErased)
	if bk == nil {
		return 0
	}
	n := bk.Stats().KeyN
	if bk.Get(kSalt) != nil {
		n--
	}
	return n
}
