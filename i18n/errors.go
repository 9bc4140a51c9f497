package i18n

import (
	"errors"
	"strings"

	"github.com/vipbook/vipbook/dateinput"
	"github.com/vipbook/vipbook/profile"
)

// Said is an error that carries its words as a key of the catalog and the
// facts the key's text takes (the book package's errors are). Both front
// ends render it with Catalog.Error, so a refusal reads the same in the
// command line and in the app.
type Said interface {
	error
	Words() (Key, []any)
}

// Error returns err in the catalog's language: the text of the first
// error in err's chain that carries its words (Said), a date that could
// not be read (DateInputError), or err's own text.
func (c *Catalog) Error(err error) string {
	var s Said
	var de *dateinput.Error
	var pe *profile.PhoneError
	var fe *profile.UnknownFieldError
	if errors.As(err, &fe) {
		return c.T(UsageBadChoice, "--set", fe.Field, strings.Join(profile.SettableFields(), ", "))
	}
	var ce *profile.ChoiceError
	if errors.As(err, &ce) {
		return c.T(UsageBadChoice, ce.Field, ce.Input, strings.Join(ce.Choices, ", "))
	}
	var co *profile.CountryError
	if errors.As(err, &co) {
		return c.T(ErrCountryCode, co.Input)
	}
	if s, ok := c.configError(err); ok {
		return s
	}
	if s, ok := c.yesNoError(err); ok {
		return s
	}
	switch {
	case errors.As(err, &pe):
		if pe.NeedsCountry {
			return c.T(ErrPhoneNeedsCountry, pe.Raw, pe.CC)
		}
		return c.T(ErrPhoneNotValid, pe.Raw, pe.CC)
	case errors.As(err, &de):
		return c.DateInputError(de)
	case errors.As(err, &s):
		k, said := s.Words()
		args := append([]any(nil), said...)
		for i, a := range args {
			if st, ok := a.(Steps); ok {
				args[i] = c.StepList(st)
			}
			if f, ok := a.(Finding); ok {
				args[i] = c.Finding(f)
			}
		}
		return c.T(k, args...)
	}
	return err.Error()
}

// DateInputError says in the catalog's language why a typed date was
// refused and, when its form was not understood, the forms that are read.
func (c *Catalog) DateInputError(e *dateinput.Error) string {
	forms, not := c.T(DateFormsDay), DateInputNotDay
	switch e.Want {
	case dateinput.WantAnniversary:
		forms, not = c.T(DateFormsAnniversary), DateInputNotAnniversary
	case dateinput.WantMoment:
		forms, not = c.T(DateFormsMoment), DateInputNotMoment
	}
	switch e.Reason {
	case dateinput.ReasonEmpty:
		return c.T(DateInputEmpty, forms)
	case dateinput.ReasonNoSuchDay:
		return c.T(DateInputNoSuchDay, e.Input)
	case dateinput.ReasonNoLeapMonth:
		return c.T(DateInputNoLeapMonth, e.Input)
	case dateinput.ReasonRange:
		return c.T(DateInputRange, e.Input)
	}
	return c.T(not, e.Input, forms)
}
