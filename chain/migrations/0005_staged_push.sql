-- 0005: a push's rows travel by COPY into staging tables of the session,
-- then go into clients and events in one statement each (BENCHMARKS.md,
-- issue 16: the first sync of a book writes some 200k records).
--
-- An associate may not COPY into clients or events (row-level security
-- refuses COPY FROM), and row-level security would check every row of an
-- INSERT ... SELECT again. So the staging tables are made by chain_stage,
-- a SECURITY DEFINER function: they belong to the administrator, live in
-- the caller's own temporary schema (no other session sees them), are
-- dropped at the end of the transaction, and the caller is granted only
-- INSERT (COPY FROM) and SELECT on them. chain_put_staged then writes what
-- they hold as row-level security would allow it and nothing more:
--   - a new client is the caller's, in the caller's store, with no
--     secondary associate (policy clients_add); an id the chain already
--     holds is left as it is;
--   - every record's client must be one the caller may change (policy
--     clients_change) and not erased, else nothing is written (42501);
--   - a record already on the chain is replaced only by a later one (hlc),
--     only when its client is the caller's, never another author's private
--     record; the author is the caller.
-- It refuses staging tables it did not make (a table of the caller's own
-- under the same name): 42501.
--
-- Also mended here: the checks of chain_put_events (0003) and chain_erase
-- (0001) were NOT (associate = me OR secondary = me OR ...), which is NULL,
-- not true, for a client with no secondary associate: another associate's
-- records went in, and another associate could erase the client.
-- Both now check with IS NOT TRUE (a small push still sends its records
-- to chain_put_events as arrays).

CREATE FUNCTION chain_stage() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
	CREATE TEMPORARY TABLE chain_stage_clients (
		id text NOT NULL, name text NOT NULL, latin_name text NOT NULL, phones text[] NOT NULL,
		cards text[] NOT NULL, tier text NOT NULL, do_not_contact boolean NOT NULL, fields jsonb NOT NULL,
		hlc jsonb NOT NULL) ON COMMIT DROP;
	CREATE TEMPORARY TABLE chain_stage_events (
		id text NOT NULL, client_id text NOT NULL, kind text NOT NULL, at timestamptz NOT NULL, due date,
		open boolean NOT NULL, is_contact boolean NOT NULL, amount text, currency text, body jsonb NOT NULL,
		hlc text NOT NULL, deleted boolean NOT NULL) ON COMMIT DROP;
	GRANT SELECT, INSERT ON pg_temp.chain_stage_clients, pg_temp.chain_stage_events TO SESSION_USER;
END $$;

