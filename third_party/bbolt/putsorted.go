package bbolt

// This file is vipbook's patch of bbolt v1.5.0 (see VIPBOOK.md): it adds
// Bucket.PutSorted and nothing else; every other file is the module as
// released.

import (
	"bytes"
	stderrors "errors"
	"slices"

	"go.etcd.io/bbolt/errors"
	"go.etcd.io/bbolt/internal/common"
)

// ErrKeysNotSorted is returned by PutSorted when its keys are not in
// strictly increasing order; nothing is stored.
var ErrKeysNotSorted = stderrors.New("keys not in increasing order")

// PutSorted stores n key/value pairs, at(i) giving the i-th, with the same
// result as n calls of Put in that order. The keys must be in strictly
// increasing order (ErrKeysNotSorted otherwise). Every pair is checked
// before any is stored, so an error (ErrKeyRequired, ErrKeyTooLarge,
// ErrValueTooLarge, ErrKeysNotSorted) stores none of them.
//
// When the first key sorts after every key the bucket holds (a bucket
// being filled, an index whose keys only grow), the pairs are appended to
// the bucket's last leaf at once, where Put would put each of them: no
// walk of the tree and no binary search for each key, the leaf's room made
// once and the keys copied into one block. Otherwise each pair is Put.
//
// As with Put, a value must not change until the transaction ends; the
// keys are copied.
func (b *Bucket) PutSorted(n int, at func(i int) (key, value []byte)) error {
	if b.tx.db == nil {
		return errors.ErrTxClosed
	} else if !b.Writable() {
		return errors.ErrTxNotWritable
	}
	if n <= 0 {
		return nil
	}
	size := 0
	var prev []byte
	for i := 0; i < n; i++ {
		k, v := at(i)
		switch {
		case len(k) == 0:
			return errors.ErrKeyRequired
		case len(k) > MaxKeySize:
			return errors.ErrKeyTooLarge
		case int64(len(v)) > MaxValueSize:
			return errors.ErrValueTooLarge
		case i > 0 && bytes.Compare(prev, k) >= 0:
			return ErrKeysNotSorted
		}
		prev = k
		size += len(k)
	}

	first, _ := at(0)
	c := b.Cursor()
	last, _ := c.Last()
	if b.tx.db.Logger() != discardLogger || last != nil && bytes.Compare(last, first) >= 0 {
		for i := 0; i < n; i++ {
			if err := b.Put(at(i)); err != nil {
				return err
			}
		}
		return nil
	}

	// Every key sorts after the bucket's: Put would find the last leaf
	// for each (its parents' separating keys are all before them), and
	// insert it at the leaf's end.
	c.seek(first)
	leaf := c.node()
	block := make([]byte, size)
	leaf.inodes = slices.Grow(leaf.inodes, n)
	for i := 0; i < n; i++ {
		k, v := at(i)
		key := block[:len(k):len(k)]
		copy(key, k)
		block = block[len(k):]
		leaf.inodes = append(leaf.inodes, common.Inode{})
		in := &leaf.inodes[len(leaf.inodes)-1]
		in.SetKey(key)
		in.SetValue(v)
	}
	return nil
}
