package cli

import (
	"errors"
	"flag"
	"fmt"
	"maps"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/internal/runview"
	"github.com/assetgen/assetgen/internal/suggest"
	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
)

// runsCommand is runs: the recorded runs, one run's steps, or its logs.
func runsCommand() *command {
	return &command{
		name:       "runs",
		args:       "[-n N] [--all] [--json] [--history SPEC] | show RUN_ID [--json] [--history SPEC] | logs RUN_ID [--asset KEY] [--json] [--history SPEC] | cancel RUN_ID [--queue DSN]",
		short:      "list the recorded runs, or show one run's steps or log lines",
		positional: true,
		long: `Runs lists the runs of this pipeline recorded in the run history, newest
first: run ID, status, start time, duration and the counts of its steps
by status. With --all it lists the runs of every pipeline that records in
the history (several may share one: a working directory's .assetgen, a
PostgreSQL database), with a column naming the pipeline of each: the
import path of its main package.

'runs show RUN_ID' prints one run: its pipeline, status, times,
selection, tags and, if it failed, why; then its steps in the order they
started, each with its status, attempts, start (none for a step that
never started), duration, error and metadata, and the errors in full:
the stack of a panic, the errors of retried attempts, and notes (a step
recorded after its run ended, because its output had landed). RUN_ID may
be any prefix of the ID that only one run has.

'runs logs RUN_ID' prints the lines the run's assets logged, in the
order they were logged (with --asset KEY, those of one asset): time,
level, asset, message and attributes. The history keeps the first 1000
and the last 1000 lines of each step, and cuts lines at 4096 bytes; a
line in their place says how many were dropped.

'runs cancel RUN_ID' cancels a run launched with 'materialize --queue',
from any machine: its queued steps never start, and its running steps
see their context cancelled (within a second).

With --json, runs prints a JSON array of runs, runs show a JSON object
with the run and its steps, and runs logs a JSON array of lines.

A run still marked running whose process is gone is marked failed
("abandoned") the next time a materialize opens the history; runs opens
it read-only and shows such a run as abandoned without marking it. The
duration of an abandoned run is "at least" the time to its process's
last heartbeat: it went on for an unknown time after that.`,
		setup: func(fs *flag.FlagSet) func(*env) int {
			f := &runsFlags{}
			fs.IntVar(&f.limit, "n", 20, "list at most `N` runs; 0 lists all")
			fs.BoolVar(&f.all, "all", false, "list the runs of every pipeline, not only this one's")
			fs.BoolVar(&f.json, "json", false, "print JSON")
			fs.StringVar(&f.asset, "asset", "", "runs logs: only the lines of asset `KEY`")
			f.history.declare(fs)
			fs.Var((*dsnFlag)(&f.queue), "queue", "runs cancel: the queue's PostgreSQL `DSN` (default $ASSETGEN_QUEUE, else a PostgreSQL history)")
			return f.run
		},
	}
}

// runsFlags are the flags of runs.
type runsFlags struct {
	limit   int
	all     bool
	json    bool
	asset   string
	history historyFlag
	queue   string // runs cancel
}

// The JSON forms of runs, steps and log lines (package runview, shared
// with the web page's API).
type (
	runEntry  = runview.Run
	stepEntry = runview.Step
	logEntry  = runview.Line
)

var (
	newRunEntry  = runview.NewRun
	newStepEntry = runview.NewStep
)

func (f *runsFlags) run(e *env) int {
	if e.fs.NArg() == 0 {
		return f.list(e)
	}
	sub := e.fs.Arg(0)
	if sub != "show" && sub != "logs" && sub != "cancel" {
		return e.usageError("unknown subcommand %q%s", sub, suggest.Hint(sub, []string{"show", "logs", "cancel"}))
	}
	// Flags may follow the run ID: runs show ID --json.
	var args []string
	rest := e.fs.Args()[1:]
	for len(rest) > 0 {
		if status, ok := e.parse(rest); !ok {
			return status
		}
		rest = e.fs.Args()
		if len(rest) > 0 {
			args = append(args, rest[0])
			rest = rest[1:]
		}
	}
	switch len(args) {
	case 0:
		return e.usageError("runs %s: want a run ID", sub)
	case 1:
	default:
		return e.usageError("runs %s: unexpected argument %q", sub, args[1])
	}
	if f.all {
		return e.usageError("--all goes with runs, not runs %s: a run ID names one run of any pipeline", sub)
	}
	if f.asset != "" && sub != "logs" {
		return e.usageError("--asset goes with runs logs")
	}
	if sub == "logs" {
		return f.logs(e, args[0])
	}
	if sub == "cancel" {
		return f.cancelRun(e, args[0])
	}
	return f.show(e, args[0])
}

