// Package typing holds what the app does with text being typed: the
// one-line input (Line), the forms (Form and their Values), the draft
// keeper that holds every change in memory until the book has it
// (Keeper), the fallback file the drafts go to when the book cannot take
// them (WriteFallback, ImportFallbacks), and the offer of the drafts kept
// from an earlier session (Offer).
//
// Its promise is crash safety: from the moment a key changes the text, the
// keeper holds it; the program's exit, however it comes (quit, signal,
// panic), writes what the keeper holds to the book, or to a fallback file
// in the state directory, and the next start offers it back. Nothing here
// draws a screen or knows a client: the app's screens say which fields a
// form has and what its answers are written as.
package typing
