package store

import (
	"bytes"

	"github.com/vipbook/vipbook/profile"
	bolt "go.etcd.io/bbolt"
)

// The card index: "normalised card number 0x00 client id" keys in bucket
// cards, kept on every write of a client as the phone index is, so a
// membership card number finds its client as a phone does.

// indexCards adds the index entries of client id's cards (normalised).
func indexCards(bk *bolt.Bucket, id string, cards []string) error {
	for _, n := range cards {
		if err := bk.Put(join([]byte(n), []byte(id)), nil); err != nil {
			return err
		}
	}
	return nil
}

// unindexCards removes the index entries of client id's cards.
func unindexCards(bk *bolt.Bucket, id string, cards []string) {
	for _, n := range cards {
		_ = bk.Delete(join([]byte(n), []byte(id)))
	}
}

// FindByCard returns the ids of the clients holding the membership card
// numbered raw, typed in any format (spaces, dashes and case do not
// matter).
func (tx *Tx) FindByCard(raw string) []string {
	n := profile.NormalizeCard(raw)
	if n == "" {
		return nil
	}
	var ids []string
	p := append([]byte(n), 0)
	_ = scanPrefix(tx.bucket(bCards), p, func(k, _ []byte) error {
		ids = append(ids, string(bytes.TrimPrefix(k, p)))
		return nil
	})
	return ids
}

// cardsCheck verifies the card index against the summaries: every entry
// names a client holding that card, and every card of every client is in
// the index.
func cardsCheck(tx *bolt.Tx, rep *Report) summaryCheck {
	bk := tx.Bucket(bCards)
	if bk == nil {
		return summaryCheck{}
	}
	want := make(map[string]bool)
	return summaryCheck{
		each: func(s *profile.Summary) {
			for _, n := range s.Cards {
				k := string(join([]byte(n), []byte(s.ID)))
				want[k] = true
				if bk.Get([]byte(k)) == nil {
					rep.problem("cards: card %s of client %s is not in the card index", n, s.ID)
				}
			}
		},
		end: func(int) {
			_ = bk.ForEach(func(k, _ []byte) error {
				if !want[string(k)] {
					i := bytes.IndexByte(k, 0)
					if i < 0 {
						rep.problem("cards: a key without a separator (%x)", k)
						return nil
					}
					rep.problem("cards: card %s points at client %s, who does not hold it", k[:i], k[i+1:])
				}
				return nil
			})
		},
	}
}
