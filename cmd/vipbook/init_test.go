package main

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// maxInit is the most one package's init may cost: every command pays for
// every package's init before it starts, so the process floor is their sum.
const maxInit = 1.0 // ms

// maxOwnInitBytes is the most one of vipbook's own packages may allocate in
// its init: unlike a clock, a byte count does not move with the machine's
// load, so a table built at start-up (a map literal of a few hundred
// entries, a compiled regular expression) fails this at once on any
// machine. Such tables are built on first use (sync.OnceValue).
const maxOwnInitBytes = 6 << 10

// ownPrefix names vipbook's own packages, held to maxOwnInitBytes.
const ownPrefix = "github.com/vipbook/vipbook/"

// TestMain runs the program itself when TestInitCost asks for it: the test
// binary then links and reaches everything vipbook does (the linker drops
// the init of a map nothing reaches, so a test binary that never calls main
// would not show it).
func TestMain(m *testing.M) {
	if os.Getenv("VIPBOOK_INIT_CHILD") != "" {
		os.Args = []string{"vipbook", "--version"}
		if args := os.Getenv("VIPBOOK_CHILD_ARGS"); args != "" {
			os.Args = append([]string{"vipbook"}, strings.Split(args, " ")...)
		}
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestInitCost runs `vipbook --version` (this test binary, as TestMain)
// with GODEBUG=inittrace=1 and fails if any package's init takes more than
// maxInit. A package's cost is its least over several runs, so a busy
// machine does not fail the test; an init that builds a big table (a width
// table, a pinyin dictionary) stays over the limit in every run. Under the
// race detector (make unit) it builds and runs the program without it, as
// shipped: instrumented inits take several times longer.
func TestInitCost(t *testing.T) {
	self := func() *exec.Cmd {
		cmd := exec.Command(os.Args[0])
		cmd.Env = append(os.Environ(), "VIPBOOK_INIT_CHILD=1")
		return cmd
	}
	if raceEnabled {
		bin := filepath.Join(t.TempDir(), "vipbook")
		if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
			t.Fatalf("go build: %v\n%s", err, out)
		}
		self = func() *exec.Cmd { return exec.Command(bin, "--version") }
	}
	const runs = 10
	least := map[string]float64{}
	checkedBytes := false
	for run := 0; run < runs; run++ {
		cmd := self()
		cmd.Env = append(cmd.Environ(), "GODEBUG=inittrace=1")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("%v: %s", err, stderr.String())
		}
		for _, p := range parseInitTrace(t, stderr.String()) {
			if v, ok := least[p.pkg]; !ok || p.ms < v {
				least[p.pkg] = p.ms
			}
			if !checkedBytes && strings.HasPrefix(p.pkg, ownPrefix) && p.bytes > maxOwnInitBytes {
				t.Errorf("init of %s allocates %d bytes in %d allocations, want at most %d: build its tables on first use (sync.OnceValue)", p.pkg, p.bytes, p.allocs, maxOwnInitBytes)
			}
		}
		checkedBytes = true
		if len(least) == 0 {
			t.Fatalf("no init trace in:\n%s", stderr.String())
		}
		over := false
		for _, ms := range least {
			over = over || ms > maxInit
		}
		if !over {
			return
		}
	}
	for pkg, ms := range least {
		if ms > maxInit {
			t.Errorf("init of %s costs %.2f ms (least of %d runs), want at most %.0f ms: build its tables on first use", pkg, ms, runs, maxInit)
		}
	}
}

// notLinked are packages whose init (and size) every vipbook process paid
// for a little-used feature, since replaced by code in the repository:
// net/http came with golang-ical (the .ics export), the protobuf runtime
// with phonenumbers' metadata.
var notLinked = []string{
	"net/http",
	"github.com/arran4/golang-ical",
	"google.golang.org/protobuf/",
}

// maxInitPackages is the most packages with an init that `vipbook
// --version` may run (the test binary's own among them): 156 on
// 2026-12-06 (vipbook itself: 149, from 170 before golang-ical, net/http
// and the protobuf runtime left). Each costs 0.03-0.5 ms at start, most of it the first touch
// of its pages, so a new dependency should be seen.
const maxInitPackages = 160

// TestLinkedPackages fails when vipbook links a package listed in
// notLinked again, or runs more than maxInitPackages package inits: exact
// counts, whatever the machine's load.
func TestLinkedPackages(t *testing.T) {
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "VIPBOOK_INIT_CHILD=1", "GODEBUG=inittrace=1")
	if raceEnabled {
		bin := filepath.Join(t.TempDir(), "vipbook")
		if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
			t.Fatalf("go build: %v\n%s", err, out)
		}
		cmd = exec.Command(bin, "--version")
		cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%v: %s", err, stderr.String())
	}
	inits := parseInitTrace(t, stderr.String())
	if len(inits) < 50 {
		t.Fatalf("only %d inits traced:\n%s", len(inits), stderr.String())
	}
	for _, p := range inits {
		for _, no := range notLinked {
			if p.pkg == no || strings.HasSuffix(no, "/") && strings.HasPrefix(p.pkg, no) {
				t.Errorf("vipbook links %s again (its init runs in every process)", p.pkg)
			}
		}
	}
	if len(inits) > maxInitPackages {
		t.Errorf("%d package inits run on --version, want at most %d: what new dependency came in?", len(inits), maxInitPackages)
	}
}

type initCost struct {
	pkg           string
	ms            float64
	bytes, allocs int
}

// parseInitTrace reads the lines "init PKG @T ms, N ms clock, B bytes, A
// allocs" that GODEBUG=inittrace=1 writes.
func parseInitTrace(t *testing.T, trace string) []initCost {
	var out []initCost
	sc := bufio.NewScanner(strings.NewReader(trace))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 7 || f[0] != "init" || f[6] != "clock," {
			continue
		}
		ms, err := strconv.ParseFloat(f[4], 64)
		if err != nil || f[5] != "ms" || len(f) != 11 || f[8] != "bytes," || f[10] != "allocs" {
			t.Fatalf("unreadable init trace line %q", sc.Text())
		}
		bytes, err1 := strconv.Atoi(f[7])
		allocs, err2 := strconv.Atoi(f[9])
		if err1 != nil || err2 != nil {
			t.Fatalf("unreadable init trace line %q", sc.Text())
		}
		out = append(out, initCost{pkg: f[1], ms: ms, bytes: bytes, allocs: allocs})
	}
	return out
}
