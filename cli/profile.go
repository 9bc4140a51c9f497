package cli

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/dateinput"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
)

// profileCommands are the commands that enter the parts of a profile:
// size, like, dislike, measure, date, family, card, gift.
func profileCommands(a *App) []*cobra.Command {
	return []*cobra.Command{sizeCmd(a), likeCmd(a, false), likeCmd(a, true), measureCmd(a), dateCmd(a),
		familyCmd(a), cardCmd(a), giftCmd(a)}
}

// pastDay reads a --date of something that happened (a size taken, a
// gift given): empty is today; the forms of dateinput.PastDay.
func (a *App) pastDay(s, flag string) (civil.Date, error) {
	if strings.TrimSpace(s) == "" {
		return a.today(), nil
	}
	d, err := dateinput.PastDay(s, a.today())
	if err != nil {
		return d, usageErr("%s: %s", flag, a.cat().Error(err))
	}
	return d, nil
}

// recurring reads a recurring date (--date of a date, --birthday).
func (a *App) recurring(s, flag string, lunar bool) (dateinput.Recurring, error) {
	r, err := dateinput.Anniversary(s, lunar)
	if err != nil {
		return r, usageErr("%s: %s", flag, a.cat().Error(err))
	}
	return r, nil
}

// entryDone prints what a profile command did, or the client as JSON.
func (a *App) entryDone(jsonOut bool, p *profile.Profile, k i18n.Key, what string) error {
	if jsonOut {
		return a.printJSON(p)
	}
	a.printf("%s\n", say(a.Lang, k, p.DisplayName(), what))
	return nil
}

// onClient resolves the client named by query and runs fn with the book
// open for writing.
func (a *App) onClient(query string, fn func(b *book.Book, s profile.Summary) error) error {
	return a.withWritable(func(b *book.Book) error {
		s, err := a.resolve(b, query)
		if err != nil {
			return err
		}
		return fn(b, s)
	})
}

// readClient resolves the client named by query and reads their profile.
func (a *App) readClient(query string, fn func(p *profile.Profile) error) error {
	return a.readClientIn(query, func(_ *store.Tx, p *profile.Profile) error { return fn(p) })
}

// readClientIn is readClient with the transaction the profile is read
// in, for what else of the book the profile's words need.
func (a *App) readClientIn(query string, fn func(tx *store.Tx, p *profile.Profile) error) error {
	return a.withBook(true, func(b *store.Book) error {
		return b.View(func(tx *store.Tx) error {
			s, err := resolveClient(tx, query)
			if err != nil {
				return err
			}
			p, err := tx.Client(s.ID)
			if err != nil {
				return err
			}
			p.NumberDates()
			return fn(tx, p)
		})
	})
}

func sizeCmd(a *App) *cobra.Command {
	var system, fit string
	return namedEntryCmd(a, namedEntry{
		use: "size CLIENT [CATEGORY VALUE]", usage: i18n.CliProfileSizeUsage, removeUsage: i18n.CliProfileSizeRemove,
		list:  func(p *profile.Profile) (any, int) { return p.Sizes, len(p.Sizes) },
		write: func(w io.Writer, c *i18n.Catalog, p *profile.Profile) { writeSizes(w, c, p, true) },
		none:  i18n.CliProfileNoSizes,
		remove: func(b *book.Book, id, category string) (*profile.Profile, string, error) {
			p, removed, err := b.RemoveSize(id, category)
			if err != nil {
				return nil, "", err
			}
			// Each size taken away, once (the same size taken twice is
			// said once), in the order the profile kept them.
			var what []string
			for _, sz := range removed {
				if w := strings.TrimSpace(sz.Category + " " + sz.Value + " " + sz.System); !slices.Contains(what, w) {
					what = append(what, w)
				}
			}
			return p, a.cat().List(what), nil
		},
		add: func(b *book.Book, id, category, value string, day civil.Date) (*profile.Profile, string, error) {
			sz := profile.Size{Category: category, Value: value, System: system, Note: fit, Taken: day}
			p, err := b.AddSize(id, sz)
			if err == nil && len(p.Sizes) > 0 {
				sz = p.Sizes[len(p.Sizes)-1] // as the book keeps it: eu is EU
			}
			return p, strings.TrimSpace(sz.Category + " " + sz.Value + " " + sz.System), err
		},
		flags: func(f *pflag.FlagSet) {
			f.StringVar(&system, "system", "", "")
			f.StringVar(&fit, "fit", "", "")
		},
	})
}

