package cli

import (
	"errors"
	"fmt"
	"github.com/vipbook/vipbook/i18n"
	"strings"

	"github.com/spf13/cobra"
	"github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/messages"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// engineCommands are the clienteling engine's commands (message, ...).
func engineCommands(a *App) []*cobra.Command { return []*cobra.Command{messageCmd(a)} }

func messageCmd(a *App) *cobra.Command {
	var kind, occasion, items string
	var logIt bool
	cmd := &cobra.Command{
		Use:  "message CLIENT --kind KIND",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if kind == "" {
				return a.usage(i18n.UsageMessageKind, messages.KindNames())
			}
			k, err := messages.ParseKind(kind)
			if err != nil {
				return a.badChoice("--kind", kind, strings.Split(messages.KindNames(), ", ")...)
			}
			cfg, err := a.config()
			if err != nil {
				return err
			}
			set, err := messages.Load(cfg.MessageDir(a.ConfigPath))
			if err != nil {
				return a.usage(i18n.UsageMessageTemplates, err)
			}
			return a.withBookUse(!logIt, func(b *book.Book) error {
				var p *profile.Profile
				var text string
				err := b.View(func(tx *store.Tx) error {
					s, err := resolveClient(tx, args[0])
					if err != nil {
						return err
					}
					if p, err = tx.Client(s.ID); err != nil {
						return err
					}
					c, err := messageContext(tx, p, a.today(), b.Meta(), cfg.Messages, k == messages.ReferralThanks)
					if err != nil {
						return err
					}
					c.Occasion = occasion
					if items != "" {
						c.Items = items
					}
					text, err = set.Compose(p, k, a.Lang, c)
					if errors.Is(err, messages.ErrDoNotContact) {
						return refuseContact(a, p)
					}
					if err != nil {
						return usageErr("%v", err)
					}
					return nil
				})
				if err != nil {
					return err
				}
				a.printf("%s\n", text)
				if !logIt {
					return nil
				}
				name, err := b.LogMessage(p.ID, k, text, "")
				if err != nil {
					return err
				}
				fmt.Fprintln(a.Stderr, a.cat().T(i18n.CliEngineLogged, name))
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&kind, "kind", "", "")
	cmd.Flags().StringVar(&occasion, "occasion", "", "")
	cmd.Flags().StringVar(&items, "items", "", "")
	cmd.Flags().BoolVar(&logIt, "log", false, "")
	return cmd
}

// refuseContact is the error for a message to a client who asked not to be
// contacted.
func refuseContact(a *App, p *profile.Profile) error {
	when := ""
	if !p.Consent.RecordedAt.IsZero() {
		when = civil.Of(p.Consent.RecordedAt).String()
	}
	if when != "" {
		return usageErr("%s", a.cat().T(i18n.CliEngineRefusedSince, p.DisplayName(), when, p.ID))
	}
	return usageErr("%s", a.cat().T(i18n.CliEngineRefused, p.DisplayName(), p.ID))
}

// messageContext gathers what a message about p needs from the book: the
// associate, the last purchase's items, who introduced p and, when
// referred is set, whom p introduced last (a scan of the book).
func messageContext(tx *store.Tx, p *profile.Profile, today civil.Date, m store.Meta, mc config.Messages, referred bool) (messages.Context, error) {
	c := messages.Context{Today: today, Associate: m.Associate, Store: m.Store, Signature: mc.Signature}
	ps, err := tx.Purchases(p.ID)
	if err != nil {
		return c, err
	}
	c = c.WithLastPurchase(ps)
	if p.ReferredBy != "" {
		if r, err := tx.Summary(p.ReferredBy); err == nil {
			c.Referrer = r.DisplayName()
		}
	}
	if !referred {
		return c, nil
	}
	sums, err := tx.Summaries()
	if err != nil {
		return c, err
	}
	var newest civil.Date
	for i := range sums {
		if s := &sums[i]; s.ReferredBy == p.ID && !s.Created.Before(newest) {
			c.Referred, newest = s.DisplayName(), s.Created
		}
	}
	return c, nil
}
