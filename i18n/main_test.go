package i18n

import (
	"os"
	"testing"
)

// TestMain builds the catalogs before any test runs: tests read the tables
// (en, zh, helpEN…) directly, and a table not yet built would let a test
// that ranges over it pass having checked nothing.
func TestMain(m *testing.M) {
	load()
	os.Exit(m.Run())
}
