// Package requests owns special requests: something a client asked for
// beyond normal service (an item the store does not carry, an alteration).
// A request is opened, worked and closed; open ones are the first of the
// "three specials" on the briefing.
package requests

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/vipbook/vipbook/civil"
)

// Status is where a request stands.
type Status string

// The statuses of a request.
const (
	Open      Status = "open"
	Sourcing  Status = "sourcing"
	Fulfilled Status = "fulfilled"
	Declined  Status = "declined"
)

// ErrBadStatus is returned when a status name is unknown.
var ErrBadStatus = errors.New("unknown request status")

// ParseStatus reads a status name.
func ParseStatus(s string) (Status, error) {
	st := Status(strings.ToLower(strings.TrimSpace(s)))
	switch st {
	case Open, Sourcing, Fulfilled, Declined:
		return st, nil
	}
	return "", fmt.Errorf("%w %q (open, sourcing, fulfilled or declined)", ErrBadStatus, s)
}

// Request is one special request.
type Request struct {
	ID       string     `json:"id"`
	ClientID string     `json:"client_id"`
	What     string     `json:"what"`
	Opened   civil.Date `json:"opened"`
	Status   Status     `json:"status"`
	Closed   time.Time  `json:"closed,omitzero"`
	Note     string     `json:"note,omitempty"`
}

// IsOpen reports whether the request is still being worked.
func (r *Request) IsOpen() bool { return r.Status == Open || r.Status == Sourcing }

// AgeDays returns how many days the request has been open on today.
func (r *Request) AgeDays(today civil.Date) int { return r.Opened.DaysUntil(today) }

// Validate checks that the request can be stored.
func (r *Request) Validate() error {
	if strings.TrimSpace(r.What) == "" {
		return errors.New("a request needs to say what was asked")
	}
	if r.ClientID == "" {
		return errors.New("a request belongs to a client")
	}
	return nil
}
