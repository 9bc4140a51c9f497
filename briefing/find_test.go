package briefing

import (
	"math/rand/v2"
	"slices"
	"testing"

	"pgregory.net/rapid"
)

// TestPackIDKeepsOrder: packed ids order as the ids do, short or long.
func TestPackIDKeepsOrder(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a := rapid.StringN(0, 12, -1).Draw(t, "a")
		b := rapid.StringN(0, 12, -1).Draw(t, "b")
		if a < b && packID(a) > packID(b) {
			t.Fatalf("%q < %q but packed %x > %x", a, b, packID(a), packID(b))
		}
		if packID(a) != packByByte(a) {
			t.Fatalf("%q packs to %x, byte by byte to %x", a, packID(a), packByByte(a))
		}
	})
}

// packByByte is packID written the plain way: each of the first eight
// bytes in turn, zeros after a short id.
func packByByte(id string) uint64 {
	var k uint64
	for i := 0; i < 8; i++ {
		k <<= 8
		if i < len(id) {
			k |= uint64(id[i])
		}
	}
	return k
}

// TestFind: every client of a large book is found at its index, through
// the top-16-bit table and the search within it, with ids short and long,
// and ids not in the book are not.
func TestFind(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	const alphabet = "0123456789abcdefghijklmnopqrstuvwxyz"
	seen := map[string]bool{}
	var ids []string
	for len(ids) < 20_000 {
		n := 6
		if r.IntN(10) == 0 {
			n = 4 + r.IntN(10) // imported ids come in other lengths
		}
		b := make([]byte, n)
		for k := range b {
			b[k] = alphabet[r.IntN(len(alphabet))]
		}
		if id := string(b); !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	sc := &scorer{sums: make([]clientRow, len(ids))}
	for i, id := range ids {
		sc.sums[i].ID = id
	}
	for i, id := range ids {
		if got := sc.find(id); got != i {
			t.Fatalf("find(%q) = %d, want %d", id, got, i)
		}
	}
	for _, id := range []string{"", "zzzzzzzzzz", "!", ids[0] + "0", "~"} {
		if got := sc.find(id); got >= 0 && sc.sums[got].ID != id {
			t.Fatalf("find(%q) = %d (%q)", id, got, sc.sums[got].ID)
		}
		if !seen[id] && sc.find(id) >= 0 {
			t.Fatalf("find(%q) found a client not in the book", id)
		}
	}
}