// namedEntry is what differs between the commands of the profile's
// entries named by one word and valued by the next (size CATEGORY VALUE,
// measure NAME VALUE), for namedEntryCmd.
type namedEntry struct {
	use         string   // the command's Use: "size CLIENT [CATEGORY VALUE]"
	usage       i18n.Key // the usage said when the words do not fit
	removeUsage i18n.Key // and when --remove has no name
	// list gives the entries for --json and how many there are; write
	// prints them, none says there are none yet and how to add one.
	list  func(p *profile.Profile) (any, int)
	write func(w io.Writer, c *i18n.Catalog, p *profile.Profile)
	none  i18n.Key
	// remove takes away the entries called name and says what it took
	// away; add records one taken on day and says what it recorded.
	remove func(b *book.Book, id, name string) (*profile.Profile, string, error)
	add    func(b *book.Book, id, name, value string, day civil.Date) (*profile.Profile, string, error)
	flags  func(f *pflag.FlagSet) // the command's own flags, beside --date, --remove, --json
}

// namedEntryCmd builds the command of a kind of named entry: CLIENT alone
// lists the client's entries, CLIENT NAME --remove removes those called
// NAME, CLIENT NAME VALUE [--date D] records one (taken on D, today by
// default); --json prints the entries, or the client after a change.
func namedEntryCmd(a *App, e namedEntry) *cobra.Command {
	var date string
	var remove, jsonOut bool
	cmd := &cobra.Command{
		Use:  e.use,
		Args: cobra.RangeArgs(1, 3),
		RunE: func(cmd *cobra.Command, args []string) error {
			switch {
			case len(args) == 1 && !remove:
				return a.readClient(args[0], func(p *profile.Profile) error {
					list, n := e.list(p)
					if jsonOut {
						return a.printJSON(list)
					}
					if n == 0 {
						a.printf("%s\n", say(a.Lang, e.none, p.DisplayName()))
						return nil
					}
					e.write(a.Stdout, a.cat(), p)
					return nil
				})
			case remove:
				if len(args) != 2 {
					return usageErr("%s", say(a.Lang, i18n.CliProfileRemoveUsage, say(a.Lang, e.removeUsage)))
				}
				return a.onClient(args[0], func(b *book.Book, s profile.Summary) error {
					p, what, err := e.remove(b, s.ID, args[1])
					if err != nil {
						return err
					}
					return a.entryDone(jsonOut, p, i18n.CliProfileRemoved, what)
				})
			case len(args) != 3:
				return usageErr("%s", say(a.Lang, e.usage))
			}
			day, err := a.pastDay(date, "--date")
			if err != nil {
				return err
			}
			return a.onClient(args[0], func(b *book.Book, s profile.Summary) error {
				p, what, err := e.add(b, s.ID, args[1], args[2], day)
				if err != nil {
					return err
				}
				return a.entryDone(jsonOut, p, i18n.CliProfileRecorded, what)
			})
		},
	}
	e.flags(cmd.Flags())
	cmd.Flags().StringVar(&date, "date", "", "")
	cmd.Flags().BoolVar(&remove, "remove", false, "")
	cmd.Flags().BoolVar(&jsonOut, "json", false, "")
	return cmd
}

func likeCmd(a *App, dislike bool) *cobra.Command {
	var category string
	var remove, jsonOut bool
	use := "like"
	if dislike {
		use = "dislike"
	}
	cmd := &cobra.Command{
		Use:  use + " CLIENT [TEXT]",
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			text := strings.TrimSpace(strings.Join(args[1:], " "))
			if text == "" {
				if remove {
					return usageErr("%s", say(a.Lang, i18n.CliProfileRemoveUsage, say(a.Lang, i18n.CliProfileLikeRemove, use)))
				}
				return a.readClient(args[0], func(p *profile.Profile) error {
					var prefs []profile.Preference
					for _, pr := range p.Preferences {
						if pr.Dislike == dislike {
							prefs = append(prefs, pr)
						}
					}
					if dislike {
						for _, d := range p.Dislikes {
							prefs = append(prefs, profile.Preference{Kind: profile.PrefOther, Value: d, Dislike: true})
						}
					}
					if jsonOut {
						return a.printJSON(prefs)
					}
					if len(prefs) == 0 {
						none := i18n.CliProfileNoLikes
						if dislike {
							none = i18n.CliProfileNoDislikes
						}
						a.printf("%s\n", say(a.Lang, none, p.DisplayName()))
						return nil
					}
					for _, pr := range prefs {
						a.printf("  %s %s\n", pad(a.cat().PrefKind(pr.Kind), 12), pr.Value)
					}
					return nil
				})
			}
			if remove {
				return a.removeEntry(jsonOut, args[0], text, func(b *book.Book, id, entry string) (*profile.Profile, error) {
					return b.RemovePreference(id, entry, dislike)
				})
			}
			kind, err := profile.ParsePrefKind(category)
			if err != nil {
				return a.badChoice("--category", category, "colour", "fabric", "brand", "style", "line", "occasion", "other")
			}
			return a.onClient(args[0], func(b *book.Book, s profile.Summary) error {
				p, err := b.AddPreference(s.ID, profile.Preference{Kind: kind, Value: text, Dislike: dislike})
				if err != nil {
					return err
				}
				k := i18n.CliProfileLiked
				if dislike {
					k = i18n.CliProfileDisliked
				}
				return a.entryDone(jsonOut, p, k, text)
			})
		},
	}
	cmd.Flags().StringVar(&category, "category", "other", "")
	cmd.Flags().BoolVar(&remove, "remove", false, "")
	cmd.Flags().BoolVar(&jsonOut, "json", false, "")
	return cmd
}

