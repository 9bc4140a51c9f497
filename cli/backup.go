package cli

import (
	"bufio"
	"errors"
	"fmt"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/profile"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"github.com/vipbook/vipbook/safefile"
	"github.com/vipbook/vipbook/store"
)

// backupCommands are backup and restore.
func backupCommands(a *App) []*cobra.Command {
	return []*cobra.Command{backupCmd(a), restoreCmd(a)}
}

// defaultBackupPath is where `vipbook backup` writes without -o: a backups
// directory beside the book, book-YYYYMMDD-HHMM.db, with -2, -3 added for
// a second backup in the same minute.
func (a *App) defaultBackupPath() string {
	return store.UnusedPath(store.BackupPath(a.BookPath, a.Now(), false))
}

func backupCmd(a *App) *cobra.Command {
	var out string
	var force bool
	cmd := &cobra.Command{
		Use:  "backup [-o FILE]",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			dst := out
			if dst == "" {
				if !store.Exists(a.BookPath) {
					// Let the open say there is no book, before a directory is made.
					return a.withBook(true, func(*store.Book) error { return nil })
				}
				dst = a.defaultBackupPath()
				if err := safefile.MkdirPrivate(filepath.Dir(dst)); err != nil {
					return usageErr("%s", say(a.Lang, i18n.CliBackupCannotMakeTheBackupsDirectoryChoose, filepath.Dir(dst), errors.Unwrap(err)))
				}
			} else if err := checkNewFile(a.Lang, dst, force); err != nil {
				return err
			}
			bk, err := a.openForBackup()
			if err != nil {
				return err
			}
			defer bk.Close()
			return a.said(func(b *store.Book) error {
				err := b.Backup(dst)
				var dmg *store.BackupDamagedError
				switch {
				case errors.As(err, &dmg) && force:
					rescue, err := b.RescueCopy(dst)
					if err != nil {
						return err
					}
					a.printf("%s\n", say(a.Lang, i18n.BackupRescueWritten, rescue))
					return nil
				case errors.As(err, &dmg):
					return saidError{say(a.Lang, i18n.BackupRefusedDamaged, firstProblem(dmg.Problems)), err}
				case i18n.IsFileError(err):
					return saidError{a.cat().T(i18n.CliBackupNotWritten, a.cat().FileError(err)), err}
				case err != nil:
					return err
				}
				st, err := os.Stat(dst)
				if err != nil {
					return err
				}
				a.printf("%s\n", say(a.Lang, i18n.CliBackupBackedUpTheBookTo, dst, sizeText(st.Size())))
				return nil
			}(bk.Store()))
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "")
	cmd.Flags().BoolVar(&force, "force", false, "")
	return cmd
}

func restoreCmd(a *App) *cobra.Command {
	var yes bool
	cmd := &cobra.Command{
		Use:  "restore FILE",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			src := args[0]
			in, err := store.Inspect(src)
			if err != nil {
				if bad := (*store.BadBackupError)(nil); errors.As(err, &bad) {
					return saidError{a.badBackup(bad), err}
				}
				if errors.Is(err, store.ErrNoBook) { // the file to restore, not the book
					return a.cannot(i18n.UsageCannotRead, src, fs.ErrNotExist)
				}
				return err
			}
			if err := store.CheckWritable(a.BookPath); err != nil {
				return a.friendlyStore(err)
			}
			// The app open on the book, a backup copying it or another
			// command is waited for, said on stderr (a.waiting), as every
			// write waits; the app reads the restored book at its next
			// look.
			cur, curErr := store.Describe(a.BookPath, a.waiting)
			if errors.Is(curErr, store.ErrLocked) {
				return curErr
			}
			a.printf("%s\n", a.cat().T(i18n.CliBackupHolds, src, infoText(a, in)))
			switch {
			case curErr == nil:
				a.printf("%s\n", a.cat().T(i18n.CliBackupBookHolds, a.BookPath, infoText(a, cur)))
				a.printf("%s\n", say(a.Lang, i18n.CliBackupRestoringReplacesItWithTheBackup))
			case errors.Is(curErr, store.ErrNoBook):
				a.printf("%s\n", a.cat().T(i18n.CliBackupNoBookYet, a.BookPath))
			default:
				a.printf("%s\n", say(a.Lang, i18n.CliBackupTheBookCannotBeReadIt, a.BookPath, curErr))
			}
			if !yes {
				line, err := a.ask(say(a.Lang, i18n.CliBackupRestoreTypeYesToGoOn))
				if err != nil {
					return err
				}
				if !confirmed(line) {
					return usageErr("%s", say(a.Lang, i18n.CliBackupNothingWasRestoredNotConfirmedType))
				}
			}
			if curErr != nil && errors.Is(curErr, store.ErrNoBook) {
				if err := os.MkdirAll(filepath.Dir(a.BookPath), safefile.DirPerm); err != nil {
					return err
				}
			}
			kept, err := store.Restore(a.BookPath, src, a.Now(), a.waiting)
			if err != nil {
				return a.friendlyStore(err)
			}
			a.printf("%s\n", say(a.Lang, i18n.CliBackupRestoredTheBookFromClients, src, in.Clients))
			if kept != "" {
				a.printf("%s\n", a.cat().T(i18n.CliBackupKeptIn, kept))
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&yes, "yes", false, "")
	return cmd
}

// confirmed reports whether an answer says yes.
// ask prints prompt and reads the answer, one line of stdin; the end of
// the input is an empty answer.
func (a *App) ask(prompt string) (string, error) {
	fmt.Fprint(a.Stdout, prompt)
	line, err := bufio.NewReader(a.Stdin).ReadString('\n')
	if !isTerminal(a.Stdin) {
		a.printf("\n") // the answer was not echoed
	}
	if err != nil && !errors.Is(err, io.EOF) {
		return "", err
	}
	return strings.TrimSpace(line), nil
}

func confirmed(line string) bool {
	yes, err := profile.ParseYesNo("", line)
	return err == nil && yes
}

// infoText says what a book holds: whose it is, when it was made, how many
// clients and how big.
func infoText(a *App, in store.Info) string {
	created := in.Meta.Created.Format("2006-01-02")
	cat := a.cat()
	who := in.Meta.Associate
	if in.Meta.Store != "" {
		who = cat.T(i18n.CliBackupStoreName, who, in.Meta.Store)
	}
	return cat.T(i18n.CliBackupInfo, who, created, cat.N(i18n.CliCountClients, in.Clients, in.Clients), sizeText(in.Size))
}

// sizeText writes a file size for people: 812 B, 96 KB, 12.4 MB.
func sizeText(n int64) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d B", n)
	case n < 1000*1000:
		return fmt.Sprintf("%d KB", (n+500)/1000)
	case n < 1000*1000*1000:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	}
	return fmt.Sprintf("%.2f GB", float64(n)/1e9)
}

