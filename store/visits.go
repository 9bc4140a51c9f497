package store

import (
	"encoding/binary"
	"fmt"
	"sort"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/requests"
	"github.com/vipbook/vipbook/visits"
	bolt "go.etcd.io/bbolt"
)

func apptStartKey(start time.Time, id string) []byte {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], uint64(start.Unix()))
	return append(b[:], id...)
}

// AddAppointment books an expected visit.
func (tx *Tx) AddAppointment(a *visits.Appointment) error {
	if err := a.Validate(); err != nil {
		return err
	}
	if !tx.HasClient(a.ClientID) {
		return fmt.Errorf("client %q: %w", a.ClientID, ErrNotFound)
	}
	if a.ID == "" {
		a.ID = tx.newID(bAppts, shortIDLen)
	} else if tx.bucket(bAppts).Get([]byte(a.ID)) != nil {
		return fmt.Errorf("appointment %s: %w", a.ID, ErrDuplicate)
	}
	if a.Duration == 0 {
		a.Duration = visits.DefaultDuration
	}
	if a.Status == "" {
		a.Status = visits.Booked
	}
	if a.Created.IsZero() {
		a.Created = tx.Now()
	}
	if err := tx.bucket(bApptStart).Put(apptStartKey(a.Start, a.ID), nil); err != nil {
		return err
	}
	if err := tx.bucket(bApptClient).Put(join([]byte(a.ClientID), []byte(a.ID)), nil); err != nil {
		return err
	}
	if err := putSealed(tx.bucket(bAppts), []byte(a.ID), a); err != nil {
		return err
	}
	return tx.logChange(ChangeVisit, a.ClientID, a.ID, a)
}

// UpdateAppointment writes a changed appointment (moved, arrived, cancelled).
func (tx *Tx) UpdateAppointment(a *visits.Appointment) error {
	var old visits.Appointment
	if err := getJSON(tx.bucket(bAppts), []byte(a.ID), &old); err != nil {
		return fmt.Errorf("appointment %q: %w", a.ID, err)
	}
	_ = tx.bucket(bApptStart).Delete(apptStartKey(old.Start, old.ID))
	if err := tx.bucket(bApptStart).Put(apptStartKey(a.Start, a.ID), nil); err != nil {
		return err
	}
	if err := putSealed(tx.bucket(bAppts), []byte(a.ID), a); err != nil {
		return err
	}
	return tx.logChange(ChangeVisit, a.ClientID, a.ID, a)
}

// Appointment returns one appointment by id.
func (tx *Tx) Appointment(id string) (visits.Appointment, error) {
	var a visits.Appointment
	if err := getJSON(tx.bucket(bAppts), []byte(id), &a); err != nil {
		return a, fmt.Errorf("appointment %q: %w", id, err)
	}
	return a, nil
}

