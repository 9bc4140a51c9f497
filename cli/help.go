package cli

import (
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/vipbook/vipbook/i18n"
)

// langOf returns the language a run speaks: --lang when given (also read
// from args, for the errors cobra meets before it has parsed the flags),
// else the App's, else the locale's.
func langOf(a *App, langFlag string, args []string) string {
	switch {
	case langFlag == "en" || langFlag == "zh":
		return langFlag
	case a.Lang != "":
		return a.Lang
	}
	if l := langArg(args); l != "" {
		return l
	}
	return DetectLang()
}

// langArg finds --lang in a command line before it is parsed ("" when
// absent or not a language).
func langArg(args []string) string {
	for i, s := range args {
		v, ok := strings.CutPrefix(s, "--lang=")
		if !ok && s == "--lang" && i+1 < len(args) {
			v, ok = args[i+1], true
		}
		if ok && (v == "en" || v == "zh") {
			return v
		}
	}
	return ""
}

// localize puts the help of every command and flag under root in cat's
// language, from i18n's help tables: the commands hold no help text of
// their own.
func localize(root *cobra.Command, cat *i18n.Catalog) {
	var walk func(cmd *cobra.Command)
	walk = func(cmd *cobra.Command) {
		cmd.InitDefaultHelpFlag()
		if cmd == root && root.Version != "" {
			cmd.InitDefaultVersionFlag()
		}
		path := cmd.CommandPath()
		if s, ok := cat.Help(path, ".short"); ok {
			cmd.Short = s
		}
		if s, ok := cat.Help(path, ".long"); ok {
			cmd.Long = s
		}
		if s, ok := cat.Help(path, ".example"); ok {
			cmd.Example = s
		}
		cmd.LocalFlags().VisitAll(func(f *pflag.Flag) {
			at := path
			if f.Name == "help" || f.Name == "version" {
				at = root.Name()
			}
			if s, ok := cat.Help(at, " --"+f.Name); ok {
				f.Usage = s
			}
		})
		for _, c := range cmd.Commands() {
			walk(c)
		}
	}
	walk(root)
}

// wordRefusals makes cobra's own refusals (wrong arguments, bad flags) of
// every command under root speak the language cat gives when they happen.
func wordRefusals(root *cobra.Command, cat func() *i18n.Catalog) {
	var walk func(cmd *cobra.Command)
	walk = func(cmd *cobra.Command) {
		if args := cmd.Args; args != nil {
			cmd.Args = func(c *cobra.Command, got []string) error {
				if err := args(c, got); err != nil {
					if !c.HasParent() && len(got) > 0 {
						return usageErr("%s", cat().T(i18n.CliUnknownCommand, got[0]))
					}
					k := cat()
					use := strings.Replace(c.UseLine(), "[flags]", "["+k.T(i18n.CliHelpFlagsWord)+"]", 1)
					return usageErr("%s", k.T(i18n.CliArgsWrong, len(got), use))
				}
				return nil
			}
		}
		for _, c := range cmd.Commands() {
			walk(c)
		}
	}
	walk(root)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageErr("%s", flagError(cat(), c, err))
	})
}

