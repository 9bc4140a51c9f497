package profile

import (
	"fmt"
	"strings"
)

// YesWords and NoWords are the words ParseYesNo reads, in the order a
// refusal names them.
var (
	YesWords = []string{"yes", "y", "true", "1", "是"}
	NoWords  = []string{"no", "n", "false", "0", "否"}
)

// YesNoError is a yes-or-no field given a word that says neither; it is
// ErrBadField.
type YesNoError struct {
	Field, Input string
}

func (e *YesNoError) Error() string {
	return fmt.Sprintf("%v: %s is yes or no, not %q (write yes/no, y/n, true/false, 1/0 or 是/否)", ErrBadField, e.Field, e.Input)
}

// Unwrap is ErrBadField.
func (e *YesNoError) Unwrap() error { return ErrBadField }

// ParseYesNo reads the value of the yes-or-no field named field (a
// special-person flag, do_not_contact): yes/no, y/n, true/false, 1/0 or
// 是/否, in any case. Anything else is a *YesNoError.
func ParseYesNo(field, v string) (bool, error) {
	w := strings.ToLower(strings.TrimSpace(v))
	for i := range YesWords {
		switch w {
		case YesWords[i]:
			return true, nil
		case NoWords[i]:
			return false, nil
		}
	}
	return false, &YesNoError{Field: field, Input: v}
}
