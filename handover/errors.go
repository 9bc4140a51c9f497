package handover

import "errors"

var (
	// ErrWrongPassphrase is returned by Read when the passphrase does not
	// open the bundle.
	ErrWrongPassphrase = errors.New("the passphrase does not open this bundle: check it with the associate who made it")
	// ErrNotBundle is returned by Read when the file is not a handover
	// bundle at all.
	ErrNotBundle = errors.New("this file is not a vipbook handover bundle")
	// ErrDamaged is returned by Read and Decode when the bundle is
	// truncated, altered or inconsistent; nothing is imported from it.
	ErrDamaged = errors.New("the bundle is damaged or incomplete (truncated or altered): nothing was imported; ask for the file again")
	// ErrNewerBundle is returned by Decode when the bundle was written in a
	// format version this vipbook does not know.
	ErrNewerBundle = errors.New("the bundle was made by a newer vipbook: update vipbook to import it")
	// ErrNoPassphrase is returned when the passphrase is empty.
	ErrNoPassphrase = errors.New("a bundle needs a passphrase")
	// ErrNoClients is returned by Export when no client is chosen.
	ErrNoClients = errors.New("no client to hand over")
)
