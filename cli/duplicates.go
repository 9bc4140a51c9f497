package cli

import (
	"errors"

	"github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/i18n"
)

// likelyDuplicates handles a write refused because the client looks like
// one already in the book (book.DuplicateError): it lists them with their
// ids, then, at a terminal, asks whether to save anyway and returns true
// when the associate says yes. A script (no terminal) is refused with what
// to do: open the client, merge later, or --force. Any other error is
// returned as it is.
func (a *App) likelyDuplicates(err error) (bool, error) {
	var de *book.DuplicateError
	if !errors.As(err, &de) {
		return false, err
	}
	cat := a.cat()
	a.printf("%s\n", cat.T(i18n.CliDupFound, de.Name))
	for _, d := range de.Dups {
		a.printf("%s\n", cat.T(i18n.CliDupLine, d.ID, pad(d.Name, 16), orDash(d.Phone), book.DupText(cat, d)))
	}
	if isTerminal(a.Stdin) {
		line, err := a.ask(cat.T(i18n.CliDupAsk))
		if err != nil {
			return false, err
		}
		if confirmed(line) {
			return true, nil
		}
	}
	return false, usageErr("%s", cat.T(i18n.CliDupRefused, de.Dups[0].ID))
}

// saveDespiteDuplicates runs save, a write of a client, with --force's
// option (despite); refused because the client looks like one already in
// the book, it saves again despite them once the associate says so
// (likelyDuplicates).
func (a *App) saveDespiteDuplicates(force bool, save func(also ...book.Also) error) error {
	again, err := a.likelyDuplicates(save(despite(force)...))
	if again {
		return save(book.Despite())
	}
	return err
}

// despite returns the write option that saves despite likely duplicates
// when force is set.
func despite(force bool) []book.Also {
	if force {
		return []book.Also{book.Despite()}
	}
	return nil
}

// writeImportDuplicates lists the records of an import's dry run that
// would add a client looking like one already in the book.
func writeImportDuplicates(a *App, dups []book.ImportDuplicate) {
	if len(dups) == 0 {
		return
	}
	cat := a.cat()
	a.printf("\n%s\n", cat.N(i18n.CliDupImport, len(dups), len(dups)))
	for _, d := range dups {
		for _, x := range d.Dups {
			a.printf("%s\n", cat.T(i18n.CliDupImportLine, d.Name, x.Name, x.ID, book.DupText(cat, x)))
		}
	}
}
