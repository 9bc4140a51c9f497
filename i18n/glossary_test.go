package i18n

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// readsOthersWords are the files whose Chinese is read, not written: the
// glossary itself, and the column names other tools' exports use.
var readsOthersWords = map[string]bool{"i18n/glossary.go": true, "interchange/fromcsv.go": true}

// TestGlossary: the Chinese catalog, and the Go sources of the module
// outside tests and the demo's client data, use the glossary's words and
// none of the words it avoids; an anniversary's years never read as an age.
func TestGlossary(t *testing.T) {
	for k, s := range zh {
		for _, g := range glossary {
			for _, bad := range g.avoid {
				if strings.Contains(s, bad) {
					t.Errorf("zh %q: %q says %s for %q; the glossary says %s", k, s, bad, g.concept, g.zh)
				}
			}
		}
	}
	if strings.Contains(zh[DateYears], "岁") || !strings.Contains(zh[DateYears], "周年") {
		t.Errorf("an anniversary reads %q: 周年, not an age", zh[DateYears])
	}
	first := regexp.MustCompile(`首次购买纪念([^日]|$)`)
	root, _ := filepath.Abs("..")
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Skip("not in the module's source tree")
	}
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if n := d.Name(); path != root && (strings.HasPrefix(n, ".") || n == "testdata" || n == "demo") {
				return filepath.SkipDir
			}
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") || readsOthersWords[filepath.ToSlash(rel)] {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(b), "\n") {
			for _, g := range glossary {
				for _, bad := range g.avoid {
					if strings.Contains(line, bad) {
						t.Errorf("%s:%d says %s for %q; the glossary says %s", path, i+1, bad, g.concept, g.zh)
					}
				}
			}
			if first.MatchString(line) {
				t.Errorf("%s:%d: the first purchase's date is 首次购买纪念日", path, i+1)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
