// Package notes owns what the associate learns and logs about a client: a
// dated note of a kind (a visit, a call, a preference, a complaint ...).
// Notes are never edited away: the history of a client is the sum of them.
package notes

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Kind is what a note records.
type Kind string

// The kinds of note.
const (
	Visit          Kind = "visit"
	Call           Kind = "call"
	Message        Kind = "message"
	Preference     Kind = "preference"
	Size           Kind = "size"
	Complaint      Kind = "complaint"
	SpecialRequest Kind = "special_request"
	Situation      Kind = "situation"
	General        Kind = "general"
)

// Kinds lists every kind in display order.
var Kinds = []Kind{General, Visit, Call, Message, Preference, Size, Complaint, SpecialRequest, Situation}

// ErrBadKind is returned when a kind name is not one of Kinds.
var ErrBadKind = errors.New("unknown note kind")

// ErrEmpty is returned when a note has no text.
var ErrEmpty = errors.New("a note needs some text")

// ParseKind reads a kind name ("visit", "special-request", ...).
func ParseKind(s string) (Kind, error) {
	k := Kind(strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), "-", "_"))
	if k == "" {
		return General, nil
	}
	if k == "request" {
		return SpecialRequest, nil
	}
	for _, known := range Kinds {
		if k == known {
			return k, nil
		}
	}
	return "", fmt.Errorf("%w %q (one of: %s)", ErrBadKind, s, kindList())
}

func kindList() string {
	names := make([]string, len(Kinds))
	for i, k := range Kinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}

// IsContact reports whether the note records a contact with the client (a
// call, message or visit): it resets the keep-in-touch clock.
func (k Kind) IsContact() bool { return k == Call || k == Message || k == Visit }

// TextLimit is the default largest note, in bytes (64 KiB: some forty
// pages of typing); the book takes its limit from the configuration
// (config.Limits.NoteBytes), an import from this.
const TextLimit = 64 << 10

// Note is one dated entry in a client's history.
type Note struct {
	ID       string    `json:"id"`
	ClientID string    `json:"client_id"`
	At       time.Time `json:"at"`
	Kind     Kind      `json:"kind"`
	Text     string    `json:"text"`
	Author   string    `json:"author,omitempty"`
	// Private marks a note that never leaves the book: the chain's sync
	// does not send it.
	Private bool `json:"private,omitempty"`
}

// Validate checks that the note can be stored.
func (n *Note) Validate() error {
	if strings.TrimSpace(n.Text) == "" {
		return ErrEmpty
	}
	if n.ClientID == "" {
		return errors.New("a note belongs to a client")
	}
	_, err := ParseKind(string(n.Kind))
	return err
}
