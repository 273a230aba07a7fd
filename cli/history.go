package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/internal/suggest"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/memory"
)

// envHistory names the environment variable that chooses the run history
// when --history is not given: a directory or a PostgreSQL URL.
const envHistory = "ASSETGEN_HISTORY"

// historyFlag is the --history flag of the commands that use the run
// history.
type historyFlag struct{ spec string }

func (h *historyFlag) declare(fs *flag.FlagSet) {
	fs.StringVar(&h.spec, "history", "", "the run history `SPEC`: a directory (it holds history.db), or a PostgreSQL\nURL (postgres://...) or key=value DSN (host=... dbname=...)\n(default: $"+envHistory+", else $"+history.EnvHome+", else .assetgen)")
}

// resolve returns the spec to open: the flag, else $ASSETGEN_HISTORY,
// else the default home.
func (h *historyFlag) resolve() string {
	if h.spec != "" {
		return h.spec
	}
	if s := os.Getenv(envHistory); s != "" {
		return s
	}
	return history.DefaultHome()
}

// open opens the run history. Its error names the history and says how to
// choose another.
func (h *historyFlag) open(ctx context.Context) (history.Log, error) {
	return h.openWith(ctx, history.Open)
}

// openWith opens the run history with open (history.Open or
// history.OpenReadOnly).
func (h *historyFlag) openWith(ctx context.Context, open func(context.Context, string) (history.Log, error)) (history.Log, error) {
	spec := h.resolve()
	log, err := open(ctx, spec)
	if err != nil {
		if name := history.Describe(spec); !strings.Contains(err.Error(), name) {
			return nil, fmt.Errorf("cannot open the run history %s: %w", name, err)
		}
		return nil, fmt.Errorf("cannot open the run history: %w", err)
	}
	return log, nil
}

// openRead opens the run history for a command that only reads it:
// read-only (history.OpenReadOnly), so that it works on a history it
// cannot write and never changes one. A SQLite history that does not
// exist yet is not created (runs or status typed in the wrong directory
// would leave a .assetgen there): an empty history stands for it.
func (h *historyFlag) openRead(ctx context.Context) (history.Log, error) {
	log, err := h.openWith(ctx, history.OpenReadOnly)
	if errors.Is(err, fs.ErrNotExist) {
		return emptyLog{}, nil
	}
	return log, err
}

// emptyLog is a run history with nothing in it, which cannot be written.
type emptyLog struct{}

func (emptyLog) Write(context.Context, *history.Batch) error {
	return errors.New("history: the empty history cannot be written")
}
func (emptyLog) Runs(context.Context, history.RunQuery) ([]history.Run, error) { return nil, nil }
func (emptyLog) Run(_ context.Context, id string) (*history.Run, error) {
	return nil, fmt.Errorf("run %q: %w", id, history.ErrNotFound)
}
func (emptyLog) Steps(context.Context, string) ([]history.Step, error) { return nil, nil }
func (emptyLog) Assets(context.Context) ([]history.Asset, error)       { return nil, nil }
func (emptyLog) AssetSteps(context.Context, runtime.Key, int) ([]history.Step, error) {
	return nil, nil
}
func (emptyLog) Logs(_ context.Context, id string, _ history.LogQuery) ([]history.LogLine, error) {
	return nil, fmt.Errorf("run %q: %w", id, history.ErrNotFound)
}
func (emptyLog) Partitions(_ context.Context, key runtime.Key) (*history.PartitionRecords, error) {
	return &history.PartitionRecords{Key: key}, nil
}
func (emptyLog) DynamicPartitions(context.Context, string) ([]string, error) { return nil, nil }
func (emptyLog) AddDynamicPartitions(context.Context, string, []string) ([]string, error) {
	return nil, errors.New("history: the empty history cannot be written")
}
func (emptyLog) DeleteDynamicPartitions(context.Context, string, []string) ([]string, error) {
	return nil, errors.New("history: the empty history cannot be written")
}
func (emptyLog) Reap(context.Context) ([]string, error) { return nil, nil }
func (emptyLog) Close() error                           { return nil }

// lookupRun returns the run whose ID is id or, like git, starts with id
// when only one run does.
func lookupRun(ctx context.Context, log history.Log, id string) (*history.Run, error) {
	run, err := log.Run(ctx, id)
	if err == nil || !errors.Is(err, history.ErrNotFound) {
		return run, err
	}
	runs, lerr := log.Runs(ctx, history.RunQuery{})
	if lerr != nil {
		return nil, lerr
	}
	var matches, ids []string
	for _, r := range runs {
		ids = append(ids, r.ID)
		if id != "" && strings.HasPrefix(r.ID, id) {
			matches = append(matches, r.ID)
		}
	}
	switch len(matches) {
	case 0:
		return nil, &noRun{fmt.Sprintf("no run %q in the history%s", id, suggest.Hint(id, ids))}
	case 1:
		return log.Run(ctx, matches[0])
	}
	if len(matches) > 5 {
		matches = append(matches[:5], "...")
	}
	return nil, fmt.Errorf("run ID prefix %q is ambiguous: it matches %s", id, strings.Join(matches, ", "))
}

