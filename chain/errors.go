package chain

import "errors"

// The errors of the chain; front ends word them (what is wrong, what to
// do). None carries the DSN or a password.
var (
	// ErrBadDSN is returned when the connection string cannot be read.
	ErrBadDSN = errors.New("chain: the connection string cannot be read")
	// ErrUnreachable is returned when the server cannot be reached or went
	// away during the work.
	ErrUnreachable = errors.New("chain: the database server cannot be reached")
	// ErrTLS is returned when the TLS the DSN asks for (sslmode=require,
	// verify-ca, verify-full) cannot be set up: the server's certificate
	// is not signed by the root certificate given (sslrootcert), does not
	// name the host, or the server does not speak TLS.
	ErrTLS = errors.New("chain: the database server's certificate is not the one expected, or it does not speak TLS")
	// ErrAuth is returned when the server refuses the role or its password.
	ErrAuth = errors.New("chain: the database refused the user name or password")
	// ErrNoDatabase is returned when the database named in the DSN does not exist.
	ErrNoDatabase = errors.New("chain: the database does not exist")
	// ErrSchemaTooOld is returned when the database has not been migrated
	// to this version of vipbook (or not at all).
	ErrSchemaTooOld = errors.New("chain: the database's schema is older than this vipbook")
	// ErrSchemaTooNew is returned when the database was migrated by a newer vipbook.
	ErrSchemaTooNew = errors.New("chain: the database's schema is newer than this vipbook")
	// ErrServerTooOld is returned by Migrate for a PostgreSQL before 15.
	ErrServerTooOld = errors.New("chain: PostgreSQL 15 or later is needed")
	// ErrNotGranted is returned when the login role is not an associate of the chain.
	ErrNotGranted = errors.New("chain: this user is not an associate of the chain")
	// ErrDenied is returned when the role may not do what was asked.
	ErrDenied = errors.New("chain: not allowed for this user")
	// ErrNoClient is returned when no client of the chain has the id given.
	ErrNoClient = errors.New("chain: no such client")
	// ErrNoAssociate is returned when no associate has the name given.
	ErrNoAssociate = errors.New("chain: no such associate")
	// ErrAlready is returned when the change asked is already so.
	ErrAlready = errors.New("chain: already so")
	// ErrBadName is returned for an associate's or store's name that cannot
	// be a role name (empty, too long, or reserved).
	ErrBadName = errors.New("chain: not a usable name")
	// ErrRoleTaken is returned by Grant when a role of that name exists and
	// is not an associate of this chain.
	ErrRoleTaken = errors.New("chain: a database role of that name exists")
	// ErrNoPassword is returned by Grant without a password.
	ErrNoPassword = errors.New("chain: no password given")
)
