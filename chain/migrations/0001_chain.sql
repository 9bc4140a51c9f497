-- 0001: the chain's first schema: stores, associates, the books that joined,
-- the clients' shared fields, their events, the change counter and the feed
-- of what row-level security would otherwise hide; the two group roles and
-- what each may do, enforced by PostgreSQL (privileges and row-level
-- security). See the package doc of chain and /work/team/chain-contract.md.

-- The group roles are the server's, not the database's: created once, kept
-- when they exist (a second chain database on the same server shares them).
DO $$
BEGIN
	BEGIN
		CREATE ROLE vipbook_associate NOLOGIN;
	EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
	END;
	BEGIN
		CREATE ROLE vipbook_manager NOLOGIN;
	EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
	END;
	BEGIN
		GRANT vipbook_associate TO vipbook_manager;
	EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
	END;
END $$;

-- The chain's change counter: a push takes the next number first (UPDATE of
-- this one row), so the row lock orders pushes and a number that is read
-- was committed after every smaller one.
CREATE TABLE chain_clock (
	id  int PRIMARY KEY CHECK (id = 1),
	seq bigint NOT NULL
);
INSERT INTO chain_clock (id, seq) VALUES (1, 0);

CREATE TABLE stores (
	name       text PRIMARY KEY,
	created_at timestamptz NOT NULL DEFAULT now()
);

