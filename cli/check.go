package cli

import (
	"fmt"

	"github.com/spf13/cobra"
	"github.com/vipbook/vipbook/store"
)

// checkCommands is `vipbook check`: the whole book read and checked.
func checkCommands(a *App) []*cobra.Command { return []*cobra.Command{checkCmd(a)} }

func checkCmd(a *App) *cobra.Command {
	var jsonOut bool
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Check the whole book file for damage (read only)",
		Long: `check reads every page of the book without changing it: bbolt's consistency
check, then the book's own rules (a summary for every client, every index entry
pointing at a record, every client's note count). It says the book is sound, or
what is wrong and what to do, and exits non-zero when the book is damaged.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			rep, err := store.Check(a.BookPath)
			if err != nil {
				return err
			}
			if rep.Problems == nil {
				rep.Problems = []string{}
			}
			if jsonOut {
				if err := a.printJSON(struct {
					Sound bool `json:"sound"`
					store.Report
				}{rep.Sound(), rep}); err != nil {
					return err
				}
			} else {
				writeCheck(a, rep)
			}
			if !rep.Sound() {
				return usageErr("%s", label(a.Lang,
					fmt.Sprintf("the book at %s is damaged (%s found)", rep.Path, plural(len(rep.Problems), "problem")),
					fmt.Sprintf("%s 处的客户册已损坏（发现 %d 个问题）", rep.Path, len(rep.Problems))))
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&jsonOut, "json", false, "print the report as JSON")
	return cmd
}

// writeCheck prints a check's report as text.
func writeCheck(a *App, rep store.Report) {
	l := func(en, zh string) string { return label(a.Lang, en, zh) }
	size := sizeText(rep.Size)
	if rep.Sound() {
		if a.Lang == "zh" {
			a.printf("客户册完好：%d 位客户，%d 条备注，%d 笔购买，%d 项跟进（%s，使用 %d 页）。\n",
				rep.Clients, rep.Notes, rep.Purchases, rep.Tasks, size, rep.Pages)
		} else {
			a.printf("The book is sound: %s, %s, %s, %s (%s, %d pages in use).\n", plural(rep.Clients, "client"),
				plural(rep.Notes, "note"), plural(rep.Purchases, "purchase"), plural(rep.Tasks, "task"), size, rep.Pages)
		}
		for _, n := range rep.Notices {
			a.printf("  %s\n", n)
		}
		return
	}
	a.printf(l("The book at %s (%s) is damaged:\n", "%s 处的客户册（%s）已损坏：\n"), rep.Path, size)
	for _, p := range rep.Problems {
		a.printf("  - %s\n", p)
	}
	a.printf("\n%s\n", l(
		"What to do: leave this file as it is (keep a copy of it), and restore your latest backup:\n"+
			"  vipbook restore FILE\n"+
			"Writes made since that backup will have to be entered again.",
		"处理办法:请保留此文件原样(另存一份副本),然后恢复最近的备份:\n"+
			"  vipbook restore 文件\n"+
			"备份之后录入的内容需要重新录入。"))
}
