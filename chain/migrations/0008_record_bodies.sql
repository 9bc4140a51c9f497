-- 0008: the first sync of a book writes its records with less work on the
-- server (BENCHMARKS.md, issue 16: some 185k records for a 10k-client
-- book).
--
-- A record's body is stored as json (the book's text, checked to be JSON)
-- instead of jsonb: nothing on the server reads into a body, and jsonb
-- parsed each one into its binary form on the way in (COPY into the
-- staging table) and printed it back on every pull. The staging table's
-- body is json too.
--
-- The records of a staged push go in ordered by id: the primary key's
-- index (ids BOOKID/random) then takes them page after page instead of
-- one leaf here and one there.

ALTER TABLE events ALTER COLUMN body DROP DEFAULT;
ALTER TABLE events ALTER COLUMN body TYPE json USING body::json;
ALTER TABLE events ALTER COLUMN body SET DEFAULT '{}';

CREATE OR REPLACE FUNCTION chain_stage() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
	CREATE TEMPORARY TABLE chain_stage_clients (
		id text NOT NULL, name text NOT NULL, latin_name text NOT NULL, phones text[] NOT NULL,
		cards text[] NOT NULL, tier text NOT NULL, do_not_contact boolean NOT NULL, fields jsonb NOT NULL,
		hlc jsonb NOT NULL) ON COMMIT DROP;
	CREATE TEMPORARY TABLE chain_stage_events (
		id text NOT NULL, client_id text NOT NULL, kind text NOT NULL, at timestamptz NOT NULL, due date,
		open boolean NOT NULL, is_contact boolean NOT NULL, amount text, currency text, body json NOT NULL,
		hlc text NOT NULL, deleted boolean NOT NULL) ON COMMIT DROP;
	GRANT SELECT, INSERT ON pg_temp.chain_stage_clients, pg_temp.chain_stage_events TO SESSION_USER;
END $$;


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
				WHERE NOT (u.client_id = ANY (v_gone)) AND left(u.id, length(p_origin) + 1) = p_origin || '/'
				ORDER BY u.id
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
					AND (left(u.id, length(p_origin) + 1) = p_origin || '/' OR EXISTS (SELECT 1 FROM events x WHERE x.id = u.id))
				ORDER BY u.id
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
