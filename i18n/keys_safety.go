package i18n

// The words of the book's safety: paths that are no book file, damage,
// permissions, backups of a damaged book.
const (
	ErrBookIsDirectory Key = "err.book_is_directory" // the path
	ErrBookIsPipe      Key = "err.book_is_pipe"      // the path
	ErrBookIsDevice    Key = "err.book_is_device"    // the path
	ErrBookIsSpecial   Key = "err.book_is_special"   // the path
	// BookReadableByOthers warns of a book others can read whose mode
	// vipbook could not change (another user's file).
	BookReadableByOthers Key = "book.readable_by_others" // the mode, the path
	// BackupRefusedDamaged: a backup of a damaged book was refused.
	BackupRefusedDamaged Key = "backup.refused_damaged" // what check found first
	// BackupRescueWritten: backup --force wrote a damaged book's copy.
	BackupRescueWritten Key = "backup.rescue_written" // the path
	// BookKnownDamaged warns, on every open, of a book found damaged.
	BookKnownDamaged Key = "book.known_damaged" // when found, what was found
	// ErrBookKnownDamaged refuses a write to a book found damaged.
	ErrBookKnownDamaged Key = "err.book_known_damaged" // when found, what was found
	// ErrBookDamaged says a read found damage (nothing of the file quoted).
	ErrBookDamaged Key = "err.book_damaged"
	// BannerDamaged is the app's banner over a book found damaged.
	BannerDamaged Key = "banner.damaged"
	// ImportErased: an import skipped a record of an erased client.
	ImportErased Key = "import.erased" // the day of the erasure
	// AppReadRetrying: the app's first read of the book failed (another
	// vipbook held it); it tries again by itself.
	AppReadRetrying Key = "app.read_retrying"
	// AppReadFailed: the app's first read of the book failed for good.
	AppReadFailed Key = "app.read_failed" // why
	// CliWaitingForApp: a command waits for the app open on the book.
	CliWaitingForApp Key = "cli.waiting_for_app"
	// StoreAppOpen: restore refused while the app is open on the book.
	StoreAppOpen Key = "store.app_open" // the book's path
	// CliCheckSalvaged: check --repair put a damaged client's record back
	// from a backup.
	CliCheckSalvaged Key = "cli.check_salvaged" // id, name, backup file, its time
	// CliCheckNoSalvage: no backup holds a sound record of the client.
	CliCheckNoSalvage Key = "cli.check_no_salvage" // id
)
