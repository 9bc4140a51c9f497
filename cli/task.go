package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"
	"github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
)

// taskCommands are `task add|done|snooze|cancel|list`.
func taskCommands(a *App) []*cobra.Command {
	cmd := &cobra.Command{Use: "task"}
	cmd.AddCommand(taskAddCmd(a), taskDoneCmd(a), taskSnoozeCmd(a), taskCancelCmd(a), taskReopenCmd(a), taskListCmd(a), taskShowCmd(a), taskCheckCmd(a))
	return []*cobra.Command{cmd}
}

func taskAddCmd(a *App) *cobra.Command {
	var due, kind string
	cmd := &cobra.Command{
		Use:  "add CLIENT TITLE --due D",
		Args: cobra.MinimumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			if due == "" {
				return usageErr("%s", a.cat().T(i18n.CliTaskSayDue))
			}
			d, err := a.parseDay(due, "--due")
			if err != nil {
				return err
			}
			k, err := tasks.ParseKind(kind)
			if err != nil {
				return a.badChoice("--kind", kind, names(tasks.Kinds)...)
			}
			return a.withWritable(func(b *book.Book) error {
				t := &tasks.Task{Title: strings.Join(args[1:], " "), Kind: k, Due: d, Origin: "manual"}
				name := ""
				if args[0] != "-" {
					s, err := a.resolve(b, args[0])
					if err != nil {
						return err
					}
					t.ClientID, name = s.ID, s.DisplayName()
				}
				if err := b.AddTask(t); err != nil {
					return err
				}
				title := a.cat().TaskTitle(t)
				if name != "" { // a follow-up of no client (-) names none
					title = a.cat().Aside(title, name)
				}
				a.printf("%s\n", a.cat().T(i18n.CliTaskAdded, t.ID, t.Due, title))
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&due, "due", "", "")
	cmd.Flags().StringVar(&kind, "kind", "custom", "")
	return cmd
}

// changeTask runs one of the book's task use cases on the open book.
func changeTask(a *App, change func(b *book.Book) (tasks.Task, error)) (tasks.Task, error) {
	var t tasks.Task
	err := a.withWritable(func(b *book.Book) error {
		var err error
		t, err = change(b)
		return err
	})
	return t, err
}

func taskDoneCmd(a *App) *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:  "done ID",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			tick := (*book.Book).TickTask
			if force {
				tick = (*book.Book).ForceTick
			}
			t, err := changeTask(a, func(b *book.Book) (tasks.Task, error) { return tick(b, args[0]) })
			var open *book.StepsOpenError
			if errors.As(err, &open) {
				return fmt.Errorf("%s\n%s", a.cat().Error(err), a.cat().T(i18n.CliTaskForceHint, open.TaskID))
			}
			if err == nil {
				a.printf("%s\n", a.cat().T(i18n.CliTaskDone, a.cat().TaskTitle(&t)))
			}
			return err
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "")
	return cmd
}

func taskReopenCmd(a *App) *cobra.Command {
	return &cobra.Command{
		Use:  "reopen ID",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			t, err := changeTask(a, func(b *book.Book) (tasks.Task, error) { return b.ReopenTask(args[0]) })
			if err == nil {
				a.printf("%s\n", a.cat().T(i18n.CliTaskOpenAgain, a.cat().TaskTitle(&t)))
			}
			return err
		},
	}
}

func taskSnoozeCmd(a *App) *cobra.Command {
	var until string
	cmd := &cobra.Command{
		Use:  "snooze ID --until D",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if until == "" {
				return usageErr("%s", a.cat().T(i18n.CliTaskSayUntil))
			}
			d, err := a.parseDay(until, "--until")
			if err != nil {
				return err
			}
			t, err := changeTask(a, func(b *book.Book) (tasks.Task, error) { return b.SnoozeTask(args[0], d) })
			if err == nil {
				a.printf("%s\n", a.cat().T(i18n.CliTaskSnoozed, d, a.cat().TaskTitle(&t)))
			}
			return err
		},
	}
	cmd.Flags().StringVar(&until, "until", "", "")
	return cmd
}

