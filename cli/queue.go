package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"maps"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/queue"
	"github.com/assetgen/assetgen/runtime"
)

// workerCommand is worker: run the steps of queued runs.
func workerCommand() *command {
	return &command{
		name:  "worker",
		args:  "[--queue DSN] [-j N] [--stop-timeout D] [--stale-after D] [--id NAME] [--log-level LEVEL] [--log-format text|json]",
		short: "run the steps of runs launched with 'materialize --queue', on this machine",
		long: `Worker runs the steps of the runs that 'materialize --queue' launches:
start one on every machine that should work (each may run several steps
at once, -j). Steps are jobs of River, a job queue on the PostgreSQL
database of --queue (default $` + queue.Env + `), which is also the run history
of queued runs ('runs --history DSN' lists them). The worker creates the
queue's tables (River's and assetgen's) on first use.

A worker runs only the steps of runs launched by the same build of the
pipeline: the definitions' fingerprint (keys, code versions, types,
partitions) must match. A step of another build is refused, with a
warning in the step's log lines, and handed back for a worker of the
right build; deploy a new build by starting its workers, then stopping
the old ones once the runs they launched have ended.

SIGINT or SIGTERM stops the worker: it takes no new step, lets the
running ones finish for --stop-timeout (1m), then hands those still
running back to the queue (another worker starts them again) and exits
0. A second signal exits at once; the running steps go to other workers
once their heartbeat is --stale-after old (10s), as when a worker dies.
When the database is unreachable, at start or later, the worker waits,
retrying, and goes on when it is back (so it may start before the
database); SIGINT or SIGTERM still stop it at once then.`,
		setup: func(fs *flag.FlagSet) func(*env) int {
			o := &workerOptions{}
			fs.Var((*dsnFlag)(&o.queue), "queue", "the queue's PostgreSQL `DSN` (default $"+queue.Env+")")
			fs.IntVar(&o.concurrency, "j", 0, "run at most `N` steps at once; 0 (the default) means the number of CPUs")
			fs.DurationVar(&o.stopTimeout, "stop-timeout", queue.DefaultStopTimeout, "on SIGTERM, how long running steps may finish before they are handed back")
			fs.DurationVar(&o.staleAfter, "stale-after", queue.DefaultStaleAfter, "how long a running step's worker may miss its heartbeat before the step goes to another worker")
			fs.StringVar(&o.id, "id", "", "the worker's `NAME` in the history (default HOST/PID)")
			o.log.declare(fs)
			return o.run
		},
	}
}

type workerOptions struct {
	queue       string
	concurrency int
	stopTimeout time.Duration
	staleAfter  time.Duration
	id          string
	log         logFlags
}

// dsnFlag is the value of a --queue flag: a DSN, never empty, so that
// --queue "$ASSETGEN_QUEUE" with the variable unset is an error rather
// than a run in this process, as if --queue had not been given.
type dsnFlag string

func (f *dsnFlag) String() string {
	if f == nil {
		return ""
	}
	return string(*f)
}

func (f *dsnFlag) Set(v string) error {
	if strings.TrimSpace(v) == "" {
		return errors.New("want a PostgreSQL DSN (postgres://... or host=... dbname=...), not an empty string")
	}
	*f = dsnFlag(v)
	return nil
}

// queueDSN returns the flag's DSN, else $ASSETGEN_QUEUE.
func queueDSN(flagValue string) string {
	if flagValue != "" {
		return flagValue
	}
	return os.Getenv(queue.Env)
}

func (o *workerOptions) run(e *env) int {
	dsn := queueDSN(o.queue)
	if dsn == "" {
		return e.usageError("worker: want the queue's PostgreSQL DSN: --queue postgres://... or $%s", queue.Env)
	}
	if o.concurrency < 0 {
		return e.usageError("-j %d: want a positive number of steps, or 0 for the number of CPUs", o.concurrency)
	}
	if o.staleAfter <= 0 {
		return e.usageError("--stale-after %s: want a positive duration", o.staleAfter)
	}
	if o.stopTimeout < 0 {
		return e.usageError("--stop-timeout %s: want a duration of 0 (hand the running steps back at once) or more", o.stopTimeout)
	}
	if _, ok := e.graph(); !ok {
		return exitFailed
	}
	log := o.log.logger(e.stderr)
	q, err := waitQueue(e.ctx, dsn, log)
	if err != nil {
		if e.ctx.Err() != nil {
			return exitOK // stopped before the database was reached
		}
		e.errorf("%v", err)
		return exitFailed
	}
	defer q.Close()
	stop := o.stopTimeout
	if stop == 0 {
		stop = -1 // hand back at once
	}
	w := q.NewWorker(e.defs, queue.WorkerOptions{
		ID: o.id, Concurrency: o.concurrency, Logger: log,
		StopTimeout: stop, StaleAfter: o.staleAfter,
	})
	if err := w.Run(e.ctx); err != nil {
		e.errorf("%v", err)
		return exitFailed
	}
	return exitOK
}

