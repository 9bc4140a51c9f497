package i18n

// Help returns the command line's help text for a command or flag in the
// catalog's language: part is ".short", ".long", ".example" or " --flag"
// after the command's path ("vipbook task add"). ok is false where the
// commands' own English stands (in English, and for a text not
// translated).
func (c *Catalog) Help(path, part string) (s string, ok bool) {
	if c.lang != Chinese {
		return "", false
	}
	s, ok = helpZH[path+part]
	return s, ok
}
