package tui

import (
	"errors"
	"path/filepath"

	tea "charm.land/bubbletea/v2"
	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/safefile"
	"github.com/vipbook/vipbook/store"
)

// The interface backs the book up by itself once a day, hot (the book
// stays open: store.Book.Backup copies it from a read transaction), into
// the backups directory beside it (store.AutoBackup: book-auto-YYYYMMDD.db,
// the newest seven kept), and when the associate presses B
// (book-YYYYMMDD-HHMM.db, named as `vipbook backup` names it). Either way
// the status line says where the copy went, or why there is none; work
// goes on meanwhile.

// backupState is the root's record of the backups: the day the automatic
// one was last started, and which are being written.
type backupState struct {
	enabled bool       // Options.AutoBackup
	day     civil.Date // the day of the last automatic backup started
	auto    bool       // the automatic backup is being written
	manual  bool       // the one asked for with B is being written
}

// backedUpMsg says a backup ended: the file written ("" when the day's
// automatic one was there already), whether it was the automatic one, and
// what went wrong.
type backedUpMsg struct {
	path string
	auto bool
	err  error
}

// startAuto returns the command of the day's automatic backup the
// first time it is asked on a day (the root asks each time a briefing
// arrives: after the first frame at the start, and after midnight when
// the interface stays open overnight); nil otherwise, and when
// Options.AutoBackup is off.
//
// A book opened read-only (its file cannot be written) is not backed up
// automatically: it cannot change while it is read-only, so a copy a day
// adds nothing, and pruning would replace the backups of the days before
// it became read-only, the states someone may want back, with seven
// copies of the same book. B still backs it up when asked.
func (b *backupState) startAuto(c *shared) tea.Cmd {
	today := c.today()
	if !b.enabled || c.readOnly || c.book == nil || b.day == today || b.auto {
		return nil
	}
	b.day, b.auto = today, true
	book, now := c.book, c.now()
	return func() tea.Msg {
		written, _, err := book.AutoBackup(now)
		return backedUpMsg{path: written, auto: true, err: err}
	}
}

// start returns the command that backs the book up when the associate
// asks (B): to store.BackupPath beside the book, -2, -3 added for a second
// one in the same minute.
func (b *backupState) start(c *shared) tea.Cmd {
	if c.book == nil || b.manual {
		return nil
	}
	b.manual = true
	book, now := c.book, c.now()
	return func() tea.Msg {
		dst := store.BackupPath(book.Path(), now, false)
		if err := safefile.MkdirPrivate(filepath.Dir(dst)); err != nil {
			return backedUpMsg{err: err}
		}
		dst = store.UnusedPath(dst)
		if err := book.Backup(dst); err != nil {
			return backedUpMsg{err: err} // nothing was written: no path to name
		}
		return backedUpMsg{path: dst}
	}
}

// done records the end of a backup and says where it went, quietly
// (news that fades), or what went wrong, clearly (an error that stays
// until the next news); say is false when there is nothing to say.
func (b *backupState) done(c *shared, msg backedUpMsg) (text string, isErr, say bool) {
	if msg.auto {
		b.auto = false
	} else {
		b.manual = false
	}
	shown := msg.path
	if msg.auto && c.book != nil {
		// The daily one quietly, beside the book: backups/book-auto-....db.
		if rel, err := filepath.Rel(filepath.Dir(c.book.Path()), msg.path); err == nil {
			shown = rel
		}
	}
	switch {
	case msg.err == nil && msg.path == "":
		return "", false, false // the day's automatic backup was there already
	case msg.err == nil:
		return c.t(i18n.BackupDone, shown), false, true
	case msg.path != "":
		// Written, but an old automatic backup is still there.
		return c.t(i18n.BackupNotPruned, shown, c.cat.FileError(msg.err)), true, true
	case errors.Is(msg.err, store.ErrFull):
		dir := ""
		if c.book != nil {
			dir = store.BackupDir(c.book.Path())
		}
		return c.t(i18n.BackupFull, dir), true, true
	case msg.auto:
		return c.t(i18n.BackupAutoErr, c.cat.FileError(msg.err)), true, true
	}
	return c.t(i18n.BackupFailed, c.cat.FileError(msg.err)), true, true
}