// openQueue opens the queue, for this pipeline.
func openQueue(ctx context.Context, dsn string) (*queue.Queue, error) {
	if !history.IsPostgres(dsn) {
		return nil, fmt.Errorf("--queue %s: want a PostgreSQL DSN (postgres://... or host=... dbname=...)", history.Describe(dsn))
	}
	return queue.Open(ctx, dsn, history.PipelineName())
}

// waitQueue opens the queue, waiting while its database is unreachable
// (with a warning when the wait starts), so that a worker may start
// before the database does; it returns ctx's error once ctx is done.
func waitQueue(ctx context.Context, dsn string, log *slog.Logger) (*queue.Queue, error) {
	const maxBackoff = 5 * time.Second
	backoff := 100 * time.Millisecond
	down := false
	for {
		q, err := openQueue(ctx, dsn)
		switch {
		case err == nil:
			if down {
				log.Info("reached the queue's database")
			}
			return q, nil
		case ctx.Err() != nil:
			return nil, ctx.Err()
		case !queue.Unreachable(err):
			return nil, err
		case !down:
			log.Warn("cannot reach the queue's database; waiting for it", "err", err)
			down = true
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(backoff):
		}
		backoff = min(2*backoff, maxBackoff)
	}
}

// launchOn checks the flags of a command that launches its runs on the
// queue of DSN dsn (when not empty), with concurrency its -j, and makes
// the queue's database the history.
func (h *historyFlag) launchOn(dsn string, concurrency int) error {
	if dsn == "" {
		return nil
	}
	switch {
	case !history.IsPostgres(dsn):
		return fmt.Errorf("--queue %s: want a PostgreSQL DSN (postgres://... or host=... dbname=...)", history.Describe(dsn))
	case concurrency != 0:
		return errors.New("-j goes with worker when runs are queued: each worker runs its own steps")
	case h.spec != "" && h.spec != dsn:
		return fmt.Errorf("--history %s: runs launched on the queue are recorded in its database; give --queue alone", history.Describe(h.spec))
	}
	h.spec = dsn
	return nil
}

// runQueued launches the run on the queue and follows it from the
// history until it ends (or, with --detach, prints its ID).
func (o *materializeOptions) runQueued(e *env, opts runtime.Options) int {
	q, err := openQueue(e.ctx, o.queue)
	if err != nil {
		e.errorf("%v", err)
		return exitFailed
	}
	defer q.Close()
	opts.Env = history.Env(e.ctx, q.History()) // the keys of dynamic partitions
	tags := map[string]string{}
	if o.selection != "" {
		tags["select"] = o.selection
	}
	if l := e.launch; l != nil {
		// A run the daemon launches: its ID and tags.
		opts.RunID = l.runID
		maps.Copy(tags, l.tags)
	}
	grace := o.grace
	if grace <= 0 {
		grace = -1
	}
	plan, id, err := q.Launch(e.ctx, e.defs, opts, queue.LaunchOptions{Tags: tags, GracePeriod: grace})
	if _, bad := errors.AsType[*runtime.RequestError](err); bad {
		return e.usageError("%v", err) // as materialize without --queue
	}
	if err != nil {
		if _, ok := errors.AsType[*runtime.ConfigError](err); ok {
			e.errorf("invalid config, nothing ran:\n%s", indent(err.Error()))
			return exitFailed
		}
		if plan == nil {
			e.errorf("invalid definitions:\n%s", indent(err.Error()))
		} else {
			e.errorf("cannot launch the run:\n%s", indent(err.Error()))
		}
		return exitFailed
	}
	if o.detach {
		fmt.Fprintln(e.stdout, id)
		return exitOK
	}
	logs := &switchWriter{w: e.stderr}
	rep := o.reporter(e, logs)
	res, err := follow(e.ctx, q.History(), plan, id, rep.event, func(msg string) {
		fmt.Fprintf(logs, "%s materialize: %s\n", e.prog, msg)
	})
	if err != nil {
		rep.end(nil)
		if e.ctx.Err() != nil {
			fmt.Fprintf(e.stderr, "%s materialize: stopped following run %s; it goes on on the workers ('runs cancel %s' cancels it)\n", e.prog, id, id)
			return canceledStatus(e.ctx)
		}
		e.errorf("following run %s: %v", id, err)
		return exitFailed
	}
	rep.end(res)
	if !o.json {
		if err := writeSummary(e.stdout, res); err != nil {
			e.errorf("%v", err)
		}
	}
	if res.OK() {
		return exitOK
	}
	return exitFailed
}

