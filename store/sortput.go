package store

import (
	"bytes"
	"slices"

	bolt "go.etcd.io/bbolt"
)

// bulkPut is one bucket's part of a bulk load.
type bulkPut struct {
	bk  *bolt.Bucket
	kvs []kv
}

// putAllSorted puts each part in key order, as putSorted does, sorting the
// parts after the first on another goroutine while the ones before are
// put: the sorting is about a third of a bulk load and needs no
// transaction, the puts stay on the transaction's goroutine.
func putAllSorted(parts ...bulkPut) error {
	if len(parts) == 0 {
		return nil
	}
	sorted := make([]chan struct{}, len(parts))
	for i := range sorted {
		sorted[i] = make(chan struct{})
	}
	go func() {
		for i := 1; i < len(parts); i++ {
			sortKVs(parts[i].kvs)
			close(sorted[i])
		}
	}()
	sortKVs(parts[0].kvs)
	close(sorted[0])
	for i, p := range parts {
		<-sorted[i]
		if err := putKVs(p.bk, p.kvs); err != nil {
			return err
		}
	}
	return nil
}

// sortKVs sorts kvs by key, as bytes.Compare orders them.
func sortKVs(kvs []kv) {
	if len(kvs) < 64 {
		slices.SortFunc(kvs, func(a, b kv) int { return bytes.Compare(a.k, b.k) })
		return
	}
	// Past the bytes all keys begin with (the country code of phone
	// numbers, the years of times).
	common := len(kvs[0].k)
	for _, e := range kvs[1:] {
		common = min(common, len(e.k))
		for i := range common {
			if e.k[i] != kvs[0].k[i] {
				common = i
				break
			}
		}
		if common == 0 {
			break
		}
	}
	order := make([]prefixed, len(kvs))
	for i := range kvs {
		order[i] = prefixed{keyPrefix(kvs[i].k[common:]), uint32(i)}
	}
	sortPrefixed(order, func(a, b uint32) int { return bytes.Compare(kvs[a].k, kvs[b].k) })
	// In place, one cycle of the order at a time: kvs[j] takes the one at
	// order[j].i, which is marked done.
	const done = ^uint32(0)
	for j := range order {
		if order[j].i == done {
			continue
		}
		first, k := kvs[j], j
		for {
			from := int(order[k].i)
			order[k].i = done
			if from == j {
				kvs[k] = first
				break
			}
			kvs[k], k = kvs[from], from
		}
	}
}

// prefixed is a key's first 8 bytes (past those all keys sorted begin
// with) as a number (keyPrefix) and its
// place in the list sorted: sorting these, most comparisons are of two
// numbers side by side, not of two keys that lie apart in memory (a bulk
// load's 82k keys of random ids: half its sorting time).
type prefixed struct {
	p uint64
	i uint32
}

// keyPrefix is the first 8 bytes of k, big-endian, zeros after a shorter
// key: keys whose prefixes differ compare as them; equal prefixes say
// nothing ("ab" and "ab\x00" have the same).
func keyPrefix[S ~string | ~[]byte](k S) uint64 {
	var p uint64
	for i := range 8 {
		p <<= 8
		if i < len(k) {
			p |= uint64(k[i])
		}
	}
	return p
}

// sortPrefixed sorts order by prefix, then by whole (the whole keys of
// two places, compared) where the prefixes are equal.
func sortPrefixed(order []prefixed, whole func(a, b uint32) int) {
	slices.SortFunc(order, func(a, b prefixed) int {
		if a.p != b.p {
			if a.p < b.p {
				return -1
			}
			return 1
		}
		return whole(a.i, b.i)
	})
}