// noRun is the error of lookupRun when no run matches; it is a
// history.ErrNotFound.
type noRun struct{ msg string }

func (n *noRun) Error() string        { return n.msg }
func (n *noRun) Is(target error) bool { return target == history.ErrNotFound }

// given reports whether the flag name was given on the command line.
func given(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// narrow narrows keys, the selected assets in execution order, to the
// stale ones (--stale) or to the steps of a run that did not succeed
// (--from-failure, whose run it returns as parent), with what must run
// for them. An error is a usage error, but a *failure (status 1) and a
// nothingToDo (a message, status 0).
func (o *materializeOptions) narrow(e *env, keys []runtime.Key) (narrowed []runtime.Key, parent string, err error) {
	log, err := o.history.open(e.ctx)
	if err != nil {
		return nil, "", &failure{err}
	}
	defer log.Close()
	if o.stale {
		keys, err := o.narrowStale(e, log, keys)
		return keys, "", err
	}
	return o.narrowFromFailure(e, log)
}

// narrowStale keeps the stale keys of keys.
func (o *materializeOptions) narrowStale(e *env, log history.Log, keys []runtime.Key) ([]runtime.Key, error) {
	latest, ok := reconcile(e, log, true)
	if !ok {
		return nil, &failure{errors.New("--stale: cannot compute staleness")}
	}
	states := history.Staleness(e.defs.Assets, latest)
	stale := map[runtime.Key]bool{}
	for _, k := range history.StaleSelection(states) {
		stale[k] = true
	}
	// An upstream never materialized has nothing to load: it must run
	// too, also when --select left it out.
	never := map[runtime.Key]bool{}
	for _, s := range states {
		if s.Last == nil || !s.Last.Materialized() {
			never[s.Key] = true
		}
	}
	kept := []runtime.Key{}
	for _, k := range keys {
		if stale[k] {
			kept = append(kept, k)
		}
	}
	if len(kept) == 0 {
		if given(e.fs, "select") {
			return nil, nothingToDo("every selected asset is fresh; nothing to materialize")
		}
		return nil, nothingToDo("every asset is fresh; nothing to materialize")
	}
	return withUpstream(e, kept, never), nil
}

// withUpstream adds to keys the upstreams whose outputs cannot be loaded
// in this process (those never materialized, and those kept by a memory
// I/O manager: they were lost when the process that stored them ended).
// The run's plan puts them in execution order.
func withUpstream(e *env, keys []runtime.Key, never map[runtime.Key]bool) []runtime.Key {
	return history.AddUpstream(e.defs.Assets, keys, func(d *runtime.AssetDef) bool {
		if never[d.Key] {
			return false
		}
		_, inMemory := e.defs.IOManagers[d.IOManagerKey()].(*memory.Manager)
		return d.OutputType == nil || !inMemory
	})
}

// narrowFromFailure returns the steps of the --from-failure run that did
// not succeed, and the run's full ID.
func (o *materializeOptions) narrowFromFailure(e *env, log history.Log) ([]runtime.Key, string, error) {
	run, err := lookupRun(e.ctx, log, o.fromFailure)
	if err != nil {
		return nil, "", &failure{fmt.Errorf("--from-failure: %w", err)}
	}
	if this := history.PipelineName(); run.Pipeline != "" && run.Pipeline != this {
		return nil, "", &failure{fmt.Errorf("--from-failure: run %s is a run of pipeline %s, not of this one (%s)", run.ID, run.Pipeline, this)}
	}
	if run.Status == history.RunSuccess {
		return nil, "", nothingToDo(fmt.Sprintf("run %s succeeded; nothing to re-execute", run.ID))
	}
	rerun, err := history.FromFailure(e.ctx, log, run.ID)
	if err != nil {
		if errors.Is(err, history.ErrNothingToDo) {
			return nil, "", nothingToDo(fmt.Sprintf("every step of run %s succeeded; nothing to re-execute", run.ID))
		}
		return nil, "", &failure{fmt.Errorf("--from-failure: %w", err)}
	}
	g := runtime.NewGraph(e.defs.Assets)
	var gone []string
	for _, k := range rerun {
		if _, ok := g.Index(k); !ok {
			gone = append(gone, string(k))
		}
	}
	if len(gone) > 0 {
		return nil, "", &failure{fmt.Errorf("--from-failure: run %s has steps of assets no longer defined: %s", run.ID, strings.Join(gone, ", "))}
	}
	keys := withUpstream(e, rerun, nil)
	msg := fmt.Sprintf("re-executing %s of run %s", plural(len(rerun), "step"), run.ID)
	if n := len(keys) - len(rerun); n > 0 {
		msg += fmt.Sprintf(", and %s whose outputs were kept in memory", plural(n, "upstream"))
	}
	if p, err := e.defs.Plan(runtime.Options{Selection: keys}); err == nil && len(p.Loads()) > 0 {
		// (An error is reported when the run is planned.)
		msg += "; loading " + strings.Join(keyNames(p.Loads()), ", ") + " from storage"
	}
	fmt.Fprintf(e.stderr, "%s materialize: %s\n", e.prog, msg)
	return keys, run.ID, nil
}

// recording is the run history's part in one materialize: the history
// and the recorder of the run.
type recording struct {
	log    history.Log
	rec    *history.Recorder
	atExit func() // removes the second signal's abort
}

// record opens the run history and makes opts record the run in it
// (history.Record), tagged with the selection, --stale, and parent, the
// run --from-failure re-executes. Close the recording after the run.
func (o *materializeOptions) record(e *env, opts *runtime.Options, parent string) (*recording, error) {
	// An interrupt while the history opens must not keep the run, cut
	// short as it will be, from being recorded.
	log, err := o.history.open(context.WithoutCancel(e.ctx))
	if err != nil {
		return nil, fmt.Errorf("%w\n(run with --no-history to materialize without recording the run)", err)
	}
	tags := map[string]string{}
	if o.selection != "" {
		tags["select"] = o.selection
	}
	if o.stale {
		tags["stale"] = "true"
	}
	if parent != "" {
		tags["parent_run_id"] = parent
	}
	// Record tells from its context which steps the interrupt stopped;
	// it also reaps with it, which fails once the context is cancelled.
	rec, err := history.Record(e.ctx, log, opts, tags)
	if err != nil && e.ctx.Err() != nil {
		rec, err = history.Record(context.WithoutCancel(e.ctx), log, opts, tags)
	}
	if err != nil {
		log.Close()
		return nil, fmt.Errorf("cannot record the run in the history %s: %w\n(run with --no-history to materialize without recording the run)", history.Describe(o.history.resolve()), err)
	}
	// Record reaped the runs of dead processes: record the outputs they
	// stored that the history does not know.
	reconcile(e, log, true)
	r := &recording{log: log, rec: rec}
	r.atExit = atExit(func() {
		// A second interrupt: record the run as canceled now, rather than
		// leave it running until the next process reaps it as abandoned.
		ctx, cancel := context.WithTimeout(context.Background(), abortTimeout)
		defer cancel()
		rec.Abort(ctx, errors.New("interrupted again: the process exited without waiting for its running steps"))
	})
	return r, nil
}

// abortTimeout bounds how long a second interrupt waits for the history
// to record the run as canceled.
const abortTimeout = 2 * time.Second

// close writes what the recorder still holds and closes the history, so
// that every event of the run is durable, also when the run was
// interrupted. A nil recording (--no-history) does nothing.
func (r *recording) close(e *env) {
	if r == nil {
		return
	}
	r.atExit()
	err := r.rec.Close()
	if cerr := r.log.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		e.errorf("the run history may be incomplete: %v", err)
	}
}

