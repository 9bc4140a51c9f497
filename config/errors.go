package config

import "errors"

// ErrBadConfig is returned by Load when the file is not valid TOML, has a
// key vipbook does not know, or a value out of range. The message names
// the file and the line and says what to change.
var ErrBadConfig = errors.New("bad config file")