func taskCancelCmd(a *App) *cobra.Command {
	return &cobra.Command{
		Use:  "cancel ID",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			t, err := changeTask(a, func(b *book.Book) (tasks.Task, error) { return b.CancelTask(args[0]) })
			if err == nil {
				a.printf("%s\n", a.cat().T(i18n.CliTaskCancelled, a.cat().TaskTitle(&t)))
			}
			return err
		},
	}
}

// TaskRow is one line of `task list`.
type TaskRow struct {
	tasks.Task
	ClientName string `json:"client_name,omitempty"`
	Overdue    int    `json:"overdue_days,omitempty"`
}

// taskListDays is how many days ahead `task list` lists unless told.
const taskListDays = 7

func taskListCmd(a *App) *cobra.Command {
	var jsonOut, all bool
	var client string
	var days int
	cmd := &cobra.Command{
		Use:  "list",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if days < 0 {
				return usageErr("%s", a.cat().T(i18n.CliTaskDaysNegative, days))
			}
			return a.withBook(true, func(b *store.Book) error {
				return b.View(func(tx *store.Tx) error {
					switch {
					case client != "" || all:
						return listTasks(a, tx, client, all, jsonOut)
					case jsonOut:
						// Every open task unless --days says how far.
						until := civil.Date{}
						if cmd.Flags().Changed("days") {
							until = a.today().AddDays(days)
						}
						return listOpenJSON(a, tx, until)
					}
					return listAgenda(a, tx, days)
				})
			})
		},
	}
	cmd.Flags().BoolVar(&jsonOut, "json", false, "")
	cmd.Flags().BoolVar(&all, "all", false, "")
	cmd.Flags().StringVar(&client, "client", "", "")
	cmd.Flags().IntVar(&days, "days", taskListDays, "")
	return cmd
}

// listTasks prints a client's tasks (--client) or every task of the book
// (--all), open ones first by due day; closed ones only with --all.
func listTasks(a *App, tx *store.Tx, client string, all, jsonOut bool) error {
	var ts []tasks.Task
	if client != "" {
		s, err := resolveClient(tx, client)
		if err != nil {
			return err
		}
		ts = tx.ClientTasks(s.ID)
	} else {
		var err error
		if ts, err = tx.AllTasks(); err != nil {
			return err
		}
	}
	today := a.today()
	names := clientNames{tx: tx}
	rows := make([]TaskRow, 0, len(ts))
	for _, t := range ts {
		if !all && !t.IsOpen() {
			continue
		}
		rows = append(rows, TaskRow{Task: t, Overdue: t.Overdue(today), ClientName: names.of(t.ClientID)})
	}
	if jsonOut {
		return a.printJSON(rows)
	}
	if len(rows) == 0 {
		a.printf("%s\n", a.cat().T(i18n.CliTaskNoneOpen))
		return nil
	}
	w := bufio.NewWriterSize(a.Stdout, 64<<10)
	cols := a.lineWidth()
	for i := range rows {
		writeTaskRow(w, a.cat(), today, &rows[i], cols, false)
	}
	return w.Flush()
}

// listOpenJSON prints the open tasks due on or before until (zero: every
// one) as JSON, earliest first.
func listOpenJSON(a *App, tx *store.Tx, until civil.Date) error {
	today := a.today()
	names := clientNames{tx: tx}
	rows := []TaskRow{}
	err := tx.EachOpenTask(until, func(t *tasks.Task) error {
		rows = append(rows, TaskRow{Task: *t, Overdue: t.Overdue(today), ClientName: names.of(t.ClientID)})
		return nil
	})
	if err != nil {
		return err
	}
	return a.printJSON(rows)
}

