package bbolt

// This file is vipbook's patch of bbolt v1.5.0 (see VIPBOOK.md): it adds
// Bucket.PutSorted, and Cursor.onFirstLeaf for a three-line fix of
// Cursor.Last in cursor.go; every other file is the module as released.

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
// before any is stored, so ErrKeyRequired, ErrKeyTooLarge,
// ErrValueTooLarge or ErrKeysNotSorted stores none of them; an error of
// Put itself (ErrIncompatibleValue: a key that names a nested bucket)
// comes after the pairs before it were stored, as with n Puts. at must
// give the same pair for the same i each time (it is asked two or three
// times).
//
// When the first key goes down the last child of every branch and sorts
// after every key of that last leaf (a bucket being filled, an index
// whose keys only grow), the pairs are appended to that leaf at once,
// where Put would put each of them: no walk of the tree and no binary
// search for each key, the leaf's room made once and the keys copied into
// one block. Otherwise each pair is Put.
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

	// Every key goes to the bucket's last leaf, after its keys, when the
	// first one goes down the last child of every branch (their separating
	// keys are at or before it, so those of the later keys too) and sorts
	// after the keys of that leaf (every key of the leaves before it sorts
	// before the separating key). Cursor.Last is not asked: it skips a
	// last leaf emptied in this transaction, whose separating key stays in
	// its parent until the commit (a key after every key left may then go
	// to the leaf before it, a greater one to the emptied leaf), and in
	// v1.5.0 it never returned once every leaf of a tree was emptied
	// (onFirstLeaf below).
	first, _ := at(0)
	c := b.Cursor()
	c.seek(first)
	rightmost := true
	for _, ref := range c.stack[:len(c.stack)-1] {
		rightmost = rightmost && ref.index == ref.count()-1
	}
	var leaf *node
	if rightmost {
		leaf = c.node()
	}
	if b.tx.db.Logger() != discardLogger || leaf == nil ||
		len(leaf.inodes) > 0 && bytes.Compare(leaf.inodes[len(leaf.inodes)-1].Key(), first) >= 0 {
		for i := 0; i < n; i++ {
			if err := b.Put(at(i)); err != nil {
				return err
			}
		}
		return nil
	}

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

// onFirstLeaf reports whether the cursor is on the bucket's first leaf
// (every branch above it at its first child). Cursor.Last, on an empty
// last leaf, goes back leaf by leaf to one that is not empty; once every
// leaf of a tree was emptied in the transaction, prev from the first leaf
// went back to the first leaf, and Last never returned (upstream v1.5.0).
// Now it returns nil there, as for an empty bucket.
func (c *Cursor) onFirstLeaf() bool {
	for _, ref := range c.stack[:len(c.stack)-1] {
		if ref.index != 0 {
			return false
		}
	}
	return true
}
