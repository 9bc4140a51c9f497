package i18n

// The words of the book's safety: paths that are no book file, damage,
// permissions, backups of a damaged book.
const (
	ErrBookIsDirectory Key = "err.book_is_directory" // the path
	ErrBookIsPipe      Key = "err.book_is_pipe"      // the path
	ErrBookIsDevice    Key = "err.book_is_device"    // the path
	ErrBookIsSpecial   Key = "err.book_is_special"   // the path
)
