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
