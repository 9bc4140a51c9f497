package tui

import (
	"github.com/vipbook/vipbook/briefing"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/requests"
	"github.com/vipbook/vipbook/search"
	"github.com/vipbook/vipbook/tasks"
	"github.com/vipbook/vipbook/tiers"
	"github.com/vipbook/vipbook/tui/typing"
	"github.com/vipbook/vipbook/visits"
)

// errMsg carries a failure to the status line.
type errMsg struct{ err error }

// stepsOpenMsg is the book's refusal to close a complaint case with steps
// open (book.ErrStepsOpen): the app asks whether to close it anyway.
type stepsOpenMsg struct {
	ref itemRef
	err error
}

// statusMsg carries a line of news to the status line.
type statusMsg struct{ text string }

// statusClearMsg clears the status line if it still shows message seq.
type statusClearMsg struct{ seq int }

// briefingMsg delivers the briefing of the day, the Input it was built
// from (the next write refreshes it) and, after a whole Load that asked
// for them, the tiers for the client list (read next, loadRows).
type briefingMsg struct {
	br      briefing.Briefing
	in      briefing.Input
	seq     uint64   // the read's number (readBriefing)
	base    uint64   // a Refresh's: the number of the read it refreshed; 0 for a Load
	changed []string // a Refresh's: the clients it read again
	rows    bool     // the client list is to be read
	tiers   []tiers.Assignment
}

// briefingFailedMsg says read number seq of the briefing failed.
type briefingFailedMsg struct {
	seq uint64
	err error
}

// visitsMsg delivers today's visits ahead of the whole briefing.
type visitsMsg struct{ cards []briefing.PrepCard }

// rowsMsg delivers the client list.
type rowsMsg struct {
	rows   []clientRow
	orders map[sortMode][]int // every sorted order, sorted off the UI goroutine
	ix     *search.Index      // the search index of rows, built off the UI goroutine
	// applied is how many of the edits waiting when it was asked the list
	// holds (rebuildRows); a full load holds none.
	applied int
}

// rowMsg delivers one client's refreshed row (after a write).
type rowMsg struct {
	row     clientRow
	removed bool
}

// filterMsg delivers the result of a search, for the query submitted as
// seq, on list; sorted holds the matches in order mode when it is not the
// best match.
type filterMsg struct {
	seq    uint64
	list   *clientList
	res    *search.Result
	mode   sortMode
	sorted []int
}

// tasksMsg delivers the open follow-ups the screen shows, earliest due
// first, and how many there are in each group.
type tasksMsg struct {
	items  []taskItem
	totals [groups]int
}

// doneTasksMsg delivers the follow-ups ticked off in the last
// doneRecentDays, the latest first (the follow-ups screen's d).
type doneTasksMsg struct{ items []taskItem }

// clientGoneMsg says the client id, asked for by loadClient, is no
// longer in the book: erased (or handed on) by another vipbook, or merged
// into the client into (with that client's name).
type clientGoneMsg struct{ id, into, intoName string }

// clientMsg delivers a client's profile and history.
type clientMsg struct{ d *clientDetail }

// changedMsg says a write landed: what to tell the associate, which client
// it touched, and whether to open that client.
type changedMsg struct {
	clientID string
	status   string
	open     bool
	// ticked is the follow-up a tick closed (u undoes it); reopened the
	// id of one opened again.
	ticked   *taskItem
	reopened string
}

// draftsMsg delivers the drafts kept from an earlier session; err says a
// fallback file could not be removed after its drafts went into the book.
type draftsMsg struct {
	items []typing.Offered
	err   error
}

// noteFailedMsg says a note was not saved (the book is full, read-only):
// the input reopens with its text.
type noteFailedMsg struct {
	ref  itemRef
	text string
	kind notes.Kind // as picked ("" when not)
	err  error
}

// draftTickMsg fires after a pause in typing; seq tells whether typing has
// resumed since.
type draftTickMsg struct{ seq int }

// draftsFlushedMsg says the drafts are in the book.
type draftsFlushedMsg struct{}

// openClientMsg asks the root to open a client's profile.
type openClientMsg struct{ id string }

// clientDetail is everything the profile screen shows about one client.
type clientDetail struct {
	p         *profile.Profile
	sum       profile.Summary
	stats     profile.Stats
	tier      string
	notes     []notes.Note
	purchases []profile.Purchase
	tasks     []tasks.Task
	appts     []visits.Appointment
	requests  []requests.Request
	linked    map[string]string // the names of the clients household members are, by id
}

// taskItem is a follow-up with the name of its client.
type taskItem struct {
	task       tasks.Task
	clientName string
}
