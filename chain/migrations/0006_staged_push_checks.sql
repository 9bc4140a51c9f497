-- 0006: the staged push (0005) reviewed for what a modified book could
-- make it do, and its records written without ON CONFLICT when none is on
-- the chain yet (a book's first sync: BENCHMARKS.md, issue 16).
--
-- chain_put_staged now also refuses (42501, nothing written):
--   - an origin that is not a book of the caller (books.associate): a push
--     marked as another book's would hide its rows from that book's pull,
--     which passes over the rows it wrote itself;
--   - a new client whose id does not begin with the origin's book id and
--     a slash (chain ids are BOOKID/LOCALID): an associate could take ids
--     another book will push (chain find shows the book ids), and that
--     book's clients would then be refused. The policy clients_add holds
--     a direct INSERT to the same rule.
-- A staged client the chain already holds as another associate's (one
-- reassigned away since the book changed it, before the book pulled its
-- release) is left alone as before, and its records now stay out too,
-- rather than refusing the whole push: that book's sync went on failing
-- on it, never reaching the pull that lets the client go.
--
-- An erased client stays erased: the policy clients_change no longer lets
-- an associate write over a tombstone (its personal columns were cleared),
-- nor may an associate set erased_at (only chain_erase, which also deletes
-- the client's records); a record can no longer be added to, or changed
-- on, an erased client through the tables (events_add, events_change).
--
-- The records of a staged push go in with a plain INSERT when none of
-- their ids is on the chain: ON CONFLICT's speculative insertion is paid
-- per row otherwise. No other push can add one of those ids before this one
-- commits: every push takes the chain's clock first (chain_next_seq) and
-- holds it to its end. (A direct INSERT of one of them by an associate in
-- between makes this push fail on the key, and the next sync takes the
-- ON CONFLICT path.)

CREATE OR REPLACE FUNCTION chain_put_staged(p_origin text, p_seq bigint) RETURNS int
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
	v_store text;
	v_new text[] := '{}';
	v_gone text[] := '{}';
	v_ids text[];
	v_written text[] := '{}';
	v_refresh text[];
	n int := 0;
BEGIN
	-- (a search path of public then pg_temp: the staging tables are
	-- named with their schema below, and nothing of the caller's temporary
	-- schema is ever taken for a function or an operator.)
	IF NOT chain_staged_ours() THEN
		RAISE EXCEPTION 'staging tables not made by chain_stage' USING ERRCODE = '42501';
	END IF;
	IF NOT EXISTS (SELECT 1 FROM books b WHERE b.id = p_origin AND b.associate = session_user) THEN
		RAISE EXCEPTION 'not a book of the caller' USING ERRCODE = '42501';
	END IF;
	-- The planner's figures of the columns joined on (not of the bodies:
	-- reading them all again would cost more than the plan saves).
	ANALYZE pg_temp.chain_stage_clients (id);
	ANALYZE pg_temp.chain_stage_events (id, client_id);
	IF EXISTS (SELECT 1 FROM pg_temp.chain_stage_clients) THEN
		SELECT a.store INTO v_store FROM associates a WHERE a.name = session_user;
		IF v_store IS NULL THEN
			RAISE EXCEPTION 'not an associate of the chain' USING ERRCODE = '42501';
		END IF;
		IF EXISTS (SELECT 1 FROM pg_temp.chain_stage_clients s WHERE left(s.id, length(p_origin) + 1) <> p_origin || '/') THEN
			RAISE EXCEPTION 'a new client named outside the caller''s book' USING ERRCODE = '42501';
		END IF;
		WITH ins AS (
			INSERT INTO clients (id, store, associate, name, latin_name, phones, cards, tier, do_not_contact,
				fields, hlc, origin, seq, spend, last_visit, last_contact, open_requests)
			SELECT s.id, v_store, session_user, s.name, s.latin_name, s.phones, s.cards, s.tier,
				s.do_not_contact, s.fields, s.hlc, p_origin, p_seq, COALESCE(e.spend, 0), e.last_visit, e.last_contact,
				COALESCE(e.open_requests, 0)
			FROM pg_temp.chain_stage_clients s
			LEFT JOIN (SELECT x.client_id,
					sum(x.amount::numeric) FILTER (WHERE x.kind = 'purchase') AS spend,
					(max(x.at) FILTER (WHERE x.kind IN ('visit', 'purchase')))::date AS last_visit,
					(max(x.at) FILTER (WHERE x.is_contact))::date AS last_contact,
					(count(*) FILTER (WHERE x.kind = 'request' AND x.open))::int AS open_requests
				FROM pg_temp.chain_stage_events x WHERE NOT x.deleted GROUP BY x.client_id) e ON e.client_id = s.id
			ON CONFLICT (id) DO NOTHING
			RETURNING clients.id)
		SELECT COALESCE(array_agg(ins.id), '{}') INTO v_new FROM ins;
		-- Staged clients the chain holds as another's: left alone, and
		-- their records with them.
		SELECT COALESCE(array_agg(c.id), '{}') INTO v_gone
		FROM pg_temp.chain_stage_clients s JOIN clients c ON c.id = s.id
		WHERE (c.associate = session_user OR c.secondary = session_user
			OR c.store IN (SELECT a.store FROM associates a WHERE a.name = session_user AND a.manager)) IS NOT TRUE;
	END IF;
	IF EXISTS (SELECT 1 FROM pg_temp.chain_stage_events) THEN
		IF EXISTS (SELECT 1 FROM (SELECT DISTINCT u.client_id AS id FROM pg_temp.chain_stage_events u) k
			LEFT JOIN clients c ON c.id = k.id
			WHERE NOT (k.id = ANY (v_gone)) AND (c.id IS NULL OR c.erased_at IS NOT NULL
				OR (c.associate = session_user OR c.secondary = session_user
					OR c.store IN (SELECT a.store FROM associates a WHERE a.name = session_user AND a.manager)) IS NOT TRUE)) THEN
			RAISE EXCEPTION 'a record of a client that is not the caller''s' USING ERRCODE = '42501';
		END IF;
		SELECT array_agg(u.id) INTO v_ids FROM pg_temp.chain_stage_events u;
		IF NOT EXISTS (SELECT 1 FROM events e WHERE e.id = ANY (v_ids)) THEN
			WITH ins AS (
				INSERT INTO events (id, client_id, kind, author, at, due, open, is_contact, amount, currency, body,
					hlc, deleted, origin, seq)
				SELECT u.id, u.client_id, u.kind, session_user, u.at, u.due, u.open, u.is_contact, u.amount::numeric,
					u.currency, u.body, u.hlc, u.deleted, p_origin, p_seq
				FROM pg_temp.chain_stage_events u
				WHERE NOT (u.client_id = ANY (v_gone))
				RETURNING events.id)
			SELECT count(*)::int, COALESCE(array_agg(ins.id), '{}') INTO n, v_written FROM ins;
		ELSE
			WITH ins AS (
				INSERT INTO events AS e (id, client_id, kind, author, at, due, open, is_contact, amount, currency, body,
					hlc, deleted, origin, seq)
				SELECT u.id, u.client_id, u.kind, session_user, u.at, u.due, u.open, u.is_contact, u.amount::numeric,
					u.currency, u.body, u.hlc, u.deleted, p_origin, p_seq
				FROM pg_temp.chain_stage_events u
				WHERE NOT (u.client_id = ANY (v_gone))
				ON CONFLICT (id) DO UPDATE SET client_id = EXCLUDED.client_id, kind = EXCLUDED.kind, at = EXCLUDED.at,
					due = EXCLUDED.due, open = EXCLUDED.open, is_contact = EXCLUDED.is_contact, amount = EXCLUDED.amount,
					currency = EXCLUDED.currency, body = EXCLUDED.body, hlc = EXCLUDED.hlc, deleted = EXCLUDED.deleted,
					origin = EXCLUDED.origin, seq = EXCLUDED.seq
				WHERE e.hlc COLLATE "C" < EXCLUDED.hlc COLLATE "C" AND (NOT e.private OR e.author = session_user)
					AND EXISTS (SELECT 1 FROM clients c WHERE c.id = e.client_id AND c.erased_at IS NULL
						AND (c.associate = session_user OR c.secondary = session_user
							OR c.store IN (SELECT a.store FROM associates a WHERE a.name = session_user AND a.manager)))
				RETURNING e.id)
			SELECT count(*)::int, COALESCE(array_agg(ins.id), '{}') INTO n, v_written FROM ins;
		END IF;
		-- The summaries to recompute: every client named but a new one
		-- whose records all went in as staged (its summaries are right),
		-- and one left alone.
		SELECT COALESCE(array_agg(DISTINCT u.client_id), '{}') INTO v_refresh
		FROM pg_temp.chain_stage_events u
		LEFT JOIN unnest(v_new) AS nw(id) ON nw.id = u.client_id
		LEFT JOIN unnest(v_written) AS w(id) ON w.id = u.id
		WHERE (nw.id IS NULL OR w.id IS NULL) AND NOT (u.client_id = ANY (v_gone));
		IF cardinality(v_refresh) > 0 THEN
			PERFORM chain_refresh_summaries(v_refresh);
		END IF;
	END IF;
	RETURN n;
