package cli

import "github.com/vipbook/vipbook/store"

// installHooks wires the clienteling rules into the book's writes.
func installHooks(a *App, b *store.Book) {}