// listAgenda prints the open follow-ups as an associate works through
// them: the overdue ones, today's, then those of the next days, each
// under a heading with its count, and a count of the later ones with the
// command that lists them. It reads the due index in order and decodes
// only the tasks it prints, writing each line as it goes.
func listAgenda(a *App, tx *store.Tx, days int) error {
	cat := a.cat()
	today := a.today()
	until := today.AddDays(days)
	n := tx.CountOpenTasks(today, until)
	if n.Open() == 0 {
		a.printf("%s\n", cat.T(i18n.CliTaskNoneOpen))
		return nil
	}
	w := bufio.NewWriterSize(a.Stdout, 64<<10)
	names := clientNames{tx: tx}
	cols := a.lineWidth()
	section := -1 // 0 overdue, 1 today, 2 ahead
	heading := func(s int) {
		if section >= 0 {
			w.WriteString("\n")
		}
		section = s
		switch s {
		case 0:
			w.WriteString(cat.T(i18n.CliTaskHeadOverdue, n.Overdue))
		case 1:
			w.WriteString(cat.T(i18n.CliTaskHeadToday, n.Today))
		default:
			w.WriteString(cat.N(i18n.CliTaskHeadAhead, days, days, n.Ahead))
		}
		w.WriteString("\n")
	}
	err := tx.EachOpenTask(until, func(t *tasks.Task) error {
		s := 2
		if due := t.DueOn(); due.Before(today) {
			s = 0
		} else if due == today {
			s = 1
		}
		if s != section {
			heading(s)
		}
		r := TaskRow{Task: *t, Overdue: t.Overdue(today), ClientName: names.of(t.ClientID)}
		writeTaskRow(w, cat, today, &r, cols, true)
		return nil
	})
	if err != nil {
		return err
	}
	if n.Later > 0 {
		if section >= 0 {
			w.WriteString("\n")
		}
		w.WriteString(cat.N(i18n.CliTaskLater, n.Later, n.Later, n.Last, today.DaysUntil(n.Last)))
		w.WriteString("\n")
	}
	return w.Flush()
}

// writeTaskRow writes one line of `task list`, at most cols cells wide:
// id, status (in the agenda, of open ones, only a snoozed one's, beside
// its day), when (with how many days overdue, or today), client, and
// title with its steps, the title cut to the cells left (a Chinese
// character takes two) so that the line does not wrap.
func writeTaskRow(w io.Writer, cat *i18n.Catalog, today civil.Date, r *TaskRow, cols int, agenda bool) {
	when := r.DueOn().String()
	switch {
	case r.Overdue > 0:
		when = cat.Beside(when, cat.T(i18n.CliTaskOverdueDays, r.Overdue))
	case r.DueOn() == today:
		when = cat.Beside(when, cat.T(i18n.CliTaskToday))
	}
	head := r.ID + "  "
	steps := checklistCount(cat, &r.Task)
	if agenda {
		// Open, or snoozed: a snoozed one says so beside its day, or
		// after its title when the day's column has no room.
		if r.Status != tasks.Open {
			if marked := cat.Beside(when, cat.Paren(cat.TaskStatus(r.Status))); width(marked) <= 25 {
				when = marked
			} else {
				steps = cat.Aside(steps, cat.TaskStatus(r.Status))
			}
		}
	} else {
		// The status as wide as the language's widest word for it.
		sw := 0
		for _, st := range []tasks.Status{tasks.Open, tasks.Snoozed, tasks.Done, tasks.Cancelled} {
			sw = max(sw, width(cat.TaskStatus(st)))
		}
		head += fill(cat.TaskStatus(r.Status), sw) + " "
	}
	head += fill(when, 25) + " " + pad(r.ClientName, 16) + "  "
	title := cat.TaskTitle(&r.Task)
	if room := max(12, cols-width(head)-width(steps)); width(title) > room {
		title = ansi.Truncate(title, room, "...")
	}
	fmt.Fprintf(w, "%s%s%s\n", head, title, steps)
}

