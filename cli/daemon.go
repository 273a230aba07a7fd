package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/assetgen/assetgen/automation"
	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/selection"
)

// WithAutomation gives the pipeline's daemon (the daemon command, and
// serve) the schedules, sensors and conditions of defs, which the
// automation command lists. They are checked when a command starts: an
// invalid cron schedule or zone, an unknown asset, is an error then.
func WithAutomation(defs automation.Definitions) Option {
	return func(e *env) { e.auto = &defs }
}

// daemonCommand is daemon: the automation daemon.
func daemonCommand() *command {
	return &command{
		name:  "daemon",
		args:  "[--history SPEC | --queue DSN] [--max-runs N] [-j N] [--interval D] [--lease D] [--simulate START --until END [--step D]] [--log-level LEVEL] [--log-format text|json]",
		short: "run the automation daemon: schedules, sensors and conditions",
		long: `Daemon evaluates the pipeline's schedules, sensors and automation
conditions (declared in Go with cli.WithAutomation, or with the automation=
and freshness= options of the asset directive) every --interval and
launches the runs they ask for in this process, each as 'materialize'
would run it, recorded in the run history with the tag automation (what
asked for it). At most --max-runs runs go at once, and never two of the
same asset and partition. It prints a line per event on stdout until
interrupted; the runs' own output goes to stderr, each line prefixed
with its run's ID.

With --queue DSN, the runs go to the workers of that PostgreSQL database
instead, as 'materialize --queue DSN' would launch them (see 'worker'),
and the daemon follows each from the queue's database, which is its
history, until it ends: a run counts against --max-runs, and its assets
and partitions as in progress, while the history has it running. A
daemon that stops leaves its queued runs going on the workers; the next
leader finds them running in the history and launches none of their
assets until they end.

Exactly one daemon acts per history: it holds a lease in the history,
renewed at every tick, lasting --lease. Another daemon on the same
history (another process, another machine on one PostgreSQL) waits as a
standby and takes over once the lease lapses, at most --lease plus
--interval after the leader died. An interrupted daemon cancels its
runs, waits for them, and hands its lease over at once.

--simulate START runs the daemon on a simulated clock, from START to
--until, moving by --step (1h by default) after each tick and waiting for
the runs each tick launched: a day of ticks in seconds, to try
schedules and conditions on a scratch history (it takes no lease). START
and END are RFC 3339 times (2024-01-01T00:00:00Z).`,
		setup: func(fs *flag.FlagSet) func(*env) int {
			f := &daemonFlags{}
			fs.IntVar(&f.maxRuns, "max-runs", automation.DefaultMaxRuns, "launch at most `N` runs at once")
			fs.IntVar(&f.concurrency, "j", 0, "each run runs at most `N` steps at once; 0 (the default) means the number of CPUs")
			fs.DurationVar(&f.interval, "interval", automation.DefaultInterval, "tick every `D`")
			fs.DurationVar(&f.lease, "lease", automation.DefaultLeaseTTL, "the leader's lease lasts `D` unrenewed")
			fs.StringVar(&f.simulate, "simulate", "", "run on a simulated clock from `START`")
			fs.StringVar(&f.until, "until", "", "with --simulate, stop at `END`")
			fs.DurationVar(&f.step, "step", time.Hour, "with --simulate, move the clock by `D` after each tick")
			fs.Var((*dsnFlag)(&f.queue), "queue", "launch the runs on the workers of the queue in PostgreSQL database `DSN` (see 'worker'), which is the history")
			f.history.declare(fs)
			f.log.declare(fs)
			return f.run
		},
	}
}

type daemonFlags struct {
	maxRuns, concurrency int
	interval, lease      time.Duration
	simulate, until      string
	step                 time.Duration
	queue                string
	history              historyFlag
	log                  logFlags
}

