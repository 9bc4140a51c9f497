// Package messages owns the messages an associate sends clients: the
// templates, in English and Chinese, for each moment of care (a holiday, a
// birthday, a change of season, a long absence, each step of the 0-3-3-3
// rhythm, a referral, the close of a complaint), and their rendering with
// the client's name, honorific and preferences.
//
// The built-in templates follow the rules of docs/domain.md: a message reads
// like a friend's, not an advertisement. Holiday wishes carry no store
// news; a change of season brings weather care and no products; a miss-you
// message is warm and never asks whether something went wrong; care
// messages give tips, never promotions alone; the thank-you after a sale
// gives the care instructions and the associate's name.
//
// # Editing the templates
//
// Any template can be replaced by a file in the message directory: the
// "messages" directory next to the config file
// ($XDG_CONFIG_HOME/vipbook/messages, else ~/.config/vipbook/messages), or
// the directory set by dir in the [messages] section of config.toml. The
// file is named KIND.LANG.tmpl (birthday.zh.tmpl, miss_you.en.tmpl), holds
// a Go text/template, and is executed with a Data value: {{.Salutation}},
// {{.Name}}, {{.Hobby}}, {{.Colour}}, {{.Piece}}, {{.Occasion}},
// {{.SeasonCare}}, {{.Sign}} and the other fields of Data. A kind or
// language without a file uses the built-in template. A file that does not
// parse, or names a field Data does not have, is reported with its name.
//
// Compose is the one pure function the CLI (`vipbook message`) and the TUI
// call: it refuses a client who asked not to be contacted with
// ErrDoNotContact, and otherwise returns the text.
package messages
