package interchange

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/vipbook/vipbook/demo/demobench"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// manyVCards writes n vCards as a phone exports them: 2.1 with
// quoted-printable Chinese names, two numbers, an e-mail, a birthday, a
// note and a category.
func manyVCards(n int) []byte {
	var b bytes.Buffer
	family := []string{"王", "李", "张", "刘", "陈", "杨", "黄", "赵"}
	given := []string{"小明", "静", "伟", "芳", "娜", "秀英", "磊", "洋"}
	for i := 0; i < n; i++ {
		name := family[i%8] + given[(i/8)%8] + fmt.Sprint(i)
		qp := ""
		for _, c := range []byte(name) {
			qp += fmt.Sprintf("=%02X", c)
		}
		fmt.Fprintf(&b, "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:%s;;;;\r\nFN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:%s\r\n", qp, qp)
		fmt.Fprintf(&b, "TEL;CELL;PREF:+86 139 %04d %04d\r\nTEL;HOME:021-6%03d-%04d\r\nEMAIL;PREF;INTERNET:client%d@example.cn\r\n", i/10000, i%10000, i%1000, i%10000, i)
		fmt.Fprintf(&b, "BDAY:19%02d%02d%02d\r\nNOTE:Likes navy\\, size M; prefers weekday evenings\r\nCATEGORIES:VIP\r\nEND:VCARD\r\n", 50+i%50, 1+i%12, 1+i%28)
	}
	return b.Bytes()
}

// BenchmarkImport10kVCards imports 10,000 vCards into an empty book:
// parse, plan against the book and write, in one transaction (the target
// is 1 s).
func BenchmarkImport10kVCards(b *testing.B) {
	benchImport(b, "phone.vcf", manyVCards(10_000), func(pl *Plan) error {
		if len(pl.New) != 10_000 {
			return fmt.Errorf("%d new, skipped %v", len(pl.New), pl.Skipped[:min(3, len(pl.Skipped))])
		}
		return nil
	})
}

// benchImport imports data, a file named name, into an empty book at
// each round, as vipbook import does: the book mapped ahead for it, then
// parse, plan against the book (check says what is wrong with the plan)
// and write, in one transaction; the book's opening and closing are not
// timed.
func benchImport(b *testing.B, name string, data []byte, check func(*Plan) error) {
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		b.StopTimer()
		book := newBookWith(b, store.Options{MmapSize: MapAhead(0, int64(len(data)))}) // as vipbook import opens it
		b.StartTimer()
		src, err := Parse(name, data, ParseOptions{CC: "86"})
		if err != nil {
			b.Fatal(err)
		}
		err = book.Update(func(tx *store.Tx) error {
			pl, err := MakePlan(tx, src, PlanOptions{})
			if err != nil {
				return err
			}
			if err := check(pl); err != nil {
				return err
			}
			return Apply(tx, pl, nil)
		})
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		book.Close()
		b.StartTimer()
	}
}

// BenchmarkReimport10kVCards imports the same 10,000 vCards into the book
// that already has them: every record is matched and found unchanged.
func BenchmarkReimport10kVCards(b *testing.B) {
	data := manyVCards(10_000)
	book := newBook(b)
	if _, err := importFile(b, book, "phone.vcf", data, ParseOptions{}); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		src, err := Parse("phone.vcf", data, ParseOptions{CC: "86"})
		if err != nil {
			b.Fatal(err)
		}
		err = book.Update(func(tx *store.Tx) error {
			pl, err := MakePlan(tx, src, PlanOptions{})
			if err == nil && len(pl.Unchanged) != 10_000 {
				err = fmt.Errorf("%d unchanged", len(pl.Unchanged))
			}
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkImport10kDemoVCards imports the vCards of a 10k demo book (its
// clients exported with WriteVCard: addresses, dates, family and some
// eight notes a card, 82k in all) into an empty book, as `vipbook import`
// of such a file does: the vCard row of BENCHMARKS.md's side by side with
// 17a81b1. The notes' and the fields' search postings (830k, in 190k
// lists) are most of what the kept search index costs it.
func BenchmarkImport10kDemoVCards(b *testing.B) {
	demoBook, err := store.Open(demobench.Small(b, 10_000, 1), store.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	err = demoBook.View(func(tx *store.Tx) error {
		var ids []string
		if err := tx.EachSummary(func(s *profile.Summary) error { ids = append(ids, s.ID); return nil }); err != nil {
			return err
		}
		ex, err := Collect(tx, ids)
		if err != nil {
			return err
		}
		return WriteVCard(&buf, ex)
	})
	demoBook.Close()
	if err != nil {
		b.Fatal(err)
	}
	benchImport(b, "demo.vcf", buf.Bytes(), func(pl *Plan) error {
		if len(pl.New) < 9_900 {
			return fmt.Errorf("%d new of 10,000 cards", len(pl.New))
		}
		return nil
	})
}
