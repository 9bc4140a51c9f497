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
