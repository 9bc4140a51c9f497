package tui

import (
	"charm.land/bubbles/v2/key"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/requests"
)

// KeyMap holds every key binding of the interface.
type KeyMap struct {
	Quit      key.Binding
	ForceQuit key.Binding
	Help      key.Binding
	Back      key.Binding
	Search    key.Binding
	Open      key.Binding
	Add       key.Binding
	Edit      key.Binding
	Note      key.Binding
	Task      key.Binding
	Buy       key.Binding
	Visit     key.Binding
	Tick      key.Binding
	Snooze    key.Binding
	Sort      key.Binding
	NextTab   key.Binding
	PrevTab   key.Binding
	Screen1   key.Binding
	Screen2   key.Binding
	Screen3   key.Binding
	Screen4   key.Binding
	Screen5   key.Binding
	Screen6   key.Binding // the team, from the chain (team.go)
	Up        key.Binding
	Down      key.Binding
	PageUp    key.Binding
	PageDown  key.Binding
	Top       key.Binding
	Bottom    key.Binding
	Save      key.Binding
	Cancel    key.Binding
	Resume    key.Binding
	Discard   key.Binding
	Later     key.Binding
	// Message composes a message to the selected client; Copy copies it
	// and logs the contact.
	Message key.Binding
	Copy    key.Binding
	// Confirm runs what a screen asks to confirm (a handover).
	Confirm key.Binding
	// Toggle changes a choice on a form line; NextField and PrevField move
	// between the lines being typed in.
	Toggle    key.Binding
	NextField key.Binding
	PrevField key.Binding
	// ClearSearch is esc in the search line.
	ClearSearch key.Binding
	// ListUp and ListDown move in the list while typing a search.
	ListUp   key.Binding
	ListDown key.Binding
	// ListPageUp and ListPageDown move a page in the list while typing a
	// search (not ctrl+u and ctrl+d, which edit the line).
	ListPageUp   key.Binding
	ListPageDown key.Binding
	// FormNext moves to the next line of a form (submitting it on the
	// last); the help under a form shows it with PrevField and Cancel.
	FormNext key.Binding
	// Backup writes a backup of the book now (backups/book-YYYYMMDD-HHMM.db
	// beside it), from any screen where nothing is being typed.
	Backup key.Binding
	// Undo reopens the follow-up ticked off last (right after the tick).
	Undo key.Binding
	// Why shows or hides the reasons of the briefing's urgency.
	Why key.Binding
	// Whole opens the briefing's section under the cursor whole, in a
	// list of its own (esc goes back).
	Whole key.Binding
	// Kinds pick a note's kind with one key once n is pressed (a special
	// request opens a request), in this order; enter picks a plain note.
	Kinds []KindKey
	// AddEntry adds an entry to the profile (Entries pick which, with one
	// key); RemoveEntry removes the entry under the cursor; Edit on an
	// entry changes it.
	AddEntry    key.Binding
	RemoveEntry key.Binding
	Entries     []EntryKey
	// Merge, on a profile, asks which client to merge into the one shown;
	// MergeYes confirms the merge shown. DupOpen opens the client a form's
	// client looks like; DupSave saves the form anyway.
	Merge    key.Binding
	MergeYes key.Binding
	DupOpen  key.Binding
	DupSave  key.Binding
	// Requests pick, with one key once a special request's close is
	// asked (Tick on an open one), where it now stands.
	Requests []RequestKey
	// ShowDone shows or hides, on the follow-ups screen, the ones ticked
	// off in the last days (Undo or Tick on one reopens it).
	ShowDone key.Binding
}

// RequestKey is the key that picks where a special request stands.
type RequestKey struct {
	Status requests.Status
	key.Binding
}

// EntryKey is the key that picks the kind of entry to add to a profile.
type EntryKey struct {
	Sec entrySec
	key.Binding
}

// KindKey is the key that picks a note's kind.
type KindKey struct {
	Kind notes.Kind
	key.Binding
}

