package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"github.com/vipbook/vipbook/i18n"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/vipbook/vipbook/book"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/requests"
	"github.com/vipbook/vipbook/safefile"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
	"github.com/vipbook/vipbook/tui/typing"
	"github.com/vipbook/vipbook/visits"
)

// privacyCommands are what a client may ask of the book about themselves:
// to see everything it holds (export-client) and to be forgotten (erase).
func privacyCommands(a *App) []*cobra.Command {
	return []*cobra.Command{eraseCmd(a), exportClientCmd(a)}
}

func eraseCmd(a *App) *cobra.Command {
	var yes bool
	cmd := &cobra.Command{
		Use:  "erase CLIENT",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			l := func(k i18n.Key, args ...any) string { return say(a.Lang, k, args...) }
			return a.withWritable(func(b *book.Book) error {
				s, rec, err := eraseRecords(b.Store(), args[0])
				if err != nil {
					return err
				}
				if !yes {
					a.printf(l(i18n.CliPrivacyThisErasesForGoodAndEverything), s.DisplayName(), s.ID)
					a.printf("  %s\n", holdings(a.Lang, rec))
					if len(rec.Referred) > 0 {
						a.printf(l(i18n.CliPrivacyAndClearsIntroducedByInOther), len(rec.Referred))
					}
					line, err := a.ask(fmt.Sprintf(l(i18n.CliPrivacyTypeTheClientIdToErase), s.ID))
					if err != nil {
						return err
					}
					if line != s.ID {
						return usageErr("%s", l(i18n.CliPrivacyNothingWasErasedTypeTheClient))
					}
				}
				n, err := b.Erase(s.ID)
				compacted, err := erasedYet(err)
				if err != nil {
					return err
				}
				if err := forgetFallbackDrafts(b, s.ID); err != nil {
					return err
				}
				if compacted {
					a.printf(l(i18n.CliPrivacyErasedRecordsTheBookFileWas), s.DisplayName(), s.ID, n)
				} else {
					a.printf(l(i18n.CliPrivacyErasedNotCompacted), s.DisplayName(), s.ID, n)
					a.printf("%s\n", l(i18n.HoNotCompacted))
				}
				a.printf("%s\n", l(i18n.CliPrivacyOlderBackupsAndCopiesOfThe))
				if kept := store.Copies(b.Path()); len(kept) > 0 {
					a.printf("%s\n", l(i18n.CliPrivacyCopiesVipbookMadeThatStillHold))
					for _, k := range kept {
						a.printf("  %s\n", k)
					}
				}
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&yes, "yes", false, "")
	return cmd
}

// erasedYet tells an erasure's error apart: an erasure committed whose
// compaction failed (store.ErrNotCompacted) ended well, the compaction
// owed to the next writable open (compacted false); any other error is
// returned.
func erasedYet(err error) (compacted bool, _ error) {
	if errors.Is(err, store.ErrNotCompacted) {
		return false, nil
	}
	return err == nil, err
}

// holdings names, in one line, how many records of each kind rec holds.
func holdings(lang string, rec *store.ClientRecords) string {
	parts := []string{say(lang, i18n.CliPrivacyTheProfile)}
	cat := i18n.New(lang)
	add := func(n int, k i18n.Key) {
		if n > 0 {
			parts = append(parts, cat.N(k, n, n))
		}
	}
	add(len(rec.Notes), i18n.CliCountNotes)
	add(len(rec.Purchases), i18n.CliCountPurchases)
	add(len(rec.Tasks), i18n.CliCountTasks)
	add(len(rec.Appointments), i18n.CliCountAppointments)
	add(len(rec.Requests), i18n.CliCountRequestsPlain)
	add(len(rec.Drafts), i18n.CliCountDrafts)
	add(len(rec.Mentions), i18n.CliCountMentions)
	return strings.Join(parts, say(lang, i18n.CliPrivacyText))
}

// clientFile is what export-client writes: everything the book holds about
// one client, with field names a person can read. Other clients appear
// only as counts.
type clientFile struct {
	Exported        time.Time                  `json:"exported_at"`
	HeldBy          string                     `json:"held_by"` // the associate whose book it is
	Store           string                     `json:"store,omitempty"`
	Profile         *profile.Profile           `json:"profile"`
	Figures         clientFigures              `json:"figures"`
	Notes           []notes.Note               `json:"notes"`
	Purchases       []profile.Purchase         `json:"purchases"`
	Tasks           []tasks.Task               `json:"tasks"`
	Appointments    []visits.Appointment       `json:"appointments"`
	Requests        []requests.Request         `json:"requests"`
	Drafts          []clientDraft              `json:"unsaved_drafts"`
	RuleState       map[string]json.RawMessage `json:"follow_up_rule_state,omitempty"`
	IntroducedCount int                        `json:"clients_they_introduced"`
}

// clientFigures is what the book derives from the profile and the history
// (kept in the client's summary) and uses in lists and the briefing.
type clientFigures struct {
	Status            string        `json:"status"`
	Associate         string        `json:"held_by_associate,omitempty"`
	DoNotContact      bool          `json:"do_not_contact"`
	PhonesAsSearched  []string      `json:"phones_as_searched,omitempty"`
	NameAsSearched    string        `json:"name_as_searched,omitempty"`
	NoteCount         int           `json:"note_count"`
	LastNote          civil.Date    `json:"last_note,omitzero"`
	LastContact       civil.Date    `json:"last_contact,omitzero"`
	VisitDays         []civil.Date  `json:"visit_days,omitempty"`
	Spending          profile.Stats `json:"spending"`
	Tier              string        `json:"tier_set_by_hand,omitempty"`
	ReferredByAnother bool          `json:"introduced_by_another_client"`
}

type clientDraft struct {
	For    string          `json:"for"`
	Text   string          `json:"text,omitempty"`
	Fields json.RawMessage `json:"fields,omitempty"`
	Saved  time.Time       `json:"saved"`
}

func newClientFile(meta store.Meta, rec *store.ClientRecords, now time.Time) *clientFile {
	s := rec.Summary
	f := &clientFile{
		Exported: now, HeldBy: meta.Associate, Store: meta.Store, Profile: rec.Profile,
		Figures: clientFigures{Status: s.Status.String(), Associate: s.Owner, DoNotContact: s.DoNotContact,
			PhonesAsSearched: s.Phones, NameAsSearched: s.SearchKeys, NoteCount: s.NoteCount, LastNote: s.LastNote,
			LastContact: s.LastContact, VisitDays: s.VisitDays, Spending: s.Stats(civil.Of(now)), Tier: s.Tier,
			ReferredByAnother: s.ReferredBy != ""},
		Notes: rec.Notes, Purchases: rec.Purchases, Tasks: rec.Tasks, Appointments: rec.Appointments,
		Requests: rec.Requests, RuleState: rec.RuleState, IntroducedCount: len(rec.Referred),
		Drafts: []clientDraft{},
	}
	// The referrer is another client: only that there is one is theirs to see.
	f.Profile.ReferredBy = ""
	for _, d := range rec.Drafts {
		f.Drafts = append(f.Drafts, clientDraft{For: d.Key, Text: d.Text, Fields: d.Fields, Saved: d.Saved})
	}
	if f.Notes == nil {
		f.Notes = []notes.Note{}
	}
	if f.Purchases == nil {
		f.Purchases = []profile.Purchase{}
	}
	if f.Tasks == nil {
		f.Tasks = []tasks.Task{}
	}
	if f.Appointments == nil {
		f.Appointments = []visits.Appointment{}
	}
	if f.Requests == nil {
		f.Requests = []requests.Request{}
	}
	return f
}

func exportClientCmd(a *App) *cobra.Command {
	var out string
	var force bool
	cmd := &cobra.Command{
		Use:  "export-client CLIENT -o FILE",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			l := func(k i18n.Key, args ...any) string { return say(a.Lang, k, args...) }
			if out == "" {
				return usageErr("%s", l(i18n.CliPrivacyNameTheFileToWriteWith))
			}
			if err := checkNewFile(a.Lang, out, force); err != nil {
				return err
			}
			return a.withBook(true, func(b *store.Book) error {
				s, rec, err := clientRecords(b, args[0])
				if err != nil {
					return err
				}
				doc := newClientFile(b.Meta(), rec, a.Now())
				shown := *rec
				shown.Mentions = nil // other clients' tasks are not in the file
				write := func(w io.Writer) error {
					enc := json.NewEncoder(w)
					enc.SetIndent("", "  ")
					enc.SetEscapeHTML(false)
					return enc.Encode(doc)
				}
				if out == "-" {
					return write(a.dataOut())
				}
				if err := safefile.Write(out, write); err != nil {
					return err
				}
				a.printf(l(i18n.CliPrivacyWroteEverythingTheBookHoldsAbout), s.DisplayName(), s.ID, out, holdings(a.Lang, &shown))
				a.printf("%s\n", l(i18n.CliPrivacyGiveItToTheClientOnly))
				return nil
			})
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "")
	cmd.Flags().BoolVar(&force, "force", false, "")
	return cmd
}

// clientRecords finds the client a query names and reads everything the
// book holds about them.
func clientRecords(b *store.Book, query string) (s profile.Summary, rec *store.ClientRecords, err error) {
	err = b.View(func(tx *store.Tx) error {
		if s, err = resolveClient(tx, query); err != nil {
			return err
		}
		rec, err = tx.ClientRecords(s.ID)
		return err
	})
	return s, rec, err
}

// eraseRecords is clientRecords for an erasure: the client's damaged
// records do not stop it, and a client whose own record (or summary) is
// damaged is found by its id (store.Tx.EraseRecords).
func eraseRecords(b *store.Book, query string) (s profile.Summary, rec *store.ClientRecords, err error) {
	err = b.View(func(tx *store.Tx) error {
		if r, err := tx.EraseRecords(strings.TrimSpace(query)); err == nil && r.Damaged {
			s, rec = r.Summary, r
			return nil
		}
		if s, err = resolveClient(tx, query); err != nil {
			return err
		}
		rec, err = tx.EraseRecords(s.ID)
		return err
	})
	return s, rec, err
}

// forgetFallbackDrafts removes the erased clients' drafts from the app's
// fallback files in the state directory ($XDG_STATE_HOME/vipbook), which
// the book's erasure cannot reach, and the copy of the last message the
// app sent (it may have been to them; it is only a convenience copy).
func forgetFallbackDrafts(b *book.Book, ids ...string) error {
	dir := typing.DefaultStateDir()
	if _, err := typing.ForgetClients(dir, typing.BookKey(b), ids...); err != nil {
		return err
	}
	if err := os.Remove(filepath.Join(dir, typing.LastMessageFile)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}
