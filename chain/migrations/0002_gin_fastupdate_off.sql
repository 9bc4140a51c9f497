-- 0002: the phone and card indexes of chain find keep no pending list
-- (fastupdate off): with one, every find scans the entries added since the
-- last vacuum, and after a first sync of many clients a find by phone took
-- 100 ms instead of 1 (BENCHMARKS.md). A write of a client pays the index
-- update at once instead. PostgreSQL's storage parameter; CockroachDB's
-- inverted indexes have none.
ALTER INDEX clients_phones SET (fastupdate = off);
ALTER INDEX clients_cards SET (fastupdate = off);
