package book

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// keptBenchBook returns a book of n generated clients (Chinese names from
// common surnames and given names, a mobile each, one occupation of 20
// with 律师 among them, a shoe size EU 35-45, a city), written through
// AddClients so that every kept index (the search lists, the search rows,
// the value and brief records) is the one writes keep, and cached in the
// temp dir: the demo generator would take far longer for a million
// clients, with notes and purchases the kept search does not read for
// these queries.
func keptBenchBook(b *testing.B, n int) string {
	b.Helper()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("vipbook-keptbench-v1-%d.db", n))
	if store.Exists(path) {
		return path
	}
	tmp := path + ".part"
	os.Remove(tmp)
	now := func() time.Time { return time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC) }
	st, err := store.Init(tmp, store.Meta{Associate: "bench", CountryCode: "86"}, store.Options{Now: now})
	if err != nil {
		b.Fatal(err)
	}
	sur := []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆")
	given := []rune("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华文玉萍红飞鑫波宇浩凯晨欣怡佳琳婷雪梅颖慧嘉子涵轩思雨晓小凡长乐行重朝燕蕾瑶")
	jobs := []string{"律师", "医生", "教师", "工程师", "会计", "设计师", "记者", "投资人", "企业主", "建筑师",
		"银行家", "演员", "作家", "外交官", "飞行员", "律所合伙人助理", "基金经理", "画家", "摄影师", "顾问"}
	cities := []string{"上海", "北京", "杭州", "苏州", "深圳", "广州", "成都", "Hong Kong"}
	rng := rand.New(rand.NewPCG(7, uint64(n)))
	const batch = 20_000
	for done := 0; done < n; done += batch {
		ps := make([]*profile.Profile, 0, batch)
		for i := done; i < min(n, done+batch); i++ {
			name := string(sur[rng.IntN(len(sur))]) + string(given[rng.IntN(len(given))])
			if rng.IntN(3) > 0 {
				name += string(given[rng.IntN(len(given))])
			}
			ps = append(ps, &profile.Profile{Name: name, City: cities[rng.IntN(len(cities))],
				Phones:     []profile.Phone{{Number: fmt.Sprintf("1%d%09d", 3+rng.IntN(6), rng.IntN(1_000_000_000))}},
				Occupation: jobs[rng.IntN(len(jobs))],
				Sizes:      []profile.Size{{Category: "shoes", System: "EU", Value: fmt.Sprint(35 + rng.IntN(11))}}})
		}
		if err := st.WithoutHooks().Update(func(tx *store.Tx) error { return tx.AddClients(ps) }); err != nil {
			b.Fatal(err)
		}
	}
	if err := st.Close(); err != nil {
		b.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkFindKept is a search from the kept index (book.FindKept, as
// vipbook search and the app's / run it) on generated books of 100k and
// 1M clients (1M without -short; built once, about a minute per 100k
// clients on a quiet machine, and cached in the temp dir), the book open:
// a name's two characters, a phone's four digits, an occupation one
// client in twenty has (the found clients ranked from their search rows),
// a shoe size with the occupation. The target for the whole vipbook
// search at 1M is 40 ms.
func BenchmarkFindKept(b *testing.B) {
	for _, n := range []int{100_000, 1_000_000} {
		if n > 100_000 && testing.Short() {
			continue
		}
		path := keptBenchBook(b, n)
		bk, err := store.Open(path, store.Options{ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		today := civil.Date{Year: 2026, Month: time.November, Day: 24}
		cfg := config.Default().Tiers
		for _, q := range []string{"王小", "0013", "occupation:律师", "size:shoes=39 occupation:律师"} {
			b.Run(fmt.Sprintf("%dk/%s", n/1000, q), func(b *testing.B) {
				found := 0
				for b.Loop() {
					if err := bk.View(func(tx *store.Tx) error {
						f, err := FindKept(tx, q, today, cfg, 0)
						found = len(f.Clients)
						return err
					}); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(found), "found")
			})
		}
		bk.Close()
	}
}
