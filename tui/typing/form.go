package typing

import (
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/vipbook/vipbook/store"
)

// Values are the answers of a form, bound to its fields, kept as text so
// that a draft can hold them.
type Values struct {
	s map[string]*string
	b map[string]*bool
}

// NewValues returns empty answers.
func NewValues() *Values {
	return &Values{s: map[string]*string{}, b: map[string]*bool{}}
}

// Str returns the answer k of a text field, to bind the field to.
func (v *Values) Str(k string) *string {
	if p, ok := v.s[k]; ok {
		return p
	}
	p := new(string)
	v.s[k] = p
	return p
}

// Flag returns the answer k of a yes-or-no field, to bind the field to.
func (v *Values) Flag(k string) *bool {
	if p, ok := v.b[k]; ok {
		return p
	}
	p := new(bool)
	v.b[k] = p
	return p
}

// Get returns the answer k of a text field, trimmed.
func (v *Values) Get(k string) string { return strings.TrimSpace(*v.Str(k)) }

// Snapshot returns the answers as plain text.
func (v *Values) Snapshot() map[string]string {
	out := map[string]string{}
	for k, p := range v.s {
		out[k] = *p
	}
	for k, p := range v.b {
		out[k] = strconv.FormatBool(*p)
	}
	return out
}

// Restore sets the answers from a snapshot (a draft); flags names the
// yes-or-no fields.
func (v *Values) Restore(m map[string]string, flags ...string) {
	isFlag := map[string]bool{}
	for _, f := range flags {
		isFlag[f] = true
	}
	for k, s := range m {
		if b, err := strconv.ParseBool(s); err == nil && isFlag[k] {
			*v.Flag(k) = b
			continue
		}
		*v.Str(k) = s
	}
}

// SubmittedMsg and CancelledMsg say a form was submitted or dismissed.
type (
	SubmittedMsg struct{}
	CancelledMsg struct{}
)

// Form is a huh form of one group whose answers are kept as a draft: every
// change of an answer is handed to the keeper as it happens.
type Form struct {
	Huh    *huh.Form
	Values *Values
	group  *huh.Group
	draft  store.Draft // the draft's key, client and text; the answers are added
	last   string      // the answers last handed to the keeper
}

// FormOptions say how a form looks and what its draft is.
type FormOptions struct {
	KeyMap   *huh.KeyMap
	Width    int
	Key      string // the draft's key
	ClientID string // the client the draft is about
	Title    string // the draft's text: what the form is
}

// NewForm returns a form of group g with answers v. It shows neither its
// help nor its errors (the app's help bar and status line do); submitting
// it answers SubmittedMsg, dismissing it CancelledMsg.
func NewForm(g *huh.Group, v *Values, o FormOptions) *Form {
	f := &Form{Values: v, group: g, draft: store.Draft{Key: o.Key, ClientID: o.ClientID, Text: o.Title}}
	f.Huh = huh.NewForm(g).
		WithKeyMap(o.KeyMap).
		WithShowHelp(false).
		WithShowErrors(false).
		WithTheme(huh.ThemeFunc(huh.ThemeCharm)).
		WithWidth(o.Width)
	f.Huh.SubmitCmd = func() tea.Msg { return SubmittedMsg{} }
	f.Huh.CancelCmd = func() tea.Msg { return CancelledMsg{} }
	f.last = string(EncodeFields(v.Snapshot()))
	return f
}

// Init starts the form: its first line takes the keys. huh's Form.Init
// answers a tea.Sequence, whose message Bubble Tea keeps unexported, so a
// wrapper of commands (the app's panic guard) could not reach the commands
// in it; Init is called for what it does to the form (it makes the group
// active) and its commands, the group's Init and a request for the window
// size, are asked again in a batch. The form has one group, never hidden,
// so nothing else is in the sequence.
func (f *Form) Init() tea.Cmd {
	_ = f.Huh.Init()
	return tea.Batch(f.group.Init(), tea.RequestWindowSize)
}

// Update passes a message to the form. When the answers changed the
// keeper holds them; changed reports it, after which the drafts are to be
// written to the book.
func (f *Form) Update(msg tea.Msg, k *Keeper) (cmd tea.Cmd, changed bool) {
	m, cmd := f.Huh.Update(msg)
	if ff, ok := m.(*huh.Form); ok {
		f.Huh = ff
	}
	snap := string(EncodeFields(f.Values.Snapshot()))
	if snap == f.last {
		return cmd, false
	}
	f.last = snap
	k.Set(f.Draft())
	return cmd, true
}

// Key returns the key of the form's draft.
func (f *Form) Key() string { return f.draft.Key }

// Draft is the form's answers as a draft.
func (f *Form) Draft() store.Draft {
	d := f.draft
	d.Fields = EncodeFields(f.Values.Snapshot())
	return d
}

// SetWidth gives the form its width.
func (f *Form) SetWidth(w int) { f.Huh = f.Huh.WithWidth(w) }

// SetHeight gives the form its height.
func (f *Form) SetHeight(h int) { f.Huh = f.Huh.WithHeight(h) }

// Err returns what is wrong with an answer, nil when nothing is.
func (f *Form) Err() error {
	if errs := f.Huh.Errors(); len(errs) > 0 {
		return errs[0]
	}
	return nil
}

// View draws the form.
func (f *Form) View() string { return f.Huh.View() }
