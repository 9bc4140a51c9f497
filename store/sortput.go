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
		if len(p.kvs) > 0 {
			fillIfAppending(p.bk, p.kvs[0].k)
		}
		for _, e := range p.kvs {
			if err := p.bk.Put(e.k, e.v); err != nil {
				return err
			}
		}
	}
	return nil
}

func sortKVs(kvs []kv) {
	slices.SortFunc(kvs, func(a, b kv) int { return bytes.Compare(a.k, b.k) })
}
