package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
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
		Use:   "backup [-o FILE]",
		Short: "Write a copy of the book as it stands now (owner-only)",
		Long: `Write a copy of the book, as it stands at one moment, to FILE (mode 0600).

Without -o the copy goes to a "backups" directory beside the book (created
owner-only, 0700), named after the book and the time: backups/book-YYYYMMDD-HHMM.db
(a second backup in the same minute gets -2, -3). An existing FILE is not
replaced unless --force is given. vipbook may be reading the book elsewhere
meanwhile; a vipbook that has it open for writing (the full-screen book) must
be closed first. Put the copy back with ` + "`vipbook restore FILE`" + `.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			dst := out
			if dst == "" {
				if !store.Exists(a.BookPath) {
					// Let the open say there is no book, before a directory is made.
					return a.withBook(true, func(*store.Book) error { return nil })
				}
				dst = a.defaultBackupPath()
				if err := os.MkdirAll(filepath.Dir(dst), safefile.DirPerm); err != nil {
					return usageErr("%s", label(a.Lang, fmt.Sprintf("cannot make the backups directory %s: %v; choose a file with -o", filepath.Dir(dst), errors.Unwrap(err)),
						fmt.Sprintf("无法创建备份目录 %s：%v；请用 -o 指定文件", filepath.Dir(dst), errors.Unwrap(err))))
				}
			} else if err := checkNewFile(a.Lang, dst, force); err != nil {
				return err
			}
			return a.withBook(true, func(b *store.Book) error {
				if err := b.Backup(dst); err != nil {
					return err
				}
				st, err := os.Stat(dst)
				if err != nil {
					return err
				}
				a.printf("%s\n", label(a.Lang, fmt.Sprintf("Backed up the book to %s (%s).", dst, sizeText(st.Size())),
					fmt.Sprintf("已将客户册备份到 %s（%s）。", dst, sizeText(st.Size()))))
				return nil
			})
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "the file to write (default: backups/book-YYYYMMDD-HHMM.db beside the book)")
	cmd.Flags().BoolVar(&force, "force", false, "replace FILE if it exists")
	return cmd
}

func restoreCmd(a *App) *cobra.Command {
	var yes bool
	cmd := &cobra.Command{
		Use:   "restore FILE",
		Short: "Put a backup back in place of the book (the book as it is now is kept)",
		Long: `Put the backup FILE back in place of the book.

FILE is checked page by page first: a file that is not a sound vipbook book is
refused and the book is not touched. vipbook then shows what FILE and the book
hold and asks you to confirm (type y or yes; --yes skips the question, for
scripts). The book as it is now is kept beside it, owner-only, as
book.db.before-restore-YYYYMMDD-HHMMSS. A vipbook that has the book open must
be closed first.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			src := args[0]
			in, err := store.Inspect(src)
			if err != nil {
				if errors.Is(err, store.ErrBadBackup) && a.Lang == "zh" {
					return fmt.Errorf("没有恢复任何内容：%s 不是完好的 vipbook 客户册（%w）", src, err)
				}
				return err
			}
			if err := store.CheckWritable(a.BookPath); err != nil {
				return a.friendlyStore(err)
			}
			cur, curErr := store.Describe(a.BookPath)
			if errors.Is(curErr, store.ErrLocked) {
				return curErr
			}
			a.printf("%s\n", label(a.Lang, "The backup "+src+" holds "+infoText(a, in)+".",
				"备份 "+src+"："+infoText(a, in)+"。"))
			switch {
			case curErr == nil:
				a.printf("%s\n", label(a.Lang, "The book "+a.BookPath+" holds "+infoText(a, cur)+".",
					"客户册 "+a.BookPath+"："+infoText(a, cur)+"。"))
				a.printf("%s\n", label(a.Lang, "Restoring replaces it with the backup; the book as it is now is kept beside it.",
					"恢复会用备份替换它；现在的客户册会保留在旁边。"))
			case errors.Is(curErr, store.ErrNoBook):
				a.printf("%s\n", label(a.Lang, "There is no book at "+a.BookPath+" yet: the backup becomes the book.",
					a.BookPath+" 还没有客户册：备份将成为客户册。"))
			default:
				a.printf("%s\n", label(a.Lang, fmt.Sprintf("The book %s cannot be read (%v); it is kept beside it.", a.BookPath, curErr),
					fmt.Sprintf("客户册 %s 无法读取（%v）；它会保留在旁边。", a.BookPath, curErr)))
			}
			if !yes {
				line, err := a.ask(label(a.Lang, "Restore? Type yes to go on: ", "确定恢复吗？输入 yes 继续："))
				if err != nil {
					return err
				}
				if !confirmed(line) {
					return usageErr("%s", label(a.Lang, "Nothing was restored (not confirmed: type y or yes, or add --yes).",
						"没有恢复任何内容（未确认：请输入 y 或 yes，或加 --yes）。"))
				}
			}
			if curErr != nil && errors.Is(curErr, store.ErrNoBook) {
				if err := os.MkdirAll(filepath.Dir(a.BookPath), safefile.DirPerm); err != nil {
					return err
				}
			}
			kept, err := store.Restore(a.BookPath, src, a.Now())
			if err != nil {
				return err
			}
			a.printf("%s\n", label(a.Lang, fmt.Sprintf("Restored the book from %s: %d clients.", src, in.Clients),
				fmt.Sprintf("已从 %s 恢复客户册：%d 位客户。", src, in.Clients)))
			if kept != "" {
				a.printf("%s\n", label(a.Lang, "The book as it was is kept in "+kept+".", "原来的客户册保留在 "+kept+"。"))
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&yes, "yes", false, "restore without asking")
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
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "y", "yes", "是":
		return true
	}
	return false
}

// infoText says what a book holds: whose it is, when it was made, how many
// clients and how big.
func infoText(a *App, in store.Info) string {
	created := in.Meta.Created.Format("2006-01-02")
	if a.Lang == "zh" {
		who := in.Meta.Associate
		if in.Meta.Store != "" {
			who += "（" + in.Meta.Store + "）"
		}
		return fmt.Sprintf("%s的客户册，创建于 %s，共 %d 位客户（%s）", who, created, in.Clients, sizeText(in.Size))
	}
	who := in.Meta.Associate
	if in.Meta.Store != "" {
		who += " (" + in.Meta.Store + ")"
	}
	clients := "clients"
	if in.Clients == 1 {
		clients = "client"
	}
	return fmt.Sprintf("the book of %s, created %s, with %d %s (%s)", who, created, in.Clients, clients, sizeText(in.Size))
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
		return saidError{"磁盘（或客户册大小上限）已满：什么都没有保存；请腾出空间后再试。", err}
	case errors.Is(err, store.ErrReadOnlyFile):
		st, serr := os.Stat(a.BookPath)
		if serr != nil || st.Mode().Perm()&0o200 != 0 {
			return saidError{fmt.Sprintf("你无权写入客户册文件 %s（权限被拒绝）：vipbook 可以显示它，但不能保存。", a.BookPath), err}
		}
		return saidError{fmt.Sprintf("客户册文件是只读的（权限 %04o）：vipbook 可以显示它，但不能保存；用 chmod u+w %s 使其可写。", st.Mode().Perm(), a.BookPath), err}
	}
	return err
}
