// Command vipbook is a terminal clienteling assistant for retail sales
// associates: a book of VIP clients that opens on a morning briefing.
package main

import (
	"context"
	"os"

	"github.com/vipbook/vipbook/cli"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	if err := cli.Execute(context.Background(), os.Args[1:], version); err != nil {
		os.Exit(1)
	}
}
