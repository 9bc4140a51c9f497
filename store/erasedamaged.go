package store

import (
	"bytes"
	"slices"

	bolt "go.etcd.io/bbolt"
)

// An erasure deletes every record of the client whatever its state: a
// record that no longer decodes (damaged in the file) is found by its key
// and its client's index, never by its content, and the indexes that
// point at it are found by its id.

// keysWithPrefix returns copies of the keys of bk that start with p
// (collected first: deleting while a cursor walks a bucket skips keys).
func keysWithPrefix(bk *bolt.Bucket, p []byte) [][]byte {
	var keys [][]byte
	if bk == nil {
		return nil
	}
	_ = scanPrefix(bk, p, func(k, _ []byte) error { keys = append(keys, bytes.Clone(k)); return nil })
	return keys
}

// countPrefix returns how many records of the client id bk holds.
func countPrefix(bk *bolt.Bucket, id string) int { return len(keysWithPrefix(bk, prefix(id))) }

// soundRecords returns the records of the client id in bk that are sound
// (their seal matches and they decode), the damaged left out.
func soundRecords[T any](bk *bolt.Bucket, id string) []T {
	var out []T
	_ = scanPrefix(bk, prefix(id), func(_, v []byte) error {
		var r T
		if unmarshalRecord(v, &r) == nil {
			out = append(out, r)
		}
		return nil
	})
	slices.Reverse(out) // newest first, as Notes and Purchases
	return out
}

// dropIndexedByID deletes the entries of the index bucket name whose key
// is a fixed-length prefix (a day, a time) followed by id: the prefix of
// a damaged record is unknown.
func (tx *Tx) dropIndexedByID(name []byte, id []byte, prefixLen int) error {
	bk := tx.bucket(name)
	if bk == nil {
		return nil
	}
	var stale [][]byte
	_ = bk.ForEach(func(k, _ []byte) error {
		if len(k) == prefixLen+len(id) && bytes.HasSuffix(k, id) {
			stale = append(stale, bytes.Clone(k))
		}
		return nil
	})
	for _, k := range stale {
		if err := bk.Delete(k); err != nil {
			return err
		}
	}
	return nil
}

// dropDamagedOf deletes the client's tasks, appointments and requests
// that the client's indexes still list once the sound ones are deleted:
// the damaged ones, which no read returns. Each goes with every index
// entry that names its id.
func (tx *Tx) dropDamagedOf(id string) error {
	pre := prefix(id)
	for _, k := range keysWithPrefix(tx.bucket(bTaskClient), pre) {
		tid := k[len(pre):]
		if err := tx.dropIndexedByID(bTaskDue, tid, 4); err != nil {
			return err
		}
		if err := tx.dropIndexedByID(bTaskDone, tid, doneKeyLen); err != nil {
			return err
		}
		var origins [][]byte
		_ = tx.bucket(bTaskOrigin).ForEach(func(o, v []byte) error {
			if bytes.Equal(v, tid) {
				origins = append(origins, bytes.Clone(o))
			}
			return nil
		})
		for _, o := range origins {
			if err := tx.bucket(bTaskOrigin).Delete(o); err != nil {
				return err
			}
		}
		if err := tx.bucket(bTasks).Delete(tid); err != nil {
			return err
		}
		if err := tx.bucket(bTaskClient).Delete(k); err != nil {
			return err
		}
	}
	for _, k := range keysWithPrefix(tx.bucket(bApptClient), pre) {
		aid := k[len(pre):]
		if err := tx.dropIndexedByID(bApptStart, aid, 8); err != nil {
			return err
		}
		if err := tx.bucket(bAppts).Delete(aid); err != nil {
			return err
		}
		if err := tx.bucket(bApptClient).Delete(k); err != nil {
			return err
		}
	}
	for _, k := range keysWithPrefix(tx.bucket(bReqClient), pre) {
		rid := k[len(pre):]
		if open := tx.bucket(bReqOpen); open != nil {
			if err := open.Delete(rid); err != nil {
				return err
			}
		}
		if err := tx.bucket(bRequests).Delete(rid); err != nil {
			return err
		}
		if err := tx.bucket(bReqClient).Delete(k); err != nil {
			return err
		}
	}
	return nil
}

// sweepPostings takes the client id out of every list of the kept search
// index: when one of the client's notes is damaged, the words it was
// indexed under are unknown.
func (tx *Tx) sweepPostings(id string) error {
	if err := tx.flushDeferred(); err != nil {
		return err
	}
	fw := tx.bucket(bSearch)
	if fw == nil {
		return nil
	}
	type chunk struct {
		base, key []byte
		ids       []string
	}
	var hit []chunk
	_ = fw.ForEach(func(k, v []byte) error {
		if !bytes.Contains(v, []byte(id)) {
			return nil
		}
		ids := splitIDs(v)
		i := slices.Index(ids, id)
		if i < 0 || len(ids[0]) > len(k) {
			return nil
		}
		base := bytes.Clone(k[:len(k)-len(ids[0])])
		hit = append(hit, chunk{base, bytes.Clone(k), slices.Delete(ids, i, i+1)})
		return nil
	})
	for _, c := range hit {
		if err := putChunk(fw, c.base, c.key, c.ids); err != nil {
			return err
		}
	}
	return nil
}
