package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"
	"github.com/vipbook/vipbook/chain"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// chainCommand is `vipbook chain`: the chain's database side (migrate,
// grant, find, overview, reassign); the book side (join, status, adopt)
// is added by chainsync.
func chainCommand(a *App) *cobra.Command {
	var dsn string
	c := &cobra.Command{Use: "chain", Args: cobra.NoArgs}
	c.PersistentFlags().StringVar(&dsn, "dsn", "", "")
	c.AddCommand(chainMigrateCmd(a), chainGrantCmd(a, &dsn), chainFindCmd(a, &dsn), chainOverviewCmd(a, &dsn),
		chainReassignCmd(a, &dsn))
	return c
}

// chainDSN is the chain's database for a command: --dsn, then
// VIPBOOK_CHAIN_DSN, then the DSN the book remembers from its join, then
// libpq's environment (PGHOST, PGSERVICE, PGDATABASE) when set.
func (a *App) chainDSN(flag string) (string, error) {
	if flag != "" {
		return flag, nil
	}
	if s := os.Getenv("VIPBOOK_CHAIN_DSN"); s != "" {
		return s, nil
	}
	if dsn, _ := a.chainBook(); dsn != "" {
		return dsn, nil
	}
	for _, v := range []string{"PGHOST", "PGSERVICE", "PGDATABASE"} {
		if os.Getenv(v) != "" {
			return "", nil
		}
	}
	return "", usageErr("%s", say(a.Lang, i18n.ChainErrNoDSN))
}

// chainBook reads, when the book exists, the DSN it remembers from its
// join and its calling code for phones.
func (a *App) chainBook() (dsn, cc string) {
	cc = profile.DefaultCountryCode
	if _, err := os.Stat(a.BookPath); err != nil {
		return "", cc
	}
	_ = a.withBook(true, func(b *store.Book) error {
		if j, ok := b.Chain(); ok {
			dsn = j.DSN
		}
		if m := b.Meta(); m.CountryCode != "" {
			cc = m.CountryCode
		}
		return nil
	})
	return dsn, cc
}

// chainErr words an error of the chain's database: what is wrong and what
// to do, never the DSN nor a password (chain.ErrorText).
func (a *App) chainErr(err error) error {
	if err == nil {
		return nil
	}
	var ue userError
	if errors.As(err, &ue) {
		return err
	}
	return userError{chain.ErrorText(a.Lang, err)}
}

// withChain connects to the chain's database and runs fn.
func (a *App) withChain(cmd *cobra.Command, dsnFlag string, fn func(ctx context.Context, db *chain.DB) error) error {
	dsn, err := a.chainDSN(dsnFlag)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(cmd.Context(), chainTimeout)
	defer cancel()
	db, err := chain.Connect(ctx, dsn)
	if err != nil {
		return a.chainErr(err)
	}
	defer db.Close()
	return a.chainErr(fn(ctx, db))
}

func chainMigrateCmd(a *App) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:  "migrate DSN",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx, cancel := context.WithTimeout(cmd.Context(), chainTimeout)
			defer cancel()
			m, err := chain.Migrate(ctx, args[0])
			if err != nil {
				return a.chainErr(err)
			}
			if m.Applied == nil {
				m.Applied = []int{}
			}
			if asJSON {
				return a.printJSON(m)
			}
			if len(m.Applied) == 0 {
				a.printf("%s\n", say(a.Lang, i18n.ChainMigrateNothing, m.To))
				return nil
			}
			vs := make([]string, len(m.Applied))
			for i, v := range m.Applied {
				vs[i] = strconv.Itoa(v)
			}
			a.printf("%s\n", say(a.Lang, i18n.ChainMigrated, m.To, m.From, strings.Join(vs, ", ")))
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "")
	return cmd
}

