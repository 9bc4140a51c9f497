package i18n

import (
	"slices"
	"strings"

	"github.com/vipbook/vipbook/profile"
)

// enExport holds the words of keys_import.go.
var enExport map[Key]string

func enExportTable() map[Key]string {
	return map[Key]string{
		IcsDoNotContact: " (do not contact)",
		IcsVisit:        "Visit: %s",
		IcsLunar:        " (lunar)",
		IcsDateTitle:    "%[2]s: %[1]s",
	}
}

// zhExport holds the Chinese words of keys_import.go.
var zhExport map[Key]string

func zhExportTable() map[Key]string {
	return map[Key]string{
		IcsDoNotContact: "（勿联系）",
		IcsVisit:        "到店：%s",
		IcsLunar:        "（农历）",
		IcsDateTitle:    "%[1]s %[2]s",
	}
}

func initKeysExport1() {
	for k, s := range enExport {
		en[k] = s
	}
	for k, s := range zhExport {
		zh[k] = s
	}
}

// CalendarDateKind names a kind of important date as the title of a
// calendar event: "Birthday", "生日".
func (c *Catalog) CalendarDateKind(k profile.DateKind) string {
	if !slices.Contains(profile.DateKinds, k) {
		k = profile.DateCustom
	}
	s := c.DateKind(k)
	if c.IsChinese() || s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
