// Package cli is vipbook's command line: cobra commands styled by fang. Each
// command parses its flags, opens the book, calls the domain and the store,
// and prints text or --json. Errors go to stderr with a non-zero exit.
package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/store"
)

// App is what every command shares: where the book is, the language, the
// clock and the streams. Tests build one with a pinned clock.
type App struct {
	BookPath string // from --book, VIPBOOK_BOOK, or the XDG data dir
	Lang     string // "en" or "zh"
	Now      func() time.Time
	Stdin    io.Reader
	Stdout   io.Writer
	Stderr   io.Writer
	Version  string
}

// DefaultBookPath returns where the book lives when --book is not given:
// $VIPBOOK_BOOK, else $XDG_DATA_HOME/vipbook/book.db, else
// ~/.local/share/vipbook/book.db.
func DefaultBookPath() string {
	if p := os.Getenv("VIPBOOK_BOOK"); p != "" {
		return p
	}
	return filepath.Join(config.XDGDir("XDG_DATA_HOME", filepath.Join(".local", "share")), "book.db")
}

// DetectLang picks the UI language from LC_ALL, LC_MESSAGES or LANG:
// Chinese for zh_*, English otherwise.
func DetectLang() string {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if s := os.Getenv(v); s != "" {
			if strings.HasPrefix(strings.ToLower(s), "zh") {
				return "zh"
			}
			return "en"
		}
	}
	return "en"
}

// today returns the app's calendar day.
func (a *App) today() civil.Date { return civil.Of(a.Now()) }

// openBook opens the book for a command, with the clienteling hooks
// installed when it is opened for writing.
func (a *App) openBook(readOnly bool) (*store.Book, error) {
	b, err := store.Open(a.BookPath, store.Options{ReadOnly: readOnly, Now: a.Now})
	if err != nil {
		return nil, a.friendlyStore(err)
	}
	if mode, ok := b.Loosened(); ok {
		fmt.Fprintln(a.Stderr, label(a.Lang,
			fmt.Sprintf("the book was readable by others (%04o); it is now owner-only (0600)", mode),
			fmt.Sprintf("客户册原先他人也可读取（%04o）；现已改为仅本人可读写（0600）", mode)))
	}
	if !readOnly {
		installHooks(a, b)
	}
	return b, nil
}

// withBook opens the book, runs fn and closes the book.
func (a *App) withBook(readOnly bool, fn func(b *store.Book) error) error {
	b, err := a.openBook(readOnly)
	if err != nil {
		return err
	}
	defer b.Close()
	return a.friendlyStore(fn(b))
}

// printJSON writes v as indented JSON.
func (a *App) printJSON(v any) error {
	enc := json.NewEncoder(a.Stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// printf writes to stdout.
func (a *App) printf(format string, args ...any) { fmt.Fprintf(a.Stdout, format, args...) }

// userError is an error whose message is already what the user should read.
type userError struct{ msg string }

func (e userError) Error() string { return e.msg }

func usageErr(format string, args ...any) error { return userError{fmt.Sprintf(format, args...)} }

// friendly rewrites store errors into what the associate should do.
func friendly(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, store.ErrNoBook), errors.Is(err, store.ErrLocked), errors.Is(err, store.ErrNotBook),
		errors.Is(err, store.ErrNewerSchema):
		return err
	}
	return err
}