func chainGrantCmd(a *App, dsn *string) *cobra.Command {
	var storeName, passwordFile string
	var manager, asJSON bool
	cmd := &cobra.Command{
		Use:  "grant NAME --store NAME",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			g := chain.Grantee{Name: args[0], Store: strings.TrimSpace(storeName), Manager: manager}
			if g.Store == "" {
				return userError{say(a.Lang, i18n.ChainErrBadName, storeName)}
			}
			if err := chain.CheckName(g.Name); err != nil {
				return userError{say(a.Lang, i18n.ChainErrBadName, g.Name)}
			}
			target, err := a.chainDSN(*dsn)
			if err != nil {
				return err
			}
			password, err := a.newPassword(g.Name, passwordFile)
			if err != nil {
				return err
			}
			ctx, cancel := context.WithTimeout(cmd.Context(), chainTimeout)
			defer cancel()
			got, err := chain.Grant(ctx, target, g, password)
			if err != nil {
				return a.chainErr(err)
			}
			if asJSON {
				return a.printJSON(got)
			}
			role := say(a.Lang, i18n.ChainRoleAssociate)
			if got.Manager {
				role = say(a.Lang, i18n.ChainRoleManager)
			}
			k := i18n.ChainGrantChanged
			if got.Created {
				k = i18n.ChainGrantCreated
			}
			a.printf("%s\n%s\n", say(a.Lang, k, got.Name, role, got.Store), say(a.Lang, i18n.ChainGrantPasswordNote))
			return nil
		},
	}
	cmd.Flags().StringVar(&storeName, "store", "", "")
	cmd.Flags().BoolVar(&manager, "manager", false, "")
	cmd.Flags().StringVar(&passwordFile, "password-file", "", "")
	cmd.Flags().BoolVar(&asJSON, "json", false, "")
	_ = cmd.MarkFlagRequired("store")
	return cmd
}

// newPassword is the password of a new login: from --password-file, else
// PGPASSWORD, else typed twice on the terminal without echo.
func (a *App) newPassword(name, file string) (string, error) {
	l := func(k i18n.Key, args ...any) string { return say(a.Lang, k, args...) }
	if file != "" {
		raw, err := os.ReadFile(file)
		if err != nil {
			return "", userError{l(i18n.ChainErrPasswordFile, errors.Unwrap(err))}
		}
		p := strings.TrimRight(string(raw), "\r\n")
		if p == "" {
			return "", userError{l(i18n.ChainErrEmptyPassword, file)}
		}
		return p, nil
	}
	if p := os.Getenv("PGPASSWORD"); p != "" {
		return p, nil
	}
	in, ok := a.Stdin.(*os.File)
	if !ok || !term.IsTerminal(in.Fd()) {
		return "", userError{l(i18n.ChainErrNoPassword)}
	}
	ask := func(prompt string) (string, error) {
		fmt.Fprint(a.Stderr, prompt)
		raw, err := term.ReadPassword(in.Fd())
		fmt.Fprintln(a.Stderr)
		return string(bytes.TrimRight(raw, "\r\n")), err
	}
	p, err := ask(l(i18n.ChainPasswordPrompt, name))
	if err != nil {
		return "", err
	}
	if p == "" {
		return "", userError{l(i18n.ChainErrNoPassword)}
	}
	again, err := ask(l(i18n.ChainPasswordAgain))
	if err != nil {
		return "", err
	}
	if again != p {
		return "", userError{l(i18n.ChainPasswordsDiffer)}
	}
	return p, nil
}

func chainFindCmd(a *App, dsn *string) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:  "find PHONE|CARD|NAME",
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			typed := strings.Join(args, " ")
			_, cc := a.chainBook()
			return a.withChain(cmd, *dsn, func(ctx context.Context, db *chain.DB) error {
				found, err := db.Find(ctx, chain.ParseQuery(typed, cc))
				if err != nil {
					return err
				}
				if found == nil {
					found = []chain.Found{}
				}
				if asJSON {
					return a.printJSON(found)
				}
				if len(found) == 0 {
					a.printf("%s\n", say(a.Lang, i18n.ChainFindNone, typed))
					return nil
				}
				writeFound(a, found)
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "")
	return cmd
}