func (f *daemonFlags) run(e *env) int {
	if f.maxRuns < 1 || f.concurrency < 0 || f.interval <= 0 || f.lease <= 0 || f.step <= 0 {
		return e.usageError("--max-runs, --interval, --lease and --step must be positive, -j not negative")
	}
	if f.queue != "" && f.simulate != "" {
		return e.usageError("--simulate runs on a simulated clock in this process: it does not go with --queue")
	}
	if err := f.history.launchOn(f.queue, f.concurrency); err != nil {
		return e.usageError("%v", err)
	}
	var start, end time.Time
	if f.simulate != "" || f.until != "" {
		var err1, err2 error
		start, err1 = time.Parse(time.RFC3339, f.simulate)
		end, err2 = time.Parse(time.RFC3339, f.until)
		if err := errors.Join(err1, err2); err != nil || !end.After(start) {
			return e.usageError("--simulate START --until END: want two RFC 3339 times, END after START")
		}
	}
	log, err := f.history.open(e.ctx)
	if err != nil {
		e.errorf("%v", err)
		return exitFailed
	}
	defer log.Close()
	var clock automation.Clock = automation.RealClock{}
	var fake *automation.FakeClock
	if f.simulate != "" {
		fake = automation.NewFakeClock(start)
		clock = fake
	}
	l := &launcher{e: e, history: f.history.resolve(), concurrency: f.concurrency, log: f.log, queue: f.queue}
	if fake != nil {
		l.now = fake.Now
	}
	d, ok := e.mustDaemon(log, l, clock, e.stdout)
	if !ok {
		return exitFailed
	}
	d.Configure(f.maxRuns, f.interval, f.lease)
	if fake != nil {
		for now := start; !now.After(end) && e.ctx.Err() == nil; now = now.Add(f.step) {
			fake.Set(now)
			// Interrupted, the tick's errors are the interruption's: stop
			// quietly, as the real daemon does.
			if err := d.Tick(e.ctx); err != nil && e.ctx.Err() == nil {
				e.errorf("tick: %v", err)
			}
			d.Wait()
		}
		return exitOK
	}
	fmt.Fprintf(e.stderr, "%s daemon: %s on %s; interrupt to stop\n", e.prog, d.Holder(), history.Describe(f.history.resolve()))
	d.Run(e.ctx)
	return exitOK
}

// daemon returns the automation daemon of the pipeline on log, launching
// runs through l and writing its events to out; nil when the pipeline
// automates nothing.
func (e *env) daemon(log history.Log, l *launcher, clock automation.Clock, out io.Writer) (*automation.Daemon, error) {
	var defs automation.Definitions
	switch {
	case e.auto != nil:
		defs = *e.auto
	case !slices.ContainsFunc(e.defs.Assets, func(a *runtime.AssetDef) bool { return a.Automation != "" || a.Freshness != "" }):
		return nil, nil
	}
	o := automation.Options{Assets: e.defs.Assets, IOManagers: e.defs.IOManagers, Log: log, Clock: clock, Out: out}
	if l != nil {
		o.Launch = l.automated
	}
	return automation.New(defs, o)
}

// mustDaemon returns e.daemon's daemon, or reports why there is none.
func (e *env) mustDaemon(log history.Log, l *launcher, clock automation.Clock, out io.Writer) (*automation.Daemon, bool) {
	d, err := e.daemon(log, l, clock, out)
	switch {
	case err != nil:
		e.errorf("%v", err)
	case d == nil:
		e.errorf("the pipeline declares no schedule, sensor, condition or freshness policy (see cli.WithAutomation, and the automation= and freshness= options)")
	}
	return d, d != nil
}

