package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vipbook/vipbook/tui/typing"
)

// TestPoint12BundleInPrivateDir: a handover bundle the app writes goes
// into its private export directory (made 0700), never into the directory
// the app was started from: the file field offers a path there, a bare
// file name typed goes there, and the news of the export says where.
func TestPoint12BundleInPrivateDir(t *testing.T) {
	exports := filepath.Join(t.TempDir(), "data", "vipbook", "exports")
	giver := openBook(t, demoBookPath(t))
	m := newModel(Options{Book: giver, Lang: "en", Now: testNow, ConfigPath: noConfig(t), ExportDir: exports}, typing.NewKeeper())
	if v := m.handover.in[hoOut].Value(); filepath.Dir(v) != exports {
		t.Fatalf("the bundle's file is offered at %q, not in %s", v, exports)
	}

	h := newHarness(t, giver, "en", 200, 30)
	h.m.c.exportDir = exports
	exportKeys(h, "A", "Wang Fang", "tier-a.age", "correct horse battery", "correct horse battery")
	h.keys("enter")
	bundle := filepath.Join(exports, "tier-a.age")
	fi, err := os.Stat(bundle)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("the bundle is not in the export directory: %v, %v\n%s", fi, err, h.view())
	}
	if di, err := os.Stat(exports); err != nil || di.Mode().Perm() != 0o700 {
		t.Fatalf("the export directory: %v, %v", di, err)
	}
	if _, err := os.Stat("tier-a.age"); err == nil {
		os.Remove("tier-a.age")
		t.Fatal("the bundle was written to the current directory")
	}
	if v := h.view(); !strings.Contains(v, bundle) {
		t.Errorf("the news of the export does not say where the bundle is:\n%s", v)
	}
}