// followInterval is how often follow reads the history.
const followInterval = 100 * time.Millisecond

// follow reads run id from the history until it ends, telling onEvent
// what changed as the events of a run in this process would, and returns
// the run's result, its steps in the plan's order. While the history
// cannot be read (its database down), it tells warn and retries.
func follow(ctx context.Context, log history.Log, plan *runtime.Plan, id string, onEvent func(runtime.Event), warn func(string)) (*runtime.Result, error) {
	type seen struct {
		status   string
		attempts int
	}
	type stepKey struct {
		key       runtime.Key
		partition string
	}
	start := time.Now()
	onEvent(runtime.Event{Type: runtime.RunStart, Time: start, RunID: id, Keys: plan.Keys(), Plan: plan})
	parts := map[stepKey]partition.Subset{} // the partitions of each step, as its events carry them
	for _, ps := range plan.Steps() {
		if ps.Partition != "" {
			parts[stepKey{ps.Key, ps.Partition}] = ps.Partitions
		}
	}
	last := map[stepKey]seen{}
	t := time.NewTicker(followInterval)
	defer t.Stop()
	unreachable := false // since the last read that failed
	for {
		run, steps, err := readRun(ctx, log, id)
		if err != nil {
			// The workers wait for the database and go on when it is
			// back: so does the follower, rather than end as if the run
			// had failed. A run that does not exist, or an interrupt,
			// ends it.
			if errors.Is(err, history.ErrNotFound) || ctx.Err() != nil {
				return nil, err
			}
			if !unreachable {
				warn(fmt.Sprintf("cannot read run %s from the history; retrying: %v", id, err))
				unreachable = true
			}
			select {
			case <-ctx.Done():
				return nil, ctx.Err()
			case <-t.C:
			}
			continue
		}
		if unreachable {
			warn(fmt.Sprintf("reading run %s from the history again", id))
			unreachable = false
		}
		for i := range steps {
			p := &steps[i]
			k := stepKey{p.Key, stepPartition(p)} // the rows of a range step are one step
			was := last[k]
			if was.status == p.Status && was.attempts == p.Attempts {
				continue
			}
			last[k] = seen{p.Status, p.Attempts}
			ev := runtime.Event{RunID: id, Key: p.Key, Partition: k.partition, Partitions: parts[k], Attempt: p.Attempts, CodeVersion: p.CodeVersion, Time: time.Now()}
			if p.Status != history.StepRunning && p.Status != "skipped" && was.status == "" && p.Attempts > 0 {
				onEvent(runtime.Event{Type: runtime.StepStart, Time: p.AttemptStart, RunID: id, Key: p.Key, Partition: p.Partition, Attempt: p.Attempts})
			}
			switch p.Status {
			case history.StepRunning:
				ev.Type, ev.Time = runtime.StepStart, p.AttemptStart
			case "success":
				ev.Type, ev.Time, ev.Metadata, ev.DataVersion = runtime.StepSuccess, p.End, p.Metadata, p.DataVersion
				ev.Duration = p.End.Sub(p.AttemptStart)
			case "skipped":
				ev.Type, ev.Time, ev.Err, ev.Cause = runtime.StepSkipped, p.End, errors.New(p.Error), p.Cause
			default: // failed, canceled
				ev.Type, ev.Time, ev.Err = runtime.StepFailure, p.End, errors.New(p.Error)
				if p.Status == "canceled" {
					ev.Err = fmt.Errorf("%s: %w", p.Error, context.Canceled)
				}
				if !p.AttemptStart.IsZero() {
					ev.Duration = p.End.Sub(p.AttemptStart)
				}
			}
			if ev.Time.IsZero() {
				ev.Time = time.Now()
			}
			onEvent(ev)
		}
		if run.Status != history.RunRunning {
			res := queuedResult(plan, run, steps)
			var runErr error
			if run.Error != "" {
				runErr = errors.New(run.Error)
			}
			onEvent(runtime.Event{Type: runtime.RunEnd, Time: run.End, RunID: id, Duration: res.Duration, Err: runErr})
			return res, nil
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-t.C:
		}
	}
}