func (f *runsFlags) list(e *env) int {
	if f.limit < 0 {
		return e.usageError("-n %d: want a positive number of runs, or 0 for all", f.limit)
	}
	log, err := f.history.openRead(e.ctx)
	if err != nil {
		e.errorf("%v", err)
		return exitFailed
	}
	defer log.Close()
	q := history.RunQuery{Limit: f.limit}
	if q.Limit > 0 {
		q.Limit++ // one more, to tell whether the list was cut
	}
	if !f.all {
		q.Pipeline = history.PipelineName()
	}
	runs, err := log.Runs(e.ctx, q)
	if err != nil {
		e.errorf("reading the run history: %v", err)
		return exitFailed
	}
	if f.limit > 0 && len(runs) > f.limit {
		runs = runs[:f.limit]
		newest := "the newest run"
		if f.limit > 1 {
			newest = fmt.Sprintf("the newest %d runs", f.limit)
		}
		defer fmt.Fprintf(e.stderr, "%s runs: only %s; -n 0 lists them all\n", e.prog, newest)
	}
	if f.json {
		entries := make([]runEntry, 0, len(runs))
		for i := range runs {
			entries = append(entries, newRunEntry(&runs[i]))
		}
		return writeJSON(e, entries)
	}
	if len(runs) == 0 {
		f.none(e, log)
		return exitOK
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 8, 2, ' ', 0)
	pipeline := func(r *history.Run) string { return "" }
	if f.all {
		fmt.Fprint(tw, "PIPELINE\t")
		pipeline = func(r *history.Run) string { return cell(r.Pipeline) + "\t" }
	}
	fmt.Fprintln(tw, "RUN ID\tSTATUS\tSTART\tDURATION\tSTEPS")
	for i := range runs {
		r := &runs[i]
		fmt.Fprintf(tw, "%s%s\t%s\t%s\t%s\t%s\n", pipeline(r), r.ID, runStatus(r), fmtTime(r.Start), runDuration(r), stepCounts(r.Counts))
	}
	if err := tw.Flush(); err != nil {
		e.errorf("%v", err)
		return exitFailed
	}
	return exitOK
}

// none says on stderr that there are no runs to list, and why: no
// history yet, or only runs of other pipelines.
func (f *runsFlags) none(e *env, log history.Log) {
	where := history.Describe(f.history.resolve())
	if _, ok := log.(emptyLog); ok {
		fmt.Fprintf(e.stderr, "%s runs: no runs recorded: there is no run history at %s yet (materialize creates it)\n", e.prog, f.history.resolve())
		return
	}
	if !f.all {
		if others, err := log.Runs(e.ctx, history.RunQuery{Limit: 1}); err == nil && len(others) > 0 {
			fmt.Fprintf(e.stderr, "%s runs: no runs of this pipeline (%s) recorded in %s; --all lists those of the other pipelines there\n", e.prog, history.PipelineName(), where)
			return
		}
	}
	fmt.Fprintf(e.stderr, "%s runs: no runs recorded in %s\n", e.prog, where)
}

// runStatus is the status of r for people: "failed (abandoned)" when
// its process died before it ended.
func runStatus(r *history.Run) string {
	if r.Abandoned {
		return r.Status + " (abandoned)"
	}
	return r.Status
}

// runDuration formats how long r took, or has taken so far: "running
// for 3s" while it runs, "at least 3s" when it was abandoned (its process
// died: it went on for an unknown time after its last heartbeat), "-"
// when that is unknown.
func runDuration(r *history.Run) string {
	if r.Status == history.RunRunning && r.End.IsZero() && !r.Abandoned {
		// The heartbeat says when its process was last seen, not how
		// long it has run: a queued run has none of its own.
		if d := span(r.Start, time.Now(), time.Time{}, false); d != "-" {
			return "running for " + d
		}
	}
	return span(r.Start, r.End, r.Heartbeat, r.Abandoned)
}

// stepDuration formats how long s took: "at least 3s" when it was
// abandoned, "-" while it runs or when it never started.
func stepDuration(s *history.Step) string {
	if s.End.IsZero() {
		return "-"
	}
	return span(s.Start, s.End, time.Time{}, s.Abandoned)
}

// span formats the time from start to end, or to the last heartbeat
// while end is zero: "at least" that when abandoned, "-" when start is
// unknown or the interval is negative (a clock that went back).
func span(start, end, heartbeat time.Time, abandoned bool) string {
	if end.IsZero() {
		end = heartbeat
	}
	if start.IsZero() || end.IsZero() || end.Before(start) {
		return "-"
	}
	if abandoned {
		return "at least " + fmtDuration(end.Sub(start))
	}
	return fmtDuration(end.Sub(start))
}

