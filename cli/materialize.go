package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
)

// materializeCommand is materialize: run the selected assets, recording
// the run in the history.
func materializeCommand() *command {
	return &command{
		name:  "materialize",
		args:  "[--select EXPR] [--partition KEY | --partition-range START...END | --partitions KEY,KEY] [--stale | --from-failure RUN_ID] [-j N] [--grace D] [--dry-run] [--json] [--no-checks] [--config FILE] [--set KEY.FIELD=VALUE] [--no-history] [--history SPEC] [--queue DSN [--detach]] [--log-level LEVEL] [--log-format text|json]",
		short: "materialize assets: compute them and store their outputs",
		long: `Materialize runs the selected assets (all of them without --select) in
dependency order, independent ones concurrently, and stores their outputs
through their I/O managers. Inputs from upstream assets outside the
selection are loaded from their last materialization.

A partitioned asset runs the partitions --partition KEY, --partition-range
START...END (both included, Dagster's three dots) or --partitions
KEY,KEY,... ask for: those of its own definition, or those they map to
from another definition of the run (a range of days runs the weeks that
overlap it in a weekly asset). Selecting a partitioned asset without
them is a usage error that shows its first and last keys; so is an
unknown key, with the nearest one and the valid range. A step covers one
partition, or several under the asset's backfill policy (backfill=N or
single). The keys of dynamic partitions come from the run history (see
'dynamic').

After each step that succeeds, the asset's checks run (//check:
functions and checks= column rules; per partition), each reported as a
check_evaluated event, and listed after the summary. A blocking check
that fails with severity error skips the asset's downstream steps (the
run then fails); any other failed check is reported and recorded, and
the run goes on. --no-checks runs none; 'check' runs them alone.

Progress goes to stderr: a live view on a terminal, else one line per
event; for a partitioned asset, with its partitions done, failed and in
total. With --json, every event is written to stdout as a JSON object on
a line of its own (run_start, with each asset's partitions and steps;
step_start, step_success, step_retry, step_failure, step_skipped, with
the step's partition and keys and its asset's progress; check_evaluated;
run_end) and no
summary is printed; otherwise a summary table of the steps is printed on
stdout at the end: a partitioned asset is one row with its counts,
followed by its failed partitions and their errors (the first 10). Logs
go to stderr, each line with the run_id, asset and partition.

--dry-run prints the plan's steps, each with its partitions, the assets
of the run it waits for and those it loads from storage, then each
partitioned asset's number of partitions and steps, and exits without
running anything. The steps are in the summary's order, each after those
it waits for; a run starts a step as soon as those succeed, so steps may
start in another order, even with -j 1. It checks the definitions as the run would: only what
the selected assets need (their functions, the I/O managers that store
their outputs or load their inputs from outside the run, and the output
types those accept), with the same messages.

Every run is recorded in the run history ('runs', 'status'): the
directory or PostgreSQL DSN of --history, else $ASSETGEN_HISTORY, else
$ASSETGEN_HOME, else .assetgen in the working directory. --no-history
records nothing; so does --dry-run. When the history cannot be opened
(a corrupt file, a newer schema), materialize fails before running
anything: fix or move the history, or run with --no-history.

--stale runs only the stale assets (see 'status'), together with what
must run for them: upstreams never materialized, and the downstreams of
stale assets. With --select too, it runs the stale assets among the
selected ones (their intersection). Of a partitioned asset it runs only
the partitions that are stale, failed or missing (with --partition...,
those among the partitions asked for), never the fresh ones. Nothing
stale: it says so and exits 0.

--from-failure RUN_ID re-executes the steps of that run that did not
succeed (failed, skipped, canceled or never started), in dependency
order: of a partitioned asset, only those partitions. The outputs of its
successful steps are loaded through their I/O managers, not recomputed.
RUN_ID may be a unique prefix. It cannot be combined with --select,
--stale or --partition.... A run that succeeded: it says so and exits 0.

A step whose function ignores its context does not hold the run: --grace
(5s by default) after its timeout, or after an interrupt, the step is
abandoned: recorded as timed out (failed) or canceled, its downstream
steps skipped, the rest of the run finishes and the process exits. Its
function is left running until then, and its result is discarded:
nothing is stored for it.

Before it runs anything, materialize records in the history the outputs
that runs whose process died stored before the history recorded them
(see 'status').

--queue DSN runs the steps on the workers of that PostgreSQL database
(see 'worker'), which also holds the run's history: materialize plans
the run, checks that every asset of it can pass data between machines
(not on the memory I/O manager, nor a DuckDB file), enqueues the steps
that wait for nothing, and follows the run from the history (live view,
plain lines or --json, as above) until it ends; an interrupt stops
following, not the run ('runs cancel RUN_ID' cancels it). With --detach
it prints the run's ID and returns at once.

Exit status: 0 when every step succeeded; 1 when a step failed, was
skipped or canceled, or the run could not start; 2 on a usage error.
After SIGINT or SIGTERM the running steps are cancelled and the status is
128 plus the signal's number (130 for SIGINT); a second signal exits at
once, without waiting for the running steps, after recording the run as
canceled.`,
		setup: func(fs *flag.FlagSet) func(*env) int {
			o := &materializeOptions{}
			o.declare(fs)
			return o.run
		},
	}
}

