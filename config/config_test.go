package config

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestLoadMissingFileGivesDefaults(t *testing.T) {
	cfg, err := Load(filepath.Join(t.TempDir(), "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(cfg, Default()) {
		t.Fatalf("Load(missing) = %+v, want Default()", cfg)
	}
}

func TestDefaults(t *testing.T) {
	c := Default()
	if err := c.check(); err != nil {
		t.Fatalf("Default() does not pass its own check: %v", err)
	}
	r := c.Rhythm
	if r.ThankYouDay != 0 || r.CallDay != 3 || r.CareEveryDays != 21 || r.ServiceInviteMonths != 3 || r.ReferralFollowUpDays != 7 || r.LapseFactor != 2 {
		t.Errorf("rhythm defaults: %+v", r)
	}
	if c.Tiers.Scheme != Pyramid || len(c.Tiers.Pyramid.Levels) != 4 || c.Tiers.Pyramid.Levels[0].Share != 0.10 {
		t.Errorf("tier defaults: %+v", c.Tiers)
	}
	ds := c.Tiers.Cards["department_store"]
	if ds.YearStartDay().Month != 8 || ds.YearStartDay().Day != 1 || ds.Levels[2].Month.Money() != 6000000 {
		t.Errorf("department store defaults: %+v", ds)
	}
	if _, ok := c.Tiers.Card(); ok {
		t.Errorf("the default scheme is not a card scheme")
	}
}

func TestSampleIsTheDefault(t *testing.T) {
	cfg, err := Parse("sample", []byte(Sample))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(cfg, Default()) {
		t.Fatalf("Sample parses to\n%+v\nwant Default()\n%+v", cfg, Default())
	}
}

func TestLoadRealFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.toml")
	file := `
[tiers]
scheme = "boutique"

[tiers.cards.boutique]
label = "Boutique"
year_start = "04-01"
[[tiers.cards.boutique.levels]]
name = "silver"
day = 1000
[[tiers.cards.boutique.levels]]
name = "gold"
month = 8000.5

[rhythm]
call_day = 2
lapse_factor = 2.5

[rhythm.lapse_days]
A = 45

[urgency]
since_touch = 0

[messages]
dir = "/tmp/templates"
`
	if err := os.WriteFile(path, []byte(file), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	cs, ok := cfg.Tiers.Card()
	if !ok || cs.Label != "Boutique" || len(cs.Levels) != 2 || cs.Levels[1].Month.Money() != 800050 {
		t.Fatalf("card scheme = %+v, %v", cs, ok)
	}
	if md := cs.YearStartDay(); md.Month != 4 || md.Day != 1 {
		t.Errorf("year start = %v", md)
	}
	if cfg.Rhythm.CallDay != 2 || cfg.Rhythm.LapseFactor != 2.5 || cfg.Rhythm.CareEveryDays != 21 {
		t.Errorf("rhythm = %+v (set keys changed, others default)", cfg.Rhythm)
	}
	if cfg.Rhythm.LapseDays["A"] != 45 || cfg.Rhythm.LapseDays["B"] != 90 {
		t.Errorf("lapse days = %v (A set, B default)", cfg.Rhythm.LapseDays)
	}
	if cfg.Urgency.SinceTouch != 0 || cfg.Urgency.Overdue != 3 {
		t.Errorf("urgency = %+v", cfg.Urgency)
	}
	if cfg.MessageDir(path) != "/tmp/templates" {
		t.Errorf("message dir = %s", cfg.MessageDir(path))
	}
	if _, ok := cfg.Tiers.Cards["department_store"]; !ok {
		t.Errorf("the default card schemes stay available")
	}
	if Default().MessageDir(path) != filepath.Join(filepath.Dir(path), "messages") {
		t.Errorf("default message dir = %s", Default().MessageDir(path))
	}
}

func TestPyramidLevelsReplacedWhole(t *testing.T) {
	cfg, err := Parse("c", []byte(`
[[tiers.pyramid.levels]]
name = "VIP"
share = 0.05
[[tiers.pyramid.levels]]
name = "Other"
`))
	if err != nil {
		t.Fatal(err)
	}
	l := cfg.Tiers.Pyramid.Levels
	if len(l) != 2 || l[0].Label != "" || l[1].Share != 0 || l[1].Name != "Other" {
		t.Fatalf("levels = %+v (must not inherit the defaults' labels or shares)", l)
	}
}

func TestLoadMalformed(t *testing.T) {
	tests := []struct {
		name, file string
		line       string
		mention    string
	}{
		{"syntax", "[rhythm]\ncall_day = 3\nlapse_factor = \n", "line 3", "lapse_factor"},
		{"unclosed table", "[rhythm\ncall_day = 3\n", "line 1", ""},
		{"wrong type", "[rhythm]\n\ncall_day = \"three\"\n", "line 3", "call_day"},
		{"unknown key", "[tiers]\nscheme = \"pyramid\"\nschme = \"x\"\n", "line 3", "tiers.schme"},
		{"unknown section", "\n[colours]\nred = 1\n", "line 2", "colours"},
		{"unknown scheme", "[tiers]\nscheme = \"gold\"\n", "line 2", "pyramid"},
		{"negative day", "[rhythm]\ncall_day = -1\n", "line 2", "call_day"},
		{"zero factor", "[rhythm]\nlapse_factor = 0\n", "line 2", "lapse_factor"},
		{"bad year start", "[tiers.cards.x]\nyear_start = \"13-01\"\n[[tiers.cards.x.levels]]\nname = \"a\"\nday = 1\n", "line 2", "MM-DD"},
		{"level without threshold", "[tiers.cards.x]\n[[tiers.cards.x.levels]]\nname = \"a\"\n", "line 1", "no threshold"},
		{"shares over 1", "[[tiers.pyramid.levels]]\nname = \"A\"\nshare = 0.8\n[[tiers.pyramid.levels]]\nname = \"B\"\nshare = 0.5\n[[tiers.pyramid.levels]]\nname = \"C\"\n", "", "add up"},
		{"negative weight", "[urgency]\ndue = -2\n", "line 2", "weight"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "config.toml")
			if err := os.WriteFile(path, []byte(tt.file), 0o600); err != nil {
				t.Fatal(err)
			}
			cfg, err := Load(path)
			if !errors.Is(err, ErrBadConfig) {
				t.Fatalf("Load = %v, want ErrBadConfig", err)
			}
			msg := err.Error()
			if !strings.Contains(msg, path) || !strings.Contains(msg, tt.line) || !strings.Contains(msg, tt.mention) {
				t.Fatalf("error %q should name the file, %q and %q", msg, tt.line, tt.mention)
			}
			if !reflect.DeepEqual(cfg, Default()) {
				t.Fatalf("a bad file still returns the defaults alongside the error")
			}
		})
	}
}

