package store

import (
	"crypto/rand"
)

// idAlphabet is Crockford's base32 in lower case: no i, l, o or u, so an id
// read aloud or copied by hand is not mistaken.
const idAlphabet = "0123456789abcdefghjkmnpqrstvwxyz"

// Lengths of the ids the book hands out. Client and task ids are short
// because associates type them; notes and purchases are never typed.
const (
	shortIDLen = 6
	longIDLen  = 12
)

func randomID(n int) string {
	buf := make([]byte, n)
	if _, err := rand.Read(buf); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	for i, c := range buf {
		buf[i] = idAlphabet[int(c)%len(idAlphabet)]
	}
	return string(buf)
}

// newID returns an id of n characters that is not a key of bucket name.
func (tx *Tx) newID(name []byte, n int) string {
	bk := tx.bucket(name)
	for {
		id := randomID(n)
		if bk.Get([]byte(id)) == nil && (string(name) != string(bClients) || !tx.isAlias(id)) {
			return id
		}
	}
}
