package cli

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/dateinput"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/requests"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
	"github.com/vipbook/vipbook/tiers"
	"github.com/vipbook/vipbook/visits"
)

// bookCommands are the commands that keep the book: init, add, show, edit,
// note, buy, visit, request, list, search.
func bookCommands(a *App) []*cobra.Command {
	return []*cobra.Command{initCmd(a), addCmd(a), showCmd(a), editCmd(a), noteCmd(a), buyCmd(a),
		visitCmd(a), requestCmd(a), listCmd(a), searchCmd(a)}
}

func initCmd(a *App) *cobra.Command {
	var associate, storeName, currency, cc string
	cmd := &cobra.Command{
		Use:  "init --associate NAME",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if strings.TrimSpace(associate) == "" {
				return usageErr("%s", a.cat().T(i18n.CliBookSayWhose))
			}
			if isDemoBook(a.BookPath) {
				return errors.New(a.cat().T(i18n.ErrInitOnDemo, a.BookPath, a.BookPath))
			}
			b, err := book.Init(a.BookPath, store.Meta{Associate: associate, Store: storeName,
				Currency: strings.ToUpper(currency), CountryCode: strings.TrimPrefix(cc, "+")}, book.Options{Now: a.Now})
			if err != nil {
				return err
			}
			defer b.Close()
			a.printf("%s\n", a.cat().T(i18n.CliBookCreated, associate, a.BookPath))
			return nil
		},
	}
	cmd.Flags().StringVar(&associate, "associate", "", "")
	cmd.Flags().StringVar(&storeName, "store", "", "")
	cmd.Flags().StringVar(&currency, "currency", "CNY", "")
	cmd.Flags().StringVar(&cc, "country-code", "86", "")
	return cmd
}

func addCmd(a *App) *cobra.Command {
	var phones []string
	var birthday, tier, referredBy, email, latin, city string
	var lunar, jsonOut, force bool
	var tags []string
	cmd := &cobra.Command{
		Use:  "add NAME --phone P",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			p := &profile.Profile{Name: strings.TrimSpace(args[0]), LatinName: latin, Email: email, City: city,
				Tier: strings.ToUpper(tier), Tags: tags}
			if len(phones) == 0 {
				return usageErr("%s", a.cat().T(i18n.CliBookNeedsPhone, args[0]))
			}
			for _, ph := range phones {
				if err := profile.CheckPhone(ph); err != nil {
					return usageErr("%s", a.cat().Error(err))
				}
				p.Phones = append(p.Phones, profile.Phone{Number: ph, Label: "mobile"})
			}
			if birthday != "" {
				field := "birthday"
				if lunar {
					field = "lunar_birthday"
				}
				if err := profile.Set(p, field, birthday, a.Now()); err != nil {
					return usageErr("--birthday: %s", i18n.New(a.Lang).Error(err))
				}
			} else if lunar {
				return usageErr("%s", a.cat().T(i18n.CliBookLunarNeedsBirthday))
			}
			return a.withWritable(func(b *book.Book) error {
				if referredBy != "" {
					ref, err := a.resolve(b, referredBy)
					if err != nil {
						return fmt.Errorf("--referred-by: %w", err)
					}
					p.ReferredBy = ref.ID
				}
				err := a.saveDespiteDuplicates(force, func(also ...book.Also) error { return b.AddClient(p, also...) })
				if err != nil {
					return err
				}
				if jsonOut {
					return a.printJSON(p)
				}
				a.printf("%s\n", a.cat().T(i18n.CliBookAdded, p.DisplayName(), p.ID))
				return nil
			})
		},
	}
	cmd.Flags().StringArrayVar(&phones, "phone", nil, "")
	cmd.Flags().StringVar(&birthday, "birthday", "", "")
	cmd.Flags().BoolVar(&lunar, "lunar", false, "")
	cmd.Flags().StringVar(&tier, "tier", "", "")
	cmd.Flags().StringVar(&referredBy, "referred-by", "", "")
	cmd.Flags().StringVar(&email, "email", "", "")
	cmd.Flags().StringVar(&latin, "latin-name", "", "")
	cmd.Flags().StringVar(&city, "city", "", "")
	cmd.Flags().StringSliceVar(&tags, "tag", nil, "")
	cmd.Flags().BoolVar(&jsonOut, "json", false, "")
	cmd.Flags().BoolVar(&force, "force", false, "")
	return cmd
}