// saidError is an error reworded for the user that still matches the
// store's error with errors.Is.
type saidError struct {
	msg string
	err error
}

func (e saidError) Error() string { return e.msg }
func (e saidError) Unwrap() error { return e.err }

// friendlyStore words the store's full-disk and read-only-file errors in
// the interface language (the English is the store's own).
func (a *App) friendlyStore(err error) error {
	switch {
	case err == nil || a.Lang != "zh":
		return err
	case errors.Is(err, store.ErrFull):
		return saidError{a.cat().T(i18n.CliBackupFull), err}
	case errors.Is(err, store.ErrNotCompacted):
		return saidError{a.cat().T(i18n.HoNotCompacted), err}
	case errors.Is(err, store.ErrNoBook):
		return saidError{a.cat().T(i18n.StoreNoBook, a.BookPath), err}
	case errors.Is(err, store.ErrLocked):
		return saidError{a.cat().T(i18n.StoreLocked, a.BookPath), err}
	case errors.Is(err, store.ErrNotBook):
		return saidError{a.cat().T(i18n.StoreNotBook, a.BookPath), err}
	case errors.Is(err, store.ErrNewerSchema):
		return saidError{a.cat().T(i18n.StoreNewerSchema, a.BookPath), err}
	case errors.Is(err, store.ErrExists):
		return saidError{a.cat().T(i18n.StoreExists, a.BookPath), err}
	case errors.Is(err, store.ErrReadOnly):
		return saidError{a.cat().T(i18n.StoreReadOnly), err}
	case errors.Is(err, store.ErrDamaged):
		return saidError{a.cat().T(i18n.ErrBookDamaged), err}
	case errors.Is(err, store.ErrReadOnlyFile):
		st, serr := os.Stat(a.BookPath)
		if serr != nil || st.Mode().Perm()&0o200 != 0 {
			return saidError{a.cat().T(i18n.CliBackupNoPermission, a.BookPath), err}
		}
		return saidError{a.cat().T(i18n.CliBackupReadOnly, st.Mode().Perm(), a.BookPath), err}
	case i18n.IsFileError(err):
		return saidError{a.cat().FileError(err), err}
	}
	return err
}

// firstProblem returns the first of a check's problems, or "".
func firstProblem(ps []string) string {
	if len(ps) == 0 {
		return ""
	}
	return ps[0]
}

// badBackup says why a file cannot be restored, in the associate's
// language: not a book at all, the first problems check found in it, or
// the error that stopped the reading.
func (a *App) badBackup(bad *store.BadBackupError) string {
	cat := a.cat()
	switch {
	case bad.NotBook:
		return cat.T(i18n.CliBackupNotABook, bad.Path)
	case bad.Err != nil:
		return cat.T(i18n.CliBackupNothingRestored, bad.Path, a.friendlyStore(bad.Err).Error())
	}
	var said []string
	for i, f := range bad.Findings {
		if i == 3 {
			said = append(said, cat.N(i18n.CliBackupMoreProblems, len(bad.Findings)-3, len(bad.Findings)-3))
			break
		}
		said = append(said, cat.Finding(i18n.Finding{Code: f.Code, Args: f.Args, Text: f.Text}))
	}
	return cat.T(i18n.CliBackupNothingRestored, bad.Path, cat.Clauses(said))
}