END $$;

REVOKE ALL ON FUNCTION chain_put_staged(text, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION chain_put_staged(text, bigint) TO vipbook_associate;

-- A new client through the table: in a book of the caller's, as above.
ALTER POLICY clients_add ON clients
	WITH CHECK (associate = current_user AND secondary IS NULL
		AND store IN (SELECT a.store FROM associates a WHERE a.name = current_user)
		AND EXISTS (SELECT 1 FROM books b WHERE b.associate = current_user
			AND left(clients.id, length(b.id) + 1) = b.id || '/'));

-- A tombstone is not written over (a push reads it FOR UPDATE, which the
-- USING part still allows, and passes over it).
ALTER POLICY clients_change ON clients
	USING (associate = current_user OR secondary = current_user
		OR store IN (SELECT a.store FROM associates a WHERE a.name = current_user AND a.manager))
	WITH CHECK (erased_at IS NULL AND (associate = current_user OR secondary = current_user
		OR store IN (SELECT a.store FROM associates a WHERE a.name = current_user AND a.manager)));
REVOKE UPDATE (erased_at) ON clients FROM vipbook_associate;

-- No record added to, or changed on, an erased client.
ALTER POLICY events_add ON events
	WITH CHECK (author = current_user
		AND EXISTS (SELECT 1 FROM clients c WHERE c.id = events.client_id AND c.erased_at IS NULL));
ALTER POLICY events_change ON events
	USING (EXISTS (SELECT 1 FROM clients c WHERE c.id = events.client_id AND c.erased_at IS NULL)
		AND (NOT private OR author = current_user));
