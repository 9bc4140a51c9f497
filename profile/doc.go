// Package profile owns the client: who they are, how to reach them (and
// whether they may be reached at all), their sizes, preferences, important
// dates, special-person flags, purchases and the trail of associates who
// have held them.
//
// It is pure domain: no terminal, no storage. The store persists a Profile
// and keeps a compact Summary of it for lists and the briefing; this package
// defines both and derives one from the other, so the two cannot disagree.
package profile