// lineWidth is how many cells a line of a list may take: the terminal's
// width when stdout is one; otherwise (a pipe, a file, a test) $COLUMNS
// when it is a number, as other commands take it, else 80.
func (a *App) lineWidth() int {
	if f, ok := terminalFile(a.Stdout); ok {
		if w, _, err := term.GetSize(f.Fd()); err == nil && w > 0 {
			return w
		}
	}
	if w, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && w > 0 {
		return w
	}
	return 80
}

// clientNames names the clients of many rows, each read once.
type clientNames struct {
	tx   *store.Tx
	seen map[string]string
}

func (c *clientNames) of(id string) string {
	if id == "" {
		return ""
	}
	if name, ok := c.seen[id]; ok {
		return name
	}
	if c.seen == nil {
		c.seen = make(map[string]string)
	}
	name := c.tx.ClientName(id)
	c.seen[id] = name
	return name
}

// checklistCount returns " [2/8 steps]" for a task with a checklist.
func checklistCount(cat *i18n.Catalog, t *tasks.Task) string {
	if len(t.Checklist) == 0 {
		return ""
	}
	n := 0
	for _, c := range t.Checklist {
		if c.Done {
			n++
		}
	}
	return cat.T(i18n.CliTaskSteps, n, len(t.Checklist))
}

// writeChecklist prints a task's checklist, numbered, each step ticked or not.
func writeChecklist(w io.Writer, cat *i18n.Catalog, indent string, t *tasks.Task) {
	for i, c := range t.Checklist {
		mark := "[ ]"
		if c.Done {
			mark = "[x]"
		}
		fmt.Fprintf(w, "%s%s %d. %s\n", indent, mark, i+1, cat.CheckItem(c))
	}
}

func taskShowCmd(a *App) *cobra.Command {
	return &cobra.Command{
		Use:  "show ID",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withBook(true, func(b *store.Book) error {
				return b.View(func(tx *store.Tx) error {
					t, err := tx.Task(args[0])
					if err != nil {
						return usageErr("%s", a.cat().T(i18n.CliTaskNoTask, args[0]))
					}
					name := ""
					if s, err := tx.Summary(t.ClientID); err == nil {
						name = s.DisplayName()
					}
					cat := a.cat()
					a.printf("%s  %s\n", t.ID, cat.TaskTitle(&t))
					for _, f := range [][2]string{{cat.T(i18n.CliTaskClient), orDash(name)}, {cat.T(i18n.CliTaskKind), cat.TaskKind(t.Kind)},
						{cat.T(i18n.CliTaskDue), t.DueOn().String()}, {cat.T(i18n.CliTaskStatus), cat.TaskStatus(t.Status)}} {
						a.printf("  %s %s\n", fill(f[0], 8), f[1])
					}
					if t.Note != "" {
						a.printf("  %s %s\n", fill(a.cat().T(i18n.CliTaskNote), 8), strings.ReplaceAll(a.cat().TaskNote(t.Note), "\n", "\n           "))
					}
					if len(t.Checklist) > 0 {
						a.printf("  %s%s\n", a.cat().T(i18n.CliTaskChecklist), checklistCount(a.cat(), &t))
						writeChecklist(a.Stdout, a.cat(), "    ", &t)
					}
					return nil
				})
			})
		},
	}
}

func taskCheckCmd(a *App) *cobra.Command {
	var undo bool
	cmd := &cobra.Command{
		Use:  "check ID STEP...",
		Args: cobra.MinimumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			t, err := changeTask(a, func(b *book.Book) (tasks.Task, error) { return b.CheckSteps(args[0], args[1:], !undo) })
			if err == nil {
				a.printf("%s%s\n", a.cat().TaskTitle(&t), checklistCount(a.cat(), &t))
				writeChecklist(a.Stdout, a.cat(), "  ", &t)
			}
			return err
		},
	}
	cmd.Flags().BoolVar(&undo, "undo", false, "")
	return cmd
}