// writeFound prints the clients chain find found, one block each.
func writeFound(a *App, found []chain.Found) {
	l := func(k i18n.Key, args ...any) string { return say(a.Lang, k, args...) }
	for _, f := range found {
		name := f.Name
		if f.LatinName != "" && f.LatinName != f.Name {
			name = strings.TrimSpace(name + " " + f.LatinName)
		}
		a.printf("%s  %s", f.ID, name)
		if f.DoNotContact {
			a.printf("  [%s]", l(i18n.ChainFindDoNotContact))
		}
		a.printf("\n")
		who := f.Associate
		if f.Secondary != "" {
			who += ", " + l(i18n.ChainFindSecondary) + " " + f.Secondary
		}
		tier := f.Tier
		if tier == "" {
			tier = l(i18n.ChainNoTier)
		}
		last := l(i18n.ChainFindNever)
		if f.LastVisit != nil {
			last = f.LastVisit.Format("2006-01-02")
		}
		a.printf("  %s: %s · %s: %s\n", l(i18n.ChainFindStore), f.Store, l(i18n.ChainFindAssociate), who)
		a.printf("  %s: %s · %s: %s · %s: %s · %s: %d\n", l(i18n.ChainFindTier), tier,
			l(i18n.ChainFindSpend), chain.SpendText(f.Spend, f.Currency), l(i18n.ChainFindLastVisit), last,
			l(i18n.ChainFindRequests), f.OpenRequests)
	}
}

func chainOverviewCmd(a *App, dsn *string) *cobra.Command {
	var storeName string
	var days int
	var asJSON bool
	cmd := &cobra.Command{
		Use:  "overview",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if days < 1 {
				return userError{say(a.Lang, i18n.ChainErrBadDays)}
			}
			return a.withChain(cmd, *dsn, func(ctx context.Context, db *chain.DB) error {
				ov, err := db.Overview(ctx, chain.OverviewOptions{Store: storeName, StaleDays: days, Now: a.Now()})
				if err != nil {
					return err
				}
				if asJSON {
					if ov == nil {
						ov = []chain.AssociateOverview{}
					}
					return a.printJSON(ov)
				}
				a.printf("%s", chain.OverviewText(a.Lang, ov, days))
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&storeName, "store", "", "")
	cmd.Flags().IntVar(&days, "days", 30, "")
	cmd.Flags().BoolVar(&asJSON, "json", false, "")
	return cmd
}

func chainReassignCmd(a *App, dsn *string) *cobra.Command {
	var from, to string
	var asJSON bool
	cmd := &cobra.Command{
		Use:  "reassign CLIENT-ID|--from ASSOCIATE --to ASSOCIATE",
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if to == "" || (len(args) == 1) == (from != "") {
				return userError{say(a.Lang, i18n.ChainErrReassignArgs)}
			}
			return a.withChain(cmd, *dsn, func(ctx context.Context, db *chain.DB) error {
				if from != "" {
					n, err := db.ReassignAll(ctx, from, to)
					if err != nil {
						return err
					}
					if asJSON {
						return a.printJSON(map[string]any{"from": from, "to": to, "moved": n})
					}
					a.printf("%s\n", i18n.New(a.Lang).N(i18n.ChainReassignedAll, n, n, from, to))
					return nil
				}
				moved, err := db.Reassign(ctx, args[0], to)
				if errors.Is(err, chain.ErrNoClient) {
					return userError{say(a.Lang, i18n.ChainErrNoClient, args[0])}
				}
				if err != nil {
					return err
				}
				if asJSON {
					return a.printJSON(map[string]any{"client": args[0], "to": to, "moved": moved})
				}
				k := i18n.ChainReassigned
				if !moved {
					k = i18n.ChainReassignedNone
				}
				a.printf("%s\n", say(a.Lang, k, args[0], to))
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&from, "from", "", "")
	cmd.Flags().StringVar(&to, "to", "", "")
	cmd.Flags().BoolVar(&asJSON, "json", false, "")
	return cmd
}
