package i18n

// enOne holds, for the English texts that take a count, the text to use
// when the count is 1 ("1 day late", not "1 days late"). Chinese does not
// inflect, so it has no such table.
var enOne = map[Key]string{}

func initPlural1() {
	for _, m := range []map[Key]string{enOneCLI, enOneReasons, enOneApp} {
		for k, s := range m {
			enOne[k] = s
		}
	}
}

// N returns the text of k for the count n, formatted with args (which
// hold n wherever the text shows it): in English, the singular form when n
// is 1 and k has one.
func (c *Catalog) N(k Key, n int, args ...any) string {
	if n == 1 && c.lang == English {
		if s, ok := enOne[k]; ok {
			return c.format(s, args)
		}
	}
	return c.T(k, args...)
}
