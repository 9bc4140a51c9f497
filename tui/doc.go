// Package tui is vipbook's terminal interface: the morning briefing, the
// client book with search as you type, the client profile, the follow-ups,
// the ten questions (report), the handover screen, the message composer,
// and forms to add and edit clients, log notes, purchases, visits and tasks.
//
// The root model routes: an enum of screens and a focus (the screen, the
// one-line input, a form, the drafts offer); global keys first (help, quit,
// back), then messages that cross screens, then the active screen. Screens
// are concrete types with Update, View and SetSize; only the root returns a
// tea.View. Every read and write of the book runs in a tea.Cmd that returns
// a message; Update never does I/O. After a write to one client the
// briefing is read again with briefing.Refresh (that client only); one read
// runs at a time and writes made meanwhile are folded into the next.
//
// Text being typed (a note, a form) is kept in a draft keeper in memory on
// every change, written to the book after a pause, and written again when
// the program ends for any reason (quit, SIGTERM, SIGHUP, a crash of a
// screen), so that it is offered back at the next start.
package tui
