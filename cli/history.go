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
	"github.com/assetgen/assetgen/partition"
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

var errEmptyWrite = errors.New("history: the empty history cannot be written")

func (emptyLog) AcquireLease(context.Context, string, string, time.Time, time.Duration) (history.Lease, error) {
	return history.Lease{}, errEmptyWrite
}
func (emptyLog) ReleaseLease(context.Context, string, string) error { return errEmptyWrite }
func (emptyLog) AutomationStates(context.Context) ([]history.AutomationState, error) {
	return nil, nil
}
func (emptyLog) SaveAutomationState(context.Context, history.AutomationState) error {
	return errEmptyWrite
}
func (emptyLog) SetPaused(context.Context, string, string, bool) error { return errEmptyWrite }
func (emptyLog) ClaimTick(context.Context, history.Claim) (bool, error) {
	return false, errEmptyWrite
}
func (emptyLog) WriteEvaluations(context.Context, []history.Evaluation) error { return errEmptyWrite }
func (emptyLog) Evaluations(context.Context) ([]history.Evaluation, error)    { return nil, nil }

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
// for them, and returns the partitions of the partitioned ones: with
// --stale, those stale, failed or missing, among those req asks for when
// it asks. log is the history open for the run, or nil (a dry run): it
// opens it then. An error is a usage error, but a *failure (status 1) and
// a nothingToDo (a message, status 0).
func (o *materializeOptions) narrow(e *env, log history.Log, keys []runtime.Key, req runtime.Partitions, env partition.Env) (narrowed []runtime.Key, parts map[runtime.Key][]string, parent string, err error) {
	if log == nil {
		if log, err = o.history.open(e.ctx); err != nil {
			return nil, nil, "", &failure{err}
		}
		defer log.Close()
		env.Dynamic = history.Env(e.ctx, log).Dynamic
	}
	// Record the outputs that runs whose process died stored before the
	// history recorded them.
	latest, findings, ok := reconcile(e, log, true)
	if !ok {
		return nil, nil, "", &failure{errors.New("cannot read the run history")}
	}
	v := history.NewView(log, e.defs.Assets, latest, findings, env)
	var sub map[runtime.Key]partition.Subset
	if o.stale {
		keys, sub, err = o.narrowStale(e, v, keys, req, env)
	} else {
		keys, sub, parent, err = o.narrowFromFailure(e, log, v, env)
	}
	if err != nil {
		return nil, nil, "", err
	}
	for k, s := range sub {
		if s.Len() > 0 {
			if parts == nil {
				parts = map[runtime.Key][]string{}
			}
			parts[k] = s.Keys()
		}
	}
	return keys, parts, parent, nil
}

// narrowStale keeps the stale keys of keys, and of the partitioned ones
// the partitions that are not fresh (among those req asks for), with the
// upstreams that must run for them.
func (o *materializeOptions) narrowStale(e *env, v *history.View, keys []runtime.Key, req runtime.Partitions, env partition.Env) ([]runtime.Key, map[runtime.Key]partition.Subset, error) {
	var asked map[runtime.Key]partition.Subset // what req asks for, by asset
	if !req.IsZero() {
		plan, err := e.defs.Plan(runtime.Options{Selection: keys, Partitions: req, Env: env})
		if err != nil {
			if _, ok := errors.AsType[*runtime.RequestError](err); ok {
				return nil, nil, err // a usage error
			}
			return nil, nil, &failure{fmt.Errorf("invalid definitions:\n%s", indent(err.Error()))}
		}
		asked = map[runtime.Key]partition.Subset{}
		for _, a := range plan.Assets() {
			asked[a.Key] = a.Partitions
		}
	}
	states, err := v.States(e.ctx, keys)
	if err != nil {
		return nil, nil, &failure{fmt.Errorf("--stale: %w", err)}
	}
	kept := []runtime.Key{}
	parts := map[runtime.Key]partition.Subset{}
	for _, s := range states {
		if !s.Stale {
			continue
		}
		if p := s.Partitions; p != nil {
			sel := p.Select(history.PartitionStale, history.PartitionFailed, history.PartitionMissing)
			if a, ok := asked[s.Key]; ok {
				sel = intersect(sel, a)
			}
			if sel.Len() == 0 {
				continue
			}
			parts[s.Key] = sel
		}
		kept = append(kept, s.Key)
	}
	if len(kept) == 0 {
		what := "every asset is fresh"
		switch {
		case given(e.fs, "select") && !req.IsZero():
			what = "every selected asset is fresh in the partitions asked for"
		case given(e.fs, "select"):
			what = "every selected asset is fresh"
		case !req.IsZero():
			what = "every asset is fresh in the partitions asked for"
		}
		return nil, nil, nothingToDo(what + "; nothing to materialize")
	}
	return o.withUpstream(e, v, kept, parts)
}