// materializeOptions are the flags of materialize.
type materializeOptions struct {
	selection   string
	concurrency int
	grace       time.Duration
	dryRun      bool
	json        bool
	noChecks    bool
	log         logFlags
	config      configFlags

	parts partitionFlags

	// The run history (history.go).
	history     historyFlag
	noHistory   bool
	stale       bool
	fromFailure string

	// A queued run (queue.go).
	queue  string
	detach bool
}

func (o *materializeOptions) declare(fs *flag.FlagSet) {
	selectFlag(fs, &o.selection, "materialize")
	o.parts.declare(fs, "materialize")
	fs.IntVar(&o.concurrency, "j", 0, "run at most `N` steps at once; 0 (the default) means the number of CPUs")
	fs.DurationVar(&o.grace, "grace", runtime.DefaultGracePeriod, "how long a step's function may run on after its timeout or an interrupt before\nthe step is abandoned (its result discarded); 0 abandons at once")
	fs.BoolVar(&o.dryRun, "dry-run", false, "print the plan's steps, each after those it waits for, and exit")
	fs.BoolVar(&o.json, "json", false, "write events to stdout as JSON lines instead of a summary")
	fs.BoolVar(&o.noChecks, "no-checks", false, "do not run the assets' checks")
	o.log.declare(fs)
	o.config.declare(fs)
	o.history.declare(fs)
	fs.BoolVar(&o.noHistory, "no-history", false, "do not record the run in the history")
	fs.BoolVar(&o.stale, "stale", false, "materialize only the stale assets (see 'status'), and what must run for them")
	fs.StringVar(&o.fromFailure, "from-failure", "", "re-execute the steps of run `RUN_ID` that did not succeed")
	fs.Var((*dsnFlag)(&o.queue), "queue", "run the steps on the workers of the queue in PostgreSQL database `DSN` (see 'worker')")
	fs.BoolVar(&o.detach, "detach", false, "with --queue: print the run's ID and return, without following the run")
}

// failure is an error of narrowing the selection that is not a usage
// error: the command reports it and exits with status 1.
type failure struct{ err error }

func (f *failure) Error() string { return f.err.Error() }
func (f *failure) Unwrap() error { return f.err }

// nothingToDo is the error of narrowing the selection to nothing: the
// command prints it on stderr and exits with status 0.
type nothingToDo string

func (n nothingToDo) Error() string { return string(n) }