func measureCmd(a *App) *cobra.Command {
	var unit string
	return namedEntryCmd(a, namedEntry{
		use: "measure CLIENT [NAME VALUE]", usage: i18n.CliProfileMeasureUsage, removeUsage: i18n.CliProfileMeasureRemove,
		list:  func(p *profile.Profile) (any, int) { return p.Measurements, len(p.Measurements) },
		write: func(w io.Writer, _ *i18n.Catalog, p *profile.Profile) { writeMeasurements(w, p) },
		none:  i18n.CliProfileNoMeasurements,
		remove: func(b *book.Book, id, name string) (*profile.Profile, string, error) {
			p, err := b.RemoveMeasurement(id, name)
			return p, name, err
		},
		add: func(b *book.Book, id, name, value string, day civil.Date) (*profile.Profile, string, error) {
			u := unit
			if u == "" {
				// cm unless the value says its own unit (38in): --unit's
				// default is not a second unit typed.
				if _, with, ok := profile.ParseMeasure(value); !ok || with == "" {
					u = "cm"
				}
			}
			m := profile.Measurement{Name: name, Value: value, Unit: u, Taken: day}
			p, err := b.AddMeasurement(id, m)
			if err == nil && len(p.Measurements) > 0 {
				m = p.Measurements[len(p.Measurements)-1] // as the book keeps it: 98cm is 98 cm
			}
			return p, strings.TrimSpace(m.Name + " " + m.Value + " " + m.Unit), err
		},
		flags: func(f *pflag.FlagSet) { f.StringVar(&unit, "unit", "", "") },
	})
}

func dateCmd(a *App) *cobra.Command {
	cmd := &cobra.Command{
		Use: "date",
	}
	var kind, when, label, person string
	var lunar, jsonOut bool
	var lead int
	add := &cobra.Command{
		Use:  "add CLIENT --kind birthday|anniversary|child_birthday|custom --date MM-DD",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			k, err := profile.ParseDateKind(kind)
			if err != nil {
				return a.badChoice("--kind", kind, names(profile.DateKinds)...)
			}
			if strings.TrimSpace(when) == "" {
				return usageErr("%s", say(a.Lang, i18n.CliProfileDateUsage))
			}
			r, err := a.recurring(when, "--date", lunar)
			if err != nil {
				return err
			}
			if lead < 0 {
				return usageErr("--lead: %s", say(a.Lang, i18n.CliProfileLeadNegative))
			}
			d := profile.ImportantDate{Kind: k, Label: strings.TrimSpace(label), When: r.When, Lunar: r.Lunar,
				LeapMonth: r.Leap, LeadDays: lead, For: strings.TrimSpace(person)}
			return a.onClient(args[0], func(b *book.Book, s profile.Summary) error {
				d, err := b.AddDate(s.ID, d)
				if err != nil {
					return err
				}
				if jsonOut {
					return a.printJSON(d)
				}
				a.printf("%s\n", say(a.Lang, i18n.CliProfileDateAdded, d.ID, s.DisplayName(), a.cat().DateWhose(d.Kind, d.Label, d.For), a.cat().When(d), d.Lead()))
				return nil
			})
		},
	}
	add.Flags().StringVar(&kind, "kind", "custom", "")
	add.Flags().StringVar(&when, "date", "", "")
	add.Flags().StringVar(&label, "label", "", "")
	add.Flags().BoolVar(&lunar, "lunar", false, "")
	add.Flags().IntVar(&lead, "lead", 0, "")
	add.Flags().StringVar(&person, "for", "", "")
	add.Flags().BoolVar(&jsonOut, "json", false, "")

	var listJSON bool
	list := &cobra.Command{
		Use:  "list CLIENT",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.readClient(args[0], func(p *profile.Profile) error {
				if listJSON {
					return a.printJSON(p.Dates)
				}
				if len(p.Dates) == 0 {
					a.printf("%s\n", say(a.Lang, i18n.CliProfileNoDates, p.DisplayName()))
					return nil
				}
				writeDates(a.Stdout, a.cat(), p, a.today())
				return nil
			})
		},
	}
	list.Flags().BoolVar(&listJSON, "json", false, "")

	rm := entryRemoveCmd(a, "rm CLIENT DATE-ID", cobra.ExactArgs(2), (*book.Book).RemoveDate)
	cmd.AddCommand(add, list, rm)
	return cmd
}

