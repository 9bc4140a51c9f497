package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

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
				a.printf("%s\n", a.cat().T(i18n.CliTaskAdded, t.ID, t.Due, a.cat().TaskTitle(t), name))
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

func taskListCmd(a *App) *cobra.Command {
	var jsonOut, all bool
	var client string
	cmd := &cobra.Command{
		Use:  "list",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.withBook(true, func(b *store.Book) error {
				return b.View(func(tx *store.Tx) error {
					var ts []tasks.Task
					var err error
					switch {
					case client != "":
						s, err := resolveClient(tx, client)
						if err != nil {
							return err
						}
						ts = tx.ClientTasks(s.ID)
					case all:
						ts, err = tx.AllTasks()
					default:
						ts, err = tx.OpenTasksDueBy(civil.Date{})
					}
					if err != nil {
						return err
					}
					today := a.today()
					rows := make([]TaskRow, 0, len(ts))
					for _, t := range ts {
						if !all && !t.IsOpen() {
							continue
						}
						r := TaskRow{Task: t, Overdue: t.Overdue(today)}
						if t.ClientID != "" {
							if s, err := tx.Summary(t.ClientID); err == nil {
								r.ClientName = s.DisplayName()
							}
						}
						rows = append(rows, r)
					}
					if jsonOut {
						return a.printJSON(rows)
					}
					if len(rows) == 0 {
						a.printf("%s\n", a.cat().T(i18n.CliTaskNoneOpen))
						return nil
					}
					for _, r := range rows {
						when := r.DueOn().String()
						switch {
						case r.Overdue > 0:
							when += " " + a.cat().T(i18n.CliTaskOverdueDays, r.Overdue)
						case r.DueOn() == today:
							when += " " + a.cat().T(i18n.CliTaskToday)
						}
						a.printf("%s  %s %s %s  %s%s\n", r.ID, fill(a.cat().TaskStatus(r.Status), 9), fill(when, 26), pad(r.ClientName, 16),
							a.cat().TaskTitle(&r.Task), checklistCount(a.cat(), &r.Task))
					}
					return nil
				})
			})
		},
	}
	cmd.Flags().BoolVar(&jsonOut, "json", false, "")
	cmd.Flags().BoolVar(&all, "all", false, "")
	cmd.Flags().StringVar(&client, "client", "", "")
	return cmd
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
