// Package config owns vipbook's configuration file: the tier schemes, the
// follow-up rhythm, the urgency weights of the briefing and where the message
// templates live. The file is TOML at $XDG_CONFIG_HOME/vipbook/config.toml
// (else ~/.config/vipbook/config.toml); every setting has a default, so a
// missing file, or a file that sets only a few keys, is fine. A malformed
// file is refused with an error naming the line.
//
// The package only reads and checks settings; the packages that apply them
// (tiers, the follow-up rules, the briefing, the messages) take the
// relevant section as a plain value.
package config