// run selects the assets, narrows them to the stale ones or to a run's
// failures, plans, and either prints the plan (--dry-run) or runs it,
// recording the run in the history.
func (o *materializeOptions) run(e *env) int {
	if o.concurrency < 0 {
		return e.usageError("-j %d: want a positive number of steps, or 0 for the number of CPUs", o.concurrency)
	}
	if o.grace < 0 {
		return e.usageError("--grace %s: want a duration of 0 or more", o.grace)
	}
	if o.queue != "" {
		switch {
		case o.noChecks:
			return e.usageError("--no-checks does not go with --queue: the workers run the checks")
		case o.noHistory:
			return e.usageError("--queue records the run in the queue's database: --no-history cannot go with it")
		}
		// The queue's database is the history, of a dry run too.
		if err := o.history.launchOn(o.queue, o.concurrency); err != nil {
			return e.usageError("%v", err)
		}
	}
	req, err := o.parts.request(e.fs)
	if err != nil {
		return e.usageError("%v", err)
	}
	if given(e.fs, "from-failure") {
		switch {
		case o.fromFailure == "":
			return e.usageError("--from-failure: want a run ID")
		case o.stale:
			return e.usageError("--from-failure and --stale cannot be combined")
		case given(e.fs, "select"):
			return e.usageError("--from-failure and --select cannot be combined: the run's failed steps are the selection")
		case o.parts.given(e.fs):
			return e.usageError("--from-failure and --partition... cannot be combined: the run's failed partitions are the partitions")
		}
	}
	g, ok := e.graph()
	if !ok {
		return exitFailed
	}
	sel, err := selectSet(g, o.selection)
	if err != nil {
		return e.selectError(err)
	}
	var keys, external []runtime.Key
	for _, i := range g.Order(sel) {
		if d := g.Def(i); d.External() {
			external = append(external, d.Key)
		} else {
			keys = append(keys, d.Key)
		}
	}
	if len(external) > 0 && len(keys) == 0 {
		e.errorf("%s", leftOut(external, "nothing to materialize"))
		return exitFailed
	}
	if len(external) > 0 && o.selection != "" {
		fmt.Fprintf(e.stderr, "%s materialize: %s\n", e.prog, leftOut(external, "left out"))
	}
	if len(keys) == 0 {
		// Before --stale, which would call it "every selected asset is
		// fresh", and before --dry-run prints an empty plan.
		fmt.Fprintf(e.stderr, "%s materialize: no assets selected\n", e.prog)
		return exitOK
	}
	// The run history: the run is recorded in it, and it holds the keys
	// of dynamic partitions. A dry run, or a run not recorded, only reads
	// those.
	var log history.Log
	var env partition.Env
	queued := o.queue != "" && !o.dryRun // recorded in the queue's database
	if o.noHistory || o.dryRun || queued {
		var done func()
		env, done = o.history.readEnv(e.ctx)
		defer done()
	} else {
		// An interrupt while the history opens must not keep the run,
		// cut short as it will be, from being recorded.
		if log, err = o.history.open(context.WithoutCancel(e.ctx)); err != nil {
			e.errorf("%v\n(run with --no-history to materialize without recording the run)", err)
			return exitFailed
		}
		defer log.Close()
		env = history.Env(e.ctx, log)
	}
	var parent string // the run --from-failure re-executes
	if o.stale || given(e.fs, "from-failure") {
		var parts map[runtime.Key][]string
		keys, parts, parent, err = o.narrow(e, log, keys, req, env)
		var f *failure
		var n nothingToDo
		switch {
		case errors.As(err, &f):
			e.errorf("%v", f.err)
			return exitFailed
		case errors.As(err, &n):
			fmt.Fprintf(e.stderr, "%s materialize: %s\n", e.prog, n)
			return exitOK
		case err != nil:
			return e.usageError("%v", err)
		}
		req = runtime.Partitions{Assets: parts}
		if keys = materializable(e.defs, keys); len(keys) == 0 {
			fmt.Fprintf(e.stderr, "%s materialize: %s\n", e.prog, nothingStale)
			return exitOK
		}
	}
	cfg, ok := e.loadConfig(&o.config)
	if !ok {
		return exitFailed
	}
	if queued {
		return o.runQueued(e, runtime.Options{Selection: keys, Partitions: req, Config: cfg})
	}
	if o.detach {
		return e.usageError("--detach goes with --queue")
	}
	// The one planning path: a dry run prints what the run would do, and
	// both refuse, in the same words, definitions that lack what the run
	// needs (and only that), and partitions that do not fit them.
	plan, err := e.defs.Plan(runtime.Options{Selection: keys, Partitions: req, Env: env, Config: cfg})
	if _, bad := errors.AsType[*runtime.RequestError](err); bad {
		return e.usageError("%v", err)
	}
	if _, ok := errors.AsType[*runtime.ConfigError](err); ok {
		e.errorf("invalid config, nothing ran:\n%s", indent(err.Error()))
		return exitFailed
	}
	if err != nil {
		e.errorf("invalid definitions:\n%s", indent(err.Error()))
		return exitFailed
	}
	if o.dryRun {
		return o.dryRunPlan(e, plan)
	}

	logs := &switchWriter{w: e.stderr}
	logger := o.log.logger(logs)
	rep := o.reporter(e, logs)
	opts := runtime.Options{
		Env:         plan.Env(),
		Concurrency: o.concurrency,
		Logger:      logger,
		OnEvent:     rep.event,
		GracePeriod: o.grace,
		NoChecks:    o.noChecks,
		Config:      cfg,
	}
	if o.grace <= 0 {
		opts.GracePeriod = -1 // at once
	}
	var rec *recording // nil with --no-history
	if log != nil {
		if rec, err = o.record(e, log, &opts, parent, req); err != nil {
			e.errorf("%v", err)
			return exitFailed
		}
	}
	if e.launch != nil {
		e.launch.prepare(&opts)
	}

	// Tell the user at once when an interrupt cancels the run, whatever
	// the log level, and once only.
	var announce sync.Once
	canceling := func() {
		announce.Do(func() {
			if live, ok := rep.(*liveReporter); ok {
				live.interrupted()
			}
			r := slog.NewRecord(time.Now(), slog.LevelWarn, "canceling the run; interrupt again to exit at once", 0)
			r.AddAttrs(slog.Any("cause", context.Cause(e.ctx)))
			logger.Handler().Handle(context.Background(), r)
		})
	}
	stop := make(chan struct{})
	watched := make(chan struct{})
	go func() {
		defer close(watched)
		select {
		case <-e.ctx.Done():
			canceling()
		case <-stop:
		}
	}()
	defer func() {
		close(stop)
		<-watched
		if e.ctx.Err() != nil {
			canceling()
		}
	}()

	res := plan.Run(e.ctx, opts)
	// Every event of the run is durable before the command goes on, also
	// when the run was interrupted.
	rec.close(e)
	rep.end(res)
	if !o.json {
		if err := writeSummary(e.stdout, res); err != nil {
			e.errorf("%v", err)
		}
	}
	switch {
	case res.OK():
		return exitOK
	case e.ctx.Err() != nil:
		return canceledStatus(e.ctx)
	}
	return exitFailed
}

