-- 0009: which records the chain holds, whoever's client they are on
-- (issue 16, the review of the handover's re-keying).
--
-- A book that received a client in a handover bundle pushes the records
-- it got under its own book's id (chainsync rekey) unless the chain holds
-- them on the same client. Row-level security shows the pusher only the
-- records of its own clients, so a purchase the chain holds on the giver's
-- client looked to it like one the chain did not hold, and went up again
-- as a copy on the receiver's client: the chain counted the same purchase
-- twice in the person's spend (chain find, overview). chain_records_held
-- answers which of the ids given the chain holds (not removed) on any
-- client: existence only, no client, no body; ids are BOOKID/random, so
-- it tells an associate nothing they could not already name. The push
-- then leaves a held purchase on the client that counts it and copies
-- notes and visits as the client's history.

CREATE OR REPLACE FUNCTION chain_records_held(p_ids text[]) RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
	SELECT e.id FROM events e WHERE e.id = ANY (p_ids) AND NOT e.deleted
$$;
REVOKE ALL ON FUNCTION chain_records_held(text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION chain_records_held(text[]) TO vipbook_associate;
