package search_test

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/search"
)

// Books for the benchmarks are generated in memory, with the name mix of
// the demo book (60% Chinese names, some with a latin name too, 40% latin
// ones), Chinese mobiles, a tier for every client (10% A, 20% B, 30% C,
// 40% D), cities and a few tags. A million clients through the demo
// generator and the store would take many minutes; summaries are what the
// search reads anyway.

var (
	benchSurnames = []string{"王", "王", "李", "李", "张", "张", "刘", "陈", "陈", "杨", "黄", "赵", "吴", "周",
		"徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "许",
		"韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜",
		"叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "单",
		"欧阳", "司马", "上官"}
	benchGiven = []string{"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰",
		"娟", "涛", "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华", "文", "玉", "萍", "红", "飞",
		"鑫", "波", "宇", "浩", "凯", "晨", "欣", "怡", "佳", "琳", "婷", "雪", "梅", "颖", "慧", "嘉",
		"子", "涵", "轩", "思", "雨", "晓", "小", "凡", "长", "乐", "行", "重", "朝", "燕", "蕾", "瑶"}
	benchFirst = []string{"Anne", "Sophie", "Claire", "Emma", "Olivia", "Isabelle", "Charlotte", "Amelia",
		"Grace", "Hannah", "Julia", "Laura", "Mia", "Nora", "Sarah", "Victoria", "Yuki", "Aiko", "Hana",
		"James", "Oliver", "Thomas", "Henry", "Lucas", "Louis", "Marco", "David", "Daniel", "Samuel",
		"Kenji", "Hiro", "Arjun", "Priya", "Elena", "Sofia", "Lena", "Max", "Felix", "Ines", "Chloe"}
	benchLast = []string{"Dubois", "Martin", "Bernard", "Smith", "Johnson", "Brown", "Taylor", "Wilson",
		"Müller", "Schmidt", "Rossi", "Bianchi", "García", "Fernández", "Tanaka", "Suzuki", "Sato",
		"Kim", "Park", "Lee", "Nguyen", "Patel", "Sharma", "Cohen", "O'Brien", "Novak", "Larsen",
		"Jensen", "Moreau", "Laurent", "Costa", "Silva", "Andersson", "Kowalski", "Ivanova"}
	benchLatinGiven = []string{"Michael", "Grace", "Vivian", "Kevin", "Cathy", "Eric", "Jenny", "Tony", "Lily",
		"Jason", "Amy", "Frank", "Helen", "Leo", "Iris", "Ryan", "Coco", "Eason", "Zoe", "Ivy"}
	benchCities = []string{"上海", "上海", "上海", "北京", "北京", "杭州", "苏州", "深圳", "广州", "成都",
		"Hong Kong", "Paris", "London", "Tokyo", "Singapore", "Milan", "New York", "Seoul"}
	benchTags = []string{"bridal", "corporate", "collector", "tourist", "new-2026"}

	benchBooks sync.Map // n -> []profile.Summary
)

func benchBook(n int) []profile.Summary {
	if v, ok := benchBooks.Load(n); ok {
		return v.([]profile.Summary)
	}
	rng := rand.New(rand.NewPCG(1, uint64(n)))
	pick := func(s []string) string { return s[rng.IntN(len(s))] }
	keys := map[string]string{}
	sums := make([]profile.Summary, n)
	for i := range sums {
		s := &sums[i]
		s.ID = fmt.Sprintf("c%07d", i)
		if rng.IntN(10) < 6 {
			sur := pick(benchSurnames)
			s.Name = sur + pick(benchGiven)
			if rng.IntN(3) > 0 {
				s.Name += pick(benchGiven)
			}
			if rng.IntN(4) == 0 {
				py := strings.Fields(search.Keys(sur))[0]
				s.LatinName = pick(benchLatinGiven) + " " + strings.ToUpper(py[:1]) + py[1:]
			}
			k, ok := keys[s.Name]
			if !ok {
				k = search.Keys(s.Name)
				keys[s.Name] = k
			}
			s.SearchKeys = k
		} else {
			s.LatinName = pick(benchFirst) + " " + pick(benchLast)
		}
		s.Phones = []string{fmt.Sprintf("861%d%09d", 3+rng.IntN(6), rng.IntN(1_000_000_000))}
		if rng.IntN(8) == 0 {
			s.Phones = append(s.Phones, fmt.Sprintf("8621%08d", rng.IntN(100_000_000)))
		}
		s.City = pick(benchCities)
		switch r := rng.IntN(10); {
		case r == 0:
			s.Tier = "A"
		case r < 3:
			s.Tier = "B"
		case r < 6:
			s.Tier = "C"
		default:
			s.Tier = "D"
		}
		if rng.IntN(3) == 0 {
			s.Tags = []string{pick(benchTags)}
		}
		for range rng.IntN(4) {
			s.Spends = append(s.Spends, profile.Spend{Date: today.AddDays(-rng.IntN(700)),
				Amount: profile.Money(1_000 + rng.IntN(50_000))})
		}
	}
	benchBooks.Store(n, sums)
	return sums
}

// benchQueries are typed letter by letter, as an associate types them.
var benchQueries = []string{"wang", "zxf", "138", "tier:A li", "王小", "sophie", "13812", "city:上海 zh"}

var benchSizes = []int{10_000, 100_000, 1_000_000}

