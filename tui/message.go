package tui

import (
	"io"
	"os"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/internal/termsafe"
	"github.com/vipbook/vipbook/messages"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/safefile"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tui/typing"
)

// messageScreen composes a message to one client (package messages): the
// kinds of message on the left, the message of the selected kind on the
// right, in the interface language. Confirming copies it to the clipboard
// (OSC 52) and logs the contact on the client as a message note, which
// resets the keep-in-touch clock. It opens over the screen it was called
// from, on the kind of the selected follow-up when there is one.
type messageScreen struct {
	c        *shared
	ref      itemRef
	p        *profile.Profile
	set      *messages.Set
	mctx     messages.Context
	referred bool // whether mctx.Referred has been looked up
	cursor   int  // index in messages.Kinds
	text     string
	err      string
	w, h     int
}

// messageReadyMsg delivers what composing a message to a client needs.
type messageReadyMsg struct {
	ref      itemRef
	p        *profile.Profile
	set      *messages.Set
	mctx     messages.Context
	referred bool
	kind     messages.Kind
}

// messageReferredMsg delivers whom a client introduced last, for the
// referral thanks.
type messageReferredMsg struct {
	clientID string
	referred string
}

// kindKeys name the kinds of message.
var kindKeys = map[messages.Kind]i18n.Key{
	messages.Holiday: i18n.MsgHoliday, messages.Birthday: i18n.MsgBirthday, messages.Season: i18n.MsgSeason,
	messages.MissYou: i18n.MsgMissYou, messages.ThankYou: i18n.MsgThankYou, messages.Call: i18n.MsgCall,
	messages.Care: i18n.MsgCare, messages.ServiceInvite: i18n.MsgServiceInvite,
	messages.ReferralThanks: i18n.MsgReferralThanks, messages.Welcome: i18n.MsgWelcome, messages.Complaint: i18n.MsgComplaint,
}

// kindName names a kind of message in the interface language.
func kindName(c *shared, k messages.Kind) string {
	if key, ok := kindKeys[k]; ok {
		return c.t(key)
	}
	return string(k)
}

// messageKind is the kind of message a composer opens on: the one of the
// selected follow-up's kind, a miss-you to a client away longest (away),
// else the first.
func messageKind(ref itemRef, away bool) messages.Kind {
	kind := messages.Kinds[0]
	if away {
		kind = messages.MissYou
	}
	if ref.task != nil {
		if k, ok := messages.ForTask(ref.task.Kind); ok {
			kind = k
		}
	}
	return kind
}

// closeMessageMsg says the composer is done: closed, or its message copied.
type closeMessageMsg struct{}

func newMessageScreen(c *shared, msg messageReadyMsg) messageScreen {
	s := messageScreen{c: c, ref: msg.ref, p: msg.p, set: msg.set, mctx: msg.mctx, referred: msg.referred}
	for i, k := range messages.Kinds {
		if k == msg.kind {
			s.cursor = i
		}
	}
	s.compose()
	return s
}

// kind returns the kind of message selected.
func (s messageScreen) kind() messages.Kind { return messages.Kinds[s.cursor] }

// compose writes the message of the selected kind (a pure function of the
// templates, the profile and the context read before).
func (s *messageScreen) compose() {
	s.text, s.err = "", ""
	if s.kind() == messages.ReferralThanks && !s.referred {
		return // whom they introduced is being looked up
	}
	text, err := s.set.Compose(s.p, s.kind(), s.c.cat.Lang(), s.mctx)
	if err != nil {
		s.err = err.Error()
		return
	}
	s.text = text
}

// lookUpReferred reads whom the client introduced when the referral
// thanks needs it and it has not been read yet (it scans the book).
func (s messageScreen) lookUpReferred() tea.Cmd {
	if s.kind() != messages.ReferralThanks || s.referred {
		return nil
	}
	return loadReferred(s.c, s.ref.clientID)
}

// SetSize gives the composer its body size.
func (s *messageScreen) SetSize(w, h int) { s.w, s.h = w, h }

