// Package i18n owns the words of the interface: one catalog per language
// (English and Simplified Chinese), each mapping the same keys to text, and
// the names of domain values (note kinds, task kinds, channels, weekdays)
// in each language. The language comes from LANG/LC_ALL or --lang; a key
// missing from a catalog falls back to English, so a screen never shows a
// blank.
//
// Every key is a constant in keys*.go, by who shows the words: keys.go
// (every front end), keys_app.go, keys_cli.go, keys_import.go and
// keys_chain.go. A test checks that both catalogs hold exactly those keys
// and that every key is used somewhere in the sources.
package i18n
