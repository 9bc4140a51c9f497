package i18n

// Help returns the command line's help text for a command or flag in the
// catalog's language: part is ".short", ".long", ".example" or " --flag"
// after the command's path ("vipbook task add"). ok is false for a text
// the help tables do not hold.
func (c *Catalog) Help(path, part string) (s string, ok bool) {
	if c.lang == Chinese {
		if s, ok = helpZH[path+part]; ok {
			return s, true
		}
	}
	s, ok = helpEN[path+part]
	return s, ok
}