// AppointmentsBetween returns the appointments starting in [from, to),
// earliest first.
func (tx *Tx) AppointmentsBetween(from, to time.Time) ([]visits.Appointment, error) {
	var out []visits.Appointment
	c := tx.bucket(bApptStart).Cursor()
	end := uint64(to.Unix())
	ab := tx.bucket(bAppts)
	for k, _ := c.Seek(apptStartKey(from, "")); k != nil && binary.BigEndian.Uint64(k[:8]) < end; k, _ = c.Next() {
		var a visits.Appointment
		if err := unmarshalRecord(ab.Get(k[8:]), &a); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

// AppointmentsOn returns the appointments of a day in loc, earliest first.
func (tx *Tx) AppointmentsOn(day civil.Date, loc *time.Location) ([]visits.Appointment, error) {
	return tx.AppointmentsBetween(day.In(loc), day.AddDays(1).In(loc))
}

// ClientAppointments returns a client's appointments, earliest first.
func (tx *Tx) ClientAppointments(clientID string) []visits.Appointment {
	var out []visits.Appointment
	p := prefix(clientID)
	_ = scanPrefix(tx.bucket(bApptClient), p, func(k, _ []byte) error {
		var a visits.Appointment
		if unmarshalRecord(tx.bucket(bAppts).Get(k[len(p):]), &a) == nil {
			out = append(out, a)
		}
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Start.Before(out[j].Start) })
	return out
}

// AddRequest opens a special request.
func (tx *Tx) AddRequest(r *requests.Request) error {
	if err := r.Validate(); err != nil {
		return err
	}
	if !tx.HasClient(r.ClientID) {
		return fmt.Errorf("client %q: %w", r.ClientID, ErrNotFound)
	}
	if r.ID == "" {
		r.ID = tx.newID(bRequests, shortIDLen)
	} else if tx.bucket(bRequests).Get([]byte(r.ID)) != nil {
		return fmt.Errorf("request %s: %w", r.ID, ErrDuplicate)
	}
	if r.Status == "" {
		r.Status = requests.Open
	}
	if r.Opened.IsZero() {
		r.Opened = civil.Of(tx.Now())
	}
	if err := tx.bucket(bReqClient).Put(join([]byte(r.ClientID), []byte(r.ID)), nil); err != nil {
		return err
	}
	if err := tx.indexRequest(r); err != nil {
		return err
	}
	if err := putSealed(tx.bucket(bRequests), []byte(r.ID), r); err != nil {
		return err
	}
	return tx.logChange(ChangeRequest, r.ClientID, r.ID, r)
}

// indexRequest keeps r in the index of open requests while it is open.
func (tx *Tx) indexRequest(r *requests.Request) error {
	if r.IsOpen() {
		return tx.bucket(bReqOpen).Put([]byte(r.ID), nil)
	}
	return tx.bucket(bReqOpen).Delete([]byte(r.ID))
}

// indexOpenRequests fills the index of open requests from reqs.
func indexOpenRequests(reqs, open *bolt.Bucket) error {
	if reqs == nil {
		return nil
	}
	return reqs.ForEach(func(k, v []byte) error {
		var r requests.Request
		if err := unmarshalRecord(v, &r); err != nil {
			return err
		}
		if r.IsOpen() {
			return open.Put(k, nil)
		}
		return nil
	})
}

// UpdateRequest writes a changed request (sourcing, fulfilled, declined).
func (tx *Tx) UpdateRequest(r *requests.Request) error {
	if tx.bucket(bRequests).Get([]byte(r.ID)) == nil {
		return fmt.Errorf("request %q: %w", r.ID, ErrNotFound)
	}
	if err := tx.indexRequest(r); err != nil {
		return err
	}
	if err := putSealed(tx.bucket(bRequests), []byte(r.ID), r); err != nil {
		return err
	}
	return tx.logChange(ChangeRequest, r.ClientID, r.ID, r)
}

// Request returns one request by id.
func (tx *Tx) Request(id string) (requests.Request, error) {
	var r requests.Request
	if err := getJSON(tx.bucket(bRequests), []byte(id), &r); err != nil {
		return r, fmt.Errorf("request %q: %w", id, err)
	}
	return r, nil
}

// ClientRequests returns a client's requests, oldest first.
func (tx *Tx) ClientRequests(clientID string) []requests.Request {
	var out []requests.Request
	p := prefix(clientID)
	_ = scanPrefix(tx.bucket(bReqClient), p, func(k, _ []byte) error {
		var r requests.Request
		if unmarshalRecord(tx.bucket(bRequests).Get(k[len(p):]), &r) == nil {
			out = append(out, r)
		}
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Opened.Before(out[j].Opened) })
	return out
}

// OpenRequests returns every open or sourcing request, oldest first.
func (tx *Tx) OpenRequests() ([]requests.Request, error) {
	var out []requests.Request
	reqs := tx.bucket(bRequests)
	if open := tx.bucket(bReqOpen); open != nil {
		err := open.ForEach(func(k, _ []byte) error {
			var r requests.Request
			if err := unmarshalRecord(reqs.Get(k), &r); err != nil {
				return fmt.Errorf("request %s: %w", k, err)
			}
			out = append(out, r)
			return nil
		})
		sort.Slice(out, func(i, j int) bool { return out[i].Opened.Before(out[j].Opened) })
		return out, err
	}
	// A book written before the index, opened read-only: read them all.
	err := reqs.ForEach(func(_, v []byte) error {
		var r requests.Request
		if err := unmarshalRecord(v, &r); err != nil {
			return err
		}
		if r.IsOpen() {
			out = append(out, r)
		}
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Opened.Before(out[j].Opened) })
	return out, err
}