-- An associate's name is their login role's name.
CREATE TABLE associates (
	name       text PRIMARY KEY,
	store      text NOT NULL REFERENCES stores (name),
	manager    boolean NOT NULL DEFAULT false,
	created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX associates_store ON associates (store);

CREATE TABLE books (
	id           text PRIMARY KEY,
	associate    text NOT NULL REFERENCES associates (name),
	store        text NOT NULL REFERENCES stores (name),
	joined_at    timestamptz NOT NULL DEFAULT now(),
	last_push_at timestamptz,
	last_pull_at timestamptz,
	pulled_seq   bigint NOT NULL DEFAULT 0,
	info         jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX books_associate ON books (associate);

CREATE TABLE clients (
	id             text PRIMARY KEY,
	store          text NOT NULL REFERENCES stores (name),
	associate      text NOT NULL REFERENCES associates (name),
	secondary      text REFERENCES associates (name),
	name           text NOT NULL DEFAULT '',
	latin_name     text NOT NULL DEFAULT '',
	phones         text[] NOT NULL DEFAULT '{}',
	cards          text[] NOT NULL DEFAULT '{}',
	tier           text NOT NULL DEFAULT '',
	do_not_contact boolean NOT NULL DEFAULT false,
	fields         jsonb NOT NULL DEFAULT '{}',
	hlc            jsonb NOT NULL DEFAULT '{}',
	currency       text NOT NULL DEFAULT '',
	spend          numeric(14, 2) NOT NULL DEFAULT 0,
	last_visit     date,
	last_contact   date,
	open_requests  int NOT NULL DEFAULT 0,
	erased_at      timestamptz,
	origin         text NOT NULL DEFAULT '',
	seq            bigint NOT NULL DEFAULT 0,
	updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX clients_associate ON clients (associate);
CREATE INDEX clients_secondary ON clients (secondary) WHERE secondary IS NOT NULL;
CREATE INDEX clients_store ON clients (store);
CREATE INDEX clients_seq ON clients (seq);
-- chain find: a phone or a card (inverted indexes), a name's beginning
-- (byte order, whatever the database's collation).
CREATE INDEX clients_phones ON clients USING gin (phones);
CREATE INDEX clients_cards ON clients USING gin (cards);
CREATE INDEX clients_name ON clients ((lower(name) COLLATE "C"));
CREATE INDEX clients_latin_name ON clients ((lower(latin_name) COLLATE "C"));

CREATE TABLE events (
	id         text PRIMARY KEY,
	client_id  text NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
	kind       text NOT NULL CHECK (kind IN ('note', 'purchase', 'visit', 'request', 'task', 'message')),
	private    boolean NOT NULL DEFAULT false,
	author     text NOT NULL DEFAULT current_user,
	at         timestamptz NOT NULL,
	due        date,
	open       boolean NOT NULL DEFAULT false,
	is_contact boolean NOT NULL DEFAULT false,
	amount     numeric(14, 2),
	currency   text,
	body       jsonb NOT NULL DEFAULT '{}',
	deleted    boolean NOT NULL DEFAULT false,
	hlc        text NOT NULL DEFAULT '',
	origin     text NOT NULL DEFAULT '',
	seq        bigint NOT NULL DEFAULT 0
);
CREATE INDEX events_client ON events (client_id, kind);
CREATE INDEX events_seq ON events (seq);
CREATE INDEX events_open_tasks ON events (client_id, due) WHERE kind = 'task' AND open AND NOT deleted;

-- What row-level security would hide from a book: a client reassigned away
-- (released) or given to this associate (assigned: pull all of it).
CREATE TABLE chain_feed (
	associate text NOT NULL,
	seq       bigint NOT NULL,
	client_id text NOT NULL,
	kind      text NOT NULL CHECK (kind IN ('released', 'assigned')),
	detail    jsonb NOT NULL DEFAULT '{}',
	at        timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (associate, seq, client_id)
);

-- Privileges of the groups. Columns an associate may not change: a client's
-- store and associates move only through chain_reassign and chain_adopt.
GRANT SELECT ON schema_migrations, stores, associates TO vipbook_associate;
GRANT SELECT, INSERT ON clients TO vipbook_associate;
GRANT UPDATE (name, latin_name, phones, cards, tier, do_not_contact, fields, hlc, currency, spend,
	last_visit, last_contact, open_requests, erased_at, origin, seq, updated_at) ON clients TO vipbook_associate;
GRANT SELECT, INSERT, UPDATE, DELETE ON events TO vipbook_associate;
GRANT SELECT, INSERT, UPDATE ON books TO vipbook_associate;
GRANT SELECT ON chain_feed TO vipbook_associate;

-- Row-level security. The tables' owner (the administrator who ran
-- migrate) is not subject to it; the groups' members are.
ALTER TABLE clients ENABLE ROW LEVEL SECURITY;
ALTER TABLE events ENABLE ROW LEVEL SECURITY;
ALTER TABLE books ENABLE ROW LEVEL SECURITY;
ALTER TABLE chain_feed ENABLE ROW LEVEL SECURITY;

-- A client is an associate's when they are its primary or secondary
-- associate, and a manager's when it belongs to their store.
CREATE POLICY clients_read ON clients FOR SELECT
	USING (associate = current_user OR secondary = current_user
		OR store IN (SELECT a.store FROM associates a WHERE a.name = current_user AND a.manager));
CREATE POLICY clients_add ON clients FOR INSERT
	WITH CHECK (associate = current_user AND secondary IS NULL
		AND store IN (SELECT a.store FROM associates a WHERE a.name = current_user));
CREATE POLICY clients_change ON clients FOR UPDATE
	USING (associate = current_user OR secondary = current_user
		OR store IN (SELECT a.store FROM associates a WHERE a.name = current_user AND a.manager));

-- An event is readable with its client; a private one by its author only.
CREATE POLICY events_read ON events FOR SELECT
	USING (EXISTS (SELECT 1 FROM clients c WHERE c.id = events.client_id) AND (NOT private OR author = current_user));
CREATE POLICY events_add ON events FOR INSERT
	WITH CHECK (author = current_user AND EXISTS (SELECT 1 FROM clients c WHERE c.id = events.client_id));
CREATE POLICY events_change ON events FOR UPDATE
	USING (EXISTS (SELECT 1 FROM clients c WHERE c.id = events.client_id) AND (NOT private OR author = current_user));
CREATE POLICY events_remove ON events FOR DELETE
	USING (EXISTS (SELECT 1 FROM clients c WHERE c.id = events.client_id) AND (NOT private OR author = current_user));

CREATE POLICY books_own ON books FOR ALL
	USING (associate = current_user)
	WITH CHECK (associate = current_user AND store IN (SELECT a.store FROM associates a WHERE a.name = current_user));
CREATE POLICY books_store ON books FOR SELECT
	USING (store IN (SELECT a.store FROM associates a WHERE a.name = current_user AND a.manager));

CREATE POLICY feed_own ON chain_feed FOR SELECT USING (associate = current_user);

-- chain_find: the clients of the whole chain matching a phone, a card or
-- the beginning of a name (given normalised: digits with the country code,
-- the card's normal form, the name in lower case), with the columns the
-- chain shares and nothing else. SECURITY DEFINER: it reads past
-- row-level security, which is why it returns only these columns.
CREATE FUNCTION chain_find(p_phone text, p_card text, p_name text, p_limit int)
RETURNS TABLE (id text, name text, latin_name text, store text, associate text, secondary text,
	tier text, spend numeric, currency text, last_visit date, open_requests int, do_not_contact boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
	IF p_phone <> '' THEN
		RETURN QUERY SELECT c.id, c.name, c.latin_name, c.store, c.associate, c.secondary, c.tier, c.spend,
			c.currency, c.last_visit, c.open_requests, c.do_not_contact
		FROM clients c WHERE c.phones @> ARRAY[p_phone] AND c.erased_at IS NULL LIMIT p_limit;
	END IF;
	IF p_card <> '' THEN
		RETURN QUERY SELECT c.id, c.name, c.latin_name, c.store, c.associate, c.secondary, c.tier, c.spend,
			c.currency, c.last_visit, c.open_requests, c.do_not_contact
		FROM clients c WHERE c.cards @> ARRAY[p_card] AND c.erased_at IS NULL LIMIT p_limit;
	END IF;
	IF p_name <> '' THEN
		RETURN QUERY SELECT c.id, c.name, c.latin_name, c.store, c.associate, c.secondary, c.tier, c.spend,
			c.currency, c.last_visit, c.open_requests, c.do_not_contact
		FROM clients c
		WHERE lower(c.name) COLLATE "C" >= p_name AND lower(c.name) COLLATE "C" < p_name || chr(1114111)
			AND c.erased_at IS NULL
		ORDER BY lower(c.name) COLLATE "C" LIMIT p_limit;
		RETURN QUERY SELECT c.id, c.name, c.latin_name, c.store, c.associate, c.secondary, c.tier, c.spend,
			c.currency, c.last_visit, c.open_requests, c.do_not_contact
		FROM clients c
		WHERE lower(c.latin_name) COLLATE "C" >= p_name AND lower(c.latin_name) COLLATE "C" < p_name || chr(1114111)
			AND c.erased_at IS NULL
		ORDER BY lower(c.latin_name) COLLATE "C" LIMIT p_limit;
	END IF;
END $$;

-- chain_next_seq: the next change number (the caller's transaction holds
-- the clock's row until it ends).
CREATE FUNCTION chain_next_seq() RETURNS bigint
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
	UPDATE chain_clock SET seq = seq + 1 WHERE id = 1 RETURNING seq
$$;

-- chain_is_admin: whether the login role owns the chain's tables (or is a
-- superuser).
CREATE FUNCTION chain_is_admin() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
	SELECT pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = 'public.clients'::regclass), 'USAGE')
$$;

-- chain_adopt: the login role becomes the client's secondary associate; its
-- books pull the whole client (feed: assigned). Errors: VB404 no such
-- client (or erased), VB403 not an associate of the chain, VB409 already
-- theirs. Returns the change number.
CREATE FUNCTION chain_adopt(p_client text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
	me text := session_user;
	c clients%ROWTYPE;
	n bigint;
BEGIN
	IF NOT EXISTS (SELECT 1 FROM associates WHERE name = me) THEN
		RAISE EXCEPTION 'not an associate of the chain' USING ERRCODE = 'VB403';
	END IF;
	SELECT * INTO c FROM clients WHERE id = p_client AND erased_at IS NULL FOR UPDATE;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'no such client' USING ERRCODE = 'VB404';
	END IF;
	IF c.associate = me OR c.secondary = me THEN
		RAISE EXCEPTION 'already the client''s associate' USING ERRCODE = 'VB409';
	END IF;
	n := chain_next_seq();
	UPDATE clients SET secondary = me, seq = n, updated_at = now() WHERE id = p_client;
	INSERT INTO chain_feed (associate, seq, client_id, kind, detail)
		VALUES (me, n, p_client, 'assigned', jsonb_build_object('as', 'secondary', 'from', c.associate));
	IF c.secondary IS NOT NULL THEN
		INSERT INTO chain_feed (associate, seq, client_id, kind, detail)
			VALUES (c.secondary, n, p_client, 'released', jsonb_build_object('to', me));
	END IF;
	RETURN n;
END $$;

-- chain_reassign_at: moves one client to p_to with change number n (the
-- checks are the callers').
CREATE FUNCTION chain_reassign_at(p_client text, p_to text, n bigint) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
	c clients%ROWTYPE;
	to_store text;
BEGIN
	SELECT * INTO c FROM clients WHERE id = p_client AND erased_at IS NULL FOR UPDATE;
	IF NOT FOUND OR c.associate = p_to THEN
		RETURN false;
	END IF;
	SELECT store INTO to_store FROM associates WHERE name = p_to;
	UPDATE clients SET associate = p_to, store = to_store,
		secondary = CASE WHEN secondary = p_to THEN NULL ELSE secondary END,
		seq = n, updated_at = now()
	WHERE id = p_client;
	INSERT INTO chain_feed (associate, seq, client_id, kind, detail)
		VALUES (c.associate, n, p_client, 'released', jsonb_build_object('to', p_to));
	INSERT INTO chain_feed (associate, seq, client_id, kind, detail)
		VALUES (p_to, n, p_client, 'assigned', jsonb_build_object('from', c.associate))
		ON CONFLICT DO NOTHING;
	RETURN true;
END $$;

-- chain_may_reassign: the administrator may move any client; a manager the
-- clients of their store, to an associate of their store.
CREATE FUNCTION chain_may_reassign(p_store text, p_to text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
	SELECT chain_is_admin() OR EXISTS (
		SELECT 1 FROM associates m, associates t
		WHERE m.name = session_user AND m.manager AND m.store = p_store AND t.name = p_to AND t.store = m.store)
$$;

-- chain_reassign: the client goes to associate p_to with its open tasks and
-- history (they hang off the client); the old associate's books let it go.
-- Errors: VB404 no such client, VB400 no such associate, VB403 not allowed.
-- Returns whether it moved (false: p_to already has it).
CREATE FUNCTION chain_reassign(p_client text, p_to text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
	c_store text;
BEGIN
	SELECT store INTO c_store FROM clients WHERE id = p_client AND erased_at IS NULL;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'no such client' USING ERRCODE = 'VB404';
	END IF;
	IF NOT EXISTS (SELECT 1 FROM associates WHERE name = p_to) THEN
		RAISE EXCEPTION 'no such associate' USING ERRCODE = 'VB400';
	END IF;
	IF NOT chain_may_reassign(c_store, p_to) THEN
		RAISE EXCEPTION 'not allowed' USING ERRCODE = 'VB403';
	END IF;
	RETURN chain_reassign_at(p_client, p_to, chain_next_seq());
END $$;

-- chain_reassign_all: every client of p_from goes to p_to (one change
-- number). Returns how many moved.
CREATE FUNCTION chain_reassign_all(p_from text, p_to text) RETURNS int
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
	f_store text;
	n bigint;
	moved int := 0;
	cid text;
BEGIN
	SELECT store INTO f_store FROM associates WHERE name = p_from;
	IF NOT FOUND OR NOT EXISTS (SELECT 1 FROM associates WHERE name = p_to) THEN
		RAISE EXCEPTION 'no such associate' USING ERRCODE = 'VB400';
	END IF;
	IF NOT chain_may_reassign(f_store, p_to) THEN
		RAISE EXCEPTION 'not allowed' USING ERRCODE = 'VB403';
	END IF;
	n := chain_next_seq();
	FOR cid IN SELECT id FROM clients WHERE associate = p_from AND erased_at IS NULL ORDER BY id LOOP
		IF chain_reassign_at(cid, p_to, n) THEN
			moved := moved + 1;
		END IF;
	END LOOP;
	RETURN moved;
END $$;

-- chain_erase: the client is erased everywhere: its events are deleted (a
-- private note of another author too), its row becomes a tombstone the
-- books pull and act on. Allowed to whoever sees the client (its
-- associates, its store's manager, the administrator). Errors: VB404.
CREATE FUNCTION chain_erase(p_client text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
	c clients%ROWTYPE;
	n bigint;
BEGIN
	SELECT * INTO c FROM clients WHERE id = p_client FOR UPDATE;
	IF NOT FOUND OR NOT (chain_is_admin() OR c.associate = session_user OR c.secondary = session_user
		OR EXISTS (SELECT 1 FROM associates a WHERE a.name = session_user AND a.manager AND a.store = c.store)) THEN
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

REVOKE ALL ON FUNCTION chain_find(text, text, text, int), chain_next_seq(), chain_is_admin(), chain_adopt(text),
	chain_reassign_at(text, text, bigint), chain_may_reassign(text, text), chain_reassign(text, text),
	chain_reassign_all(text, text), chain_erase(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION chain_find(text, text, text, int), chain_next_seq(), chain_is_admin(), chain_adopt(text),
	chain_erase(text) TO vipbook_associate;
GRANT EXECUTE ON FUNCTION chain_reassign(text, text), chain_reassign_all(text, text), chain_may_reassign(text, text)
	TO vipbook_manager;
