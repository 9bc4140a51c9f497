package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"

	"charm.land/fang/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/internal/termsafe"
)

// Execute runs the command line with args and returns the error it printed.
func Execute(ctx context.Context, args []string, version string) error {
	a := &App{Now: time.Now, Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Version: version}
	root := NewRoot(a)
	root.SetArgs(args)
	defer a.flushStreams()
	lang := langOf(a, "", args)
	if showsHelp(root, args) {
		localize(root, i18n.New(lang))
	}
	if lang == i18n.Chinese {
		return executePlain(ctx, root, version)
	}
	return fang.Execute(ctx, root, fang.WithVersion(version), fang.WithNotifySignal(os.Interrupt), fang.WithErrorHandler(printError))
}

// executePlain runs the command line without fang, whose headings (help,
// errors) are English: for a Chinese run, whose help and errors are all
// worded by the catalog.
func executePlain(ctx context.Context, root *cobra.Command, version string) error {
	root.Version = version
	root.SetVersionTemplate("{{.Name}} {{.Version}}\n")
	ctx, cancel := signal.NotifyContext(ctx, os.Interrupt)
	defer cancel()
	err := root.ExecuteContext(ctx)
	if err != nil {
		fmt.Fprintln(root.ErrOrStderr(), "vipbook: "+termsafe.Text(err.Error()))
	}
	return err
}

// printError writes an error to stderr: plain when stderr is not a
// terminal (scripts read it), with fang's heading otherwise. The message is
// printed as written, so a list of candidates keeps its lines, with its
// control characters made visible (it may name a client).
func printError(w io.Writer, styles fang.Styles, err error) {
	err = errors.New(termsafe.Text(err.Error()))
	if f, ok := w.(interface{ Fd() uintptr }); ok && term.IsTerminal(f.Fd()) {
		fmt.Fprintln(w, styles.ErrorHeader.String())
		fmt.Fprintln(w, styles.ErrorText.UnsetWidth().Render(err.Error()))
		fmt.Fprintln(w)
		return
	}
	fmt.Fprintln(w, "vipbook: "+err.Error())
}

// NewRoot builds the command tree around a; tests call it with their own
// App (pinned clock, buffers for the streams).
func NewRoot(a *App) *cobra.Command {
	var bookFlag, langFlag, configFlag string
	root := &cobra.Command{
		Use:           "vipbook",
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.NoArgs,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			a.BookPath = bookFlag
			if a.BookPath == "" {
				a.BookPath = DefaultBookPath()
			}
			switch langFlag {
			case "":
				a.Lang = DetectLang()
			case "en", "zh":
				a.Lang = langFlag
			default:
				return userError{say(DetectLang(), i18n.UsageLang, langFlag)}
			}
			if a.Stdout == nil {
				a.Stdout = cmd.OutOrStdout()
			}
			if a.Stderr == nil {
				a.Stderr = cmd.ErrOrStderr()
			}
			if a.Stdin == nil {
				a.Stdin = io.Reader(os.Stdin)
			}
			if a.Now == nil {
				a.Now = time.Now
			}
			if configFlag != "" {
				a.ConfigPath = configFlag
			}
			a.loadConfigOnce()
			a.sanitiseStreams()
			return nil
		},
		RunE: func(cmd *cobra.Command, _ []string) error { return runTUI(a, cmd) },
	}
	root.PersistentFlags().StringVar(&bookFlag, "book", "", "")
	root.PersistentFlags().StringVar(&langFlag, "lang", "", "")
	root.PersistentFlags().StringVar(&configFlag, "config", "", "")
	root.AddCommand(bookCommands(a)...)
	root.AddCommand(profileCommands(a)...)
	root.AddCommand(taskCommands(a)...)
	root.AddCommand(briefCommands(a)...)
	root.AddCommand(demoCommands(a)...)
	root.AddCommand(engineCommands(a)...)
	root.AddCommand(reportCommands(a)...)
	root.AddCommand(interchangeCommands(a)...)
	root.AddCommand(handoverCommands(a)...)
	root.AddCommand(checkCommands(a)...)
	root.AddCommand(backupCommands(a)...)
	root.AddCommand(privacyCommands(a)...)
	root.AddCommand(syncCommands(a)...)
	root.AddCommand(mergeCmd(a))
	root.AddCommand(chainCommand(a))
	attachChainSync(root, a) // last: the chain command may be made above
	installHelp(root, a, &langFlag)
	saySaid(root, a)
	return root
}

// saySaid makes every command's error speak the interface language: an
// error that carries its catalog words (a book's, an import's refusal), or
// a store's refusal to open the book, is worded by App.said wherever in
// the command it was returned.
func saySaid(cmd *cobra.Command, a *App) {
	if run := cmd.RunE; run != nil {
		cmd.RunE = func(c *cobra.Command, args []string) error { return a.said(run(c, args)) }
	}
	for _, c := range cmd.Commands() {
		saySaid(c, a)
	}
}
