// Package cli is the command line of an assetgen pipeline. A pipeline's
// main package hands its definitions to Main:
//
//	func main() {
//		cli.Main(runtime.Definitions{
//			Assets:     birds.Assets(),
//			IOManagers: map[string]runtime.IOManager{"io_manager": fs.New("data")},
//		})
//	}
//
// and the binary gets the commands list, materialize, graph, status,
// partitions, dynamic, runs, serve, daemon, automation and help:
//
//	pipeline list
//	pipeline materialize --select '+combined_data' -j 4
//	pipeline graph --format dot | dot -Tsvg > graph.svg
//	pipeline status                        # which assets are stale, and why
//	pipeline materialize --stale           # only those, and what they need
//	pipeline runs                          # the recorded runs, newest first
//	pipeline runs show RUN_ID              # one run's steps
//	pipeline materialize --from-failure RUN_ID
//	pipeline materialize --partition-range 2024-01-01...2024-01-31
//	pipeline partitions raw                # the state of each partition
//	pipeline dynamic add customers acme    # a key of dynamic partitions
//	pipeline daemon                        # schedules, sensors, conditions (see WithAutomation)
//	pipeline automation pause daily        # list, pause and resume them
//
// Every materialize records its run in the run history (package history)
// unless given --no-history or --dry-run: in the directory or PostgreSQL
// database that --history names, else $ASSETGEN_HISTORY, else
// $ASSETGEN_HOME, else .assetgen in the working directory. The recorder
// is flushed and closed before materialize exits, also after an
// interrupt. A history that cannot be opened (a corrupt file, a newer
// schema) stops materialize with status 1 before anything runs.
//
// Conventions: -h or --help on every command prints its usage on stdout
// and exits 0; a usage error prints the problem and the usage on stderr
// and exits 2; results go to stdout, logs and progress to stderr.
//
// Exit status of materialize: 0 when every step succeeded, 1 when any
// step failed, was skipped or was canceled (or the run could not start),
// 2 on a usage error (a bad flag or selection). When SIGINT or SIGTERM
// interrupts a run, running steps see their context cancelled, the
// summary shows what was done, and the status is 128 plus the signal's
// number (130 for SIGINT, 143 for SIGTERM); a second signal exits at once
// with that status, after recording the run as canceled in the history.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/assetgen/assetgen/automation"
	"github.com/assetgen/assetgen/internal/suggest"
	"github.com/assetgen/assetgen/runtime"
)

// Exit statuses.
const (
	exitOK        = 0
	exitFailed    = 1
	exitUsage     = 2
	exitInterrupt = 130 // 128 + SIGINT, when the cause is not known
)

// Main runs the command line on os.Args and exits with its status. The
// first SIGINT or SIGTERM cancels the context of the command (a running
// materialization stops its steps and reports what was done); a second one
// exits at once, after recording the run as canceled (waiting at most two
// seconds for the history).
//
// Before it exits, on every path (a command's end, a usage error, after
// an interrupt, and at a second interrupt, waiting at most two seconds
// there), Main closes the I/O managers of defs that implement io.Closer,
// so that a DuckDB file holds all its data and not only its write-ahead
// log; a close that fails is reported, and turns status 0 into 1.
func Main(defs runtime.Definitions, opts ...Option) {
	ctx, cancel := context.WithCancelCause(context.Background())
	c := newCloser(&defs, os.Stderr)
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		s := <-sigs
		cancel(&interrupt{signal: s})
		s = <-sigs
		fmt.Fprintf(os.Stderr, "\n%s: %v again: exiting at once, without waiting for the running steps\n", progName(), s)
		beforeExit.Lock()
		fns := make([]func(), 0, len(beforeExit.fns))
		for _, fn := range beforeExit.fns {
			fns = append(fns, fn)
		}
		beforeExit.Unlock()
		var wg sync.WaitGroup
		for _, fn := range fns {
			wg.Go(fn)
		}
		wg.Wait()
		c.close(closeTimeout)
		os.Exit(signalStatus(s))
	}()
	code := Run(ctx, defs, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, opts...)
	if !c.close(0) && code == exitOK {
		code = exitFailed
	}
	os.Exit(code)
}

// closeTimeout bounds how long a second interrupt waits for the I/O
// managers to close.
const closeTimeout = 2 * time.Second

// closer closes the I/O managers of a process once.
type closer struct {
	managers []io.Closer
	names    []string
	stderr   io.Writer
	once     sync.Once
	done     chan struct{}
	ok       bool // every close succeeded; read after done
}

// newCloser returns the closer of defs' I/O managers that implement
// io.Closer, each once (one manager may serve several keys).
func newCloser(defs *runtime.Definitions, stderr io.Writer) *closer {
	c := &closer{stderr: stderr, done: make(chan struct{}), ok: true}
	seen := map[io.Closer]bool{}
	for _, name := range sortedKeys(defs.IOManagers) {
		m, ok := defs.IOManagers[name].(io.Closer)
		if !ok {
			continue
		}
		if reflect.TypeOf(m).Comparable() {
			if seen[m] {
				continue
			}
			seen[m] = true
		}
		c.managers = append(c.managers, m)
		c.names = append(c.names, name)
	}
	return c
}