// badFlagValue matches pflag's words for a value a flag cannot take.
var badFlagValue = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^invalid argument "(.*)" for "(.*?)" flag: (.*)$`)
})

// flagError words pflag's refusal of a flag.
func flagError(cat *i18n.Catalog, c *cobra.Command, err error) string {
	msg := err.Error()
	path := c.CommandPath()
	switch {
	case strings.HasPrefix(msg, "unknown flag: "):
		return cat.T(i18n.CliFlagUnknown, strings.TrimPrefix(msg, "unknown flag: "), path)
	case strings.HasPrefix(msg, "unknown shorthand flag: "):
		// pflag: unknown shorthand flag: '5' in -5
		letter, arg, _ := strings.Cut(strings.TrimPrefix(msg, "unknown shorthand flag: "), " in ")
		if _, err := strconv.ParseFloat(arg, 64); err == nil {
			return cat.T(i18n.CliFlagNegative, arg, path)
		}
		return cat.T(i18n.CliFlagUnknown, "-"+strings.Trim(letter, "'"), path)
	case strings.HasPrefix(msg, "flag needs an argument: "):
		return cat.T(i18n.CliFlagNeedsValue, strings.TrimPrefix(msg, "flag needs an argument: "), path)
	}
	// pflag: invalid argument "x" for "--days" flag: strconv.ParseInt: ...
	if m := badFlagValue().FindStringSubmatch(msg); m != nil {
		flag, value := m[2], m[1]
		if i := strings.LastIndex(flag, "--"); i >= 0 {
			flag = flag[i:] // "-d, --days": the long name
		}
		if strings.Contains(m[3], "strconv.Parse") && !strings.Contains(m[3], "ParseBool") {
			return cat.T(i18n.CliFlagNotNumber, flag, value, path)
		}
		return cat.T(i18n.CliFlagBadValueOf, flag, value, path)
	}
	return cat.T(i18n.CliFlagBadValue, msg, path)
}

// writeHelp prints a command's help in cat's language: its description,
// how to call it, its examples, subcommands and flags.
func writeHelp(w io.Writer, cmd *cobra.Command, cat *i18n.Catalog) {
	desc := cmd.Long
	if desc == "" {
		desc = cmd.Short
	}
	if desc != "" {
		fmt.Fprintf(w, "%s\n\n", strings.TrimRight(desc, "\n"))
	}
	fmt.Fprintln(w, cat.T(i18n.CliHelpUsage))
	flagsWord := "[" + cat.T(i18n.CliHelpFlagsWord) + "]"
	if cmd.Runnable() {
		fmt.Fprintf(w, "  %s\n", strings.Replace(cmd.UseLine(), "[flags]", flagsWord, 1))
	}
	subs := visibleCommands(cmd)
	if len(subs) > 0 {
		fmt.Fprintf(w, "  %s [%s]\n", cmd.CommandPath(), cat.T(i18n.CliHelpCommandWord))
	}
	if len(cmd.Aliases) > 0 {
		fmt.Fprintf(w, "\n%s\n  %s\n", cat.T(i18n.CliHelpAliases), cmd.NameAndAliases())
	}
	if cmd.Example != "" {
		fmt.Fprintf(w, "\n%s\n%s\n", cat.T(i18n.CliHelpExamples), cmd.Example)
	}
	if len(subs) > 0 {
		fmt.Fprintf(w, "\n%s\n", cat.T(i18n.CliHelpCommands))
		wide := 0
		for _, c := range subs {
			wide = max(wide, len(c.Name()))
		}
		for _, c := range subs {
			fmt.Fprintf(w, "  %-*s  %s\n", wide, c.Name(), c.Short)
		}
	}
	if fs := cmd.LocalFlags(); fs.HasAvailableFlags() {
		fmt.Fprintf(w, "\n%s\n%s", cat.T(i18n.CliHelpFlags), flagLines(fs, cat))
	}
	if fs := cmd.InheritedFlags(); fs.HasAvailableFlags() {
		fmt.Fprintf(w, "\n%s\n%s", cat.T(i18n.CliHelpGlobalFlags), flagLines(fs, cat))
	}
	if len(subs) > 0 {
		fmt.Fprintf(w, "\n%s\n", cat.T(i18n.CliHelpMore, cmd.CommandPath()))
	}
}

// visibleCommands are cmd's subcommands a person may call (and help).
func visibleCommands(cmd *cobra.Command) []*cobra.Command {
	var out []*cobra.Command
	for _, c := range cmd.Commands() {
		if c.IsAvailableCommand() || c.Name() == "help" {
			out = append(out, c)
		}
	}
	return out
}

// flagLines lists flags one a line: the flag, the kind of value it takes,
// what it does and its default.
func flagLines(fs *pflag.FlagSet, cat *i18n.Catalog) string {
	type row struct{ left, usage string }
	var rows []row
	wide := 0
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		left := "    --" + f.Name
		if f.Shorthand != "" {
			left = "-" + f.Shorthand + ", --" + f.Name
		}
		switch f.Value.Type() {
		case "bool":
		case "int", "int64", "uint", "uint64", "float64", "count":
			left += " " + cat.T(i18n.CliHelpTypeNumber)
		default:
			left += " " + cat.T(i18n.CliHelpTypeText)
		}
		usage := f.Usage
		if d := f.DefValue; d != "" && d != "false" && d != "0" && d != "[]" {
			usage = cat.Beside(usage, cat.T(i18n.CliHelpDefault, d))
		}
		rows = append(rows, row{left, usage})
		wide = max(wide, widthOf(left))
	})
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&b, "  %s%s  %s\n", r.left, strings.Repeat(" ", wide-widthOf(r.left)), r.usage)
	}
	return b.String()
}

// showsHelp reports whether the command line args may print help text
// (the commands' and flags' descriptions): a help flag or command, fang's
// man page, a shell completion, or a command that only groups others. Only
// then does Execute put the help in the run's language (localize): walking
// the whole tree costs every other command about a millisecond. A false
// yes (a client named "help") only costs that millisecond.
func showsHelp(root *cobra.Command, args []string) bool {
	cmd, _, err := root.Find(args)
	if err != nil || !cmd.Runnable() {
		return true
	}
	for _, s := range args {
		switch {
		case s == "--help", strings.HasPrefix(s, "--help="),
			s == "help", s == "man", s == "completion",
			strings.HasPrefix(s, cobra.ShellCompRequestCmd), // __complete, __completeNoDesc
			strings.HasPrefix(s, "-") && !strings.HasPrefix(s, "--") && strings.ContainsRune(s, 'h'):
			return true
		}
	}
	return false
}

// installHelp makes every command's help, argument check and flag errors
// speak the run's language, decided when cobra calls them.
func installHelp(root *cobra.Command, a *App, langFlag *string) {
	cat := func() *i18n.Catalog { return i18n.New(langOf(a, *langFlag, os.Args[1:])) }
	wordRefusals(root, cat)
	root.SetHelpFunc(func(cmd *cobra.Command, _ []string) {
		c := cat()
		cmd.Root().InitDefaultHelpCmd()
		cmd.Root().InitDefaultCompletionCmd()
		localize(cmd.Root(), c)
		writeHelp(cmd.OutOrStdout(), cmd, c)
	})
}
