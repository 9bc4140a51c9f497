// Package hlc is a hybrid logical clock: timestamps that follow the wall
// clock yet never run backwards and always order a change after every
// change it has seen, whatever the machines' clocks say. A book stamps each
// change it records with one, and the chain's sync decides which of two
// edits of the same field is the later by comparing them.
//
// A Timestamp prints as fixed-width text ("0000018c2f3a1b20-00000001-node")
// whose byte order is its time order, so it can be kept and compared as a
// string in the book and in the database alike.
package hlc

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Timestamp is one reading of the clock: milliseconds since the Unix
// epoch, a counter that orders readings within the same millisecond, and
// the node (book) that made it, which breaks exact ties.
type Timestamp struct {
	Wall    int64  // milliseconds since 1970-01-01 UTC
	Logical uint32 // order within the same Wall
	Node    string // the book that stamped it
}

// String is the text form; its byte order is the timestamp's order.
func (t Timestamp) String() string {
	if t.IsZero() {
		return ""
	}
	return fmt.Sprintf("%016x-%08x-%s", t.Wall, t.Logical, t.Node)
}

// IsZero reports whether t is the zero timestamp (before every other).
func (t Timestamp) IsZero() bool { return t.Wall == 0 && t.Logical == 0 && t.Node == "" }

// Time is the wall part as a time.
func (t Timestamp) Time() time.Time { return time.UnixMilli(t.Wall).UTC() }

// Compare returns -1, 0 or +1 as t is before, equal to or after u.
func (t Timestamp) Compare(u Timestamp) int {
	switch {
	case t.Wall != u.Wall:
		return cmp(t.Wall < u.Wall)
	case t.Logical != u.Logical:
		return cmp(t.Logical < u.Logical)
	default:
		return strings.Compare(t.Node, u.Node)
	}
}

func cmp(less bool) int {
	if less {
		return -1
	}
	return 1
}

// Parse reads the text form; the empty string is the zero timestamp.
func Parse(s string) (Timestamp, error) {
	if s == "" {
		return Timestamp{}, nil
	}
	parts := strings.SplitN(s, "-", 3)
	if len(parts) != 3 || len(parts[0]) != 16 || len(parts[1]) != 8 {
		return Timestamp{}, fmt.Errorf("hlc: %q is not a timestamp", s)
	}
	w, err := strconv.ParseInt(parts[0], 16, 64)
	if err != nil || w < 0 {
		return Timestamp{}, fmt.Errorf("hlc: %q is not a timestamp", s)
	}
	l, err := strconv.ParseUint(parts[1], 16, 32)
	if err != nil {
		return Timestamp{}, fmt.Errorf("hlc: %q is not a timestamp", s)
	}
	return Timestamp{Wall: w, Logical: uint32(l), Node: parts[2]}, nil
}

// Clock is the state of one node's clock: the last timestamp it gave or
// saw. The zero Clock of a node is ready to use; keep Last across runs so
// that the clock never goes back when the wall clock does.
type Clock struct {
	Node string
	Last Timestamp
}

// Now returns a timestamp after every one the clock has given or seen,
// as close to wall as that allows.
func (c *Clock) Now(wall time.Time) Timestamp {
	w := wall.UnixMilli()
	t := Timestamp{Wall: w, Node: c.Node}
	if w <= c.Last.Wall {
		t.Wall, t.Logical = c.Last.Wall, c.Last.Logical+1
	}
	c.Last = t
	return t
}

// Observe moves the clock past a timestamp received from another node, so
// that the next Now orders after it (the receive rule of an HLC).
func (c *Clock) Observe(remote Timestamp) {
	if remote.Wall > c.Last.Wall || (remote.Wall == c.Last.Wall && remote.Logical > c.Last.Logical) {
		c.Last = Timestamp{Wall: remote.Wall, Logical: remote.Logical, Node: c.Node}
	}
}
