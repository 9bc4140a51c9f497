package store

import "errors"

var (
	// ErrLocked is returned by Open when another vipbook holds the book.
	ErrLocked = errors.New("another vipbook is holding this book (a long import or handover?); try again once it has finished")
	// ErrNotBook is returned by Open when the file exists but is not a vipbook
	// book. The file is left untouched.
	ErrNotBook = errors.New("this file is not a vipbook book")
	// ErrNewerSchema is returned by Open when the book was written by a newer
	// vipbook.
	ErrNewerSchema = errors.New("this book was written by a newer vipbook; update vipbook to open it")
	// ErrNoBook is returned by Open when there is no book at the path and
	// Create was not asked for.
	ErrNoBook = errors.New("no book here yet")
	// ErrExists is returned by Init when a book already exists at the path.
	ErrExists = errors.New("a book already exists here")
	// ErrNotFound is returned when a client, task, note, appointment, request
	// or draft with the given id is not in the book.
	ErrNotFound = errors.New("not found")
	// ErrDuplicate is returned when a record with the same id or origin is
	// already in the book.
	ErrDuplicate = errors.New("already in the book")
	// ErrRemoved is returned by AddNote and AddPurchase for a record the
	// book removed (DeleteNote, DeletePurchase): an older copy of it, from
	// another book or the chain, does not come back.
	ErrRemoved = errors.New("removed from the book earlier")
	// ErrDamaged is returned by Open, and by reads of an open book, when the
	// file is a book but parts of it cannot be read (truncated, overwritten,
	// a bad disk). The file is left as it is.
	ErrDamaged = errors.New("the book is damaged: run `vipbook check` to see what is wrong, then restore a backup with `vipbook restore FILE`")
	// ErrBackupDamaged is returned by Backup (and the automatic backup)
	// when the book is damaged: nothing was written and no backup was
	// deleted. errors.As gives a *BackupDamagedError with the problems.
	ErrBackupDamaged = errors.New("the book is damaged: no backup was written")
	// ErrKnownDamaged is returned by a write to a book that a vipbook found
	// damaged (see KnownDamaged): nothing was written. errors.As gives a
	// *KnownDamagedError with the mark.
	ErrKnownDamaged = errors.New("the book was found damaged: nothing is saved until vipbook check finds it sound")
	// ErrReadOnly is returned when a write is attempted on a book opened read-only.
	ErrReadOnly = errors.New("the book is open read-only")
)

var (
	// ErrFull is returned by a write when the disk, or the book's size limit
	// (Options.MaxSize), has no room for it. The write did not land; every
	// earlier write is intact.
	ErrFull = errors.New("the disk (or the book's size limit) is full: nothing was saved; free some space and try again")
	// ErrReadOnlyFile is returned by a writable Open of a book file its
	// owner may not write (chmod 0400, or a file of another user). The book
	// still opens with Options.ReadOnly.
	ErrReadOnlyFile = errors.New("the book file is read-only")
	// ErrDoNotContact is returned by AddTask for a call, message or visit
	// to make to a client who asked not to be contacted.
	ErrDoNotContact = errors.New("the client asked not to be contacted: no call, message or visit can be planned")
)
