package i18n

import (
	"strings"

	"github.com/vipbook/vipbook/notes"
)

// ParseNoteKind reads a note typed with its kind in front, as the app's
// note line takes it: "complaint: the heel came loose", "投诉：鞋跟松了",
// "size: 38". The kind is named as either language's catalog names it
// (NoteKind) or by its code (complaint, special_request), any case, and
// the colon may be full-width. It returns the kind and the text after the
// colon; a note without a known kind in front is General, with its text
// whole (trimmed).
func ParseNoteKind(text string) (notes.Kind, string) {
	text = strings.TrimSpace(text)
	i := strings.IndexAny(text, ":：")
	if i <= 0 {
		return notes.General, text
	}
	head := strings.ToLower(strings.TrimSpace(text[:i]))
	_, size := firstRune(text[i:])
	rest := strings.TrimSpace(text[i+size:])
	for _, k := range notes.Kinds {
		if head == string(k) || head == strings.ReplaceAll(string(k), "_", " ") {
			return k, rest
		}
		for _, lang := range []string{English, Chinese} {
			if head == strings.ToLower(New(lang).NoteKind(k)) {
				return k, rest
			}
		}
	}
	return notes.General, text
}

// firstRune returns the first rune of s and its size in bytes.
func firstRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}
