package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
)

// stepArgs is the job of one step. Jobs are unique by run, asset,
// partition and generation (see the package documentation).
type stepArgs struct {
	Run         string `json:"run" river:"unique"`
	Key         string `json:"key" river:"unique"`
	Partition   string `json:"partition" river:"unique"`
	Gen         int    `json:"gen" river:"unique"`
	Step        int32  `json:"step"`
	Fingerprint string `json:"fingerprint"`
}

// Kind implements river.JobArgs.
func (stepArgs) Kind() string { return "assetgen_step" }

// endArgs is the job that records the end of a run in the history.
type endArgs struct {
	Run string `json:"run" river:"unique"`
}

// Kind implements river.JobArgs.
func (endArgs) Kind() string { return "assetgen_run_end" }

// maxAttempts bounds River's attempts at one job: a step's own retries
// are the runtime's (retries=), inside one attempt, so River retries only
// what stopped a worker (a database error at completion, a worker that
// died): the step job of a dead worker gets a new generation, and its old
// job, rescued, does nothing.
const maxAttempts = 100

// env is a run's partition environment as stored: the time it was
// planned at and the dynamic keys it read.
type env struct {
	Now     time.Time           `json:"now"`
	Dynamic map[string][]string `json:"dynamic,omitempty"`
}

func (e *env) partitionEnv() partition.Env {
	pe := partition.Env{Now: e.Now}
	if e.Dynamic != nil {
		pe.Dynamic = func(name string) ([]string, error) {
			keys, ok := e.Dynamic[name]
			if !ok {
				return nil, fmt.Errorf("the run's plan read no keys of dynamic partitions %q", name)
			}
			return keys, nil
		}
	}
	return pe
}

// LaunchOptions are the options of Launch that the plan does not take.
type LaunchOptions struct {
	Tags map[string]string // recorded with the run
	// GracePeriod is runtime.Options.GracePeriod for every step.
	GracePeriod time.Duration
}

// Launch plans a run of defs as opts asks (runtime.Definitions.Plan: its
// Selection, Partitions, Env, Config and RunID; the rest of opts is
// unused), checks that every asset of it can pass data between machines
// (Check) and that its config gives no secret (which the queue's database
// would hold: secrets go to the workers' environment),
// records the run in the history (Run.Queued), and enqueues it: in one
// transaction, its steps and a job for each step that waits for nothing.
// It returns the plan and the run's ID; the workers do the rest.
func (q *Queue) Launch(ctx context.Context, defs *runtime.Definitions, opts runtime.Options, lo LaunchOptions) (*runtime.Plan, string, error) {
	// Record the dynamic keys the plan reads, for the workers.
	var mu sync.Mutex
	dyn := map[string][]string{}
	if read := opts.Env.Dynamic; read != nil {
		opts.Env.Dynamic = func(name string) ([]string, error) {
			keys, err := read(name)
			if err == nil {
				mu.Lock()
				dyn[name] = slices.Clone(keys)
				mu.Unlock()
			}
			return keys, err
		}
	}
	plan, err := defs.Plan(opts)
	if err != nil {
		return nil, "", err
	}
	if err := Check(defs, plan); err != nil {
		return plan, "", err
	}
	if err := checkSecrets(defs, opts.Config); err != nil {
		return plan, "", err
	}
	runID := opts.RunID
	if runID == "" {
		runID = runtime.NewRunID()
	}
	e := env{Now: plan.Env().Now}
	if len(dyn) > 0 {
		e.Dynamic = dyn
	}
	versions, err := q.loadVersions(ctx, plan)
	if err != nil {
		return plan, "", err
	}
	fp := Fingerprint(defs)

	now := time.Now()
	host, _ := os.Hostname()
	run := history.Run{
		ID: runID, Pipeline: history.PipelineName(), Status: history.RunRunning, Start: now,
		Selection: plan.Keys(), Tags: lo.Tags, Host: host, PID: os.Getpid(), Heartbeat: now, Queued: true,
	}
	if err := q.log.Write(ctx, &history.Batch{Runs: []history.Run{run}}); err != nil {
		return plan, "", err
	}
	// The run is recorded: an interrupt of the launcher from here on
	// stops following it, not the run (as it does once it is enqueued),
	// so enqueueing goes on without ctx's cancellation, for a bounded time.
	ectx, cancel := context.WithTimeout(context.WithoutCancel(ctx), enqueueTimeout)
	defer cancel()
	if err := q.enqueueRetrying(ectx, plan, runID, fp, &e, versions, opts.Config, lo.GracePeriod); err != nil {
		// Nothing was enqueued: say so in the history.
		run.Status, run.End, run.Error = history.RunFailed, time.Now(), "could not enqueue the run: "+err.Error()
		run.Heartbeat = run.End
		if werr := q.log.Write(context.WithoutCancel(ctx), &history.Batch{Runs: []history.Run{run}}); werr != nil {
			err = errors.Join(err, werr)
		}
		return plan, "", err
	}
	return plan, runID, nil
}

