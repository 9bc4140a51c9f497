package bbolt

import (
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

var (
	randomSeeds = flag.Int("seeds", 4, "seeds of TestPutSortedRandom (each about 1.3 s; 160 passed)")
	noClear     = flag.Bool("noclear", false, "no step deletes every key of a bucket (Cursor.Last spins on a tree of empty leaves)")
)

// step is one operation; the same sequence runs on two files, one with
// Put for every batch, one with PutSorted.
type step struct {
	kind   int // 0 batch, 1 delete suffix, 2 delete random, 3 single put, 4 new tx, 5 nested bucket, 6 fill percent, 7 delete all
	keys   [][]byte
	vals   [][]byte
	n      int
	fill   float64
	bucket int
}

func randKey(r *rand.Rand, n uint32) []byte {
	k := make([]byte, 4, 4+8)
	binary.BigEndian.PutUint32(k, n)
	for i := r.Intn(3); i > 0; i-- {
		k = append(k, byte(r.Intn(256)))
	}
	return k
}

type model struct {
	m    map[string]string
	subs map[string]bool
}

func (md *model) sorted() []string {
	var ks []string
	for k := range md.m {
		ks = append(ks, k)
	}
	for k := range md.subs {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// genSteps makes a sequence for bucket models (2 buckets).
func genSteps(r *rand.Rand, nsteps int, deletes bool) []step {
	models := []*model{{map[string]string{}, map[string]bool{}}, {map[string]string{}, map[string]bool{}}}
	shared := bytes.Repeat([]byte("s"), 37)
	big := bytes.Repeat([]byte("B"), 9000)
	var steps []step
	val := func() []byte {
		switch r.Intn(10) {
		case 0:
			return shared
		case 1:
			return big[:4000+r.Intn(5000)]
		case 2:
			return nil
		default:
			v := make([]byte, r.Intn(60))
			r.Read(v)
			return v
		}
	}
	maxOf := func(md *model) uint32 {
		ks := md.sorted()
		if len(ks) == 0 {
			return uint32(r.Intn(1000))
		}
		return binary.BigEndian.Uint32([]byte(ks[len(ks)-1])[:4])
	}
	// One bucket and at most one nested bucket a transaction: bbolt
	// spills the buckets a transaction opened in map order, so two of them
	// make files that differ from run to run.
	bi, nested := r.Intn(2), false
	for len(steps) < nsteps {
		md := models[bi]
		switch k := r.Intn(20); {
		case k < 8: // batch
			n := 1 + r.Intn(800)
			var base uint32
			switch r.Intn(3) {
			case 0:
				base = maxOf(md) + 1
			case 1:
				base = maxOf(md) - uint32(r.Intn(50))
			default:
				base = uint32(r.Intn(int(maxOf(md)) + 10))
			}
			set := map[string]bool{}
			var ks [][]byte
			for i := 0; i < n; i++ {
				kk := randKey(r, base+uint32(r.Intn(n*3+1)))
				if set[string(kk)] || md.subs[string(kk)] {
					continue
				}
				set[string(kk)] = true
				ks = append(ks, kk)
			}
			sort.Slice(ks, func(i, j int) bool { return bytes.Compare(ks[i], ks[j]) < 0 })
			var vs [][]byte
			for _, kk := range ks {
				v := val()
				vs = append(vs, v)
				md.m[string(kk)] = string(v)
			}
			steps = append(steps, step{kind: 0, keys: ks, vals: vs, bucket: bi})
		case !deletes && (k < 12 || k >= 19):
			continue
		case k < 11: // delete a suffix
			ks := md.sorted()
			d := r.Intn(400)
			var del [][]byte
			for i := len(ks) - 1; i >= 0 && len(del) < d; i-- {
				if md.subs[ks[i]] {
					continue
				}
				del = append(del, []byte(ks[i]))
				delete(md.m, ks[i])
			}
			steps = append(steps, step{kind: 1, keys: del, bucket: bi})
		case k < 12:
			ks := md.sorted()
			var del [][]byte
			for i := r.Intn(100); i > 0 && len(ks) > 0; i-- {
				j := r.Intn(len(ks))
				if !md.subs[ks[j]] {
					del = append(del, []byte(ks[j]))
					delete(md.m, ks[j])
				}
			}
			steps = append(steps, step{kind: 2, keys: del, bucket: bi})
		case k < 14: // single Put of an existing or new key
			ks := md.sorted()
			var kk []byte
			if len(ks) > 0 && r.Intn(2) == 0 {
				kk = []byte(ks[len(ks)-1-r.Intn(min(len(ks), 50))])
			} else {
				kk = randKey(r, maxOf(md)+uint32(r.Intn(40))-20)
			}
			if md.subs[string(kk)] {
				continue
			}
			v := val()
			md.m[string(kk)] = string(v)
			steps = append(steps, step{kind: 3, keys: [][]byte{kk}, vals: [][]byte{v}, bucket: bi})
		case k < 17:
			steps = append(steps, step{kind: 4})
			bi, nested = r.Intn(2), false
		case k < 18:
			if nested {
				continue
			}
			nested = true
			kk := randKey(r, maxOf(md)+uint32(r.Intn(20))-10)
			if _, ok := md.m[string(kk)]; ok || md.subs[string(kk)] {
				continue
			}
			md.subs[string(kk)] = true
			steps = append(steps, step{kind: 5, keys: [][]byte{kk}, bucket: bi})
		case k < 19:
			steps = append(steps, step{kind: 6, fill: []float64{0.1, 0.5, 0.9, 1}[r.Intn(4)], bucket: bi})
		default:
			if r.Intn(4) != 0 || *noClear {
				continue
			}
			ks := md.sorted()
			var del [][]byte
			for _, s := range ks {
				if !md.subs[s] {
					del = append(del, []byte(s))
					delete(md.m, s)
				}
			}
			steps = append(steps, step{kind: 7, keys: del, bucket: bi})
		}
	}
	return steps
}

// runSteps writes the steps; it checks every key in the transaction
// after a batch against a model.
func runSteps(t *testing.T, path string, sorted bool, steps []step) {
	db, err := Open(path, 0600, &Options{PageSize: 4096})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	names := [][]byte{[]byte("one"), []byte("two")}
	models := []map[string]string{{}, {}}
	tx, err := db.Begin(true)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { tx.Rollback() }() // before Close, which waits for it
	bucket := func(i int) *Bucket {
		b, err := tx.CreateBucketIfNotExists(names[i])
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	for si, s := range steps {
		switch s.kind {
		case 0, 3:
			b := bucket(s.bucket)
			if sorted && s.kind == 0 {
				if err := b.PutSorted(len(s.keys), func(i int) ([]byte, []byte) { return s.keys[i], s.vals[i] }); err != nil {
					t.Fatalf("step %d: %v", si, err)
				}
			} else {
				for i := range s.keys {
					if err := b.Put(s.keys[i], s.vals[i]); err != nil {
						t.Fatalf("step %d: %v", si, err)
					}
				}
			}
			for i := range s.keys {
				models[s.bucket][string(s.keys[i])] = string(s.vals[i])
			}
			// In the transaction, every key of the model reads back.
			for k, v := range models[s.bucket] {
				if got := b.Get([]byte(k)); !bytes.Equal(got, []byte(v)) && !(got == nil && v == "") {
					t.Fatalf("sorted=%v step %d: Get(%x) = %d bytes, want %d", sorted, si, k, len(got), len(v))
				}
			}
		case 1, 2, 7:
			b := bucket(s.bucket)
			for _, k := range s.keys {
				if err := b.Delete(k); err != nil {
					t.Fatal(err)
				}
				delete(models[s.bucket], string(k))
			}
		case 4:
			if err := tx.Commit(); err != nil {
				t.Fatal(err)
			}
			if tx, err = db.Begin(true); err != nil {
				t.Fatal(err)
			}
		case 5:
			b := bucket(s.bucket)
			nb, err := b.CreateBucket(s.keys[0])
			if err != nil {
				t.Fatalf("step %d: %v", si, err)
			}
			if err := nb.Put([]byte("x"), []byte("y")); err != nil {
				t.Fatal(err)
			}
		case 6:
			bucket(s.bucket).FillPercent = s.fill
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := db.View(func(tx *Tx) error {
		for err := range tx.Check() {
			return err
		}
		for i, name := range names {
			b := tx.Bucket(name)
			n := 0
			if b != nil {
				b.ForEach(func(k, v []byte) error {
					if v != nil {
						n++
						if want, ok := models[i][string(k)]; !ok || want != string(v) {
							t.Errorf("sorted=%v %s: %x holds %d bytes, want %d (present %v)", sorted, name, k, len(v), len(want), ok)
						}
					}
					return nil
				})
			}
			if n != len(models[i]) {
				t.Errorf("sorted=%v %s: %d keys, want %d", sorted, name, n, len(models[i]))
			}
		}
		return nil
	}); err != nil {
		t.Fatalf("sorted=%v check: %v", sorted, err)
	}
}

// TestPutSortedRandom: random transactions (batches at the end, among,
// straddling, after suffixes deleted, everything deleted, nested buckets,
// FillPercent, values over a page, a value shared) give the same file with
// PutSorted as with Put, and every key reads back in the transaction.
func TestPutSortedRandom(t *testing.T) {
	for seed := 1; seed <= *randomSeeds; seed++ {
		deletes := seed%2 == 0
		t.Run(fmt.Sprint(seed, " deletes=", deletes), func(t *testing.T) {
			steps := genSteps(rand.New(rand.NewSource(int64(seed))), 120, deletes)
			dir := t.TempDir()
			a, b := filepath.Join(dir, "put.db"), filepath.Join(dir, "sorted.db")
			runSteps(t, a, false, steps)
			runSteps(t, b, true, steps)
			x, _ := os.ReadFile(a)
			y, _ := os.ReadFile(b)
			// With deletes, bbolt's rebalance walks its nodes in map order:
			// files of the same steps differ from run to run (Put and Put
			// too); without, they are the same byte for byte.
			if !deletes && !bytes.Equal(x, y) {
				t.Errorf("files differ (%d, %d bytes)%s", len(x), len(y), firstDiff(x, y))
			}
		})
	}
}

func firstDiff(x, y []byte) string {
	var out string
	n := 0
	for i := 0; i < min(len(x), len(y)); i += 4096 {
		if !bytes.Equal(x[i:min(i+4096, len(x))], y[i:min(i+4096, len(y))]) {
			j := i
			for x[j] == y[j] {
				j++
			}
			out += fmt.Sprintf(" page %d (flags %x/%x) at +%d;", i/4096, binary.LittleEndian.Uint16(x[i+8:]), binary.LittleEndian.Uint16(y[i+8:]), j-i)
			if n++; n > 5 {
				break
			}
		}
	}
	return out
}