// openRun opens the history and finds the run id names, or reports why
// it cannot and returns status 1. Close the log when ok.
func (f *runsFlags) openRun(e *env, id string) (log history.Log, run *history.Run, ok bool) {
	log, err := f.history.openRead(e.ctx)
	if err != nil {
		e.errorf("%v", err)
		return nil, nil, false
	}
	run, err = lookupRun(e.ctx, log, id)
	if err != nil {
		log.Close()
		if errors.Is(err, history.ErrNotFound) || strings.Contains(err.Error(), "ambiguous") {
			e.errorf("%v\nRun '%s runs' to list the recorded runs.", err, e.prog)
		} else {
			e.errorf("reading the run history: %v", err)
		}
		return nil, nil, false
	}
	return log, run, true
}

func (f *runsFlags) logs(e *env, id string) int {
	log, run, ok := f.openRun(e, id)
	if !ok {
		return exitFailed
	}
	defer log.Close()
	q := history.LogQuery{Key: runtime.Key(f.asset)}
	if q.Key != "" {
		steps, err := log.Steps(e.ctx, run.ID)
		if err != nil {
			e.errorf("reading the run history: %v", err)
			return exitFailed
		}
		var keys []string
		for _, s := range steps {
			keys = append(keys, string(s.Key))
		}
		if !slices.Contains(keys, f.asset) {
			e.errorf("run %s has no step of asset %q%s", run.ID, f.asset, suggest.Hint(f.asset, keys))
			return exitFailed
		}
	}
	lines, err := log.Logs(e.ctx, run.ID, q)
	if err != nil {
		e.errorf("reading the run history: %v", err)
		return exitFailed
	}
	if f.json {
		return writeJSON(e, runview.NewLines(lines))
	}
	if len(lines) == 0 {
		fmt.Fprintf(e.stderr, "%s runs: run %s logged no lines\n", e.prog, run.ID)
		return exitOK
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 8, 1, ' ', 0)
	for _, l := range lines {
		msg := l.Message
		if l.Attrs != "" {
			msg += " " + l.Attrs
		}
		level := l.Level
		if l.Dropped > 0 {
			level = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", l.Time.Local().Format("15:04:05.000"), level, stepName(l.Key, l.Partition), escapeLine(msg))
	}
	if err := tw.Flush(); err != nil {
		e.errorf("%v", err)
		return exitFailed
	}
	return exitOK
}

// escapeLine keeps s on one line: newlines and tabs become \n and \t.
func escapeLine(s string) string {
	return strings.NewReplacer("\n", `\n`, "\r", `\r`, "\t", `\t`).Replace(s)
}

func (f *runsFlags) show(e *env, id string) int {
	log, run, ok := f.openRun(e, id)
	if !ok {
		return exitFailed
	}
	defer log.Close()
	steps, err := log.Steps(e.ctx, run.ID)
	if err != nil {
		e.errorf("reading the run history: %v", err)
		return exitFailed
	}
	checks, err := history.RunChecks(e.ctx, log, run.ID)
	if err != nil {
		e.errorf("reading the run history: %v", err)
		return exitFailed
	}
	if f.json {
		out := struct {
			Run    runEntry     `json:"run"`
			Steps  []stepEntry  `json:"steps"`
			Checks []checkEntry `json:"checks"`
		}{newRunEntry(run), make([]stepEntry, 0, len(steps)), make([]checkEntry, 0, len(checks))}
		for i := range steps {
			out.Steps = append(out.Steps, newStepEntry(&steps[i]))
		}
		for i := range checks {
			out.Checks = append(out.Checks, newCheckEntry(&checks[i]))
		}
		return writeJSON(e, out)
	}
	w := e.stdout
	tw := tabwriter.NewWriter(w, 0, 8, 1, ' ', 0)
	fmt.Fprintf(tw, "Run:\t%s\n", run.ID)
	fmt.Fprintf(tw, "Pipeline:\t%s\n", cell(run.Pipeline))
	fmt.Fprintf(tw, "Status:\t%s\n", runStatus(run))
	if run.Error != "" {
		fmt.Fprintf(tw, "Error:\t%s\n", cell(run.Error))
	}
	fmt.Fprintf(tw, "Started:\t%s\n", fmtTime(run.Start))
	switch {
	case run.Abandoned:
		fmt.Fprintf(tw, "Ended:\tafter %s (its process died; that was its last heartbeat)\n", fmtTime(run.End))
	case !run.End.IsZero():
		fmt.Fprintf(tw, "Ended:\t%s\n", fmtTime(run.End))
	}
	fmt.Fprintf(tw, "Duration:\t%s\n", runDuration(run))
	fmt.Fprintf(tw, "Steps:\t%s\n", stepCounts(run.Counts))
	fmt.Fprintf(tw, "Selection:\t%s\n", list(keyNames(run.Selection)))
	for i, k := range slices.Sorted(maps.Keys(run.Partitions)) {
		label := ""
		if i == 0 {
			label = "Partitions:"
		}
		fmt.Fprintf(tw, "%s\t%s %s\n", label, k, truncate(fmtRanges(run.Partitions[k]), 100))
	}
	if len(run.Tags) > 0 {
		var tags []string
		for _, k := range sortedKeys(run.Tags) {
			tags = append(tags, k+"="+run.Tags[k])
		}
		fmt.Fprintf(tw, "Tags:\t%s\n", strings.Join(tags, " "))
	}
	if run.Host != "" {
		fmt.Fprintf(tw, "Host:\t%s (process %d)\n", run.Host, run.PID)
	}
	for i, line := range workerList(steps) {
		label := ""
		if i == 0 {
			label = "Workers:"
		}
		fmt.Fprintf(tw, "%s\t%s\n", label, line)
	}
	if err := tw.Flush(); err != nil {
		e.errorf("%v", err)
		return exitFailed
	}
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "ASSET\tSTATUS\tATTEMPTS\tSTART\tDURATION\tERROR\tMETADATA")
	// The steps of a partitioned asset are one row, after the others,
	// with its partitions counted by status.
	groups := map[runtime.Key]*partGroup{}
	var order []runtime.Key
	for i := range steps {
		s := &steps[i]
		if s.Partition != "" {
			g := groups[s.Key]
			if g == nil {
				g = &partGroup{key: s.Key}
				groups[s.Key] = g
				order = append(order, s.Key)
			}
			g.add(1, s.Status, s.Attempts, s.Start, s.End, s.Partition, s.Error)
			continue
		}
		attempts, duration := "-", "-"
		if s.Attempts > 0 {
			attempts = fmt.Sprint(s.Attempts)
			duration = stepDuration(s)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", stepName(s.Key, s.Partition), s.Status, attempts,
			fmtTime(s.Start), duration, cell(truncate(s.Error, 80)), cell(fmtMetadata(s.Metadata)))
	}
	// The steps of the plan that never started, which a run whose
	// process died did not record.
	for _, k := range notStarted(run, steps) {
		fmt.Fprintf(tw, "%s\t%s\t-\t-\t-\t-\t-\n", k, stepNotStarted)
	}
	for k, n := range f.partitionsNotStarted(e, log, run, steps) {
		g := groups[k]
		if g == nil {
			g = &partGroup{key: k}
			groups[k] = g
			order = append(order, k)
		}
		g.add(n, stepNotStarted, 0, time.Time{}, time.Time{}, "", "")
	}
	for _, k := range order {
		g := groups[k]
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", k, g.status(), g.attemptsCell(), fmtTime(g.start), g.durationCell(), "-", g.countsCell())
	}
	if err := tw.Flush(); err != nil {
		e.errorf("%v", err)
		return exitFailed
	}
	if err := writeChecks(w, checks, true); err != nil {
		e.errorf("%v", err)
		return exitFailed
	}
	// Errors in full, with the retried attempts, the stacks of panics,
	// and the notes; of partitioned assets, the first errors.
	var problems []string
	for _, k := range order {
		problems = append(problems, groups[k].problemLines()...)
	}
	for _, s := range steps {
		if s.Partition != "" {
			continue
		}
		name := stepName(s.Key, s.Partition)
		for _, a := range s.Retries {
			problems = append(problems, fmt.Sprintf("%s: attempt %d: %s", name, a.Attempt, a.Error)+stack(a.Stack))
		}
		if s.Error != "" {
			problems = append(problems, fmt.Sprintf("%s: %s", name, s.Error)+stack(s.Stack))
		}
		if s.Note != "" {
			problems = append(problems, fmt.Sprintf("%s: note: %s", name, s.Note))
		}
	}
	if len(problems) > 0 {
		fmt.Fprintln(w)
		for _, p := range problems {
			fmt.Fprintln(w, p)
		}
	}
	return exitOK
}

// stack returns a panic's stack, indented under its error, or "".
func stack(s string) string {
	if s == "" {
		return ""
	}
	return "\n" + indent(s)
}

// truncate shortens s to n runes, ending it with an ellipsis.
func truncate(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// fmtRanges formats ranges of partitions: "2024-01-01...2024-01-31, 2024-02-03".
func fmtRanges(rs []partition.Range) string {
	parts := make([]string, len(rs))
	for i, r := range rs {
		if r.Start == r.End {
			parts[i] = r.Start
		} else {
			parts[i] = r.String()
		}
	}
	return strings.Join(parts, ", ")
}
