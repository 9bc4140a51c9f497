package tui

import (
	"runtime"
	"strings"
	"sync"

	tea "charm.land/bubbletea/v2"
)

// crashSite records the first panic caught by the guard: the function it
// happened in.
type crashSite struct {
	mu   sync.Mutex
	site string
	hit  bool
	quit func() // ends the program (Program.Quit); set once it exists
}

// record notes a panic that is being recovered; it names the function
// from the panicking goroutine's stack.
func (c *crashSite) record(site string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.hit {
		c.site, c.hit = site, true
	}
}

func (c *crashSite) get() (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.site, c.hit
}

// guard wraps the root model: a panic in its Init, Update or View, or in a
// command it returns, is recovered here, where it happened, and ends the
// program the ordinary way (the terminal is restored). Bubble Tea's own
// recovery would print the panic's value, which may hold what the
// associate typed about a client.
type guard struct {
	inner tea.Model
	crash *crashSite
}

func (g guard) Init() (cmd tea.Cmd) {
	defer func() {
		if r := recover(); r != nil {
			g.crash.record(panicSite())
			cmd = tea.Quit
		}
	}()
	return g.crash.wrap(g.inner.Init())
}

func (g guard) Update(msg tea.Msg) (m tea.Model, cmd tea.Cmd) {
	if _, failed := g.crash.get(); failed {
		return g, tea.Quit
	}
	defer func() {
		if r := recover(); r != nil {
			g.crash.record(panicSite())
			m, cmd = g, tea.Quit
		}
	}()
	next, c := g.inner.Update(msg)
	return guard{inner: next, crash: g.crash}, g.crash.wrap(c)
}

func (g guard) View() (v tea.View) {
	if _, failed := g.crash.get(); failed {
		return tea.NewView("")
	}
	defer func() {
		if r := recover(); r != nil {
			g.crash.record(panicSite())
			if q := g.crash.quit; q != nil {
				go q() // View runs on the program's loop: do not block it
			}
			v = tea.NewView("")
		}
	}()
	return g.inner.View()
}

// wrap returns cmd guarded: a panic in it is recorded and quits the
// program. The commands of a batch it answers are guarded too. The app
// makes no tea.Sequence (its message is unexported: its commands could not
// be wrapped); the forms start with a batch (formScreen.Init), and the test
// harness fails on a sequence.
func (c *crashSite) wrap(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				c.record(panicSite())
				msg = tea.QuitMsg{}
			}
		}()
		msg = cmd()
		switch m := msg.(type) {
		case tea.BatchMsg:
			out := make(tea.BatchMsg, len(m))
			for i, cm := range m {
				out[i] = c.wrap(cm)
			}
			return out
		case nil:
			return nil
		}
		return msg
	}
}

// panicSite names the function that panicked, from the stack of the
// goroutine recovering it (called in the deferred function): the first
// frame after the runtime's panic machinery. Only the function's name and
// line are taken, never a value.
func panicSite() string {
	pcs := make([]uintptr, 64)
	n := runtime.Callers(2, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	inPanic := false
	for {
		f, more := frames.Next()
		switch {
		case f.Function == "runtime.gopanic" || f.Function == "runtime.panic":
			inPanic = true
		case inPanic && !strings.HasPrefix(f.Function, "runtime."):
			return shortFunc(f.Function)
		}
		if !more {
			break
		}
	}
	return "?"
}

// shortFunc drops the module path of a function's name:
// "github.com/vipbook/vipbook/tui.Model.Update" is "tui.Model.Update".
func shortFunc(name string) string {
	if i := strings.LastIndex(name, "/"); i >= 0 {
		name = name[i+1:]
	}
	return name
}