// reconcile returns the latest records of log with the stored outputs
// taken into account (history.Reconciled), recording the outputs that
// landed after their runs ended when record is set, and saying so on
// stderr. Outputs whose I/O manager could not be asked are reported as a
// warning; ok is false only when the history cannot be read (reported).
func reconcile(e *env, log history.Log, record bool) (latest []history.Asset, ok bool) {
	latest, findings, err := history.Reconciled(e.ctx, log, e.defs, record)
	if _, partial := errors.AsType[*history.ManagerError](err); err != nil && !partial {
		e.errorf("reading the run history: %v", err)
		return nil, false
	}
	if err != nil {
		e.errorf("warning: some stored outputs could not be checked against the history: %v", err)
	}
	for _, f := range findings {
		if f.Kind == history.Landed && record {
			e.errorf("%s: %s; recorded in the history now", stepName(f.Key, f.Partition), f.String())
		}
	}
	return latest, true
}

// stepCounts formats the step counts of a run: "8 success, 1 failed".
func stepCounts(counts map[string]int) string {
	order := []string{"success", "failed", "skipped", "canceled", history.StepRunning}
	var parts []string
	for _, s := range order {
		if n := counts[s]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, s))
		}
	}
	for _, s := range sortedKeys(counts) {
		if !slices.Contains(order, s) && counts[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[s], s))
		}
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, ", ")
}