// BenchmarkKeystroke measures the path a keystroke takes in the client
// list: search the text typed so far, narrowing from the recent results
// as the Searcher does, and rank the rows on screen (40). Each iteration
// types every query from its first letter; ms-p50 and ms-p99 are over
// every keystroke of every query.
func BenchmarkKeystroke(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("clients=%d", n), func(b *testing.B) {
			if n > 100_000 && testing.Short() {
				b.Skip("1M clients: not in -short")
			}
			sums := benchBook(n)
			ix := search.New(sums, search.Options{Today: today})
			var lat []time.Duration
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				for _, q := range benchQueries {
					var recent []*search.Result
					for i := range len(q) {
						if !isRuneStart(q, i+1) {
							continue
						}
						start := time.Now()
						r := ix.Search(q[:i+1], recent...)
						r.Top(40)
						lat = append(lat, time.Since(start))
						recent = append(recent, r)
						if len(recent) > 8 {
							recent = recent[1:]
						}
					}
				}
			}
			b.StopTimer()
			reportLatency(b, lat)
		})
	}
}

// BenchmarkKeystrokeRankAll is BenchmarkKeystroke ranking every match
// rather than the rows on screen: what a list that keeps all its hits in
// order pays (the TUI's client list today).
func BenchmarkKeystrokeRankAll(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("clients=%d", n), func(b *testing.B) {
			if n > 100_000 && testing.Short() {
				b.Skip("1M clients: not in -short")
			}
			ix := search.New(benchBook(n), search.Options{Today: today})
			var lat []time.Duration
			b.ResetTimer()
			for range b.N {
				for _, q := range benchQueries {
					var recent []*search.Result
					for i := range len(q) {
						if !isRuneStart(q, i+1) {
							continue
						}
						start := time.Now()
						r := ix.Search(q[:i+1], recent...)
						r.All()
						lat = append(lat, time.Since(start))
						recent = append(recent, r)
						if len(recent) > 8 {
							recent = recent[1:]
						}
					}
				}
			}
			b.StopTimer()
			reportLatency(b, lat)
		})
	}
}

// BenchmarkKeystrokeFresh is the same typing with no narrowing: each
// keystroke scans the whole book (what a search without the previous
// results, or after a backspace past them, costs).
func BenchmarkKeystrokeFresh(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("clients=%d", n), func(b *testing.B) {
			if n > 100_000 && testing.Short() {
				b.Skip("1M clients: not in -short")
			}
			ix := search.New(benchBook(n), search.Options{Today: today})
			var lat []time.Duration
			b.ResetTimer()
			for range b.N {
				for _, q := range benchQueries {
					for i := range len(q) {
						if !isRuneStart(q, i+1) {
							continue
						}
						start := time.Now()
						ix.Search(q[:i+1]).Top(40)
						lat = append(lat, time.Since(start))
					}
				}
			}
			b.StopTimer()
			reportLatency(b, lat)
		})
	}
}

// BenchmarkSearcher types through the Searcher, as the screen does:
// Submit on the keystroke, Wait for the reply (with 40 rows ranked) on
// another goroutine; the time is from Submit to the reply.
func BenchmarkSearcher(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("clients=%d", n), func(b *testing.B) {
			if n > 100_000 && testing.Short() {
				b.Skip("1M clients: not in -short")
			}
			ix := search.New(benchBook(n), search.Options{Today: today})
			var lat []time.Duration
			b.ResetTimer()
			for range b.N {
				s := search.NewSearcher(ix, 40)
				for _, q := range benchQueries {
					for i := range len(q) {
						if !isRuneStart(q, i+1) {
							continue
						}
						start := time.Now()
						if r := s.Wait(s.Submit(q[:i+1])); r.Stale {
							b.Fatal("stale reply to the latest query")
						}
						lat = append(lat, time.Since(start))
					}
				}
				s.Close()
			}
			b.StopTimer()
			reportLatency(b, lat)
		})
	}
}

// BenchmarkBuild measures building the index (once per book load) and the
// memory it keeps.
func BenchmarkBuild(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("clients=%d", n), func(b *testing.B) {
			if n > 100_000 && testing.Short() {
				b.Skip("1M clients: not in -short")
			}
			sums := benchBook(n)
			var ix *search.Index
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				ix = search.New(sums, search.Options{Today: today})
			}
			b.StopTimer()
			runtime.KeepAlive(ix) // the last build is used, so none is optimised away
			ix = nil
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			ix = search.New(sums, search.Options{Today: today})
			runtime.GC()
			runtime.ReadMemStats(&after)
			b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "MB-kept")
			runtime.KeepAlive(ix)
		})
	}
}

func isRuneStart(s string, i int) bool {
	return i == len(s) || s[i] < 0x80 || s[i] >= 0xC0
}

func reportLatency(b *testing.B, lat []time.Duration) {
	if len(lat) == 0 {
		return
	}
	slices.Sort(lat)
	at := func(p float64) float64 {
		i := min(len(lat)-1, int(float64(len(lat))*p))
		return float64(lat[i].Microseconds()) / 1000
	}
	b.ReportMetric(at(0.50), "ms-p50/key")
	b.ReportMetric(at(0.99), "ms-p99/key")
	b.ReportMetric(float64(lat[len(lat)-1].Microseconds())/1000, "ms-max/key")
	b.ReportMetric(0, "ns/op")
}
