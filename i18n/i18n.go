package i18n

import (
	"fmt"
	"strings"
)

// Key names one piece of interface text.
type Key string

// The languages vipbook speaks.
const (
	English = "en"
	Chinese = "zh"
)

// Languages lists the supported language codes.
func Languages() []string { return []string{English, Chinese} }

// catalogs holds every language's catalog.
var catalogs map[string]map[Key]string

// Catalog is the interface text of one language.
type Catalog struct {
	lang string
	msgs map[Key]string
}

// New returns the catalog of lang ("en", "zh", or a locale such as
// "zh_CN.UTF-8"); anything else gives English.
func New(lang string) *Catalog {
	load()
	l := English
	if strings.HasPrefix(strings.ToLower(lang), "zh") {
		l = Chinese
	}
	return &Catalog{lang: l, msgs: catalogs[l]}
}

// Lang returns the catalog's language code.
func (c *Catalog) Lang() string { return c.lang }

// IsChinese reports whether the catalog is the Chinese one.
func (c *Catalog) IsChinese() bool { return c.lang == Chinese }

// T returns the text of k, formatted with args as by fmt.Sprintf when args
// are given. A key missing from the catalog falls back to English, then to
// the key itself.
func (c *Catalog) T(k Key, args ...any) string {
	s, ok := c.msgs[k]
	if !ok {
		if s, ok = en[k]; !ok {
			s = string(k)
		}
	}
	return c.format(s, args)
}

// format formats s with args as by fmt.Sprintf, or returns it as it is
// when there are none.
func (c *Catalog) format(s string, args []any) string {
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}