func familyCmd(a *App) *cobra.Command {
	cmd := &cobra.Command{
		Use: "family",
	}
	var relation, birthday, other string
	var lunar, jsonOut bool
	add := &cobra.Command{
		Use:  "add CLIENT NAME --relation spouse|partner|child|parent|assistant|other",
		Args: cobra.MinimumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			rel, err := profile.ParseRelation(relation)
			if err != nil {
				return a.badChoice("--relation", relation, profile.Relations...)
			}
			m := profile.Member{Name: strings.TrimSpace(strings.Join(args[1:], " ")), Relation: rel}
			if birthday != "" {
				r, err := a.recurring(birthday, "--birthday", lunar)
				if err != nil {
					return err
				}
				m.Birthday, m.Lunar, m.LeapMonth = r.When, r.Lunar, r.Leap
			} else if lunar {
				return usageErr("%s", say(a.Lang, i18n.CliProfileLunarNeedsBirthday))
			}
			return a.onClient(args[0], func(b *book.Book, s profile.Summary) error {
				if other != "" {
					o, err := a.resolve(b, other)
					if err != nil {
						return fmt.Errorf("--client: %w", err)
					}
					m.ClientID = o.ID
				}
				p, err := b.AddFamily(s.ID, m)
				if err != nil {
					return err
				}
				return a.entryDone(jsonOut, p, i18n.CliProfileRecorded, a.cat().Member(m))
			})
		},
	}
	add.Flags().StringVar(&relation, "relation", "other", "")
	add.Flags().StringVar(&birthday, "birthday", "", "")
	add.Flags().BoolVar(&lunar, "lunar", false, "")
	add.Flags().StringVar(&other, "client", "", "")
	add.Flags().BoolVar(&jsonOut, "json", false, "")

	list := entryListCmd(a, func(p *profile.Profile) (any, int) { return p.Household, len(p.Household) }, i18n.CliProfileNoFamily,
		func(w io.Writer, c *i18n.Catalog, tx *store.Tx, p *profile.Profile) {
			writeFamily(w, c, p, book.LinkedNames(tx, p))
		})

	rm := entryRemoveCmd(a, "rm CLIENT NAME", cobra.MinimumNArgs(2), (*book.Book).RemoveFamily)
	cmd.AddCommand(add, list, rm)
	return cmd
}

func cardCmd(a *App) *cobra.Command {
	cmd := &cobra.Command{
		Use: "card",
	}
	var program, level, expires string
	var points int
	var jsonOut bool
	add := &cobra.Command{
		Use:  "add CLIENT NUMBER --program NAME",
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			if strings.TrimSpace(program) == "" {
				return usageErr("%s", say(a.Lang, i18n.CliProfileCardProgram, args[1]))
			}
			c := profile.Card{Program: program, Number: args[1], Level: level, Points: points}
			if expires != "" {
				d, err := dateinput.Day(expires, a.today())
				if err != nil {
					return usageErr("--expires: %s", a.cat().Error(err))
				}
				c.Expires = d
			}
			return a.onClient(args[0], func(b *book.Book, s profile.Summary) error {
				p, err := b.AddCard(s.ID, c)
				if err != nil {
					return err
				}
				return a.entryDone(jsonOut, p, i18n.CliProfileRecorded, c.Program+" "+c.Number)
			})
		},
	}
	add.Flags().StringVar(&program, "program", "", "")
	add.Flags().StringVar(&level, "level", "", "")
	add.Flags().IntVar(&points, "points", 0, "")
	add.Flags().StringVar(&expires, "expires", "", "")
	add.Flags().BoolVar(&jsonOut, "json", false, "")

	list := entryListCmd(a, func(p *profile.Profile) (any, int) { return p.Cards, len(p.Cards) }, i18n.CliProfileNoCards,
		func(w io.Writer, c *i18n.Catalog, _ *store.Tx, p *profile.Profile) { writeCards(w, c, p) })

	rm := entryRemoveCmd(a, "rm CLIENT NUMBER", cobra.ExactArgs(2), (*book.Book).RemoveCard)
	cmd.AddCommand(add, list, rm)
	return cmd
}

