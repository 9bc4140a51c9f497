// Package tui is vipbook's terminal interface: the morning briefing, the
// client book with search as you type, the client profile, the follow-ups,
// the ten questions (report), the handover screen, the message composer,
// and forms to add and edit clients, log notes, purchases, visits and tasks.
//
// The root model (root.go) routes: an enum of screens and a focus (the
// screen, the one-line input, a form, the drafts offer, the composer);
// global keys first (help, quit, back), then messages that cross screens
// (the status line, a write that landed, a client to open), then the
// active screen. Screens are concrete types with Update, View and SetSize
// that handle their own messages; the root calls their methods, never
// their fields, and only it returns a tea.View. The typing over the
// screens is the editor's (editor.go), on the machinery of package
// tui/typing; the header and the help are the chrome's (chrome.go). Keys
// are matched through the KeyMap (keys.go) only.
//
// Every read and write of the book runs in a tea.Cmd that returns a
// message; Update never does I/O. After a write to one client the briefing
// is read again with briefing.Refresh (that client only); one read runs at
// a time and writes made meanwhile are folded into the next.
//
// Text being typed (a note, a form) is kept in a draft keeper (package
// tui/typing) in memory on every change, written to the book after a
// pause, and written again when the program ends for any reason (quit,
// SIGTERM, SIGHUP, a crash of a screen), so that it is offered back at the
// next start. A panic in the model or in a command is recovered where it
// happens (guard.go), with no reflection on Bubble Tea: the terminal is
// restored and the error names the function, never the panic's value.
package tui