// reporter returns the reporter of the run's progress: JSON lines on
// stdout with --json, else a live view on a terminal, else plain lines,
// both on logs.
func (o *materializeOptions) reporter(e *env, logs *switchWriter) reporter {
	switch {
	case o.json:
		return &jsonReporter{w: e.stdout, ctx: e.ctx}
	case isTerminal(e.stderr):
		return newLiveReporter(e.stderr, logs)
	}
	return &plainReporter{w: logs}
}

// dryRunPlan prints the steps of plan, and the partitions of each
// partitioned asset.
func (o *materializeOptions) dryRunPlan(e *env, plan *runtime.Plan) int {
	type step struct {
		Step       int      `json:"step"`
		Asset      string   `json:"asset"`
		Partition  string   `json:"partition,omitempty"`  // the key, or FIRST...LAST
		Partitions int      `json:"partitions,omitempty"` // how many
		Upstream   []string `json:"upstream"`             // upstream assets of the run it runs after
		Stored     []string `json:"stored"`               // upstream assets it loads from storage
		Multi      string   `json:"multi,omitempty"`      // the function of its multi-asset, whose call its siblings share
	}
	type asset struct {
		Asset      string `json:"asset"`
		Partitions int    `json:"partitions"`
		Steps      int    `json:"steps"`
		Range      string `json:"range"` // the partitions, as ranges
	}
	var steps []step
	multis := multiNames(e.defs)
	for n, s := range plan.Steps() {
		steps = append(steps, step{Step: n + 1, Asset: string(s.Key), Partition: s.Partition, Partitions: s.Partitions.Len(),
			Upstream: keyNames(s.After), Stored: keyNames(s.Loads), Multi: multis[s.Key]})
	}
	assets := []asset{}
	for _, a := range plan.Assets() {
		if a.Partitions.Len() > 0 {
			assets = append(assets, asset{Asset: string(a.Key), Partitions: a.Partitions.Len(), Steps: a.Steps, Range: a.Partitions.String()})
		}
	}
	if o.json {
		enc := json.NewEncoder(e.stdout)
		if err := enc.Encode(map[string]any{"steps": steps, "assets": assets, "config": planSchema(e.defs, plan.Keys())}); err != nil {
			e.errorf("%v", err)
			return exitFailed
		}
		return exitOK
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 8, 2, ' ', 0)
	if len(assets) == 0 {
		fmt.Fprintln(tw, "STEP\tASSET\tAFTER\tLOADS FROM STORAGE")
	} else {
		fmt.Fprintln(tw, "STEP\tASSET\tPARTITIONS\tAFTER\tLOADS FROM STORAGE")
	}
	for _, s := range steps {
		if s.Multi != "" {
			s.Asset += " (" + s.Multi + ")"
		}
		if len(assets) == 0 {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", s.Step, s.Asset, list(s.Upstream), list(s.Stored))
			continue
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", s.Step, s.Asset, cell(s.Partition), list(s.Upstream), list(s.Stored))
	}
	if err := tw.Flush(); err != nil {
		e.errorf("%v", err)
		return exitFailed
	}
	if len(assets) > 0 {
		fmt.Fprintln(e.stdout)
		tw = tabwriter.NewWriter(e.stdout, 0, 8, 2, ' ', 0)
		fmt.Fprintln(tw, "ASSET\tPARTITIONS\tSTEPS\tRANGE")
		for _, a := range assets {
			fmt.Fprintf(tw, "%s\t%d\t%d\t%s\n", a.Asset, a.Partitions, a.Steps, cell(truncate(a.Range, 100)))
		}
		if err := tw.Flush(); err != nil {
			e.errorf("%v", err)
			return exitFailed
		}
	}
	if err := writeSchema(e.stdout, planSchema(e.defs, plan.Keys())); err != nil {
		e.errorf("%v", err)
		return exitFailed
	}
	return exitOK
}

// writeSummary writes the table of steps in the order of the run (a
// partitioned asset is one row, where its first step is, with its
// partitions counted by outcome), the reasons of those that did not
// succeed (of a partitioned asset, the first few failed partitions), and a
// line of totals.
func writeSummary(w io.Writer, res *runtime.Result) error {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "ASSET\tSTATUS\tATTEMPTS\tDURATION\tMETADATA")
	counts := map[runtime.Status]int{}
	groups := map[runtime.Key]*partGroup{}
	for _, s := range res.Steps {
		counts[s.Status]++
		if s.Partition != "" {
			g := groups[s.Key]
			if g == nil {
				g = &partGroup{key: s.Key}
				groups[s.Key] = g
			}
			g.add(s.Partitions.Len(), s.Status.String(), s.Attempts, s.Start, s.Start.Add(s.Duration), s.Partition, errString(s.Err))
		}
	}
	var problems []string
	for _, s := range res.Steps {
		if g := groups[s.Key]; s.Partition != "" {
			if !g.listed {
				g.listed = true
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", s.Key, g.status(), g.attemptsCell(), g.durationCell(), g.countsCell())
				problems = append(problems, g.problemLines()...)
			}
			continue
		}
		attempts, duration := "-", "-"
		if s.Attempts > 0 {
			attempts = fmt.Sprint(s.Attempts)
			duration = fmtDuration(s.Duration)
		}
		name := stepName(s.Key, s.Partition)
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", name, s.Status, attempts, duration, cell(fmtMetadata(s.Metadata)))
		if s.Status != runtime.StatusSuccess && s.Err != nil {
			problems = append(problems, fmt.Sprintf("%s: %s", name, s.Err))
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(problems) > 0 {
		fmt.Fprintln(w)
		for _, p := range problems {
			fmt.Fprintln(w, p)
		}
	}
	if err := writeChecks(w, evaluations(res), true); err != nil {
		return err
	}
	var parts []string
	for _, st := range []struct {
		status runtime.Status
		word   string
	}{
		{runtime.StatusSuccess, "succeeded"},
		{runtime.StatusFailed, "failed"},
		{runtime.StatusSkipped, "skipped"},
		{runtime.StatusCanceled, "canceled"},
	} {
		if n := counts[st.status]; n > 0 || st.status == runtime.StatusSuccess {
			parts = append(parts, fmt.Sprintf("%d %s", n, st.word))
		}
	}
	_, err := fmt.Fprintf(w, "\n%s: %s in %s (run %s)\n", plural(len(res.Steps), "step"), strings.Join(parts, ", "), fmtDuration(res.Duration.Round(time.Microsecond)), res.RunID)
	return err
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// indent indents every line of s by four spaces.
func indent(s string) string {
	return "    " + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n    ")
}