func TestDefaultPath(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", "/x/cfg")
	if got := DefaultPath(); got != "/x/cfg/vipbook/config.toml" {
		t.Errorf("DefaultPath = %s", got)
	}
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", "")
	if got := DefaultPath(); got != filepath.Join(home, ".config", "vipbook", "config.toml") {
		t.Errorf("DefaultPath without XDG = %s", got)
	}
	t.Setenv("XDG_CONFIG_HOME", "relative/dir") // the XDG spec says to ignore relative paths
	if got := DefaultPath(); got != filepath.Join(home, ".config", "vipbook", "config.toml") {
		t.Errorf("DefaultPath with relative XDG = %s", got)
	}
}

// TestXDGDir: the data and state directories follow the same rule as the
// config one.
func TestXDGDir(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_STATE_HOME", "/x/state")
	if got := XDGDir("XDG_STATE_HOME", ".local/state"); got != "/x/state/vipbook" {
		t.Errorf("state dir = %s", got)
	}
	for _, v := range []string{"", "rel/state"} {
		t.Setenv("XDG_STATE_HOME", v)
		if got := XDGDir("XDG_STATE_HOME", filepath.Join(".local", "state")); got != filepath.Join(home, ".local", "state", "vipbook") {
			t.Errorf("XDG_STATE_HOME=%q: state dir = %s", v, got)
		}
	}
}

func TestUnreadableFile(t *testing.T) {
	dir := t.TempDir() // a directory is not a readable file
	if _, err := Load(dir); err == nil || errors.Is(err, ErrBadConfig) {
		t.Fatalf("Load(directory) = %v", err)
	}
}
