package cli

import (
	"os"
	"testing"

	"github.com/vipbook/vipbook/internal/pgtest"
)

// TestMain stops the PostgreSQL server a test of the chain started (see
// internal/pgtest) once the package's tests are done.
func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }
