-- 0007: two holes of the push closed (issue 16).
--
-- A record's id is BOOKID/LOCALID, the book that wrote it first. An
-- associate could push (or INSERT) a record under the id of one that
-- another book had not pushed yet, on a client of their own: that book's
-- record then met the taken id, whose client was not its, and was left
-- off the chain. Now a record goes in only with an id that begins with the
-- pushing book's (p_origin, which 0006 holds to a book of the caller), or
-- as a later version of a record the chain already holds (whose client
-- must be the caller's, as before). A record of another book's id that the
-- chain does not hold is left out, not refused: a book's records carry
-- other books' ids only when it pulled them (or took them in a handover
-- bundle from a book that pulled them), so the chain held them; refusing
-- would stop that book's every later sync. The policy events_add holds a
-- direct INSERT to the same rule (the id begins with a book of the
-- caller's), and an associate may no longer change a record's id or
-- author (column privileges).
--
-- A row's origin (the book that last wrote it as that book holds it; a
-- book's pull passes over its own) could be set by a direct UPDATE to
-- another book's id, hiding the change from that book. Now an associate's
-- INSERT or UPDATE may set origin only to '' or to a book of their own
-- (policies clients_add and events_add, trigger chain_origin_guard, 42501
-- otherwise), and an associate's UPDATE that leaves another book's origin
-- on a row clears it: that book no longer holds the row as it now is. The
-- SECURITY DEFINER functions, which check their origin themselves, are
-- not held to it (the trigger looks at the acting role).

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

-- The records of a small push (arrays), held to the same rule, and their
-- origin to a book of the caller's (as chain_put_staged's since 0006).
CREATE OR REPLACE FUNCTION chain_put_events(p_origin text, p_seq bigint, p_ids text[], p_clients text[], p_kinds text[],
	p_at timestamptz[], p_due date[], p_open boolean[], p_contact boolean[], p_amount text[], p_currency text[],
	p_body jsonb[], p_hlc text[], p_deleted boolean[]) RETURNS int
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
	n int;
BEGIN
	IF NOT EXISTS (SELECT 1 FROM books b WHERE b.id = p_origin AND b.associate = session_user) THEN
		RAISE EXCEPTION 'not a book of the caller' USING ERRCODE = '42501';
	END IF;
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
	WHERE left(u.id, length(p_origin) + 1) = p_origin || '/' OR EXISTS (SELECT 1 FROM events x WHERE x.id = u.id)
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


-- A record added through the table: with an id of a book of the caller's
-- and an origin that is empty or a book of the caller's.
ALTER POLICY events_add ON events
	WITH CHECK (author = current_user
		AND EXISTS (SELECT 1 FROM clients c WHERE c.id = events.client_id AND c.erased_at IS NULL)
		AND EXISTS (SELECT 1 FROM books b WHERE b.associate = current_user AND left(events.id, length(b.id) + 1) = b.id || '/')
		AND (events.origin = '' OR EXISTS (SELECT 1 FROM books b WHERE b.id = events.origin AND b.associate = current_user)));

-- A new client through the table: its origin likewise.
ALTER POLICY clients_add ON clients
	WITH CHECK (associate = current_user AND secondary IS NULL
		AND store IN (SELECT a.store FROM associates a WHERE a.name = current_user)
		AND EXISTS (SELECT 1 FROM books b WHERE b.associate = current_user
			AND left(clients.id, length(b.id) + 1) = b.id || '/')
		AND (clients.origin = '' OR EXISTS (SELECT 1 FROM books b WHERE b.id = clients.origin AND b.associate = current_user)));

-- A record's id and author stay as written.
REVOKE UPDATE ON events FROM vipbook_associate;
GRANT UPDATE (client_id, kind, private, at, due, open, is_contact, amount, currency, body, deleted, hlc, origin, seq)
	ON events TO vipbook_associate;

-- chain_origin_guard: an associate's UPDATE of a client or a record sets
-- its origin only to '' or to a book of theirs (42501), and clears
-- another book's origin it leaves on the row. The acting role is
-- current_user: in a SECURITY DEFINER function it is the tables' owner,
-- not an associate, and the row is let through.
CREATE FUNCTION chain_origin_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
	IF NEW.origin = '' OR NOT EXISTS (SELECT 1 FROM associates a WHERE a.name = current_user)
		OR EXISTS (SELECT 1 FROM books b WHERE b.id = NEW.origin AND b.associate = current_user) THEN
		RETURN NEW;
	END IF;
	IF NEW.origin IS DISTINCT FROM OLD.origin THEN
		RAISE EXCEPTION 'origin must be empty or a book of the caller' USING ERRCODE = '42501';
	END IF;
	NEW.origin := '';
	RETURN NEW;
END $$;
REVOKE ALL ON FUNCTION chain_origin_guard() FROM PUBLIC;

CREATE TRIGGER clients_origin_guard BEFORE UPDATE ON clients
	FOR EACH ROW WHEN (NEW.origin <> '') EXECUTE FUNCTION chain_origin_guard();
CREATE TRIGGER events_origin_guard BEFORE UPDATE ON events
	FOR EACH ROW WHEN (NEW.origin <> '') EXECUTE FUNCTION chain_origin_guard();