// Update moves between the kinds of message; esc closes the composer,
// enter copies the message and logs the contact.
func (s messageScreen) Update(msg tea.Msg) (messageScreen, tea.Cmd) {
	if msg, ok := msg.(messageReferredMsg); ok {
		if s.ref.clientID == msg.clientID {
			s.mctx.Referred, s.referred = msg.referred, true
			s.compose()
		}
		return s, nil
	}
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return s, nil
	}
	c, k, n := s.c, s.c.keys, len(messages.Kinds)
	closed := func() tea.Msg { return closeMessageMsg{} }
	switch {
	case key.Matches(km, k.Cancel):
		return s, closed
	case key.Matches(km, k.Copy):
		if s.err != "" || s.text == "" {
			return s, fail(c.t(i18n.MsgNothingToCopy))
		}
		return s, tea.Batch(closed, logMessage(c, s.ref, s.kind(), s.text))
	case key.Matches(km, k.Up):
		s.cursor = (s.cursor - 1 + n) % n
	case key.Matches(km, k.Down):
		s.cursor = (s.cursor + 1) % n
	case key.Matches(km, k.Top):
		s.cursor = 0
	case key.Matches(km, k.Bottom):
		s.cursor = n - 1
	default:
		return s, nil
	}
	s.compose()
	return s, s.lookUpReferred()
}

// help is the help bar under the composer.
func (s messageScreen) help() []key.Binding {
	k := s.c.keys
	return []key.Binding{k.Copy, k.Up, k.Down, k.Cancel}
}

// View draws the kinds and the message.
func (s messageScreen) View() string {
	c, st := s.c, &s.c.styles
	w := max(20, s.w)
	var b strings.Builder
	b.WriteString("  " + st.Title.Render(clip(c.t(i18n.MsgTitle, s.ref.clientName), w-2)) + "\n\n")
	kw := 0
	for _, k := range messages.Kinds {
		kw = max(kw, width(kindName(c, k)))
	}
	kw += gutter
	tw := max(10, w-kw-3)
	var right []string
	switch {
	case s.err != "":
		for _, l := range wrapText(s.err, tw, 0) {
			right = append(right, st.Error.Render(l))
		}
	case s.text == "":
		right = append(right, st.Dim.Render(c.t(i18n.Loading)))
	default:
		for _, para := range strings.Split(s.text, "\n") {
			if para == "" {
				right = append(right, "")
				continue
			}
			right = append(right, wrapText(termsafe.Line(para), tw, 0)...)
		}
	}
	if src := s.set.Source(s.kind(), c.cat.Lang()); src != "" {
		right = append(right, "", st.Dim.Render(clip(c.t(i18n.MsgTemplate, src), tw)))
	}
	rows := max(len(messages.Kinds), len(right))
	for i := 0; i < rows; i++ {
		left := strings.Repeat(" ", kw)
		if i < len(messages.Kinds) {
			name := fit(kindName(c, messages.Kinds[i]), kw-gutter)
			if i == s.cursor {
				left = st.SelectBar.Render("> ") + st.Selected.Render(name)
			} else {
				left = "  " + name
			}
		}
		line := left + " " + st.Dim.Render("|") + " "
		if i < len(right) {
			line += right[i]
		}
		b.WriteString(clip(line, w) + "\n")
	}
	b.WriteString("\n")
	for _, l := range wrapText(c.t(i18n.MsgExplain, s.ref.clientName), w-2, 0) {
		b.WriteString("  " + st.Dim.Render(l) + "\n")
	}
	return padLines(b.String(), s.h)
}

// loadMessage reads what a message to the client of ref needs: the
// templates, the profile, the last purchase's items, who introduced them
// and (for a referral thanks) whom they introduced. A client who asked not
// to be contacted is refused.
func loadMessage(c *shared, ref itemRef, kind messages.Kind) tea.Cmd {
	st, cat, today, cfg, configPath := c.book, c.cat, c.today(), c.cfg, c.configPath
	return func() tea.Msg {
		set, err := messages.Load(cfg.MessageDir(configPath))
		if err != nil {
			return errMsg{err}
		}
		msg := messageReadyMsg{ref: ref, set: set, kind: kind}
		err = st.View(func(tx *store.Tx) error {
			p, err := tx.Client(ref.clientID)
			if err != nil {
				return err
			}
			if p.Consent.DoNotContact {
				return book.MessageRefused(p)
			}
			msg.p, msg.ref.clientName = p, p.DisplayName()
			msg.mctx, err = messageContext(tx, p, today, cfg.Messages)
			if err != nil {
				return err
			}
			if kind == messages.ReferralThanks {
				msg.referred = true
				if msg.mctx.Referred, err = referredBy(tx, p.ID); err != nil {
					return readFailed(cat, i18n.AppReadingClients, err)
				}
			}
			return nil
		})
		if err != nil {
			return errMsg{friendly(cat, err)}
		}
		return msg
	}
}

