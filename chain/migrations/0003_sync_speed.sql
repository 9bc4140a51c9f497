-- 0003: what a sync needs to be quick (BENCHMARKS.md, issue 16).
--
-- chain_seq: the chain's change number as the caller's snapshot sees it.
-- A pull reads it first in its repeatable-read transaction: every change
-- numbered up to it committed before the snapshot (a push holds the
-- clock's row from taking its number to its commit), so the book's cursor
-- moves to it even when every row since was its own, and the next pull
-- does not read those rows again.
CREATE FUNCTION chain_seq() RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
	SELECT seq FROM chain_clock WHERE id = 1
$$;

-- chain_refresh_summaries: what the chain shows of the clients p_ids
-- (spend, last visit, last contact, open requests), recomputed from all
-- their events in one pass over each client's events. SECURITY DEFINER:
-- the sums are the chain's, the same whoever asks (row-level security
-- would leave out another author's private events and paid its check on
-- every event); it touches only the clients the caller may see, as the
-- policy clients_change says.
CREATE FUNCTION chain_refresh_summaries(p_ids text[]) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
	UPDATE clients c SET
		spend = COALESCE(s.spend, 0), last_visit = s.last_visit, last_contact = s.last_contact,
		open_requests = COALESCE(s.open_requests, 0)
	FROM (SELECT k.id, e.spend, e.last_visit, e.last_contact, e.open_requests
		FROM unnest(p_ids) AS k(id)
		CROSS JOIN LATERAL (SELECT
			sum(x.amount) FILTER (WHERE x.kind = 'purchase') AS spend,
			(max(x.at) FILTER (WHERE x.kind IN ('visit', 'purchase')))::date AS last_visit,
			(max(x.at) FILTER (WHERE x.is_contact))::date AS last_contact,
			(count(*) FILTER (WHERE x.kind = 'request' AND x.open))::int AS open_requests
			FROM events x WHERE x.client_id = k.id AND NOT x.deleted) e) s
	WHERE c.id = s.id AND c.erased_at IS NULL
		AND (c.associate = session_user OR c.secondary = session_user
			OR c.store IN (SELECT a.store FROM associates a WHERE a.name = session_user AND a.manager)
			OR (SELECT chain_is_admin()))
		AND (c.spend, c.last_visit, c.last_contact, c.open_requests)
			IS DISTINCT FROM (COALESCE(s.spend, 0), s.last_visit, s.last_contact, COALESCE(s.open_requests, 0))
$$;

REVOKE ALL ON FUNCTION chain_seq(), chain_refresh_summaries(text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION chain_seq(), chain_refresh_summaries(text[]) TO vipbook_associate;

-- chain_put_events: a push's records (notes, purchases, tasks, requests,
-- appointments) in one statement, as the arrays of their columns. Row-level
-- security checked each record's client with a subquery per row (and again
-- for the conflict's update); this checks the set once: every client named
-- must be one the caller may change (policy clients_change) and not erased,
-- else nothing is written (42501). A record already on the chain is
-- replaced only by a later one (hlc), only when its client is the caller's
-- too, and never another author's private record. The author is the
-- caller. Returns how many rows were written.
CREATE FUNCTION chain_put_events(p_origin text, p_seq bigint, p_ids text[], p_clients text[], p_kinds text[],
	p_at timestamptz[], p_due date[], p_open boolean[], p_contact boolean[], p_amount text[], p_currency text[],
	p_body jsonb[], p_hlc text[], p_deleted boolean[]) RETURNS int
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
	n int;
BEGIN
	IF EXISTS (SELECT 1 FROM (SELECT DISTINCT k.id FROM unnest(p_clients) AS k(id)) k
		LEFT JOIN clients c ON c.id = k.id
		WHERE c.id IS NULL OR c.erased_at IS NOT NULL
			OR NOT (c.associate = session_user OR c.secondary = session_user
				OR c.store IN (SELECT a.store FROM associates a WHERE a.name = session_user AND a.manager))) THEN
		RAISE EXCEPTION 'a record of a client that is not the caller''s' USING ERRCODE = '42501';
	END IF;
	INSERT INTO events AS e (id, client_id, kind, author, at, due, open, is_contact, amount, currency, body, hlc,
		deleted, origin, seq)
	SELECT u.id, u.client, u.kind, session_user, u.at, u.due, u.open, u.contact, u.amount::numeric, u.currency, u.body, u.hlc,
		u.deleted, p_origin, p_seq
	FROM unnest(p_ids, p_clients, p_kinds, p_at, p_due, p_open, p_contact, p_amount, p_currency, p_body, p_hlc, p_deleted)
		AS u(id, client, kind, at, due, open, contact, amount, currency, body, hlc, deleted)
	ON CONFLICT (id) DO UPDATE SET client_id = EXCLUDED.client_id, kind = EXCLUDED.kind, at = EXCLUDED.at,
		due = EXCLUDED.due, open = EXCLUDED.open, is_contact = EXCLUDED.is_contact, amount = EXCLUDED.amount,
		currency = EXCLUDED.currency, body = EXCLUDED.body, hlc = EXCLUDED.hlc, deleted = EXCLUDED.deleted,
		origin = EXCLUDED.origin, seq = EXCLUDED.seq
	WHERE e.hlc COLLATE "C" < EXCLUDED.hlc COLLATE "C" AND (NOT e.private OR e.author = session_user)
		AND EXISTS (SELECT 1 FROM clients c WHERE c.id = e.client_id AND c.erased_at IS NULL
			AND (c.associate = session_user OR c.secondary = session_user
				OR c.store IN (SELECT a.store FROM associates a WHERE a.name = session_user AND a.manager)));
	GET DIAGNOSTICS n = ROW_COUNT;
	RETURN n;
END $$;

REVOKE ALL ON FUNCTION chain_put_events(text, bigint, text[], text[], text[], timestamptz[], date[], boolean[],
	boolean[], text[], text[], jsonb[], text[], boolean[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION chain_put_events(text, bigint, text[], text[], text[], timestamptz[], date[], boolean[],
	boolean[], text[], text[], jsonb[], text[], boolean[]) TO vipbook_associate;

-- Appointments (a visit the client is expected for) reach the chain too,
-- as the kind 'appointment'.
ALTER TABLE events DROP CONSTRAINT events_kind_check;
ALTER TABLE events ADD CONSTRAINT events_kind_check
	CHECK (kind IN ('note', 'purchase', 'visit', 'request', 'task', 'message', 'appointment'));