// close closes the managers, once, and waits until they are closed, or at
// most timeout when it is positive. It reports whether every close
// returned without error in time.
func (c *closer) close(timeout time.Duration) bool {
	c.once.Do(func() {
		go func() {
			defer close(c.done)
			for i, m := range c.managers {
				if err := m.Close(); err != nil {
					fmt.Fprintf(c.stderr, "%s: closing I/O manager %q: %v\n", progName(), c.names[i], err)
					c.ok = false
				}
			}
		}()
	})
	if timeout <= 0 {
		<-c.done
		return c.ok
	}
	select {
	case <-c.done:
		return c.ok
	case <-time.After(timeout):
		fmt.Fprintf(c.stderr, "%s: I/O managers not closed after %s\n", progName(), timeout)
		return false
	}
}

// beforeExit is what a second signal does before it exits: record the
// interrupted runs as canceled, while materialize runs (several at once
// under serve).
var beforeExit struct {
	sync.Mutex
	fns  map[int]func()
	next int
}

// atExit adds fn to what a second signal does before it exits, at the
// same time as the others, and returns the function that removes it.
func atExit(fn func()) (remove func()) {
	beforeExit.Lock()
	defer beforeExit.Unlock()
	if beforeExit.fns == nil {
		beforeExit.fns = map[int]func(){}
	}
	id := beforeExit.next
	beforeExit.next++
	beforeExit.fns[id] = fn
	return func() {
		beforeExit.Lock()
		delete(beforeExit.fns, id)
		beforeExit.Unlock()
	}
}

// interrupt is the cause of a context cancelled by a signal.
type interrupt struct{ signal os.Signal }

func (i *interrupt) Error() string { return "signal: " + i.signal.String() }

// signalStatus returns the conventional exit status after signal s.
func signalStatus(s os.Signal) int {
	if n, ok := s.(syscall.Signal); ok {
		return 128 + int(n)
	}
	return exitInterrupt
}

// canceledStatus returns the exit status of a command whose context was
// cancelled.
func canceledStatus(ctx context.Context) int {
	var i *interrupt
	if errors.As(context.Cause(ctx), &i) {
		return signalStatus(i.signal)
	}
	return exitInterrupt
}

// Run runs the command line args (without the program name) against defs
// and returns the exit status. Cancelling ctx cancels a running
// materialization. The program name in messages is that of os.Args[0].
func Run(ctx context.Context, defs runtime.Definitions, args []string, stdin io.Reader, stdout, stderr io.Writer, opts ...Option) int {
	e := &env{ctx: ctx, defs: &defs, stdin: stdin, stdout: stdout, stderr: stderr, prog: progName()}
	for _, o := range opts {
		o(e)
	}
	if len(args) == 0 {
		e.usage(stderr)
		return exitUsage
	}
	name := args[0]
	switch name {
	case "-h", "-help", "--help":
		e.usage(stdout)
		return exitOK
	}
	c := lookup(name)
	if c == nil {
		if strings.HasPrefix(name, "-") {
			fmt.Fprintf(stderr, "%s: flag %s before a command\n", e.prog, name)
		} else {
			fmt.Fprintf(stderr, "%s: unknown command %q%s\n", e.prog, name, suggest.Hint(name, commandNames()))
		}
		fmt.Fprintf(stderr, "Run '%s help' for usage.\n", e.prog)
		return exitUsage
	}
	return e.exec(c, args[1:])
}

// exec runs command c with args (after its name).
func (e *env) exec(c *command, args []string) int {
	e.cmd = c
	e.fs = e.flagSet(c)
	run := c.setup(e.fs)
	if status, ok := e.parse(args); !ok {
		return status
	}
	return run(e)
}

func progName() string {
	if len(os.Args) == 0 {
		return "pipeline"
	}
	return strings.TrimSuffix(filepath.Base(os.Args[0]), ".exe")
}

// env is what a command runs with.
type env struct {
	ctx    context.Context
	defs   *runtime.Definitions
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	prog   string

	cmd *command      // the command being run
	fs  *flag.FlagSet // its flags

	launch *launch // set when serve launches a materialize (serve.go)
	web    bool    // a materialize of the web page (serve.go): its config is no file

	auto *automation.Definitions // set by WithAutomation (daemon.go)
}

// An Option adds to what Main and Run give a pipeline's commands.
type Option func(*env)

// command is one subcommand, declared in a file of its own.
type command struct {
	name       string // as typed
	args       string // the synopsis after the name, such as "[flags]"
	short      string // a line for the list of commands
	long       string // paragraphs printed after the usage line by help
	positional bool   // whether it takes arguments besides flags

	// setup declares the command's flags on fs and returns the function
	// that runs the command once fs has parsed the arguments.
	setup func(fs *flag.FlagSet) func(e *env) int
}

