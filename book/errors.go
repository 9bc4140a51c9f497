package book

import (
	"errors"

	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
)

// Error is a use case's refusal, said as a catalog key and the facts the
// key's text takes (i18n renders it in the language in use). It matches,
// with errors.Is, the sentinel of the same key below, and unwraps to its
// cause (a store or domain error), so errors.Is(err, store.ErrFull) still
// holds.
type Error struct {
	Key  i18n.Key // what went wrong; its catalog text takes Args
	Args []any    // the facts the words need, in the catalog text's order
	ID   string   // the record concerned (the client holding a phone, ...), when there is one
	Err  error    // the cause, or nil
}

// Error returns the refusal in English; front ends render it in their
// language with i18n.Catalog.Error.
func (e *Error) Error() string { return english().T(e.Key, e.Args...) }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Is reports whether target is the sentinel of e's key.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	if !ok {
		return false
	}
	// A refusal with the day it was recorded is still a refusal.
	return t.Key == e.Key || t.Key == i18n.MsgRefused && e.Key == i18n.MsgRefusedSince
}

// Words returns the catalog key and its arguments (i18n.Said).
func (e *Error) Words() (i18n.Key, []any) { return e.Key, e.Args }

// english words an error for Error(): logs and programs read English; the
// front ends word errors in the language in use through i18n.Catalog.Error.
// It is built on first use, not at start (the catalogs are built lazily).
func english() *i18n.Catalog { return i18n.New(i18n.English) }

// The sentinels: each use case's error matches one of them (errors.Is).
var (
	// ErrPhoneTaken is returned by AddClient and UpdateClient when a phone
	// is already another client's. Args: the number, that client's name and
	// id; ID is that client's id.
	ErrPhoneTaken = &Error{Key: i18n.ErrPhoneTaken}
	// ErrMergeSelf is returned by MergeClients when both clients are one
	// (an id and its alias included). Args: the name and id.
	ErrMergeSelf = &Error{Key: i18n.ErrMergeSelf}
	// ErrMergeHandedOver is returned by MergeClients when either client was
	// handed over to a colleague. Args: its name and id.
	ErrMergeHandedOver = &Error{Key: i18n.ErrMergeHandedOver}
	// ErrLikelyDuplicate is matched by the *DuplicateError AddClient and
	// UpdateClient return for a client who looks like one already in the
	// book.
	ErrLikelyDuplicate = &Error{Key: i18n.ErrLikelyDuplicate}
	// ErrDoNotContact is returned when a call, message or visit is planned
	// for a client who asked not to be contacted.
	ErrDoNotContact = &Error{Key: i18n.ErrDoNotContact}
	// ErrMessageRefused is returned by LogMessage for a client who asked
	// not to be contacted. Args: the client's name (and the day it was
	// recorded, with the key MsgRefusedSince, which also matches).
	ErrMessageRefused = &Error{Key: i18n.MsgRefused}
	// ErrGone is returned when the client, task or request a use case names
	// is not (or no longer) in the book.
	ErrGone = &Error{Key: i18n.ErrGone}
	// ErrNoTask is returned by the task use cases for an id the book does
	// not hold. Args: the id.
	ErrNoTask = &Error{Key: i18n.ErrNoTask}
	// ErrNoRequest is returned by UpdateRequest for an id the book does not
	// hold. Args: the id.
	ErrNoRequest = &Error{Key: i18n.ErrNoRequest}
	// ErrNoNote is returned by DeleteNote for an id the book does not
	// hold. Args: the id.
	ErrNoNote = &Error{Key: i18n.ErrNoNote}
	// ErrNoPurchase is returned by DeletePurchase for an id the book does
	// not hold. Args: the id.
	ErrNoPurchase = &Error{Key: i18n.ErrNoPurchase}
	// ErrTaskClosed is returned when a done or cancelled task is ticked,
	// snoozed or cancelled.
	ErrTaskClosed = &Error{Key: i18n.ErrTaskClosed}
	// ErrNotDone is returned by ReopenTask for a task that was not ticked.
	ErrNotDone = &Error{Key: i18n.ErrTaskNotDone}
	// ErrSnoozePast is returned by SnoozeTask for a day not after today.
	ErrSnoozePast = &Error{Key: i18n.ErrSnoozePast}
	// ErrNoChecklist is returned by CheckSteps for a task without one.
	// Args: the task's id.
	ErrNoChecklist = &Error{Key: i18n.ErrNoChecklist}
	// ErrNoStep is returned by CheckSteps for a step the checklist does not
	// have. Args: the step as given, the number of steps, the task's id.
	ErrNoStep = &Error{Key: i18n.ErrNoStep}
	// ErrStepsOpen is returned by TickTask for a complaint case whose
	// checklist still has open steps (a *StepsOpenError naming them);
	// ForceTick closes it anyway.
	ErrStepsOpen = &Error{Key: i18n.ErrStepsOpen}
	// ErrNoteEmpty is returned by AddNote for a note with no text.
	ErrNoteEmpty = &Error{Key: i18n.ErrNoteEmpty}
	// ErrNoteTooLong is returned by AddNote and LogMessage for a note over
	// the configured limit (config.Limits). Args: its KiB, the limit in KiB.
	ErrNoteTooLong = &Error{Key: i18n.ErrNoteTooLong}
	// ErrNameTooLong is returned by AddClient and UpdateClient for a name
	// over profile.NameLimit characters. Args: its length, the limit.
	ErrNameTooLong = &Error{Key: i18n.ErrNameTooLong}
	// ErrRecordTooLong is returned by AddClient and UpdateClient for a
	// profile over profile.RecordLimit bytes encoded. Args: its KiB, the limit.
	ErrRecordTooLong = &Error{Key: i18n.ErrRecordTooLong}
	// ErrNoneFound is returned by ChooseClients when a search finds nobody.
	// Args: the query.
	ErrNoneFound = &Error{Key: i18n.ErrNoneFound}
	// ErrNoneInTier is returned by ChooseClients for a tier nobody is in.
	// Args: the tier.
	ErrNoneInTier = &Error{Key: i18n.ErrNoneInTier}
	// ErrBadTier is returned when a client's tier is none of the scheme's
	// labels. Args: the tier, the labels.
	ErrBadTier = &Error{Key: i18n.ErrBadTier}
	// ErrBadEmail is returned for an e-mail address that is not one. Args:
	// the address.
	ErrBadEmail = &Error{Key: i18n.ErrBadEmail}
	// ErrDateRange is returned for a day outside the calendar's years 1900
	// to 2100. Args: the day, the first and the last year.
	ErrDateRange = &Error{Key: i18n.ErrDateRange}
	// ErrFull is returned by a write the disk (or the book's size limit)
	// has no room for; nothing was saved. It unwraps to store.ErrFull.
	ErrFull = &Error{Key: i18n.ErrFull}
	// ErrEntryEmpty is returned by the profile's Add methods for an entry
	// without its text (a size without a value, a card without a number).
	// Args: what is empty.
	ErrEntryEmpty = &Error{Key: i18n.ErrEntryEmpty}
	// ErrNoEntry is returned by the profile's Remove methods for an entry
	// the client does not have. Args: the entry as given.
	ErrNoEntry = &Error{Key: i18n.ErrNoEntry}
	// ErrNoDate is returned by RemoveDate and LogGift for a date ID the
	// client does not have. Args: the ID.
	ErrNoDate = &Error{Key: i18n.ErrNoDate}
	// ErrCardTaken is returned by AddCard for a card number another
	// client holds. Args: the number, that client's name; ID is that
	// client's id.
	ErrCardTaken = &Error{Key: i18n.ErrCardTaken}
	// ErrBadDay is returned by AddDate for a month and day that do not
	// exist. Args: the day.
	ErrBadDay = &Error{Key: i18n.ErrBadDay}
	// ErrReadOnly is returned by a write to a book opened read-only. It
	// unwraps to store.ErrReadOnly.
	ErrReadOnly = &Error{Key: i18n.ErrReadOnly}
)

