// Package visits owns appointments: a client expected in the store at a time
// for a purpose. The morning briefing prepares a card for each of today's.
package visits

import (
	"errors"
	"time"

	"github.com/vipbook/vipbook/civil"
)

// Status is where an appointment stands.
type Status string

// The statuses of an appointment.
const (
	Booked    Status = "booked"
	Arrived   Status = "arrived"
	NoShow    Status = "no_show"
	Cancelled Status = "cancelled"
)

// DefaultDuration is the length of an appointment booked without one.
const DefaultDuration = 45 * time.Minute

// ErrNoClient is returned when an appointment has no client.
var ErrNoClient = errors.New("an appointment needs a client")

// Appointment is a visit the associate expects.
type Appointment struct {
	ID       string        `json:"id"`
	ClientID string        `json:"client_id"`
	Start    time.Time     `json:"start"`
	Duration time.Duration `json:"duration"`
	Purpose  string        `json:"purpose,omitempty"`
	Status   Status        `json:"status"`
	Created  time.Time     `json:"created"`
}

// Day returns the calendar day of the appointment in its own zone.
func (a *Appointment) Day() civil.Date { return civil.Of(a.Start) }

// Validate checks that the appointment can be stored.
func (a *Appointment) Validate() error {
	if a.ClientID == "" {
		return ErrNoClient
	}
	if a.Start.IsZero() {
		return errors.New("an appointment needs a start time")
	}
	return nil
}
