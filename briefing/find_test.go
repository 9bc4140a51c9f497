package briefing

import (
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