// commands returns the command table, sorted by name.
func commands() []*command {
	return []*command{
		automationCommand(),
		checkCommand(),
		daemonCommand(),
		dynamicCommand(),
		graphCommand(),
		helpCommand(),
		listCommand(),
		materializeCommand(),
		observeCommand(),
		partitionsCommand(),
		runsCommand(),
		serveCommand(),
		statusCommand(),
		workerCommand(),
	}
}

func lookup(name string) *command {
	for _, c := range commands() {
		if c.name == name {
			return c
		}
	}
	return nil
}

func commandNames() []string {
	var names []string
	for _, c := range commands() {
		names = append(names, c.name)
	}
	return names
}

// usage prints the program's usage: its commands and where to read more.
func (e *env) usage(w io.Writer) {
	fmt.Fprintf(w, "%s is an assetgen pipeline.\n\nUsage:\n\n\t%s <command> [flags]\n\nCommands:\n\n", e.prog, e.prog)
	tw := tabwriter.NewWriter(w, 0, 8, 3, ' ', 0)
	for _, c := range commands() {
		fmt.Fprintf(tw, "    %s\t%s\n", c.name, c.short)
	}
	tw.Flush()
	fmt.Fprintf(w, "\nRun '%s help <command>' for more about a command.\n", e.prog)
	fmt.Fprintf(w, "Run '%s help select' for the asset selection syntax.\n", e.prog)
}

// flagSet returns a flag set for c; parse reports errors itself.
func (e *env) flagSet(c *command) *flag.FlagSet {
	fs := flag.NewFlagSet(e.prog+" "+c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parse parses args with e.fs. When it returns ok false, the command must
// return status: 0 after -h, 2 after a usage error (reported on stderr
// with the usage).
func (e *env) parse(args []string) (status int, ok bool) {
	err := e.fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		e.commandUsage(e.stdout, e.cmd, e.fs)
		return exitOK, false
	case err != nil:
		return e.usageError("%v", err), false
	case e.fs.NArg() > 0 && !e.cmd.positional:
		return e.usageError("unexpected argument %q%s", e.fs.Arg(0), e.selectHint()), false
	}
	return exitOK, true
}

// selectHint returns, for a command that selects assets with --select, a
// hint to select with it the assets its arguments name ("materialize
// people birds": --select 'people or birds'), besides those of a --select
// already given; or "".
func (e *env) selectHint() string {
	sel := e.fs.Lookup("select")
	if sel == nil {
		return ""
	}
	var names []string
	if v := sel.Value.String(); given(e.fs, "select") && v != "" {
		if strings.ContainsAny(v, " \t\n") { // and, or, not: keep them together
			v = "(" + v + ")"
		}
		names = append(names, v)
	}
	for _, a := range e.fs.Args() {
		if strings.HasPrefix(a, "-") {
			break // flags after an argument are not parsed: say nothing of them
		}
		names = append(names, a)
	}
	return fmt.Sprintf(" (did you mean --select %s?)", shellQuote(strings.Join(names, " or ")))
}

// shellQuote quotes s for a POSIX shell when it needs quoting.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./:=@%+,") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// usageError reports a usage error of the command on stderr, with its
// usage line and flags (as package flag does, but not its description,
// which would bury the error), and returns the usage status.
func (e *env) usageError(format string, args ...any) int {
	fmt.Fprintf(e.stderr, "%s %s: %s\n", e.prog, e.cmd.name, fmt.Sprintf(format, args...))
	c := *e.cmd
	c.long = ""
	e.commandUsage(e.stderr, &c, e.fs)
	fmt.Fprintf(e.stderr, "Run '%s help %s' for details.\n", e.prog, e.cmd.name)
	return exitUsage
}

// errorf reports an error of the command (not a usage error) on stderr.
func (e *env) errorf(format string, args ...any) {
	fmt.Fprintf(e.stderr, "%s %s: %s\n", e.prog, e.cmd.name, fmt.Sprintf(format, args...))
}

// commandUsage prints c's usage line, description and flags (those of
// fs, or of a new flag set when fs is nil).
func (e *env) commandUsage(w io.Writer, c *command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "usage: %s %s %s\n", e.prog, c.name, c.args)
	if c.long != "" {
		fmt.Fprintf(w, "\n%s\n", strings.TrimSpace(c.long))
	}
	if fs == nil {
		fs = e.flagSet(c)
		c.setup(fs)
	}
	hasFlags := false
	fs.VisitAll(func(*flag.Flag) { hasFlags = true })
	if hasFlags {
		fmt.Fprintf(w, "\nFlags:\n")
		fs.SetOutput(w)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
}

// selectError reports a bad --select expression and returns the usage
// status. The error shows the expression with a caret under the problem.
func (e *env) selectError(err error) int {
	fmt.Fprintf(e.stderr, "%s %s: invalid --select: %v\n", e.prog, e.cmd.name, err)
	fmt.Fprintf(e.stderr, "Run '%s help select' for the selection syntax.\n", e.prog)
	return exitUsage
}