// resolve finds the one client a CLIENT argument names (resolveClient),
// in a read of its own before the write that uses it.
func (a *App) resolve(b *book.Book, query string) (profile.Summary, error) {
	var s profile.Summary
	err := b.View(func(tx *store.Tx) error {
		var err error
		s, err = resolveClient(tx, query)
		return err
	})
	return s, err
}

// ClientDetail is everything the book holds about one client, as `show
// --json` prints it (the client's right to see what is kept).
type ClientDetail struct {
	Profile      *profile.Profile     `json:"profile"`
	Stats        profile.Stats        `json:"stats"`
	Notes        []notes.Note         `json:"notes"`
	Purchases    []profile.Purchase   `json:"purchases"`
	Tasks        []tasks.Task         `json:"tasks"`
	Appointments []visits.Appointment `json:"appointments"`
	Requests     []requests.Request   `json:"requests"`
	// Card is the client's card under the card scheme in use, how it is
	// held, to when and what keeps it (absent with the pyramid).
	Card *tiers.Assignment `json:"card,omitempty"`
	// MoneyUnit is the unit of every amount above (profile.MoneyUnit).
	MoneyUnit string `json:"money_unit"`
	// Linked holds the names of the clients household members are, by
	// id (book.LinkedNames); the JSON keeps the ids on the members.
	Linked map[string]string `json:"-"`
}

func loadDetail(tx *store.Tx, id string, today civil.Date) (*ClientDetail, error) {
	p, err := tx.Client(id)
	if err != nil {
		return nil, err
	}
	p.NumberDates() // the ids `date rm` and `gift --for` take, for dates entered before they had one
	sum, err := tx.Summary(id)
	if err != nil {
		return nil, err
	}
	d := &ClientDetail{Profile: p, Stats: sum.Stats(today), Tasks: tx.ClientTasks(id),
		Appointments: tx.ClientAppointments(id), Requests: tx.ClientRequests(id), Linked: book.LinkedNames(tx, p)}
	if d.Notes, err = tx.Notes(id); err != nil {
		return nil, err
	}
	if d.Purchases, err = tx.Purchases(id); err != nil {
		return nil, err
	}
	return d, nil
}

func showCmd(a *App) *cobra.Command {
	var jsonOut bool
	cmd := &cobra.Command{
		Use:  "show CLIENT",
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			// A card number read off the card (VIP 8800123) or a name
			// typed without quotes is one CLIENT.
			query := strings.Join(args, " ")
			return a.withBook(true, func(b *store.Book) error {
				return b.View(func(tx *store.Tx) error {
					s, err := resolveClient(tx, query)
					if err != nil {
						return err
					}
					d, err := loadDetail(tx, s.ID, a.today())
					if err != nil {
						return err
					}
					if cfg, err := a.config(); err == nil {
						tc := cfg.Tiers
						if tc.Currency == "" {
							tc.Currency = b.Meta().Currency
						}
						if sum, err := tx.Summary(s.ID); err == nil {
							if ca, ok := tiers.CardOf(sum, a.today(), tc); ok {
								d.Card = &ca
							}
						}
					}
					if jsonOut {
						d.MoneyUnit = profile.MoneyUnit(b.Meta().Currency)
						return a.printJSON(d)
					}
					writeDetail(a.Stdout, a.cat(), d, b.Meta(), a.today())
					return nil
				})
			})
		},
	}
	cmd.Flags().BoolVar(&jsonOut, "json", false, "")
	return cmd
}

func editCmd(a *App) *cobra.Command {
	var sets []string
	var jsonOut, force bool
	cmd := &cobra.Command{
		Use:  "edit CLIENT --set field=value ...",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(sets) == 0 {
				return usageErr("%s", a.cat().T(i18n.CliBookSayWhat, strings.Join(profile.SettableFields(), ", ")))
			}
			return a.withWritable(func(b *book.Book) error {
				s, err := a.resolve(b, args[0])
				if err != nil {
					return err
				}
				edit := func(p *profile.Profile) error {
					for _, kv := range sets {
						k, v, ok := strings.Cut(kv, "=")
						if !ok {
							return usageErr("%s", a.cat().T(i18n.CliBookSetForm, kv))
						}
						if err := profile.Set(p, k, v, a.Now()); err != nil {
							return usageErr("%s", i18n.New(a.Lang).Error(err))
						}
					}
					return nil
				}
				var p *profile.Profile
				err = a.saveDespiteDuplicates(force, func(also ...book.Also) (err error) {
					p, err = b.UpdateClient(s.ID, edit, also...)
					return err
				})
				if err != nil {
					return err
				}
				if jsonOut {
					return a.printJSON(p)
				}
				a.printf("%s\n", a.cat().T(i18n.CliBookUpdated, p.DisplayName(), p.ID))
				return nil
			})
		},
	}
	cmd.Flags().StringArrayVar(&sets, "set", nil, "")
	cmd.Flags().BoolVar(&jsonOut, "json", false, "")
	cmd.Flags().BoolVar(&force, "force", false, "")
	return cmd
}

