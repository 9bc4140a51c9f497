package hlc

import (
	"sort"
	"testing"
	"time"
)

func TestNowNeverGoesBack(t *testing.T) {
	c := Clock{Node: "a"}
	t0 := time.Date(2026, 12, 5, 10, 0, 0, 0, time.UTC)
	first := c.Now(t0)
	// The wall clock jumps back an hour: the clock still moves forward.
	second := c.Now(t0.Add(-time.Hour))
	if second.Compare(first) <= 0 {
		t.Fatalf("after a clock step back %v is not after %v", second, first)
	}
	// The same millisecond twice: the counter orders them.
	third := c.Now(t0)
	if third.Compare(second) <= 0 || third.Wall != first.Wall {
		t.Fatalf("same millisecond: %v then %v", second, third)
	}
	// The wall moves on: the counter starts again.
	later := c.Now(t0.Add(time.Second))
	if later.Logical != 0 || later.Compare(third) <= 0 {
		t.Fatalf("later wall: %v", later)
	}
}

func TestObserveOrdersAfterRemote(t *testing.T) {
	t0 := time.Date(2026, 12, 5, 10, 0, 0, 0, time.UTC)
	osaka := Clock{Node: "osaka"}
	tokyo := Clock{Node: "tokyo"}
	// Osaka's clock is five minutes fast.
	remote := osaka.Now(t0.Add(5 * time.Minute))
	tokyo.Observe(remote)
	local := tokyo.Now(t0)
	if local.Compare(remote) <= 0 {
		t.Fatalf("a change made after seeing %v is stamped %v, not after it", remote, local)
	}
}

func TestTextOrderIsTimeOrder(t *testing.T) {
	ts := []Timestamp{
		{Wall: 1, Logical: 0, Node: "b"},
		{Wall: 1, Logical: 0, Node: "a"},
		{Wall: 1, Logical: 2, Node: "a"},
		{Wall: 0x1000, Logical: 0, Node: "a"},
		{Wall: 0xfff, Logical: 0xffffffff, Node: "z"},
		{Wall: time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC).UnixMilli(), Node: "x-y-z"},
	}
	byTime := append([]Timestamp(nil), ts...)
	sort.Slice(byTime, func(i, j int) bool { return byTime[i].Compare(byTime[j]) < 0 })
	byText := append([]Timestamp(nil), ts...)
	sort.Slice(byText, func(i, j int) bool { return byText[i].String() < byText[j].String() })
	for i := range byTime {
		if byTime[i] != byText[i] {
			t.Fatalf("order differs at %d: %v by time, %v by text", i, byTime[i], byText[i])
		}
		back, err := Parse(byText[i].String())
		if err != nil || back != byText[i] {
			t.Fatalf("Parse(%q) = %v, %v", byText[i].String(), back, err)
		}
	}
}

func TestParseRefusesJunk(t *testing.T) {
	for _, s := range []string{"x", "0000000000000001-0000000g-a", "1-2-3", "-0000000000000001-00000000-a"} {
		if _, err := Parse(s); err == nil {
			t.Errorf("Parse(%q) accepted", s)
		}
	}
	if z, err := Parse(""); err != nil || !z.IsZero() {
		t.Errorf("Parse(\"\") = %v, %v", z, err)
	}
}