// said is Classify, for the book's own use cases.
func said(err error) error { return Classify(err) }

// Classify turns the store's and the domain's sentinel errors (store.ErrFull,
// store.ErrNotFound, tasks.ErrClosed, notes.ErrEmpty, ...) into the book's,
// with their catalog keys, keeping them as causes; anything else (and nil)
// is returned as it is. It is the one mapping of errors to words: the
// book's use cases return their errors through it, and a front end passes
// the errors of its reads through it before rendering them with
// i18n.Catalog.Error.
func Classify(err error) error {
	var e *Error
	if err == nil || errors.As(err, &e) {
		return err
	}
	var kd *store.KnownDamagedError
	if errors.As(err, &kd) {
		return &Error{Key: i18n.ErrBookKnownDamaged, Args: []any{kd.Mark.Found.Format("2006-01-02 15:04"), i18n.Finding{Code: kd.Mark.Code, Args: kd.Mark.Args, Text: kd.Mark.What}}, Err: err}
	}
	var bd *store.BackupDamagedError
	if errors.Is(err, store.ErrDamaged) && !errors.As(err, &bd) {
		return &Error{Key: i18n.ErrBookDamaged, Err: err}
	}
	var nf *store.NotFileError
	if errors.As(err, &nf) {
		key := map[store.FileKind]i18n.Key{store.KindDirectory: i18n.ErrBookIsDirectory, store.KindPipe: i18n.ErrBookIsPipe,
			store.KindDevice: i18n.ErrBookIsDevice}[nf.Kind]
		if key == "" {
			key = i18n.ErrBookIsSpecial
		}
		return &Error{Key: key, Args: []any{nf.Path}, Err: err}
	}
	for _, m := range []struct {
		cause error
		key   i18n.Key
	}{
		{store.ErrFull, i18n.ErrFull},
		{store.ErrReadOnly, i18n.ErrReadOnly},
		{store.ErrReadOnlyFile, i18n.ErrReadOnly},
		{store.ErrDoNotContact, i18n.ErrDoNotContact},
		{store.ErrNotFound, i18n.ErrGone},
		{tasks.ErrClosed, i18n.ErrTaskClosed},
		{tasks.ErrSnoozeBack, i18n.ErrSnoozePast},
		{notes.ErrEmpty, i18n.ErrNoteEmpty},
	} {
		if errors.Is(err, m.cause) {
			return &Error{Key: m.key, Err: err}
		}
	}
	return err
}

// StepsOpenError is TickTask's refusal to close a complaint case whose
// checklist has open steps: it names the case and the open steps, numbered
// as in the checklist. It matches ErrStepsOpen.
type StepsOpenError struct {
	TaskID string
	Open   i18n.Steps
}

// Error says the refusal in English.
func (e *StepsOpenError) Error() string {
	return english().T(i18n.ErrStepsOpen, len(e.Open), english().StepList(e.Open))
}

// Words returns the catalog key and its facts (i18n.Said); the steps are
// worded in the language the error is shown in.
func (e *StepsOpenError) Words() (i18n.Key, []any) {
	return i18n.ErrStepsOpen, []any{len(e.Open), e.Open}
}

// Is reports whether target is ErrStepsOpen.
func (e *StepsOpenError) Is(target error) bool { return target == ErrStepsOpen }
