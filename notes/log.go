package notes

import "log/slog"

// LogValue logs a note as its id, its client's id and its kind, never its
// text (what a client told the associate stays out of logs).
func (n Note) LogValue() slog.Value {
	return slog.GroupValue(slog.String("id", n.ID), slog.String("client_id", n.ClientID), slog.String("kind", string(n.Kind)))
}