-- chain_staged_ours: whether both staging tables of the session are the
-- ones chain_stage made (owned by this function's owner, plain tables).
CREATE FUNCTION chain_staged_ours() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
	SELECT count(*) = 2 FROM pg_class c
	WHERE c.oid IN (to_regclass('pg_temp.chain_stage_clients'), to_regclass('pg_temp.chain_stage_events'))
		AND c.relkind = 'r' AND c.relpersistence = 't' AND c.relowner = (SELECT r.oid FROM pg_roles r WHERE r.rolname = current_user)
$$;

-- chain_put_staged: the staged clients and records, as one push with
-- change number p_seq from the book p_origin. The summaries (spend, last
-- visit, last contact, open requests) of a new client are those of its
-- records in the set (a new client has no other); those of the other
-- clients named are recomputed (chain_refresh_summaries). Returns how many
-- records were written.
CREATE FUNCTION chain_put_staged(p_origin text, p_seq bigint) RETURNS int
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
	v_store text;
	v_new text[] := '{}';
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
	-- The planner's figures of the columns joined on (not of the bodies:
	-- reading them all again would cost more than the plan saves).
	ANALYZE pg_temp.chain_stage_clients (id);
	ANALYZE pg_temp.chain_stage_events (id, client_id);
	IF EXISTS (SELECT 1 FROM pg_temp.chain_stage_clients) THEN
		SELECT a.store INTO v_store FROM associates a WHERE a.name = session_user;
		IF v_store IS NULL THEN
			RAISE EXCEPTION 'not an associate of the chain' USING ERRCODE = '42501';
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
	END IF;
	IF EXISTS (SELECT 1 FROM pg_temp.chain_stage_events) THEN
		IF EXISTS (SELECT 1 FROM (SELECT DISTINCT u.client_id AS id FROM pg_temp.chain_stage_events u) k
			LEFT JOIN clients c ON c.id = k.id
			WHERE c.id IS NULL OR c.erased_at IS NOT NULL
				OR (c.associate = session_user OR c.secondary = session_user
					OR c.store IN (SELECT a.store FROM associates a WHERE a.name = session_user AND a.manager)) IS NOT TRUE) THEN
			RAISE EXCEPTION 'a record of a client that is not the caller''s' USING ERRCODE = '42501';
		END IF;
		WITH ins AS (
			INSERT INTO events AS e (id, client_id, kind, author, at, due, open, is_contact, amount, currency, body,
				hlc, deleted, origin, seq)
			SELECT u.id, u.client_id, u.kind, session_user, u.at, u.due, u.open, u.is_contact, u.amount::numeric,
				u.currency, u.body, u.hlc, u.deleted, p_origin, p_seq
			FROM pg_temp.chain_stage_events u
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
		-- The summaries to recompute: every client named but a new one
		-- whose records all went in as staged (its summaries are right).
		SELECT COALESCE(array_agg(DISTINCT u.client_id), '{}') INTO v_refresh
		FROM pg_temp.chain_stage_events u
		LEFT JOIN unnest(v_new) AS nw(id) ON nw.id = u.client_id
		LEFT JOIN unnest(v_written) AS w(id) ON w.id = u.id
		WHERE nw.id IS NULL OR w.id IS NULL;
		IF cardinality(v_refresh) > 0 THEN
			PERFORM chain_refresh_summaries(v_refresh);
		END IF;
	END IF;
	RETURN n;
END $$;

CREATE OR REPLACE FUNCTION chain_put_events(p_origin text, p_seq bigint, p_ids text[], p_clients text[], p_kinds text[],
	p_at timestamptz[], p_due date[], p_open boolean[], p_contact boolean[], p_amount text[], p_currency text[],
	p_body jsonb[], p_hlc text[], p_deleted boolean[]) RETURNS int
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
	n int;
BEGIN
	IF EXISTS (SELECT 1 FROM (SELECT DISTINCT k.id FROM unnest(p_clients) AS k(id)) k
		LEFT JOIN clients c ON c.id = k.id
		WHERE c.id IS NULL OR c.erased_at IS NOT NULL
			OR (c.associate = session_user OR c.secondary = session_user
				OR c.store IN (SELECT a.store FROM associates a WHERE a.name = session_user AND a.manager)) IS NOT TRUE) THEN
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

CREATE OR REPLACE FUNCTION chain_erase(p_client text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
	c clients%ROWTYPE;
	n bigint;
BEGIN
	SELECT * INTO c FROM clients WHERE id = p_client FOR UPDATE;
	IF NOT FOUND OR (chain_is_admin() OR c.associate = session_user OR c.secondary = session_user
		OR EXISTS (SELECT 1 FROM associates a WHERE a.name = session_user AND a.manager AND a.store = c.store)) IS NOT TRUE THEN
		RAISE EXCEPTION 'no such client' USING ERRCODE = 'VB404';
	END IF;
	n := chain_next_seq();
	DELETE FROM events WHERE client_id = p_client;
	UPDATE clients SET name = '', latin_name = '', phones = '{}', cards = '{}', tier = '', fields = '{}',
		hlc = '{}', spend = 0, last_visit = NULL, last_contact = NULL, open_requests = 0,
		erased_at = COALESCE(erased_at, now()), seq = n, updated_at = now()
	WHERE id = p_client;
	RETURN n;
END $$;

REVOKE ALL ON FUNCTION chain_stage(), chain_staged_ours(), chain_put_staged(text, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION chain_stage(), chain_put_staged(text, bigint) TO vipbook_associate;