// DefaultKeyMap returns the bindings with their help in the catalog's
// language.
func DefaultKeyMap(c *i18n.Catalog) KeyMap {
	b := func(keys []string, helpKey string, desc i18n.Key) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKey, c.T(desc)))
	}
	return KeyMap{
		Quit:         b([]string{"q"}, "q", i18n.KeyQuit),
		ForceQuit:    b([]string{"ctrl+c"}, "ctrl+c", i18n.KeyQuit),
		Help:         b([]string{"?"}, "?", i18n.KeyHelp),
		Back:         b([]string{"esc"}, "esc", i18n.KeyBack),
		Search:       b([]string{"/"}, "/", i18n.KeySearch),
		Open:         b([]string{"enter"}, "enter", i18n.KeyOpen),
		Add:          b([]string{"a"}, "a", i18n.KeyAdd),
		Edit:         b([]string{"e"}, "e", i18n.KeyEdit),
		Note:         b([]string{"n"}, "n", i18n.KeyNote),
		Task:         b([]string{"t"}, "t", i18n.KeyTask),
		Buy:          b([]string{"b"}, "b", i18n.KeyBuy),
		Visit:        b([]string{"v"}, "v", i18n.KeyVisit),
		Tick:         b([]string{"space", "x"}, "space/x", i18n.KeyTick),
		Snooze:       b([]string{"s"}, "s", i18n.KeySnooze),
		Sort:         b([]string{"o"}, "o", i18n.KeySort),
		NextTab:      b([]string{"tab"}, "tab", i18n.KeyNextScreen),
		PrevTab:      b([]string{"shift+tab"}, "shift+tab", i18n.KeyPrevScreen),
		Screen1:      b([]string{"1"}, "1", i18n.TabBriefing),
		Screen2:      b([]string{"2"}, "2", i18n.TabClients),
		Screen3:      b([]string{"3"}, "3", i18n.TabTasks),
		Screen4:      b([]string{"4"}, "4", i18n.TabReport),
		Screen5:      b([]string{"5"}, "5", i18n.TabHandover),
		Screen6:      b([]string{"6"}, "6", i18n.ChainScreenTitle),
		Up:           b([]string{"up", "k"}, "↑/k", i18n.KeyUp),
		Down:         b([]string{"down", "j"}, "↓/j", i18n.KeyDown),
		PageUp:       b([]string{"pgup", "ctrl+u"}, "pgup", i18n.KeyPageUp),
		PageDown:     b([]string{"pgdown", "ctrl+d"}, "pgdn", i18n.KeyPageDown),
		Top:          b([]string{"home", "g"}, "g", i18n.KeyTop),
		Bottom:       b([]string{"end", "G"}, "G", i18n.KeyBottom),
		Save:         b([]string{"enter"}, "enter", i18n.KeySave),
		Cancel:       b([]string{"esc"}, "esc", i18n.KeyCancel),
		Resume:       b([]string{"enter"}, "enter", i18n.KeyResume),
		Discard:      b([]string{"d"}, "d", i18n.KeyDiscard),
		Later:        b([]string{"esc"}, "esc", i18n.KeyLater),
		Message:      b([]string{"m"}, "m", i18n.KeyMessage),
		Copy:         b([]string{"enter"}, "enter", i18n.KeyCopy),
		Confirm:      b([]string{"enter"}, "enter", i18n.KeyConfirm),
		Toggle:       b([]string{"space", "left", "right"}, "space", i18n.KeyToggle),
		NextField:    b([]string{"tab"}, "tab", i18n.KeyNextField),
		PrevField:    b([]string{"shift+tab"}, "shift+tab", i18n.KeyPrevField),
		ClearSearch:  b([]string{"esc"}, "esc", i18n.KeyClearSearch),
		ListUp:       b([]string{"up", "ctrl+p"}, "↑", i18n.KeyUp),
		ListDown:     b([]string{"down", "ctrl+n"}, "↓", i18n.KeyDown),
		ListPageUp:   b([]string{"pgup"}, "pgup", i18n.KeyPageUp),
		ListPageDown: b([]string{"pgdown"}, "pgdn", i18n.KeyPageDown),
		FormNext:     b([]string{"enter"}, "enter", i18n.KeyNextField),
		Backup:       b([]string{"B"}, "B", i18n.KeyBackup),
		Undo:         b([]string{"u"}, "u", i18n.KeyUndo),
		Why:          b([]string{"w"}, "w", i18n.KeyWhy),
		Whole:        b([]string{"l"}, "l", i18n.KeyWhole),
		AddEntry:     b([]string{"+"}, "+", i18n.KeyAddEntry),
		RemoveEntry:  b([]string{"delete"}, "del", i18n.KeyRemoveEntry),
		Merge:        b([]string{"M"}, "M", i18n.KeyMerge),
		MergeYes:     b([]string{"y"}, "y", i18n.KeyMerge),
		DupOpen:      b([]string{"o"}, "o", i18n.AppDupOpen),
		DupSave:      b([]string{"enter"}, "enter", i18n.AppDupSave),
		ShowDone:     b([]string{"d"}, "d", i18n.KeyShowDone),
		Requests: []RequestKey{
			{requests.Fulfilled, key.NewBinding(key.WithKeys("f"), key.WithHelp("f", c.RequestStatus(requests.Fulfilled)))},
			{requests.Declined, key.NewBinding(key.WithKeys("d"), key.WithHelp("d", c.RequestStatus(requests.Declined)))},
			{requests.Sourcing, key.NewBinding(key.WithKeys("s"), key.WithHelp("s", c.RequestStatus(requests.Sourcing)))},
		},
		Entries: []EntryKey{
			{secSize, b([]string{"s"}, "s", i18n.EntrySize)},
			{secLike, b([]string{"l"}, "l", i18n.EntryLike)},
			{secDislike, b([]string{"d"}, "d", i18n.EntryDislike)},
			{secFamily, b([]string{"f"}, "f", i18n.EntryFamily)},
			{secMeasure, b([]string{"m"}, "m", i18n.EntryMeasure)},
			{secDate, b([]string{"a"}, "a", i18n.EntryDate)},
			{secCard, b([]string{"c"}, "c", i18n.EntryCard)},
			{secGift, b([]string{"g"}, "g", i18n.EntryGift)},
		},
		Kinds: []KindKey{
			{notes.General, key.NewBinding(key.WithKeys("n"), key.WithHelp("n", c.NoteKind(notes.General)))},
			{notes.Preference, key.NewBinding(key.WithKeys("p"), key.WithHelp("p", c.NoteKind(notes.Preference)))},
			{notes.Size, key.NewBinding(key.WithKeys("s"), key.WithHelp("s", c.NoteKind(notes.Size)))},
			{notes.Complaint, key.NewBinding(key.WithKeys("c"), key.WithHelp("c", c.NoteKind(notes.Complaint)))},
			{notes.Situation, key.NewBinding(key.WithKeys("i"), key.WithHelp("i", c.NoteKind(notes.Situation)))},
			{notes.SpecialRequest, key.NewBinding(key.WithKeys("r"), key.WithHelp("r", c.NoteKind(notes.SpecialRequest)))},
		},
	}
}

