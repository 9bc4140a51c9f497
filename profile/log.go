package profile

import "log/slog"

// The LogValue methods keep personal data out of logs: a Profile, a Summary
// or a Phone handed to log/slog (slog.Any("client", p), or as an argument
// of slog.Info) is logged as its id only, never as the name, the numbers or
// anything else a client told the associate. fmt is left alone: the CLI and
// the screens print profiles on purpose.

// LogValue logs a profile as its id.
func (p Profile) LogValue() slog.Value { return slog.GroupValue(slog.String("id", p.ID)) }

// LogValue logs a summary as its client's id.
func (s Summary) LogValue() slog.Value { return slog.GroupValue(slog.String("id", s.ID)) }

// LogValue logs a phone without its number: only its label says which
// phone it was.
func (p Phone) LogValue() slog.Value {
	return slog.GroupValue(slog.String("number", "redacted"), slog.String("label", p.Label))
}

// LogValue logs a purchase as its id and its client's id: the items and
// the amount stay out.
func (p Purchase) LogValue() slog.Value {
	return slog.GroupValue(slog.String("id", p.ID), slog.String("client_id", p.ClientID))
}
