package handover

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"
	"time"

	"github.com/vipbook/vipbook/demo/demobench"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// BenchmarkHandover10k hands the whole 10k-client demo book (about 100k
// notes) to an empty book: export (read, write the bundle, mark every
// client) plus import (decrypt and decode beside matching, adding and
// loading, one transaction), both committed to disk. The scrypt work factor is the lowest, so the key
// derivation (about a second each way at age's default) is left out. The
// collector runs as `vipbook handover export` and `import` set it (cli's
// collectorForBatch(batchWrite): GC percent 400 for the one big
// transaction each); run with GOGC=100 to see the default's cost.
func BenchmarkHandover10k(b *testing.B) {
	src := demobench.Path(b, 10_000)
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(400))
	}
	var counts Counts
	var exportT, importT time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		dir := b.TempDir()
		giverPath := filepath.Join(dir, "giver.db")
		copyFile(b, src, giverPath)
		giver, err := store.Open(giverPath, store.Options{Now: demobench.Now})
		if err != nil {
			b.Fatal(err)
		}
		recv, err := store.Init(filepath.Join(dir, "receiver.db"), store.Meta{Associate: "Wang Fang"},
			store.Options{Now: demobench.Now, MmapSize: 1 << 30})
		if err != nil {
			b.Fatal(err)
		}
		var ids []string
		_ = giver.View(func(tx *store.Tx) error {
			sums, err := tx.Summaries()
			for _, s := range sums {
				if s.Status != profile.Archived {
					ids = append(ids, s.ID)
				}
			}
			return err
		})
		bundle := filepath.Join(dir, "handover.age")
		b.StartTimer()

		t0 := time.Now()
		res, err := Export(giver, ids, bundle, ExportOptions{To: "Wang Fang", Passphrase: pass, WorkFactor: 1})
		if err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		f, err := os.Open(bundle)
		if err != nil {
			b.Fatal(err)
		}
		rep, err := ApplyFile(recv, f, pass, ImportOptions{}, false)
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
		exportT += t1.Sub(t0)
		importT += time.Since(t1)

		b.StopTimer()
		counts = res.Counts
		// A few demo clients share a name and birthday: they merge.
		if rep.New+rep.Merged != len(ids) || rep.New < len(ids)*99/100 {
			b.Fatalf("imported %d new and %d merged clients of %d", rep.New, rep.Merged, len(ids))
		}
		if st, err := os.Stat(bundle); err == nil {
			b.ReportMetric(float64(st.Size())/(1<<20), "MiB-bundle")
		}
		giver.Close()
		recv.Close()
		b.StartTimer()
	}
	n := float64(b.N)
	b.ReportMetric(float64(exportT.Milliseconds())/n, "export-ms")
	b.ReportMetric(float64(importT.Milliseconds())/n, "import-ms")
	b.ReportMetric(float64(counts.Notes), "notes")
	b.ReportMetric(float64(counts.Clients), "clients")
}

func copyFile(b *testing.B, from, to string) {
	raw, err := os.ReadFile(from)
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(to, raw, 0o600); err != nil {
		b.Fatal(err)
	}
}
