package cli

import (
	"context"
	"errors"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/chain"
	"github.com/vipbook/vipbook/chainsync"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/store"
)

// syncCommands are the book's side of the chain: vipbook sync here, and
// join, status and adopt under vipbook chain (chainSyncCommands).
func syncCommands(a *App) []*cobra.Command { return []*cobra.Command{syncCmd(a)} }

// attachChainSync adds the subcommands of vipbook chain that act on the
// book (join, status, adopt) to the chain command of root, made here when
// root has none yet.
func attachChainSync(root *cobra.Command, a *App) {
	var parent *cobra.Command
	for _, c := range root.Commands() {
		if c.Name() == "chain" {
			parent = c
		}
	}
	if parent == nil {
		parent = &cobra.Command{Use: "chain", Args: cobra.NoArgs}
		root.AddCommand(parent)
	}
	parent.AddCommand(chainJoinCmd(a), chainStatusCmd(a), chainAdoptCmd(a))
}

// chainTimeout bounds a command's work with the chain's database.
const chainTimeout = 10 * time.Minute

// password reads the database password from file, or leaves it to
// PGPASSWORD (read by the driver) when file is "".
func (a *App) password(file string) (chainsync.Password, error) {
	if file == "" {
		return chainsync.Password{}, nil
	}
	raw, err := os.ReadFile(file)
	if err != nil {
		return chainsync.Password{}, usageErr("%s", say(a.Lang, i18n.SyncPasswordFile, file, err))
	}
	p := strings.TrimRight(string(raw), "\r\n")
	if p == "" {
		return chainsync.Password{}, usageErr("%s", say(a.Lang, i18n.SyncPasswordEmpty, file))
	}
	return chainsync.Password{Text: p}, nil
}

// chainSaid words the errors of the chain's database: what is wrong and
// what to do; never the connection string or a password.
func (a *App) chainSaid(err error, id string) error {
	for _, m := range []struct {
		err error
		key i18n.Key
	}{
		{store.ErrNotJoined, i18n.SyncNotJoined},
		{chain.ErrUnreachable, i18n.SyncUnreachable},
		{chain.ErrAuth, i18n.SyncAuth},
		{chain.ErrTLS, i18n.SyncTLS},
		{chain.ErrBadDSN, i18n.SyncBadDSN},
		{chain.ErrNoDatabase, i18n.SyncNoDatabase},
		{chain.ErrSchemaTooOld, i18n.SyncSchemaOld},
		{chain.ErrSchemaTooNew, i18n.SyncSchemaNew},
		{chain.ErrNotGranted, i18n.SyncNotGranted},
		{chain.ErrDenied, i18n.SyncDenied},
		{chain.ErrNoClient, i18n.SyncNoClient},
		{chain.ErrAlready, i18n.SyncAlready},
	} {
		if errors.Is(err, m.err) {
			if m.key != i18n.SyncNoClient && m.key != i18n.SyncAlready {
				return usageErr("%s", say(a.Lang, m.key)) // no id in the text (it was printed as %!(EXTRA ...))
			}
			return usageErr("%s", say(a.Lang, m.key, id))
		}
	}
	var mm *chainsync.MismatchError
	if errors.As(err, &mm) {
		return usageErr("%s", say(a.Lang, i18n.SyncMismatch, mm.Role, mm.Store, mm.Associate, mm.AskedStore))
	}
	return err
}

