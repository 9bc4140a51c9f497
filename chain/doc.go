// Package chain owns the chain's PostgreSQL database (issue 16): its schema,
// migrated by the versioned SQL files embedded in migrations/ (applied in
// order, each in a transaction, recorded in schema_migrations); the two
// group roles vipbook_associate and vipbook_manager and the login roles of
// the associates (Grant); the row-level security that lets an associate's
// role read and write only their own clients (primary or secondary
// associate) and a manager's role their whole store; and the queries of
// the administrator and the manager: Find (a client in any store, through
// the SECURITY DEFINER function chain_find, which returns only the columns
// the chain shares), Overview and Reassign.
//
// The book side (the change log in the book, the hybrid logical clock,
// join, sync, adopt) is package chainsync's; it calls Connect, Push and
// RefreshSummaries. The contract between the two is the schema, its
// roles, policies and functions, described migration by migration in
// docs/chain.md (the SQL itself: migrations/*.sql).
//
// The connection string (DSN) is libpq's, as pgx reads it: TLS is set there
// (sslmode=verify-full with sslrootcert for a server across a network).
// Passwords come from PGPASSWORD or a file, never from the book; no error
// of this package carries the DSN or a password.
//
// PostgreSQL 15 or later. The tables, indexes and queries keep to what
// CockroachDB also supports, except where that would cost something: roles
// and their grants (column privileges on clients), row-level security, the
// SECURITY DEFINER PL/pgSQL functions, LOCK TABLE in Migrate and the
// expression indexes with COLLATE "C" are PostgreSQL's; on CockroachDB the
// access rules would have to be enforced another way.
package chain
