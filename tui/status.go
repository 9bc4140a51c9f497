package tui

import (
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// statusTTL is how long a line of news stays in the status line.
const statusTTL = 6 * time.Second

// statusLine is the line above the help: news for a while, or an error
// until the next news.
type statusLine struct {
	text  string
	isErr bool
	seq   int // numbers the lines shown, so that an expiry clears its own
	// later is news of work that ended in the background (a backup),
	// waiting for the line to be free (sayLater); shownLater says the
	// line shows such news, which waits again if other news replaces it
	// before it expires, once: putBack says it was put back already (it
	// came back after every note of a run, with no end).
	later      string
	shownLater bool
	putBack    bool
}

// set shows text; news expires after statusTTL (the command's message).
func (s statusLine) set(c *shared, text string, isErr bool) (statusLine, tea.Cmd) {
	if s.shownLater && s.later == "" && !s.putBack {
		s.later, s.putBack = s.text, true // replaced before it expired: shown again later, once
	}
	s.shownLater = false
	s.text, s.isErr = text, isErr
	s.seq++
	if isErr {
		return s, nil
	}
	return s, c.after(statusTTL, statusClearMsg{s.seq})
}

// sayLater shows text, news of work that ended in the background (a
// backup), when the line is free; until then it waits, and the root shows
// it once the line is free (showLater). Said at once, it replaced the news
// of what the associate did meanwhile: the day's backup, started at the
// first briefing, ended a few milliseconds after a note saved at once,
// and "Note saved on …" was never seen. It replaces at once the news of
// other such work, and replaces, the line that said the work began
// ("Backing up…"; "" for none).
func (s statusLine) sayLater(c *shared, text, replaces string) (statusLine, tea.Cmd) {
	if s.shownLater || (replaces != "" && s.text == replaces && !s.isErr) {
		s.later, s.shownLater = "", false // the news it replaces waits for nothing
		s, cmd := s.set(c, text, false)
		s.shownLater, s.putBack = true, false
		return s, cmd
	}
	s.later, s.putBack = text, false
	return s, nil
}

// showLater shows the news waiting (sayLater) if the line is free: it
// shows nothing, and held is false (the one-line input does not hold it).
func (s statusLine) showLater(c *shared, held bool) (statusLine, tea.Cmd) {
	if s.later == "" || s.text != "" || held {
		return s, nil
	}
	text := s.later
	s.later = ""
	s, cmd := s.set(c, text, false)
	s.shownLater = true
	return s, cmd
}

// waiting shows text, which says that a write waits for another vipbook,
// for as long as now says the write waits (the app asks at every look at
// the book, twice a second): it does not expire meanwhile, and goes as
// soon as the wait is over unless other news replaced it.
func (s statusLine) waiting(text string, now bool) statusLine {
	switch {
	case now && (s.text != text || s.isErr):
		s.text, s.isErr, s.shownLater = text, false, false
		s.seq++ // no expiry matches it
	case !now && s.text == text && !s.isErr:
		s.text = ""
	}
	return s
}

// expire clears the line if it still shows line seq.
func (s statusLine) expire(seq int) statusLine {
	if seq == s.seq {
		s.text, s.shownLater = "", false
	}
	return s
}

// clearErr clears an error (news stays until it expires).
func (s statusLine) clearErr() statusLine {
	if s.isErr {
		s.text, s.isErr = "", false
	}
	return s
}

// leave clears the line, news or error, when the associate goes to
// another screen; a pending expiry no longer matches.
func (s statusLine) leave() statusLine {
	s.text, s.isErr, s.shownLater = "", false, false
	s.seq++
	return s
}

// error returns the error shown, "" when none is.
func (s statusLine) error() string {
	if s.isErr {
		return s.text
	}
	return ""
}

// statusLines is how many lines a status too long for one may take.
const statusLines = 2

// view draws the line: text too long for it goes on up to statusLines
// lines (the caller gives them from the body), the last one cut.
func (s statusLine) view(c *shared) string {
	st := &c.styles
	style := st.Info
	switch {
	case s.text == "":
		return ""
	case s.isErr:
		style = st.Error
	}
	return statusText(c, style, s.text)
}

// statusText draws text in the status line with style: on up to
// statusLines lines when it is too long for one, the last one cut.
func statusText(c *shared, style lipgloss.Style, text string) string {
	lines := []string{text}
	if width(text) > c.width {
		lines = wrapText(text, c.width, 0)
	}
	if len(lines) > statusLines {
		rest := strings.Join(lines[statusLines-1:], " ")
		lines = append(lines[:statusLines-1], rest)
	}
	for i, l := range lines {
		lines[i] = style.Render(clip(l, c.width))
	}
	return strings.Join(lines, "\n")
}