func noteCmd(a *App) *cobra.Command {
	var kind string
	var private bool
	cmd := &cobra.Command{
		Use:  "note CLIENT TEXT",
		Args: cobra.MinimumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			k, err := notes.ParseKind(kind)
			if err != nil {
				return a.badChoice("--kind", kind, names(notes.Kinds)...)
			}
			text := strings.TrimSpace(strings.Join(args[1:], " "))
			return a.withWritable(func(b *book.Book) error {
				s, err := a.resolve(b, args[0])
				if err != nil {
					return err
				}
				if err := b.AddNote(&notes.Note{ClientID: s.ID, Kind: k, Text: text, Private: private}); err != nil {
					if errors.Is(err, book.ErrNoteEmpty) {
						return usageErr("%s", a.cat().T(i18n.CliBookNoteEmpty))
					}
					return err
				}
				a.printf("%s\n", a.cat().T(i18n.CliBookNoted, s.DisplayName(), a.cat().NoteKind(k)))
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&kind, "kind", "general", "")
	cmd.Flags().BoolVar(&private, "private", false, "")
	cmd.AddCommand(noteRmCmd(a))
	return cmd
}

// noteRmCmd removes a note logged by mistake: `vipbook note rm ID`. It
// says which note and asks first (it cannot be undone) unless --yes.
func noteRmCmd(a *App) *cobra.Command {
	return removeCmd(a, func(tx *store.Tx, id string) (string, error) {
		n, err := tx.Note(id)
		if err != nil {
			return "", &book.Error{Key: i18n.ErrNoNote, Args: []any{id}, Err: err}
		}
		return a.cat().T(i18n.CliNoteRemoveWhat, clientName(tx, n.ClientID), a.cat().NoteKind(n.Kind), n.Text), nil
	}, func(b *book.Book, id string) error {
		n, r, err := b.DeleteNote(id)
		if err != nil && !errors.Is(err, store.ErrNotCompacted) {
			return err
		}
		a.printf("%s\n", a.cat().T(i18n.CliNoteRemoved, r.Client, a.cat().NoteKind(n.Kind), n.Text))
		a.removedFollowUps(r)
		a.removedNotCompacted(err)
		return nil
	})
}

// buyRmCmd removes a purchase logged by mistake: `vipbook buy rm ID`. It
// says which purchase and asks first (it cannot be undone) unless --yes.
func buyRmCmd(a *App) *cobra.Command {
	return removeCmd(a, func(tx *store.Tx, id string) (string, error) {
		p, err := tx.Purchase(id)
		if err != nil {
			return "", &book.Error{Key: i18n.ErrNoPurchase, Args: []any{id}, Err: err}
		}
		return a.cat().T(i18n.CliPurchaseRemoveWhat, p.Amount, p.Currency, clientName(tx, p.ClientID), p.Date), nil
	}, func(b *book.Book, id string) error {
		p, r, err := b.DeletePurchase(id)
		if err != nil && !errors.Is(err, store.ErrNotCompacted) {
			return err
		}
		if p.Items != "" {
			a.printf("%s\n", a.cat().T(i18n.CliPurchaseRemovedItems, p.Amount, p.Currency, r.Client, p.Date, p.Items))
		} else {
			a.printf("%s\n", a.cat().T(i18n.CliPurchaseRemoved, p.Amount, p.Currency, r.Client, p.Date))
		}
		a.removedFollowUps(r)
		a.removedNotCompacted(err)
		return nil
	})
}

// removeCmd is `rm ID` of a record logged by mistake (note rm, buy rm):
// unless --yes, it says what describe says of the record and asks first
// (it cannot be undone); then remove removes it and says so.
func removeCmd(a *App, describe func(tx *store.Tx, id string) (string, error), remove func(b *book.Book, id string) error) *cobra.Command {
	var yes bool
	cmd := &cobra.Command{
		Use:  "rm ID",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withWritable(func(b *book.Book) error {
				if !yes {
					var what string
					err := b.View(func(tx *store.Tx) (err error) {
						what, err = describe(tx, args[0])
						return err
					})
					if err != nil {
						return err
					}
					if err := a.confirmRemoval(what); err != nil {
						return err
					}
				}
				return remove(b, args[0])
			})
		},
	}
	cmd.Flags().BoolVar(&yes, "yes", false, "")
	return cmd
}

// confirmRemoval says what a removal removes and that it cannot be
// undone, and asks; anything but yes removes nothing.
func (a *App) confirmRemoval(what string) error {
	a.printf("%s\n", what)
	line := ""
	if a.Stdin != nil {
		var err error
		if line, err = a.ask(a.cat().T(i18n.CliRemoveAsk)); err != nil {
			return err
		}
	}
	if !confirmed(line) {
		return usageErr("%s", a.cat().T(i18n.CliRemoveNotConfirmed))
	}
	return nil
}

// clientName is the display name of client id, or the id when the book
// has no summary of it.
func clientName(tx *store.Tx, id string) string {
	if s, err := tx.Summary(id); err == nil {
		return s.DisplayName()
	}
	return id
}

// removedNotCompacted says, when err is store.ErrNotCompacted, that the
// removal landed but the file is compacted later.
func (a *App) removedNotCompacted(err error) {
	if errors.Is(err, store.ErrNotCompacted) {
		a.printf("%s\n", a.cat().T(i18n.RemovedNotCompacted))
	}
}

// removedFollowUps says which open follow-ups a removal cancelled.
func (a *App) removedFollowUps(r book.Removed) {
	if n := len(r.Cancelled); n > 0 {
		a.printf("%s\n", a.cat().N(i18n.CliRemovedFollowUps, n, n))
		for _, t := range r.Cancelled {
			a.printf("  %s  %s  %s\n", t.ID, t.DueOn(), a.cat().TaskTitle(&t))
		}
	}
}

// parseDay reads a date flag (--date, --due, --until): empty is today;
// otherwise any form dateinput.Day reads (2026-03-05, 03-05, tomorrow,
// +2w, next friday, and the Chinese words and lunar dates), a day without
// a year being the next one.
func (a *App) parseDay(s, flag string) (civil.Date, error) {
	return a.readDay(s, flag, dateinput.Day)
}

// parsePastDay reads the day of something that happened (a purchase):
// as parseDay, but a day without a year, or a weekday, is the latest one.
func (a *App) parsePastDay(s, flag string) (civil.Date, error) {
	return a.readDay(s, flag, dateinput.PastDay)
}

func (a *App) readDay(s, flag string, read func(string, civil.Date) (civil.Date, error)) (civil.Date, error) {
	if strings.TrimSpace(s) == "" {
		return a.today(), nil
	}
	d, err := read(s, a.today())
	if err != nil {
		return d, usageErr("%s: %s", flag, i18n.New(a.Lang).Error(err))
	}
	return d, nil
}

func buyCmd(a *App) *cobra.Command {
	var currency, items, date, storeName string
	var visit bool
	cmd := &cobra.Command{
		Use:  "buy CLIENT AMOUNT",
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			day, err := a.parsePastDay(date, "--date")
			if err != nil {
				return err
			}
			if day.After(a.today()) {
				return usageErr("%s", a.cat().T(i18n.CliBookFuturePurchase, day))
			}
			return a.withWritable(func(b *book.Book) error {
				s, err := a.resolve(b, args[0])
				if err != nil {
					return err
				}
				amt, err := profile.ParseAmount(args[1], b.Meta().Currency)
				if err != nil {
					return usageErr("%s", amountSaid(a.cat(), args[1], err))
				}
				p := &profile.Purchase{ClientID: s.ID, Date: day, Amount: amt, Currency: strings.ToUpper(currency), Items: items, Store: storeName}
				if err := b.AddPurchase(p); err != nil {
					return err
				}
				a.printf("%s\n", a.cat().T(i18n.CliBookRecorded, p.Amount, p.Currency, s.DisplayName(), p.Date))
				switch {
				case visit:
					// The client came in: a visit logged on the purchase's
					// day counts it, whatever the amount.
					at := a.Now()
					if day != a.today() {
						at = day.In(a.Now().Location()).Add(12 * time.Hour)
					}
					what := items
					if what == "" {
						what = p.Amount.String() + " " + p.Currency
					}
					if err := b.AddNote(&notes.Note{ClientID: s.ID, At: at, Kind: notes.Visit, Text: a.cat().T(i18n.CliBookZeroVisitNote, what), Author: b.Meta().Associate}); err != nil {
						return err
					}
				case amt == 0:
					a.printf("%s\n", a.cat().T(i18n.CliBookZeroNoVisit))
				}
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&currency, "currency", "", "")
	cmd.Flags().StringVar(&items, "items", "", "")
	cmd.Flags().StringVar(&date, "date", "", "")
	cmd.Flags().StringVar(&storeName, "store", "", "")
	cmd.Flags().BoolVar(&visit, "visit", false, "")
	cmd.AddCommand(buyRmCmd(a))
	return cmd
}

func visitCmd(a *App) *cobra.Command {
	var at, purpose string
	var minutes int
	cmd := &cobra.Command{
		Use:  "visit CLIENT --at \"YYYY-MM-DD HH:MM\"",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if at == "" {
				return usageErr("%s", a.cat().T(i18n.CliBookSayWhen))
			}
			d, h, m, err := dateinput.Moment(at, a.today())
			if err != nil {
				return usageErr("--at: %s", i18n.New(a.Lang).Error(err))
			}
			start := time.Date(d.Year, d.Month, d.Day, h, m, 0, 0, a.Now().Location())
			return a.withWritable(func(b *book.Book) error {
				s, err := a.resolve(b, args[0])
				if err != nil {
					return err
				}
				ap := &visits.Appointment{ClientID: s.ID, Start: start, Duration: time.Duration(minutes) * time.Minute, Purpose: purpose}
				if err := b.AddVisit(ap); err != nil {
					return err
				}
				a.printf("%s\n", a.cat().T(i18n.CliBookBooked, s.DisplayName(), start.Format("2006-01-02 15:04"), ap.ID))
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&at, "at", "", "")
	cmd.Flags().StringVar(&purpose, "purpose", "", "")
	cmd.Flags().IntVar(&minutes, "minutes", 45, "")
	return cmd
}

func requestCmd(a *App) *cobra.Command {
	cmd := &cobra.Command{
		Use:  "request CLIENT TEXT",
		Args: cobra.MinimumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withWritable(func(b *book.Book) error {
				s, err := a.resolve(b, args[0])
				if err != nil {
					return err
				}
				r := &requests.Request{ClientID: s.ID, What: strings.Join(args[1:], " ")}
				if err := b.AddRequest(r); err != nil {
					return err
				}
				a.printf("%s\n", a.cat().T(i18n.CliBookOpenedRequest, r.ID, s.DisplayName()))
				return nil
			})
		},
	}
	var status, note string
	closeCmd := &cobra.Command{
		Use:  "update ID --status sourcing|fulfilled|declined",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := requests.ParseStatus(status)
			if err != nil {
				return a.badChoice("--status", status, names([]requests.Status{requests.Open, requests.Sourcing, requests.Fulfilled, requests.Declined})...)
			}
			return a.withWritable(func(b *book.Book) error {
				r, err := b.UpdateRequest(args[0], st, note)
				if err != nil {
					return err
				}
				a.printf("%s\n", a.cat().T(i18n.CliBookRequestIs, r.ID, a.cat().RequestStatus(r.Status)))
				return nil
			})
		},
	}
	closeCmd.Flags().StringVar(&status, "status", "", "")
	closeCmd.Flags().StringVar(&note, "note", "", "")
	cmd.AddCommand(closeCmd)
	return cmd
}

// amountSaid says why the amount s was refused: its two readings when it
// is ambiguous.
func amountSaid(c *i18n.Catalog, s string, err error) string {
	var amb *profile.AmbiguousAmountError
	if errors.As(err, &amb) {
		return c.T(i18n.ErrAmountAmbiguous, s, amb.AsDot.String(), amb.AsThou.String(), amb.AsDot.Plain(), amb.AsThou.Plain())
	}
	return c.T(i18n.ErrAmountBad, s)
}
