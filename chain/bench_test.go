package chain

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/vipbook/vipbook/internal/pgtest"
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

// BenchmarkMigrate0008: how long migration 0008's ALTER COLUMN body TYPE
// json holds the events table (it rewrites the table and its indexes
// under an exclusive lock) on a chain of 1,000,000 records (some 470 bytes
// each, 462 MB with the indexes), generated at 0007 with generate_series.
// Reports the wall time and the server's processor time of the migration
// (docs/chain.md, "Upgrading").
//
//	go test -run '^$' -bench BenchmarkMigrate0008 -benchtime 1x ./chain/
func BenchmarkMigrate0008(b *testing.B) {
	const n, clients = 1000000, 50000
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		pg := pgtest.Server(b)
		db := pg.NewDatabase(b)
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Minute)
		if _, err := migrateTo(ctx, pg.AdminDSN(db), 7); err != nil {
			b.Fatal(err)
		}
		pg.Exec(b, db, fmt.Sprintf(`INSERT INTO stores (name) VALUES ('osaka');
			INSERT INTO associates (name, store) VALUES ('anna', 'osaka');
			INSERT INTO clients (id, store, associate, name, seq)
				SELECT 'b/c' || i, 'osaka', 'anna', 'client ' || i, 1 FROM generate_series(1, %[2]d) i;
			INSERT INTO events (id, client_id, kind, at, is_contact, seq, body)
				SELECT 'b/' || md5(i::text), 'b/c' || (i %% %[2]d + 1), 'note', now(), true, 1,
					jsonb_build_object('id', md5(i::text), 'client_id', 'c' || i, 'kind', 'visit', 'at', now(), 'author', 'anna',
						'text', 'tried the navy loafers, size 38, asked about the spring catalogue and a matching belt')
				FROM generate_series(1, %[1]d) i;
			ANALYZE events`, n, clients))
		cpu := pg.CPU()
		b.StartTimer()
		start := time.Now()
		if _, err := Migrate(ctx, pg.AdminDSN(db)); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		b.Logf("%d records: 0008 took %s wall, %s of the server's processor time", n, time.Since(start).Round(10*time.Millisecond), pg.CPU()-cpu)
		cancel()
	}
}