// loadReferred looks up whom a client introduced last.
func loadReferred(c *shared, id string) tea.Cmd {
	book, cat := c.book, c.cat
	return func() tea.Msg {
		var name string
		err := book.View(func(tx *store.Tx) error {
			var err error
			name, err = referredBy(tx, id)
			return err
		})
		if err != nil {
			return errMsg{readFailed(cat, i18n.AppReadingClients, err)}
		}
		return messageReferredMsg{clientID: id, referred: name}
	}
}

// logMessage records a message sent to a client as a message note (which
// resets the keep-in-touch clock; the follow-up it was written from is
// ticked) and then sends it to the terminal's clipboard (OSC 52, which
// some terminals ignore: nothing tells whether it arrived). So the text is
// also written to the private file lastMessageFile in the state directory,
// and the status line says both. The book checks the
// do-not-contact flag again in the write: it may have been set since the
// message was composed.
func logMessage(c *shared, ref itemRef, kind messages.Kind, text string) tea.Cmd {
	use, cat, author, dir := c.use, c.cat, c.associate, c.stateDir
	return func() tea.Msg {
		var opts []book.Also
		if ref.task != nil {
			opts = append(opts, book.Answers(ref.task.ID))
		}
		name, err := use.LogMessage(ref.clientID, kind, text, author, opts...)
		if err != nil {
			return errMsg{friendly(cat, err)}
		}
		done := changedMsg{clientID: ref.clientID, status: cat.T(i18n.StatusMessageCopied, name)}
		if path, err := saveLastMessage(dir, text); err == nil && path != "" {
			done.status = cat.T(i18n.StatusMessageSaved, name, homeShort(path))
		}
		return tea.BatchMsg{tea.SetClipboard(text), func() tea.Msg { return done }}
	}
}

// homeShort writes a path under the home directory with ~, so that it
// fits the status line.
func homeShort(path string) string {
	if home, err := os.UserHomeDir(); err == nil && home != "" {
		if rel, err := filepath.Rel(home, path); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.Join("~", rel)
		}
	}
	return path
}

// lastMessageFile is the file in the state directory that holds the last
// message sent, for a terminal that ignores the clipboard.
const lastMessageFile = typing.LastMessageFile

// saveLastMessage writes text to lastMessageFile in dir (0600, dir 0700),
// replacing the one before; no dir (tests) writes nothing.
func saveLastMessage(dir, text string) (string, error) {
	if dir == "" {
		return "", nil
	}
	if err := safefile.MkdirPrivate(dir); err != nil {
		return "", err
	}
	path := filepath.Join(dir, lastMessageFile)
	return path, safefile.Write(path, func(w io.Writer) error {
		_, err := io.WriteString(w, text+"\n")
		return err
	})
}

// messageContext gathers what a message about p needs from the book: the
// associate and the store, the last purchase's items and who introduced p.
func messageContext(tx *store.Tx, p *profile.Profile, today civil.Date, mc config.Messages) (messages.Context, error) {
	m := tx.Book().Meta()
	mctx := messages.Context{Today: today, Associate: m.Associate, Store: m.Store, Signature: mc.Signature}
	ps, err := tx.Purchases(p.ID)
	if err != nil {
		return mctx, err
	}
	mctx = mctx.WithLastPurchase(ps)
	if p.ReferredBy != "" {
		if r, err := tx.Summary(p.ReferredBy); err == nil {
			mctx.Referrer = r.DisplayName()
		}
	}
	return mctx, nil
}

// referredBy returns the name of the client whom client id introduced
// last, by scanning the book.
func referredBy(tx *store.Tx, id string) (string, error) {
	sums, err := tx.Summaries()
	if err != nil {
		return "", err
	}
	name, newest := "", civil.Date{}
	for i := range sums {
		if s := &sums[i]; s.ReferredBy == id && !s.Created.Before(newest) {
			name, newest = s.DisplayName(), s.Created
		}
	}
	return name, nil
}