// automated runs r as materialize would, in this process, or on the queue
// (following it until it ends) when the launcher has one.
func (l *launcher) automated(ctx context.Context, r automation.Run) error {
	keys := make([]string, len(r.Keys))
	for i, k := range r.Keys {
		keys[i] = string(k)
	}
	args := []string{"--history=" + l.history, "--log-level=" + l.log.level.String(), "--log-format=" + l.log.format,
		"--select=" + selection.Keys(keys)}
	if len(r.Partitions) > 0 {
		args = append(args, "--partitions="+strings.Join(r.Partitions, ","))
	}
	if l.concurrency > 0 {
		args = append(args, "-j="+strconv.Itoa(l.concurrency))
	}
	if l.queue != "" {
		args = append(args, "--queue="+l.queue)
	}
	tags := map[string]string{"automation": r.By}
	for k, v := range r.Tags {
		tags[k] = v
	}
	run := &launch{runID: r.ID, tags: tags, now: l.now, started: make(chan struct{})}
	said := &headBuffer{max: 4 << 10}
	stderr := io.MultiWriter(&prefixWriter{w: l.e.stderr, prefix: "[run " + r.ID + "] "}, said)
	if status := l.materialize(ctx, args, io.Discard, stderr, run); status != exitOK {
		if ctx.Err() != nil {
			// Interrupted with the daemon: the run's last line is then
			// materialize's "interrupt again" warning, not the cause.
			return fmt.Errorf("canceled: %w", context.Cause(ctx))
		}
		return fmt.Errorf("exit status %d: %s", status, lastLine(said.String()))
	}
	return nil
}

// lastLine returns the last non-empty line of s.
func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}

// automationCommand is automation: list, pause and resume.
func automationCommand() *command {
	return &command{
		name:       "automation",
		args:       "[list] [--json] | pause NAME | resume NAME [--history SPEC]",
		short:      "list the schedules, sensors and conditions; pause and resume them",
		positional: true,
		long: `Automation lists the pipeline's schedules, sensors and automation
conditions (see 'daemon') with their next tick, their last tick and what
it did: for a condition, why its asset was or was not requested at the
last evaluation. --json writes them as a JSON array.

'automation pause NAME' pauses one (a schedule's or sensor's name, or the
key of an asset with a condition; prefixed with schedule:, sensor: or
condition: when several have the name) and 'automation resume NAME'
resumes it; the daemon reads it at its next tick.`,
		setup: func(fs *flag.FlagSet) func(*env) int {
			f := &automationFlags{}
			fs.BoolVar(&f.json, "json", false, "write the list as JSON")
			f.history.declare(fs)
			return f.run
		},
	}
}

type automationFlags struct {
	json    bool
	history historyFlag
}

func (f *automationFlags) run(e *env) int {
	args := e.fs.Args()
	verb := "list"
	if len(args) > 0 {
		verb = args[0]
	}
	switch {
	case verb == "list" && len(args) <= 1:
	case (verb == "pause" || verb == "resume") && len(args) == 2:
	default:
		return e.usageError("want 'list', 'pause NAME' or 'resume NAME', got %q", strings.Join(args, " "))
	}
	var log history.Log
	var err error
	if verb == "list" {
		log, err = f.history.openRead(e.ctx)
	} else {
		log, err = f.history.open(e.ctx)
	}
	if err != nil {
		e.errorf("%v", err)
		return exitFailed
	}
	defer log.Close()
	d, ok := e.mustDaemon(log, nil, nil, nil)
	if !ok {
		return exitFailed
	}
	if verb != "list" {
		s, err := d.SetPaused(e.ctx, args[1], verb == "pause")
		if err != nil {
			e.errorf("%v", err)
			return exitFailed
		}
		fmt.Fprintf(e.stdout, "%s %s: %sd\n", s.Kind, s.Name, verb)
		return exitOK
	}
	list, err := d.Statuses(e.ctx, time.Now())
	if err != nil {
		e.errorf("%v", err)
		return exitFailed
	}
	if f.json {
		if list == nil {
			list = []automation.Status{}
		}
		return writeJSON(e, list)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "KIND\tNAME\tSPEC\tNEXT\tLAST\tRESULT")
	for _, s := range list {
		name := s.Name
		if s.Paused {
			name += " (paused)"
		}
		result := s.LastResult
		if s.LastError != "" {
			result += ": " + firstLineOf(s.LastError)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", s.Kind, name, s.Spec, stamp(s.Next), stamp(s.LastTick), result)
	}
	tw.Flush()
	return exitOK
}

func stamp(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Format(time.RFC3339)
}

func firstLineOf(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