func syncCmd(a *App) *cobra.Command {
	var asJSON bool
	var pwFile string
	cmd := &cobra.Command{
		Use:  "sync",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			pw, err := a.password(pwFile)
			if err != nil {
				return err
			}
			return a.withWritable(func(b *book.Book) error {
				ctx, cancel := context.WithTimeout(cmd.Context(), chainTimeout)
				defer cancel()
				r, err := b.Sync(ctx, pw)
				if err != nil {
					return a.chainSaid(err, "")
				}
				if asJSON {
					return a.printJSON(r)
				}
				a.printSync(r)
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "")
	cmd.Flags().StringVar(&pwFile, "password-file", "", "")
	return cmd
}

func (a *App) printSync(r chainsync.Report) {
	l := func(k i18n.Key, args ...any) string { return say(a.Lang, k, args...) }
	a.printf("%s\n", l(i18n.SyncDone, r.Pushed, r.Pulled.Clients, r.Pulled.Records))
	for _, x := range []struct {
		n int
		k i18n.Key
	}{{r.Pulled.Conflicts, i18n.SyncConflicts}, {r.Pulled.Released, i18n.SyncReleased}, {r.Pulled.Erased, i18n.SyncErased}} {
		if x.n > 0 {
			a.printf("%s\n", l(x.k, x.n))
		}
	}
}

func chainJoinCmd(a *App) *cobra.Command {
	var storeName, associate, pwFile string
	cmd := &cobra.Command{
		Use:  "join DSN",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			pw, err := a.password(pwFile)
			if err != nil {
				return err
			}
			return a.withWritable(func(b *book.Book) error {
				ctx, cancel := context.WithTimeout(cmd.Context(), chainTimeout)
				defer cancel()
				j, err := b.JoinChain(ctx, args[0], pw, storeName, associate)
				if errors.Is(err, store.ErrJoined) {
					return usageErr("%s", say(a.Lang, i18n.SyncAlreadyJoined, j.Store, j.Associate))
				}
				if err != nil {
					return a.chainSaid(err, "")
				}
				s, err := b.ChainStatus()
				if err != nil {
					return err
				}
				a.printf("%s\n", say(a.Lang, i18n.SyncJoinDone, j.Associate, j.Store, s.Pending))
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&storeName, "store", "", "")
	cmd.Flags().StringVar(&associate, "associate", "", "")
	cmd.Flags().StringVar(&pwFile, "password-file", "", "")
	_ = cmd.MarkFlagRequired("store")
	return cmd
}

func chainStatusCmd(a *App) *cobra.Command {
	var asJSON, offline bool
	var pwFile string
	cmd := &cobra.Command{
		Use:  "status",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			pw, err := a.password(pwFile)
			if err != nil {
				return err
			}
			return a.withBookUse(true, func(b *book.Book) error {
				s, err := b.ChainStatus()
				if err != nil {
					return err
				}
				if s.Joined && !offline {
					ctx, cancel := context.WithTimeout(cmd.Context(), 15*time.Second)
					defer cancel()
					v, err := b.ChainServerStatus(ctx, pw)
					if err != nil {
						s.Offline = a.chainSaid(err, "").Error()
					} else {
						s.Server = &v
					}
				}
				if asJSON {
					return a.printJSON(s)
				}
				a.printStatus(s)
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "")
	cmd.Flags().BoolVar(&offline, "offline", false, "")
	cmd.Flags().StringVar(&pwFile, "password-file", "", "")
	return cmd
}

func (a *App) printStatus(s chainsync.Status) {
	l := func(k i18n.Key, args ...any) string { return say(a.Lang, k, args...) }
	if !s.Joined {
		a.printf("%s\n", l(i18n.SyncStatusNone))
		return
	}
	a.printf("%s\n", l(i18n.SyncStatusJoined, s.Associate, s.Store, s.BookID, s.Since.Local().Format("2006-01-02")))
	if s.LastSync.IsZero() {
		a.printf("%s\n", l(i18n.SyncStatusNever))
	} else {
		a.printf("%s\n", l(i18n.SyncStatusLast, s.LastSync.Local().Format("2006-01-02 15:04")))
	}
	a.printf("%s\n", l(i18n.SyncStatusPending, s.Pending))
	switch {
	case s.Server != nil:
		a.printf("%s\n", l(i18n.SyncStatusServer, s.Server.Clients, s.Server.Waiting))
	case s.Offline != "":
		a.printf("%s\n", l(i18n.SyncStatusOffline, s.Offline))
	}
}

func chainAdoptCmd(a *App) *cobra.Command {
	var pwFile string
	cmd := &cobra.Command{
		Use:  "adopt CLIENT-ID",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			pw, err := a.password(pwFile)
			if err != nil {
				return err
			}
			return a.withWritable(func(b *book.Book) error {
				ctx, cancel := context.WithTimeout(cmd.Context(), chainTimeout)
				defer cancel()
				r, err := b.Adopt(ctx, pw, args[0])
				if err != nil {
					return a.chainSaid(err, args[0])
				}
				a.printf("%s\n", say(a.Lang, i18n.SyncAdopted, args[0]))
				a.printSync(r)
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&pwFile, "password-file", "", "")
	return cmd
}
