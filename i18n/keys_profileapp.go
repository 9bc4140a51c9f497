package i18n

// Keys of the app's profile entries walked for issue 11: the store and
// counter of the edit form, a household member's link to another client
// of the book, and the forms' clearer refusals (profileapp.go).
const (
	FieldStore   Key = "field.store"   // the edit form's home store
	FieldCounter Key = "field.counter" // the edit form's counter or brand within the store
	ProfStore    Key = "prof.store"    // the profile's line of the store and counter
	// FieldFamilyClient is the family form's field linking the member to
	// another client of the book.
	FieldFamilyClient Key = "field.family_client"
	// ProfLinked follows a household member linked to another client of
	// the book: that client's name.
	ProfLinked Key = "prof.linked"
	// ErrLinkNone: the family form's client names nobody of the book
	// (what was typed).
	ErrLinkNone Key = "err.link_none"
	// ErrLinkSeveral: the family form's client names several clients
	// (how many, what was typed).
	ErrLinkSeveral Key = "err.link_several"
	// ErrLinkSelf: the family form's client is the client whose profile
	// it is (their name).
	ErrLinkSelf Key = "err.link_self"
	// ErrMemberNameRequired: the family form's name is empty.
	ErrMemberNameRequired Key = "err.member_name_required"
	// ErrTakenFuture: the day a size or measurement was taken, or a gift
	// given, is after today (what was typed).
	ErrTakenFuture Key = "err.taken_future"
	// ErrCardNumberBad: a card number without a letter or a digit (what
	// was typed).
	ErrCardNumberBad Key = "err.card_number_bad"
)
