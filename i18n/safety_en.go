package i18n

// enSafety holds the words of keys_safety.go.
var enSafety = map[Key]string{
	BookReadableByOthers: "warning: the book can be read by others (mode %04o) and is not yours to change: its owner should run chmod 600 %s",
	ErrBookIsDirectory:   "%s is a directory, not a book file: give the path of the book file with --book (or VIPBOOK_BOOK).",
	ErrBookIsPipe:        "%s is a named pipe (FIFO), not a book file: vipbook does not read from it. Give the path of the book file with --book (or VIPBOOK_BOOK).",
	ErrBookIsDevice:      "%s is a device, not a book file: give the path of the book file with --book (or VIPBOOK_BOOK).",
	ErrBookIsSpecial:     "%s is not a regular file, so it cannot be a book: give the path of the book file with --book (or VIPBOOK_BOOK).",
}

func init() {
	for k, s := range enSafety {
		en[k] = s
	}
	for k, s := range zhSafety {
		zh[k] = s
	}
}
