// Package nodecheck runs the independent references of the tests: npm
// packages pinned by a lock file under test/ (lunar-javascript in
// test/lunar), run by node. Without node a test is skipped on a
// developer's machine but fails in CI (CI set), where .ci/run installs
// node: an independent check must not silently vanish there.
package nodecheck

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// Run runs script in dir (a directory of the repository with a
// package.json and its lock file, such as "../test/lunar" from a package
// directory) with node and returns what it printed. The npm packages are
// installed by npm ci when dir has no node_modules yet, as make test-deps
// does; pkg names the package whose presence is checked.
func Run(t testing.TB, dir, pkg, script string, args ...string) []byte {
	t.Helper()
	bin, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("node is not installed, and CI needs it for the independent check with %s (.ci/run installs it)", pkg)
		}
		t.Skipf("node is not installed: the check against %s needs it", pkg)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	install(t, abs, pkg)
	cmd := exec.Command(bin, append([]string{filepath.Join(abs, script)}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node %s: %v\n%s", script, err, stderr.Bytes())
	}
	return out
}

// install runs npm ci in dir when pkg is not installed there. The test
// binaries of several packages (lunar, festivals) run at once under go
// test ./... and share dir: npm ci empties node_modules first, so one
// process installing while another reads failed. A lock directory beside
// node_modules lets one install while the others wait, then find the
// package there.
func install(t testing.TB, dir, pkg string) {
	t.Helper()
	lock := filepath.Join(dir, ".install.lock")
	deadline := time.Now().Add(3 * time.Minute)
	for {
		err := os.Mkdir(lock, 0o700)
		if err == nil {
			break
		}
		if !errors.Is(err, os.ErrExist) {
			t.Fatalf("npm ci in %s: %v", dir, err)
		}
		if fi, err := os.Stat(lock); err == nil && time.Since(fi.ModTime()) > 5*time.Minute {
			os.Remove(lock) // left by a killed run
			continue
		}
		if time.Now().After(deadline) {
			t.Fatalf("npm ci in %s: another test has held %s for 3 minutes; remove it if no test runs", dir, lock)
		}
		time.Sleep(100 * time.Millisecond)
	}
	defer os.Remove(lock)
	if _, err := os.Stat(filepath.Join(dir, "node_modules", pkg)); err == nil {
		return
	}
	out, err := exec.Command("npm", "ci", "--prefix", dir, "--no-audit", "--no-fund").CombinedOutput()
	if err != nil {
		t.Fatalf("npm ci in %s (make test-deps does it): %v\n%s", dir, err, out)
	}
}