// readRun reads run id and its steps from the history.
func readRun(ctx context.Context, log history.Log, id string) (*history.Run, []history.Step, error) {
	run, err := log.Run(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	steps, err := log.Steps(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	return run, steps, nil
}

// queuedResult is the runtime.Result of a queued run as the history has it: its
// steps in the plan's order.
func queuedResult(plan *runtime.Plan, run *history.Run, steps []history.Step) *runtime.Result {
	res := &runtime.Result{RunID: run.ID, Start: run.Start, Duration: run.Duration()}
	type stepKey struct {
		key       runtime.Key
		partition string
	}
	byKey := make(map[stepKey]*history.Step, len(steps))
	for i := range steps {
		if k := (stepKey{steps[i].Key, stepPartition(&steps[i])}); byKey[k] == nil {
			byKey[k] = &steps[i]
		}
	}
	status := map[string]runtime.Status{
		"success": runtime.StatusSuccess, "failed": runtime.StatusFailed,
		"skipped": runtime.StatusSkipped, "canceled": runtime.StatusCanceled,
	}
	for _, ps := range plan.Steps() {
		r := runtime.StepResult{Key: ps.Key, Partition: ps.Partition, Partitions: ps.Partitions, Status: runtime.StatusCanceled}
		if p := byKey[stepKey{ps.Key, ps.Partition}]; p != nil {
			r.Status = status[p.Status] // running: pending
			r.Attempts, r.Start, r.Duration, r.Metadata = p.Attempts, p.Start, p.Duration(), p.Metadata
			r.Cause, r.DataVersion = p.Cause, p.DataVersion
			if p.Error != "" {
				r.Err = errors.New(p.Error)
			}
		} else {
			r.Err = errors.New("canceled before it started")
		}
		res.Steps = append(res.Steps, r)
	}
	return res
}

// cancelRun is 'runs cancel RUN_ID': cancel a queued run.
func (f *runsFlags) cancelRun(e *env, id string) int {
	dsn := queueDSN(f.queue)
	if dsn == "" {
		if spec := f.history.resolve(); history.IsPostgres(spec) {
			dsn = spec
		}
	}
	if dsn == "" {
		return e.usageError("runs cancel: want the queue's PostgreSQL DSN: --queue postgres://..., $%s, or a PostgreSQL history", queue.Env)
	}
	q, err := openQueue(e.ctx, dsn)
	if err != nil {
		e.errorf("%v", err)
		return exitFailed
	}
	defer q.Close()
	run, err := lookupRun(e.ctx, q.History(), id)
	if err != nil {
		e.errorf("%v", err)
		return exitFailed
	}
	if !run.Queued {
		e.errorf("run %s was not launched with --queue: interrupt its materialize process (host %s, process %d) to cancel it", run.ID, run.Host, run.PID)
		return exitFailed
	}
	host, _ := os.Hostname()
	if err := q.Cancel(e.ctx, run.ID, fmt.Sprintf("canceled with 'runs cancel' on %s", host)); err != nil {
		e.errorf("%v", err)
		return exitFailed
	}
	fmt.Fprintf(e.stderr, "%s runs: canceled run %s\n", e.prog, run.ID)
	return exitOK
}

// workerList returns, for runs show, each worker of a queued run with the
// steps it ran, one line each, sorted.
func workerList(steps []history.Step) []string {
	by := map[string][]string{}
	for _, s := range steps {
		if s.Worker != "" {
			by[s.Worker] = append(by[s.Worker], stepName(s.Key, s.Partition))
		}
	}
	var lines []string
	for _, w := range sortedKeys(by) {
		lines = append(lines, fmt.Sprintf("%s: %s", w, strings.Join(slices.Compact(by[w]), ", ")))
	}
	return lines
}

// stepPartition returns the partitions of the runtime's step that p, a
// recorded step, is of: its range when the step covered several (the
// history records a row per partition), else its partition.
func stepPartition(p *history.Step) string {
	if p.Range != "" {
		return p.Range
	}
	return p.Partition
}