// ShortHelp is the help bar of a screen: the keys an associate reaches for
// there first.
func (k KeyMap) ShortHelp(s screen) []key.Binding {
	switch s {
	case scrBriefing:
		return []key.Binding{k.Open, k.Tick, k.Snooze, k.Note, k.Why, k.Whole, k.Search, k.NextTab, k.Help, k.Quit}
	case scrClients:
		return []key.Binding{k.Search, k.Open, k.Sort, k.Add, k.Note, k.NextTab, k.Help, k.Quit}
	case scrTasks:
		return []key.Binding{k.Tick, k.Undo, k.Snooze, k.ShowDone, k.Open, k.Task, k.NextTab, k.Help, k.Quit}
	case scrProfile:
		return []key.Binding{k.Note, k.Edit, k.AddEntry, k.RemoveEntry, k.Task, k.Buy, k.Visit, k.Tick, k.Back, k.Help, k.Quit}
	case scrReport:
		return []key.Binding{k.Open, k.Message, k.Note, k.Up, k.Down, k.NextTab, k.Help, k.Quit}
	case scrTeam:
		return []key.Binding{k.Up, k.Down, k.PageDown, k.NextTab, k.Help, k.Quit}
	}
	return []key.Binding{k.Help, k.Quit}
}

// FormHelp is the help bar under a form.
func (k KeyMap) FormHelp() []key.Binding {
	return []key.Binding{k.FormNext, k.PrevField, k.Cancel}
}

// FormQuit is what dismisses a form: cancel, and ctrl+c.
func (k KeyMap) FormQuit() key.Binding {
	return key.NewBinding(key.WithKeys(append(k.Cancel.Keys(), k.ForceQuit.Keys()...)...))
}

// FullHelp is the full help, in columns.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Search, k.Open, k.Back, k.Sort, k.NextTab, k.Screen1, k.Screen2, k.Screen3, k.Screen4, k.Screen5, k.Screen6},
		{k.Add, k.Edit, k.Note, k.AddEntry, k.RemoveEntry, k.Merge, k.Task, k.Buy, k.Visit, k.Message},
		{k.Tick, k.Undo, k.Snooze, k.ShowDone, k.Why, k.Whole, k.Backup, k.Help, k.Quit},
	}
}