// enqueueTimeout bounds enqueueing a recorded run once its launcher is
// interrupted.
const enqueueTimeout = time.Minute

// loadVersions returns the data versions of the unpartitioned upstreams
// the run loads from storage, as the history knows them.
func (q *Queue) loadVersions(ctx context.Context, plan *runtime.Plan) (map[runtime.Key]string, error) {
	loads := plan.Loads()
	if len(loads) == 0 {
		return map[runtime.Key]string{}, nil
	}
	assets, err := q.log.Assets(ctx)
	if err != nil {
		return nil, err
	}
	version := history.DataVersions(assets)
	out := map[runtime.Key]string{}
	for _, k := range loads {
		if v := version(k); v != "" {
			out[k] = v
		}
	}
	return out, nil
}

// enqueueRetrying is enqueueRun, tried again while the database cannot
// be reached (Unreachable), until ctx is done: a launch that meets an
// outage once the run is recorded waits for the database, as workers and
// followers do. A try whose commit went through but whose answer was
// lost is found by the next, which then does nothing.
func (q *Queue) enqueueRetrying(ctx context.Context, plan *runtime.Plan, runID, fp string, e *env, versions map[runtime.Key]string,
	cfg runtime.RunConfig, grace time.Duration) error {
	backoff := 50 * time.Millisecond
	for {
		err := q.enqueueRun(ctx, plan, runID, fp, e, versions, cfg, grace)
		if err == nil || !Unreachable(err) {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(backoff):
		}
		backoff = min(2*backoff, 2*time.Second)
		var one int
		if q.pool.QueryRow(ctx, `SELECT 1 FROM assetgen_queue_runs WHERE run_id = $1`, runID).Scan(&one) == nil {
			return nil // the last try committed
		}
	}
}

// enqueueRun writes the run's bookkeeping and the jobs of its first steps
// in one transaction.
func (q *Queue) enqueueRun(ctx context.Context, plan *runtime.Plan, runID, fp string, e *env, versions map[runtime.Key]string,
	cfg runtime.RunConfig, grace time.Duration) error {
	n := plan.Len()
	down := make([][]int32, n)
	for s := range n {
		for _, d := range plan.Deps(s) {
			down[d] = append(down[d], int32(s))
		}
	}
	envJSON, err := json.Marshal(e)
	if err != nil {
		return err
	}
	versionsJSON, err := json.Marshal(versions)
	if err != nil {
		return err
	}
	if cfg == nil {
		cfg = runtime.RunConfig{}
	}
	cfgJSON, err := json.Marshal(cfg)
	if err != nil {
		return err
	}
	tx, err := q.pool.Begin(ctx)
	if err != nil {
		return q.errorf("enqueue run %s: %w", runID, err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `INSERT INTO assetgen_queue_runs (run_id, fingerprint, env, versions, grace_ns, steps, remaining, state, config)
		VALUES ($1, $2, $3, $4, $5, $6, $6, 'running', $7)`, runID, fp, envJSON, versionsJSON, int64(grace), n, cfgJSON); err != nil {
		return q.errorf("enqueue run %s: %w", runID, err)
	}
	var roots []jobStep
	rows := make([][]any, n)
	for s := range n {
		st := plan.Step(s)
		pending := len(plan.Deps(s))
		state := "waiting"
		if pending == 0 {
			state = "queued"
			roots = append(roots, jobStep{step: int32(s), key: string(st.Key), partition: st.Partition})
		}
		d := down[s]
		if d == nil {
			d = []int32{}
		}
		rows[s] = []any{runID, int32(s), string(st.Key), st.Partition, int32(pending), d, state}
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"assetgen_queue_steps"},
		[]string{"run_id", "step", "asset_key", "partition_key", "pending", "down", "state"}, pgx.CopyFromRows(rows)); err != nil {
		return q.errorf("enqueue the steps of run %s: %w", runID, err)
	}
	if err := q.enqueue(ctx, tx, runID, fp, roots); err != nil {
		return err
	}
	if err := tx.Commit(ctx); err != nil {
		return q.errorf("enqueue run %s: commit: %w", runID, err)
	}
	return nil
}

