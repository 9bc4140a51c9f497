package chain

import (
	"context"
	"testing"
	"time"
)

// BenchmarkFind1M: chain find among 1,000,000 clients of 1,000 associates
// in 50 stores, generated in the database with generate_series (about a
// minute to build), as an associate of the chain would ask: by phone, by
// card, by the beginning of a Chinese name shared by ~40 clients, by a
// common surname (thousands match; the first 20 are returned), and by a
// Latin name. Target: 20 ms at the database (BENCHMARKS.md).
//
//	go test -run '^$' -bench BenchmarkFind1M -benchtime 200x ./chain/
func BenchmarkFind1M(b *testing.B) {
	pg, db := migratedB(b)
	ctx := context.Background()
	start := time.Now()
	pg.Exec(b, db, `
		INSERT INTO stores (name) SELECT 'store' || s FROM generate_series(1, 50) s;
		INSERT INTO associates (name, store) SELECT 'assoc' || a, 'store' || (a % 50 + 1) FROM generate_series(0, 999) a;
		INSERT INTO clients (id, store, associate, name, latin_name, phones, cards, tier, spend, last_visit, seq)
		SELECT 'bk' || (i % 1000) || '/' || i, 'store' || (i % 1000 % 50 + 1), 'assoc' || (i % 1000),
			(ARRAY['王','李','张','刘','陈','杨','黄','赵','吴','周'])[i % 10 + 1]
				|| substr('小明华丽芳伟强军敏静娜秀英杰涛磊洋勇艳娟霞平刚桂兰玉珍凤云建国志红梅丹萍鹏飞超斌宇浩然欣怡婷', (i / 10) % 50 + 1, 1)
				|| substr('安宁晨曦雨露春秋冬夏子涵梓轩诗琪雅雯博文思远嘉怡佳琪俊杰天佑晓彤欣然若汐一鸣逸凡子墨沐宸语桐', (i / 500) % 50 + 1, 1),
			'Client ' || i,
			ARRAY['86138' || lpad(i::text, 8, '0')], ARRAY['VIP' || i],
			(ARRAY['A','B','C','D'])[i % 4 + 1], (i % 997) * 100, date '2026-01-01' + (i % 300), 1
		FROM generate_series(0, 999999) i;
		`)
	pg.Exec(b, db, "VACUUM ANALYZE clients")
	b.Logf("1M clients generated in %s", time.Since(start).Round(time.Second))
	pg.Exec(b, db, "CREATE ROLE bench_assoc LOGIN PASSWORD 'bench-pw' IN ROLE vipbook_associate; INSERT INTO associates (name, store) VALUES ('bench_assoc', 'store1')")
	b.Cleanup(func() { pg.Exec(b, "postgres", "DROP ROLE IF EXISTS bench_assoc") })
	c, err := Connect(ctx, pg.DSN(db, "bench_assoc", "bench-pw"))
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	for _, q := range []struct{ name, typed string }{
		{"phone", "138 0042 4242"},
		{"card", "vip424242"},
		{"name", "王华安"},
		{"surname", "王"},
		{"latin", "client 42424"},
	} {
		b.Run(q.name, func(b *testing.B) {
			query := ParseQuery(q.typed, "86")
			found, err := c.Find(ctx, query)
			if err != nil || len(found) == 0 {
				b.Fatalf("%q: %v %v", q.typed, found, err)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := c.Find(ctx, query); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			var plan string
			if err := c.Pool().QueryRow(ctx, "EXPLAIN (ANALYZE, FORMAT TEXT) SELECT * FROM chain_find($1, $2, $3, $4)",
				query.Phone, query.Card, query.Name, FindLimit).Scan(&plan); err == nil {
				b.Logf("%s: %d found; %s", q.name, len(found), plan)
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/find")
		})
	}
}
