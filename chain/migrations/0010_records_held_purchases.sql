-- 0010: chain_records_held answers for purchases only, a push's batch at
-- most (issue 16, the review of 0009).
--
-- 0009 answered for records of any kind and any number of ids. A
-- follow-up's, an appointment's or a request's id is its book's id (seen
-- in the ids of clients an associate shares) and six random characters:
-- with large arrays an associate could enumerate a colleague's follow-ups
-- and appointments on clients they cannot see, and learn when they come
-- and go. The push asks about purchases alone (twelve random characters,
-- too many to enumerate) and at most a batch of them (chainsync's
-- batchSize, 5,000); a larger question is refused.

CREATE OR REPLACE FUNCTION chain_records_held(p_ids text[]) RETURNS SETOF text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
	IF cardinality(p_ids) > 5000 THEN
		RAISE EXCEPTION 'chain_records_held: at most 5000 ids at a time, % given', cardinality(p_ids)
			USING ERRCODE = 'program_limit_exceeded';
	END IF;
	RETURN QUERY SELECT e.id FROM events e WHERE e.id = ANY (p_ids) AND e.kind = 'purchase' AND NOT e.deleted;
END
$$;
REVOKE ALL ON FUNCTION chain_records_held(text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION chain_records_held(text[]) TO vipbook_associate;
