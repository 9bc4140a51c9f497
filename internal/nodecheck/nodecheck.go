// Package nodecheck runs the independent references of the tests: npm
// packages pinned by a lock file under test/ (lunar-javascript in
// test/lunar), run by node. Without node a test is skipped on a
// developer's machine but fails in CI (CI set), where .ci/run installs
// node: an independent check must not silently vanish there.
package nodecheck

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
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
	if _, err := os.Stat(filepath.Join(abs, "node_modules", pkg)); err != nil {
		out, err := exec.Command("npm", "ci", "--prefix", abs, "--no-audit", "--no-fund").CombinedOutput()
		if err != nil {
			t.Fatalf("npm ci in %s (make test-deps does it): %v\n%s", dir, err, out)
		}
	}
	cmd := exec.Command(bin, append([]string{filepath.Join(abs, script)}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node %s: %v\n%s", script, err, stderr.Bytes())
	}
	return out
}
