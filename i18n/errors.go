package i18n

import "errors"

// Said is an error that carries its words as a key of the catalog and the
// facts the key's text takes (the book package's errors are). Both front
// ends render it with Catalog.Error, so a refusal reads the same in the
// command line and in the app.
type Said interface {
	error
	Words() (Key, []any)
}

// Error returns err in the catalog's language: the text of the first
// error in err's chain that carries its words (Said), or err's own text.
func (c *Catalog) Error(err error) string {
	var s Said
	if errors.As(err, &s) {
		k, args := s.Words()
		return c.T(k, args...)
	}
	return err.Error()
}