// jobStep is a step to make a job of.
type jobStep struct {
	step           int32
	key, partition string
	gen            int
}

// enqueue inserts the jobs of steps of a run, in tx. (The worker that
// claims a step notes its job, for Cancel.)
func (q *Queue) enqueue(ctx context.Context, tx pgx.Tx, runID, fp string, steps []jobStep) error {
	if len(steps) == 0 {
		return nil
	}
	params := make([]river.InsertManyParams, len(steps))
	opts := &river.InsertOpts{Queue: q.queue, MaxAttempts: maxAttempts, UniqueOpts: river.UniqueOpts{ByArgs: true}}
	for i, s := range steps {
		params[i] = river.InsertManyParams{
			Args:       stepArgs{Run: runID, Key: s.key, Partition: s.partition, Gen: s.gen, Step: s.step, Fingerprint: fp},
			InsertOpts: opts,
		}
	}
	if _, err := q.client.InsertManyTx(ctx, tx, params); err != nil {
		return q.errorf("enqueue steps of run %s: %w", runID, err)
	}
	return nil
}

// Check returns an error naming every asset of plan (those it stores, and
// the upstreams it loads from storage) whose I/O manager cannot pass data
// between machines (see runtime.ShareChecker), each with what to use
// instead, sorted; nil when there is none.
func Check(defs *runtime.Definitions, plan *runtime.Plan) error {
	byKey := make(map[runtime.Key]*runtime.AssetDef, len(defs.Assets))
	for _, a := range defs.Assets {
		if a != nil {
			byKey[a.Key] = a
		}
	}
	var msgs []string
	check := func(k runtime.Key, what string) {
		a := byKey[k]
		if a == nil || a.OutputType == nil {
			return // nothing stored, nothing loaded
		}
		m := defs.IOManagers[a.IOManagerKey()]
		sc, ok := m.(runtime.ShareChecker)
		var err error
		switch {
		case m == nil:
			return // Plan said so already
		case !ok:
			err = fmt.Errorf("%T cannot tell whether steps on other machines can load what it stores (it does not implement runtime.ShareChecker)", m)
		default:
			err = sc.CheckShared()
		}
		if err != nil {
			msgs = append(msgs, fmt.Sprintf("asset %s%s: I/O manager %q: %v", k, what, a.IOManagerKey(), err))
		}
	}
	keys := plan.Keys()
	for _, k := range keys {
		check(k, "")
	}
	for _, k := range plan.Loads() {
		if !slices.Contains(keys, k) {
			check(k, " (an upstream the run loads from storage)")
		}
	}
	if len(msgs) == 0 {
		return nil
	}
	sort.Strings(msgs)
	msgs = slices.Compact(msgs)
	return fmt.Errorf("the run cannot be distributed: %s", strings.Join(msgs, "\n"))
}

// checkSecrets returns an error naming every secret field (`secret:"true"`)
// that cfg gives a value: the queue's database would hold it in the
// clear, where the history records it masked. Workers take secrets from
// their environment (a resource field's env tag).
func checkSecrets(defs *runtime.Definitions, cfg runtime.RunConfig) error {
	if len(cfg) == 0 {
		return nil
	}
	schema := runtime.ConfigSchema(defs.Assets)
	var msgs []string
	for sec, vals := range cfg {
		for _, f := range schema[sec] {
			if _, given := vals[f.Name]; !given || !f.Secret {
				continue
			}
			how := "give it to the workers in their environment"
			if f.Env != "" {
				how = "set $" + f.Env + " on the workers instead"
			}
			msgs = append(msgs, fmt.Sprintf("config %s: field %q is secret, and a queued run's config is stored in the queue's database: %s", sec, f.Name, how))
		}
	}
	if len(msgs) == 0 {
		return nil
	}
	sort.Strings(msgs)
	return &runtime.ConfigError{Err: errors.New(strings.Join(msgs, "\n"))}
}