// intersect returns the keys of a that are in b, b being a subset of keys
// of the same definition resolved in the same Env (their indexes match).
func intersect(a, b partition.Subset) partition.Subset {
	var idx []int
	for i := range a.Indexes() {
		if b.Contains(i) {
			idx = append(idx, i)
		}
	}
	return a.Of().Subset(idx...)
}

// withUpstream adds to keys the upstreams whose outputs cannot be loaded
// in this process (those never materialized, and those kept by a memory
// I/O manager: they were lost when the process that stored them ended),
// and of a partitioned one the partitions concerned. The run's plan puts
// them in execution order.
func (o *materializeOptions) withUpstream(e *env, v *history.View, keys []runtime.Key, parts map[runtime.Key]partition.Subset) ([]runtime.Key, map[runtime.Key]partition.Subset, error) {
	keys, parts, err := v.AddUpstream(e.ctx, keys, parts, func(d *runtime.AssetDef) bool {
		_, inMemory := e.defs.IOManagers[d.IOManagerKey()].(*memory.Manager)
		return d.OutputType == nil || !inMemory
	})
	if err != nil {
		return nil, nil, &failure{err}
	}
	return keys, parts, nil
}

// narrowFromFailure returns the steps of the --from-failure run that did
// not succeed, the partitions of the partitioned ones, and the run's full
// ID.
func (o *materializeOptions) narrowFromFailure(e *env, log history.Log, v *history.View, env partition.Env) ([]runtime.Key, map[runtime.Key]partition.Subset, string, error) {
	run, err := lookupRun(e.ctx, log, o.fromFailure)
	if err != nil {
		return nil, nil, "", &failure{fmt.Errorf("--from-failure: %w", err)}
	}
	if this := history.PipelineName(); run.Pipeline != "" && run.Pipeline != this {
		return nil, nil, "", &failure{fmt.Errorf("--from-failure: run %s is a run of pipeline %s, not of this one (%s)", run.ID, run.Pipeline, this)}
	}
	if run.Status == history.RunSuccess {
		return nil, nil, "", nothingToDo(fmt.Sprintf("run %s succeeded; nothing to re-execute", run.ID))
	}
	rerun, err := history.FromFailure(e.ctx, log, run.ID, e.defs.Assets, env)
	if err != nil {
		if errors.Is(err, history.ErrNothingToDo) {
			return nil, nil, "", nothingToDo(fmt.Sprintf("every step of run %s succeeded; nothing to re-execute", run.ID))
		}
		return nil, nil, "", &failure{fmt.Errorf("--from-failure: %w", err)}
	}
	g := runtime.NewGraph(e.defs.Assets)
	var gone []string
	parts := map[runtime.Key]partition.Subset{}
	for _, k := range rerun.Keys {
		n, ok := g.Index(k)
		if !ok {
			gone = append(gone, string(k))
			continue
		}
		d := g.Def(n)
		if d.Partitions == nil {
			continue
		}
		keys, err := d.Partitions.Resolve(env)
		if err != nil {
			return nil, nil, "", &failure{fmt.Errorf("--from-failure: asset %s: %w", k, err)}
		}
		if len(rerun.Partitions[k]) == 0 {
			return nil, nil, "", &failure{fmt.Errorf("--from-failure: run %s did not record the partitions of asset %s", run.ID, k)}
		}
		sel, err := keys.Select(rerun.Partitions[k])
		if err != nil {
			return nil, nil, "", &failure{fmt.Errorf("--from-failure: asset %s: %w", k, err)}
		}
		parts[k] = sel
	}
	if len(gone) > 0 {
		return nil, nil, "", &failure{fmt.Errorf("--from-failure: run %s has steps of assets no longer defined: %s", run.ID, strings.Join(gone, ", "))}
	}
	keys, parts, err := o.withUpstream(e, v, rerun.Keys, parts)
	if err != nil {
		return nil, nil, "", err
	}
	n := len(rerun.Keys)
	what := plural(n, "asset")
	if np := countParts(rerun.Partitions); np > 0 {
		what = fmt.Sprintf("the failed steps of %s (%s)", plural(n, "asset"), plural(np, "partition"))
	} else {
		what = plural(n, "step")
	}
	msg := fmt.Sprintf("re-executing %s of run %s", what, run.ID)
	if m := len(keys) - n; m > 0 {
		msg += fmt.Sprintf(", and %s whose outputs cannot be loaded here (kept in memory by another process, or never materialized)", plural(m, "upstream"))
	}
	req := runtime.Partitions{Assets: map[runtime.Key][]string{}}
	for k, s := range parts {
		req.Assets[k] = s.Keys()
	}
	if p, err := e.defs.Plan(runtime.Options{Selection: keys, Partitions: req, Env: env}); err == nil && len(p.Loads()) > 0 {
		// (An error is reported when the run is planned.)
		msg += "; loading " + strings.Join(keyNames(p.Loads()), ", ") + " from storage"
	}
	fmt.Fprintf(e.stderr, "%s materialize: %s\n", e.prog, msg)
	return keys, parts, run.ID, nil
}

