package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestHelpWhenAsked: the commands' help is put in the run's language only
// when a command line may show it (cli.showsHelp), not on every run; each
// way of asking for it, through fang (English) and without it (Chinese),
// still shows the catalog's words, not cobra's defaults or nothing.
func TestHelpWhenAsked(t *testing.T) {
	for _, c := range []struct {
		lang, args string
		want       []string
	}{
		{"C", "--help", []string{"Add, tick off, snooze and list follow-ups"}},
		{"C", "task", []string{"Add a follow-up for a client"}},
		{"C", "task -h", []string{"Add a follow-up for a client"}},
		{"C", "help task", []string{"Add a follow-up for a client"}},
		{"C", "__complete task ", []string{"Add a follow-up for a client"}},
		{"zh_CN.UTF-8", "--help", []string{"添加、完成、推迟和列出跟进"}},
		{"zh_CN.UTF-8", "task --help", []string{"为客户添加一项跟进"}},
		{"C", "man", []string{"Add, tick off, snooze and list follow-ups"}},
	} {
		cmd := exec.Command(os.Args[0])
		cmd.Env = append(os.Environ(), "VIPBOOK_INIT_CHILD=1", "VIPBOOK_CHILD_ARGS="+c.args, "LANG="+c.lang, "LC_ALL=", "LANGUAGE=",
			"HOME="+t.TempDir(), "XDG_CONFIG_HOME="+t.TempDir(), "XDG_DATA_HOME="+t.TempDir())
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Errorf("LANG=%s vipbook %s: %v\n%s", c.lang, c.args, err, out)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(string(out), w) {
				t.Errorf("LANG=%s vipbook %s: no %q in\n%s", c.lang, c.args, w, out)
			}
		}
	}
}
