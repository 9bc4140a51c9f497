package interchange

import (
	"strings"

	"github.com/vipbook/vipbook/merge"
)

// fieldText names a field of merge.Change or merge.Conflict for a report:
// "phone", "birthday", "special child", a custom date's label.
func fieldText(field string) string {
	if kind, ok := strings.CutPrefix(field, "date:"); ok {
		k, label, _ := strings.Cut(kind, ":")
		if label != "" {
			return label
		}
		return k
	}
	if flag, ok := strings.CutPrefix(field, "special:"); ok {
		return "special " + flag
	}
	switch field {
	case "phones":
		return "phone"
	case "tags":
		return "tag"
	case "hobbies":
		return "hobby"
	case "dislikes":
		return "dislike"
	case "gift_prefs":
		return "gift preference"
	case "sizes":
		return "size"
	case "preferences":
		return "preference"
	case "made_to_order":
		return "made to order"
	case "owners":
		return "owner"
	}
	return field
}

// changeTexts writes what a merge changed, and the values of the file that
// lost to the book's, in words for a report.
func changeTexts(cs []merge.Change, kept []merge.Conflict) []string {
	var out []string
	for _, c := range cs {
		f := fieldText(c.Field)
		switch {
		case c.Field == "do_not_contact" && c.New == "true":
			out = append(out, "do not contact")
		case strings.HasPrefix(c.Field, "special:"):
			out = append(out, "+ "+f)
		case c.Old == "":
			out = append(out, "+ "+f+" "+c.New)
		default:
			out = append(out, f+" "+c.Old+" -> "+c.New)
		}
	}
	for _, c := range kept {
		out = append(out, "kept "+fieldText(c.Field)+" "+c.Book+" (older "+c.Incoming+" in the history)")
	}
	return out
}