// countParts returns the number of partitions in parts.
func countParts(parts map[runtime.Key][]string) int {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	return n
}

// recording is the run history's part in one materialize: the recorder
// of the run.
type recording struct {
	rec    *history.Recorder
	atExit func() // removes the second signal's abort
}

// record makes opts record the run in log, the run history
// (history.Record), tagged with the selection, the partitions asked for,
// --stale, and parent, the run --from-failure re-executes. Close the
// recording after the run.
func (o *materializeOptions) record(e *env, log history.Log, opts *runtime.Options, parent string, req runtime.Partitions) (*recording, error) {
	tags := map[string]string{}
	if o.selection != "" {
		tags["select"] = o.selection
	}
	if o.parts.given(e.fs) {
		tags["partitions"] = req.String()
	}
	if o.stale {
		tags["stale"] = "true"
	}
	if parent != "" {
		tags["parent_run_id"] = parent
	}
	if e.launch != nil {
		for k, v := range e.launch.tags {
			tags[k] = v
		}
	}
	// Record tells from its context which steps the interrupt stopped;
	// it also reaps with it, which fails once the context is cancelled.
	rec, err := history.Record(e.ctx, log, opts, tags)
	if err != nil && e.ctx.Err() != nil {
		rec, err = history.Record(context.WithoutCancel(e.ctx), log, opts, tags)
	}
	if err != nil {
		return nil, fmt.Errorf("cannot record the run in the history %s: %w\n(run with --no-history to materialize without recording the run)", history.Describe(o.history.resolve()), err)
	}
	// Record reaped the runs of dead processes: record the outputs they
	// stored that the history does not know.
	reconcile(e, log, true)
	r := &recording{rec: rec}
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

// close writes what the recorder still holds, so that every event of the
// run is durable, also when the run was interrupted. A nil recording
// (--no-history) does nothing.
func (r *recording) close(e *env) {
	if r == nil {
		return
	}
	r.atExit()
	if err := r.rec.Close(); err != nil {
		e.errorf("the run history may be incomplete: %v", err)
	}
}

// reconcile returns the latest records of log with the stored outputs
// taken into account (history.Reconciled), and the findings (for a
// history.View), recording the outputs that landed after their runs ended
// when record is set, and saying so on stderr. Outputs whose I/O manager
// could not be asked are reported as a warning; ok is false only when the
// history cannot be read (reported).
func reconcile(e *env, log history.Log, record bool) (latest []history.Asset, findings []history.Finding, ok bool) {
	latest, findings, err := history.Reconciled(e.ctx, log, e.defs, record)
	if _, partial := errors.AsType[*history.ManagerError](err); err != nil && !partial {
		e.errorf("reading the run history: %v", err)
		return nil, nil, false
	}
	if err != nil {
		e.errorf("warning: some stored outputs could not be checked against the history: %v", err)
	}
	for _, f := range findings {
		if f.Kind == history.Landed && record {
			e.errorf("%s: %s; recorded in the history now", stepName(f.Key, f.Partition), f.String())
		}
	}
	if record {
		findings = nil // recorded: the records have them
	}
	return latest, findings, true
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