func giftCmd(a *App) *cobra.Command {
	var forDate, date, remove string
	var jsonOut bool
	cmd := &cobra.Command{
		Use:  "gift CLIENT [TEXT]",
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			text := strings.TrimSpace(strings.Join(args[1:], " "))
			if remove != "" {
				return a.onClient(args[0], func(b *book.Book, s profile.Summary) error {
					p, err := b.RemoveGift(s.ID, remove)
					if err != nil {
						return err
					}
					return a.entryDone(jsonOut, p, i18n.CliProfileRemoved, remove)
				})
			}
			if text == "" {
				return a.readClient(args[0], func(p *profile.Profile) error {
					if jsonOut {
						return a.printJSON(p.Gifts)
					}
					if len(p.Gifts) == 0 {
						a.printf("%s\n", say(a.Lang, i18n.CliProfileNoGifts, p.DisplayName()))
						return nil
					}
					writeGifts(a.Stdout, p)
					return nil
				})
			}
			day, err := a.pastDay(date, "--date")
			if err != nil {
				return err
			}
			return a.onClient(args[0], func(b *book.Book, s profile.Summary) error {
				g, ticked, err := b.LogGift(s.ID, profile.Gift{What: text, Date: day, ForDate: forDate})
				if err != nil {
					return err
				}
				if jsonOut {
					return a.printJSON(struct {
						Gift   profile.Gift `json:"gift"`
						Ticked []string     `json:"ticked,omitempty"`
					}{g, taskIDs(ticked)})
				}
				a.printf("%s\n", say(a.Lang, i18n.CliProfileGiftLogged, g.ID, s.DisplayName(), g.What, g.Date))
				for _, t := range ticked {
					a.printf("%s\n", say(a.Lang, i18n.CliProfileTicked, t.ID, a.cat().TaskTitle(&t)))
				}
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&forDate, "for", "", "")
	cmd.Flags().StringVar(&date, "date", "", "")
	cmd.Flags().StringVar(&remove, "remove", "", "")
	cmd.Flags().BoolVar(&jsonOut, "json", false, "")
	return cmd
}

// taskIDs returns the ids of ts.
func taskIDs(ts []tasks.Task) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.ID)
	}
	return out
}

// entryRemoveCmd is the rm subcommand of date, family and card: it removes
// the entry the words after CLIENT name (a date id, a member's name, a
// card number) with remove, in one write, and says so (or prints the
// profile with --json).
func entryRemoveCmd(a *App, use string, args cobra.PositionalArgs, remove func(b *book.Book, id, entry string) (*profile.Profile, error)) *cobra.Command {
	var jsonOut bool
	cmd := &cobra.Command{
		Use:  use,
		Args: args,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.removeEntry(jsonOut, args[0], strings.Join(args[1:], " "), remove)
		},
	}
	cmd.Flags().BoolVar(&jsonOut, "json", false, "")
	return cmd
}

// removeEntry removes the entry of the client named by query that entry
// names, with remove, in one write, and says so (or prints the profile
// with --json).
func (a *App) removeEntry(jsonOut bool, query, entry string, remove func(b *book.Book, id, entry string) (*profile.Profile, error)) error {
	return a.onClient(query, func(b *book.Book, s profile.Summary) error {
		p, err := remove(b, s.ID, entry)
		if err != nil {
			return err
		}
		return a.entryDone(jsonOut, p, i18n.CliProfileRemoved, entry)
	})
}

// entryListCmd is the list subcommand of family and card: the client's
// entries of one kind, written by write, or as JSON (entries of p) with
// --json; a client with none (n, the count entries returns, is 0) is
// said so with the words of none.
func entryListCmd(a *App, entries func(p *profile.Profile) (any, int), none i18n.Key, write func(w io.Writer, c *i18n.Catalog, tx *store.Tx, p *profile.Profile)) *cobra.Command {
	var jsonOut bool
	cmd := &cobra.Command{
		Use:  "list CLIENT",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.readClientIn(args[0], func(tx *store.Tx, p *profile.Profile) error {
				list, n := entries(p)
				if jsonOut {
					return a.printJSON(list)
				}
				if n == 0 {
					a.printf("%s\n", say(a.Lang, none, p.DisplayName()))
					return nil
				}
				write(a.Stdout, a.cat(), tx, p)
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&jsonOut, "json", false, "")
	return cmd
}
