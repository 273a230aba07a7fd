package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"log/slog"
	"maps"
	"math/rand/v2"
	"os"
	goruntime "runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/runtime"
)

// Defaults of WorkerOptions.
const (
	DefaultStaleAfter  = 10 * time.Second
	DefaultStopTimeout = time.Minute
	heartbeatInterval  = time.Second
)

// WorkerOptions configure a Worker.
type WorkerOptions struct {
	// ID names the worker in the history (Step.Worker) and to River; it
	// must differ between the processes sharing a database. Empty:
	// "HOST/PID".
	ID string
	// Concurrency bounds the steps running at once; 0 means GOMAXPROCS.
	Concurrency int
	// Logger receives the worker's messages and the steps' log lines
	// (which also go to the history); slog.Default() when nil.
	Logger *slog.Logger
	// StopTimeout is how long the running steps may go on once the
	// worker is told to stop (Run's context is done) before they are
	// handed back: cancelled, and queued again for another worker.
	// Zero means DefaultStopTimeout; a negative value hands back at once.
	StopTimeout time.Duration
	// StaleAfter is how long a running step's worker may go without
	// beating its heartbeat (once a second) before the step is queued
	// again for another worker: a worker killed, or cut off from the
	// database. Zero means DefaultStaleAfter.
	StaleAfter time.Duration
}

// Worker runs the steps of queued runs of one build of a pipeline. It
// refuses the steps of runs launched with other definitions (see
// Fingerprint), handing them back for a worker of the right build.
type Worker struct {
	q    *Queue
	defs *runtime.Definitions
	fp   string
	opts WorkerOptions
	log  *slog.Logger

	exec *runtime.Executor  // made by Run
	res  *runtime.Resources // exec's steps' resources, made by Run: built on first use, closed when Run returns
	// The resources of runs whose config configures some: by that part
	// of the config (JSON), each built on first use, closed when Run
	// returns.
	resByConfig map[string]*runtime.Resources
	ups         map[runtime.Key][]string // by asset: its upstreams (inputs and deps)

	rec    *history.Recorder
	logger *slog.Logger // the steps' base logger: to the history and log

	mu      sync.Mutex
	leases  map[int64]*lease    // the running steps, by lease
	places  map[placeKey]place  // the steps this worker records, for the history
	runs    map[string]*runInfo // cached
	refused map[refusal]bool

	claims *batcher[claimReq, claimRes] // the steps' claims, sent together
	leaves *batcher[leafReq, error]     // the leaves' completions, sent together

	handBack  atomic.Bool // the worker is stopping and hands its steps back
	lastError atomic.Int64
	started   time.Time
}

type lease struct {
	cancel context.CancelCauseFunc
	lost   atomic.Bool // the heartbeat found the lease gone
}

type placeKey struct {
	run       string
	key       runtime.Key
	partition string
}

type place struct {
	seq  int
	base int64
}

type refusal struct {
	run  string
	step int32
}

// runInfo is what a worker needs to know of a run, read once.
type runInfo struct {
	fingerprint string
	env         env
	versions    map[runtime.Key]string
	grace       time.Duration
	config      runtime.RunConfig
	res         *runtime.Resources // the resources of its steps
}

var (
	errHandBack = errors.New("the worker is stopping: the step is handed back to the queue")
	errLost     = errors.New("the step is no longer this worker's: its run was canceled, or the step was given to another worker")
)

// NewWorker returns a worker of defs on q. Call Run.
func (q *Queue) NewWorker(defs *runtime.Definitions, opts WorkerOptions) *Worker {
	if opts.ID == "" {
		host, _ := os.Hostname()
		opts.ID = fmt.Sprintf("%s/%d", host, os.Getpid())
	}
	if opts.Concurrency <= 0 {
		opts.Concurrency = goruntime.GOMAXPROCS(0)
	}
	if opts.StopTimeout == 0 {
		opts.StopTimeout = DefaultStopTimeout
	}
	if opts.StaleAfter <= 0 {
		opts.StaleAfter = DefaultStaleAfter
	}
	log := opts.Logger
	if log == nil {
		log = slog.Default()
	}
	ups := map[runtime.Key][]string{}
	for _, d := range defs.Assets {
		if d == nil || len(d.Inputs)+len(d.Deps) == 0 {
			continue
		}
		if _, ok := ups[d.Key]; ok {
			continue // the first definition of a key is the one that runs
		}
		var keys []string
		for _, u := range d.Upstream() {
			keys = append(keys, string(u))
		}
		ups[d.Key] = keys
	}
	w := &Worker{
		q: q, defs: defs, fp: Fingerprint(defs), opts: opts, log: log.With("worker", opts.ID), ups: ups,
		leases: map[int64]*lease{}, places: map[placeKey]place{}, runs: map[string]*runInfo{}, refused: map[refusal]bool{},
	}
	w.claims = &batcher[claimReq, claimRes]{send: w.claimSteps}
	w.leaves = &batcher[leafReq, error]{send: w.completeLeaves, same: func(a, b leafReq) bool { return a.a.Run == b.a.Run }}
	return w
}

// ID returns the worker's name.
func (w *Worker) ID() string { return w.opts.ID }

// Fingerprint returns the fingerprint of the worker's definitions.
func (w *Worker) Fingerprint() string { return w.fp }

// Run works steps until ctx is done, then stops: it takes no new step,
// lets the running ones finish for StopTimeout, and hands back those
// still running. It returns when every step is finished or handed back,
// with an error only when the worker could not start.
func (w *Worker) Run(ctx context.Context) error {
	exec, err := runtime.NewExecutor(w.defs)
	if err != nil {
		return fmt.Errorf("queue: worker: %w", err)
	}
	w.exec = exec
	w.started = time.Now()
	w.rec = history.NewStepRecorder(w.q.log, w.opts.ID, w.place)
	defer w.rec.Close()
	w.logger = slog.New(w.rec.Handler(w.log.Handler()))
	// Resources live as long as the worker process's steps: built when a
	// step first needs one, cleaned up once every step is over.
	w.res = new(runtime.Resources)
	w.resByConfig = map[string]*runtime.Resources{}
	defer func() {
		w.mu.Lock()
		all := append([]*runtime.Resources{w.res}, slices.Collect(maps.Values(w.resByConfig))...)
		w.mu.Unlock()
		for _, r := range all {
			if err := r.Close(); err != nil {
				w.log.Error("resource cleanup failed", "err", err)
			}
		}
	}()

	workers := river.NewWorkers()
	river.AddWorker(workers, river.WorkFunc(w.workStep))
	river.AddWorker(workers, river.WorkFunc(w.workEnd))
	client, err := river.NewClient(riverpgxv5.New(w.q.pool), &river.Config{
		ID:      w.opts.ID,
		Workers: workers,
		Queues: map[string]river.QueueConfig{
			w.q.queue: {MaxWorkers: w.opts.Concurrency},
			// Recording a run's end takes no step slot (see endQueue).
			w.q.endQueue(): {MaxWorkers: 1},
		},
		// A step's notification wakes the workers at once: fetch as soon
		// as told, and poll only as a fallback.
		FetchCooldown:     time.Millisecond,
		FetchPollInterval: time.Second,
		JobTimeout:        -1, // steps have their own timeouts
		MaxAttempts:       maxAttempts,
		Logger:            w.log,
	})
	if err != nil {
		return fmt.Errorf("queue: worker: %w", err)
	}
	runCtx, stopRun := context.WithCancel(context.WithoutCancel(ctx))
	defer stopRun()
	if err := client.Start(runCtx); err != nil {
		return fmt.Errorf("queue: worker: %w", err)
	}
	beat := make(chan struct{})
	go func() {
		defer close(beat)
		w.heartbeat(runCtx)
	}()
	w.log.Info("worker started", "queue", w.q.where, "concurrency", w.opts.Concurrency, "fingerprint", w.fp)
	<-ctx.Done()

	w.log.Info("worker stopping: no new steps; waiting for the running ones", "timeout", max(w.opts.StopTimeout, 0))
	stopCtx := context.Background()
	var cancel context.CancelFunc = func() {}
	if w.opts.StopTimeout > 0 {
		stopCtx, cancel = context.WithTimeout(stopCtx, w.opts.StopTimeout)
	}
	err = errors.New("hand back at once")
	if w.opts.StopTimeout > 0 {
		err = client.Stop(stopCtx)
	}
	cancel()
	if err != nil {
		w.handBack.Store(true)
		w.mu.Lock()
		n := len(w.leases)
		for _, l := range w.leases {
			l.cancel(errHandBack)
		}
		w.mu.Unlock()
		w.log.Info("handing the running steps back", "steps", n)
		client.StopAndCancel(context.Background())
	}
	stopRun()
	<-beat
	w.log.Info("worker stopped")
	return nil
}

// place gives the history recorder the place of a step in its run.
func (w *Worker) place(run string, key runtime.Key, partition string) (int, int64) {
	w.mu.Lock()
	defer w.mu.Unlock()
	p := w.places[placeKey{run, key, partition}]
	return p.seq, p.base
}

// setPlace notes the place of step (index) of run: its Seq is index+1,
// and its log lines' Seq is (index+1)<<32 + claim<<24 + line, so that
// every execution of every step has lines of its own.
func (w *Worker) setPlace(run string, key runtime.Key, partition string, step int32, claim int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.places[placeKey{run, key, partition}] = place{seq: int(step) + 1, base: int64(step+1)<<32 | int64(claim&0xff)<<24}
}

func (w *Worker) dropPlace(run string, key runtime.Key, partition string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	delete(w.places, placeKey{run, key, partition})
}

// run returns what the worker needs to know of run id.
func (w *Worker) run(ctx context.Context, id string) (*runInfo, error) {
	w.mu.Lock()
	ri := w.runs[id]
	w.mu.Unlock()
	if ri != nil {
		return ri, nil
	}
	ri = &runInfo{}
	var envJSON, versionsJSON, configJSON []byte
	var grace int64
	err := w.q.pool.QueryRow(ctx, `SELECT fingerprint, env, versions, grace_ns, config FROM assetgen_queue_runs WHERE run_id = $1`, id).
		Scan(&ri.fingerprint, &envJSON, &versionsJSON, &grace, &configJSON)
	if err != nil {
		return nil, w.q.errorf("read run %s: %w", id, err)
	}
	if err := json.Unmarshal(envJSON, &ri.env); err != nil {
		return nil, fmt.Errorf("queue: run %s: env: %w", id, err)
	}
	if err := json.Unmarshal(versionsJSON, &ri.versions); err != nil {
		return nil, fmt.Errorf("queue: run %s: versions: %w", id, err)
	}
	if err := json.Unmarshal(configJSON, &ri.config); err != nil {
		return nil, fmt.Errorf("queue: run %s: config: %w", id, err)
	}
	if len(ri.config) == 0 {
		ri.config = nil
	}
	ri.grace = time.Duration(grace)
	w.mu.Lock()
	ri.res = w.resources(ri.config)
	if len(w.runs) >= 1000 {
		clear(w.runs)
	}
	w.runs[id] = ri
	w.mu.Unlock()
	return ri, nil
}

// resources returns the resources of the steps of runs of config cfg:
// the worker's own, unless cfg configures resources, whose runs share
// resources of their own. Call it with w.mu held.
func (w *Worker) resources(cfg runtime.RunConfig) *runtime.Resources {
	own := runtime.RunConfig{}
	for sec, vals := range cfg {
		if strings.HasPrefix(sec, runtime.ResourceSection("")) {
			own[sec] = vals
		}
	}
	if len(own) == 0 {
		return w.res
	}
	b, _ := json.Marshal(own) // maps marshal with sorted keys
	r := w.resByConfig[string(b)]
	if r == nil {
		r = new(runtime.Resources)
		w.resByConfig[string(b)] = r
	}
	return r
}

// workStep works the job of one step.
func (w *Worker) workStep(ctx context.Context, job *river.Job[stepArgs]) error {
	a := job.Args
	if a.Fingerprint != w.fp {
		return w.refuse(ctx, job)
	}
	key := runtime.Key(a.Key)
	token := rand.Int64N(1<<62) + 1
	// The claim reads the data versions of the step's unpartitioned
	// upstreams in the run in the same round trip, shared with the
	// claims of the worker's other steps starting at the same time.
	c := w.claims.do(claimReq{a: a, job: job.ID, token: token, ups: w.ups[key]})
	if c.err != nil {
		return w.q.errorf("claim step %d of run %s: %w", a.Step, a.Run, c.err)
	}
	if !c.found {
		// Finished, canceled, or given a newer job: nothing to do.
		return nil
	}
	claims, down, ranVersions := c.claims, c.down, c.ranVersions
	ri, err := w.run(ctx, a.Run)
	if err != nil {
		w.release(a, token)
		return err
	}
	stepCtx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	w.mu.Lock()
	w.leases[token] = &lease{cancel: cancel}
	w.mu.Unlock()
	defer func() {
		w.mu.Lock()
		delete(w.leases, token)
		w.mu.Unlock()
	}()
	w.setPlace(a.Run, key, a.Partition, a.Step, claims)
	defer w.dropPlace(a.Run, key, a.Partition)

	upVersions := upstreamVersions(w.ups[key], ri.versions, ranVersions)
	handingBack := func() bool { return errors.Is(context.Cause(stepCtx), errHandBack) }
	opts := runtime.Options{
		RunID:  a.Run,
		Env:    ri.env.partitionEnv(),
		Logger: w.logger,
		OnEvent: func(e runtime.Event) {
			if e.Type == runtime.StepFailure && handingBack() {
				return // another worker runs the step
			}
			w.rec.OnEvent(e)
		},
		// Unpartitioned upstreams' versions; those of upstream
		// partitions are unknown here (the step records no version of a
		// partitioned input, and staleness compares times).
		DataVersion: func(k runtime.Key, partition string) string {
			if partition != "" {
				return ""
			}
			return upVersions[k]
		},
		GracePeriod: ri.grace,
		Config:      ri.config,
		Resources:   ri.res,
	}
	res := w.exec.Execute(stepCtx, runtime.Step{RunID: a.Run, Key: key, Partition: a.Partition}, opts)
	// The step's record, which the recorder holds back: its completion
	// writes it, so that the history has the step's end exactly when the
	// queue counts the step finished.
	takeCtx, cancelTake := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
	rec, err := w.rec.Take(takeCtx, a.Run, key, a.Partition)
	cancelTake()
	if err != nil {
		w.release(a, token)
		return fmt.Errorf("queue: step %s of run %s: %w", a.Key, a.Run, err)
	}
	if handingBack() && res.Status != runtime.StatusSuccess {
		w.release(a, token)
		return river.JobSnooze(0)
	}
	return w.complete(a, token, down == 0, res, rec)
}

// upstreamVersions returns the data versions of the unpartitioned
// upstreams ups of a step: from the run's steps (ran), else from the
// history as the run's launch read it (launched).
func upstreamVersions(ups []string, launched map[runtime.Key]string, ran map[string]string) map[runtime.Key]string {
	out := make(map[runtime.Key]string, len(ups))
	for _, u := range ups {
		if v, ok := ran[u]; ok {
			out[runtime.Key(u)] = v
		} else if v, ok := launched[runtime.Key(u)]; ok {
			out[runtime.Key(u)] = v
		}
	}
	return out
}

// release queues a claimed step again, for another worker, if the lease
// is still this worker's.
func (w *Worker) release(a stepArgs, token int64) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := w.q.pool.Exec(ctx, `UPDATE assetgen_queue_steps SET state = 'queued', lease = 0, worker = '', heartbeat = NULL
		WHERE run_id = $1 AND step = $2 AND state = 'running' AND lease = $3`, a.Run, a.Step, token); err != nil {
		// The heartbeat stops with this worker: the step goes to another
		// once it is stale.
		w.log.Warn("could not hand the step back; it will be requeued once its heartbeat is stale", "run_id", a.Run, "asset", a.Key, "err", err)
	}
}

// retry calls fn until it succeeds, backing off while the database is
// unreachable; it gives up (false) when the worker loses the step's
// lease (the heartbeat finds out) or a hard stop ends the wait.
func (w *Worker) retry(a stepArgs, token int64, what string, fn func(context.Context) error) bool {
	backoff := 50 * time.Millisecond
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		err := fn(ctx)
		cancel()
		if err == nil {
			return true
		}
		if errors.Is(err, errLost) {
			return false
		}
		w.lastError.Store(time.Now().UnixNano())
		w.log.Warn("cannot "+what+"; retrying", "run_id", a.Run, "asset", a.Key, "partition", a.Partition, "err", err, "in", backoff)
		time.Sleep(backoff)
		backoff = min(2*backoff, 5*time.Second)
		if !w.stillRunning(token) {
			return false
		}
	}
}

// stillRunning reports whether the step may still be this worker's: the
// heartbeat did not find its lease gone.
func (w *Worker) stillRunning(token int64) bool {
	w.mu.Lock()
	l := w.leases[token]
	w.mu.Unlock()
	return l != nil && !l.lost.Load()
}

// skippedStep is a step that a failure skipped.
type skippedStep struct {
	step           int32
	key, partition string
	causeKey       string
	msg            string // why it was skipped, as recorded on its row
}

// complete ends the step in one transaction (see the package
// documentation), then records the steps it skipped in the history.
func (w *Worker) complete(a stepArgs, token int64, leaf bool, res runtime.StepResult, rec *history.Batch) error {
	status := res.Status.String()
	dv := ""
	if res.Status == runtime.StatusSuccess {
		dv = res.DataVersion
		if dv == "" {
			dv = history.DefaultDataVersion(a.Run, runtime.Key(a.Key), a.Partition)
		}
	}
	errText := ""
	if res.Err != nil {
		errText = res.Err.Error()
	}
	failed, canceled := 0, 0
	switch res.Status {
	case runtime.StatusFailed:
		failed = 1
	case runtime.StatusCanceled:
		canceled = 1
	}
	var skipped []skippedStep
	blocked := "" // a failed blocking check skips the downstream steps
	if b := res.Blocker(); b != nil {
		blocked = "blocking " + b.String()
	}
	final := false
	ok := w.retry(a, token, "complete the step", func(ctx context.Context) error {
		var err error
		if leaf && !final {
			// With the completions of the worker's other leaves ending
			// at the same time, if any; else alone.
			req := leafReq{a: a, token: token, rec: rec, status: status, dv: dv, errText: errText, failed: failed, canceled: canceled}
			if err = w.leaves.do(req); errors.Is(err, errAlone) {
				err = w.sendLeaves(ctx, []leafReq{req})
			}
			if !errors.Is(err, errFallback) {
				return err
			}
		}
		skipped, err = w.completeTx(ctx, a, token, rec, status, dv, errText, blocked, failed, canceled, final)
		if errors.Is(err, errFallback) {
			final = true
			skipped, err = w.completeTx(ctx, a, token, rec, status, dv, errText, blocked, failed, canceled, final)
		}
		return err
	})
	if !ok {
		w.log.Info("the step is no longer this worker's: its result is discarded", "run_id", a.Run, "asset", a.Key, "partition", a.Partition)
		w.recordEndAgain(a.Run)
		return nil
	}
	if len(skipped) == 0 {
		return nil
	}
	now := time.Now()
	for _, s := range skipped {
		w.setPlace(a.Run, runtime.Key(s.key), s.partition, s.step, 0)
		w.rec.OnEvent(runtime.Event{Type: runtime.StepSkipped, Time: now, RunID: a.Run, Key: runtime.Key(s.key), Partition: s.partition,
			Err: errors.New(s.msg), Cause: runtime.Key(s.causeKey)})
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := w.rec.Flush(ctx); err != nil {
		// The run's end records them too.
		w.log.Warn("could not record the skipped steps; the run's end will", "run_id", a.Run, "err", err)
	}
	for _, s := range skipped {
		w.dropPlace(a.Run, runtime.Key(s.key), s.partition)
	}
	return nil
}

// recordEndAgain records the end of run again (recordEnd) if the run has
// ended, as when it was canceled while one of this worker's steps ran:
// the step's start, which the worker's recorder writes once the step
// has run a second, may have reached the history after the run's end
// was recorded, and would show the step running for ever. The recorder
// writes nothing more of the step once Take has returned, so the end
// recorded now stays.
func (w *Worker) recordEndAgain(run string) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var state string
	if err := w.q.pool.QueryRow(ctx, `SELECT state FROM assetgen_queue_runs WHERE run_id = $1`, run).Scan(&state); err != nil || state == "running" {
		return // the step went to another worker; or the run's end job records it
	}
	if err := w.q.recordEnd(ctx, run); err != nil {
		w.log.Warn("could not record the end of the run again", "run_id", run, "err", err)
	}
}

// completeTx is complete's transaction. It returns errLost when the
// step's lease is no longer this worker's, and errFallback when, not
// final, the step would end its run.
//
// Its first round trip (after BEGIN) writes the step's record in the
// history, ends the step and lowers pending for the steps in its down
// when it succeeded. The run's row, which every completion of the run
// updates, is updated last, in the round trip of the COMMIT: it stays
// locked only while the server runs those two statements, not for a
// round trip to the worker, so that the completions of a run's steps,
// which all wait for that lock, do not queue behind each other's round
// trips. The statement that counts the step refuses when the step is
// the run's last (errFallback), since the run's end needs a job enqueued
// in the transaction: completeTx is then called again, final, which
// counts the step, enqueues that job and commits in round trips of their
// own (once per run).
// A blocked step (a blocking check failed: blocked says which) succeeded,
// but skips its downstream steps as a failure does.
func (w *Worker) completeTx(ctx context.Context, a stepArgs, token int64, rec *history.Batch, status, dv, errText, blocked string, failed, canceled int, final bool) ([]skippedStep, error) {
	// A connection of its own, not the pool's transaction, which would
	// go back to the pool only by its Commit or Rollback: here the COMMIT
	// rides in a batch.
	conn, err := w.q.pool.Acquire(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Release()
	tx, err := conn.Begin(ctx)
	if err != nil {
		return nil, err
	}
	committed := false
	defer func() {
		if !committed {
			tx.Rollback(ctx)
		}
	}()
	// The step's record and this statement go in one round trip.
	var b pgx.Batch
	if err := history.WriteTx(ctx, w.q.log, tx, &b, rec); err != nil {
		return nil, err
	}
	var down *int32
	var ready []jobStep
	b.Queue(`WITH s AS (
			UPDATE assetgen_queue_steps SET state = $4, data_version = $5, error = $6, lease = 0, heartbeat = NULL
			WHERE run_id = $1 AND step = $2 AND state = 'running' AND lease = $3 RETURNING down
		), d AS (
			UPDATE assetgen_queue_steps AS t SET pending = t.pending - 1,
				state = CASE WHEN t.pending = 1 AND t.state = 'waiting' THEN 'queued' ELSE t.state END
			FROM s WHERE $4 = 'success' AND NOT $7 AND t.run_id = $1 AND t.step = ANY(s.down)
			RETURNING t.step, t.asset_key, t.partition_key, t.gen, t.state = 'queued' AND t.pending = 0 AS ready
		)
		SELECT (SELECT cardinality(down) FROM s), d.step, d.asset_key, d.partition_key, d.gen
		FROM (SELECT) AS one LEFT JOIN d ON d.ready`,
		a.Run, a.Step, token, status, dv, errText, blocked != "").Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var s struct {
				step           *int32
				key, partition *string
				gen            *int
			}
			if err := rows.Scan(&down, &s.step, &s.key, &s.partition, &s.gen); err != nil {
				return err
			}
			if s.step != nil {
				ready = append(ready, jobStep{step: *s.step, key: *s.key, partition: *s.partition, gen: *s.gen})
			}
		}
		return rows.Err()
	})
	if err := tx.SendBatch(ctx, &b).Close(); err != nil {
		return nil, err
	}
	if down == nil {
		return nil, errLost
	}
	var skipped []skippedStep
	if (status == "failed" || blocked != "") && *down > 0 {
		if skipped, err = w.skip(ctx, tx, a, blocked); err != nil {
			return nil, err
		}
	}
	if err := w.q.enqueue(ctx, tx, a.Run, a.Fingerprint, ready); err != nil {
		return nil, err
	}
	count := []any{a.Run, 1 + len(skipped), failed, len(skipped), canceled}
	if !final {
		b = pgx.Batch{}
		b.Queue(`WITH r AS (
				UPDATE assetgen_queue_runs SET `+runDone("$2", "$3", "$4", "$5")+` WHERE run_id = $1 RETURNING remaining
			)
			SELECT CASE WHEN remaining <> 0 THEN remaining ELSE assetgen_queue_fallback() END FROM r`, count...)
		b.Queue(`COMMIT`)
		err := tx.SendBatch(ctx, &b).Close()
		if isFallback(err) {
			return nil, errFallback
		}
		if err != nil {
			return nil, err
		}
		committed = true
		return skipped, nil
	}
	var remaining int32
	if err := tx.QueryRow(ctx, `UPDATE assetgen_queue_runs SET `+runDone("$2", "$3", "$4", "$5")+` WHERE run_id = $1 RETURNING remaining`,
		count...).Scan(&remaining); err != nil {
		return nil, err
	}
	if remaining == 0 {
		if err := w.q.enqueueEnd(ctx, tx, a.Run); err != nil {
			return nil, err
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return nil, err
	}
	committed = true
	return skipped, nil
}

// errFallback says that a completion must take the next, more general
// way (see complete, sendLeaves, completeTx); the statements that
// refuse roll back with the error of assetgen_queue_fallback, SQLSTATE
// fallbackCode.
var errFallback = errors.New("the completion takes the general way")

const fallbackCode = "AGQ01"

// isFallback reports whether err is assetgen_queue_fallback's.
func isFallback(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == fallbackCode
}

// runDone returns the SET clause that counts finished steps in a run of
// assetgen_queue_runs, given as SQL expressions: n steps finished, of
// which failed failed, skipped were skipped and canceled canceled; the
// run ends when none remains.
func runDone(n, failed, skipped, canceled string) string {
	return strings.NewReplacer("$n", n, "$failed", failed, "$skipped", skipped, "$canceled", canceled).Replace(
		`remaining = remaining - $n,
		failed = failed + $failed, skipped = skipped + $skipped, canceled = canceled + $canceled,
		state = CASE WHEN remaining - $n > 0 OR state <> 'running' THEN state
			WHEN failed + $failed > 0 OR skipped + $skipped > 0 THEN 'failed'
			WHEN canceled + $canceled > 0 THEN 'canceled' ELSE 'success' END,
		ended_at = CASE WHEN remaining - $n = 0 AND ended_at IS NULL THEN now() ELSE ended_at END`)
}

// skip marks every step downstream of the failed step a skipped, in tx,
// and returns them, each with the upstream that failed or was skipped
// and why, which its row keeps for the run's end (which may record it
// before this worker does): "upstream X failed", "upstream X was
// skipped", or blocked, the blocking check that failed, for the steps
// right after a.
func (w *Worker) skip(ctx context.Context, tx pgx.Tx, a stepArgs, blocked string) ([]skippedStep, error) {
	rows, err := tx.Query(ctx, `WITH RECURSIVE d(step, via) AS (
			SELECT unnest(down), step FROM assetgen_queue_steps WHERE run_id = $1 AND step = $2
			UNION
			SELECT unnest(s.down), s.step FROM assetgen_queue_steps AS s JOIN d ON s.run_id = $1 AND s.step = d.step
		), first AS (
			SELECT DISTINCT ON (step) step, via FROM d ORDER BY step, via
		)
		UPDATE assetgen_queue_steps AS s SET state = 'skipped', cause = v.asset_key,
			error = CASE WHEN v.step = $2 AND $3 <> '' THEN $3
				ELSE 'upstream ' || v.asset_key || CASE WHEN v.partition_key <> '' THEN ' partition ' || v.partition_key ELSE '' END ||
					CASE WHEN v.step = $2 THEN ' failed' ELSE ' was skipped' END END
		FROM first JOIN assetgen_queue_steps AS v ON v.run_id = $1 AND v.step = first.via
		WHERE s.run_id = $1 AND s.step = first.step AND s.state = 'waiting'
		RETURNING s.step, s.asset_key, s.partition_key, v.asset_key, s.error`, a.Run, a.Step, blocked)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []skippedStep
	for rows.Next() {
		var s skippedStep
		if err := rows.Scan(&s.step, &s.key, &s.partition, &s.causeKey, &s.msg); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// enqueueEnd inserts, in tx, the job that records the end of run in the
// history.
func (q *Queue) enqueueEnd(ctx context.Context, tx pgx.Tx, run string) error {
	_, err := q.client.InsertTx(ctx, tx, endArgs{Run: run}, &river.InsertOpts{
		Queue: q.endQueue(), MaxAttempts: maxAttempts, UniqueOpts: river.UniqueOpts{ByArgs: true},
	})
	if err != nil {
		return q.errorf("enqueue the end of run %s: %w", run, err)
	}
	return nil
}

// refuse hands back the step of a run of another build, recording why
// in the history (a warning of the step, once per worker) and the log.
func (w *Worker) refuse(ctx context.Context, job *river.Job[stepArgs]) error {
	a := job.Args
	msg := fmt.Sprintf("worker %s refused the step: the run was launched with definitions of fingerprint %s, and this worker's build has %s (keys, code versions, types or partitions differ); a worker of the run's build will run it",
		w.opts.ID, a.Fingerprint, w.fp)
	r := refusal{a.Run, a.Step}
	w.mu.Lock()
	first := !w.refused[r]
	if len(w.refused) > 10000 {
		clear(w.refused)
	}
	w.refused[r] = true
	w.mu.Unlock()
	if first {
		w.log.Error(msg, "run_id", a.Run, "asset", a.Key, "partition", a.Partition)
		// One line per worker and step: its Seq is the same whenever this
		// worker refuses the step again.
		h := fnv.New32a()
		h.Write([]byte(w.opts.ID))
		line := history.LogLine{
			RunID: a.Run, Seq: int64(a.Step+1)<<32 | 0xff<<24 | int64(h.Sum32()&0xffffff),
			Key: runtime.Key(a.Key), Partition: a.Partition, Line: 1, Attempt: 1, Time: time.Now(), Level: "WARN", Message: msg,
		}
		if err := w.q.log.Write(ctx, &history.Batch{Logs: []history.LogLine{line}}); err != nil {
			w.log.Warn("could not record the refusal in the history", "err", err)
		}
	}
	return river.JobSnooze(refuseDelay)
}

// refuseDelay is how long a refused step waits before a worker takes it
// again.
const refuseDelay = time.Second

// heartbeat beats the heartbeat of the worker's running steps every
// second until ctx is done, cancelling those it no longer holds, and
// queues again the steps of workers that stopped beating.
func (w *Worker) heartbeat(ctx context.Context) {
	t := time.NewTicker(heartbeatInterval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if err := w.beat(ctx); err != nil {
			w.lastError.Store(time.Now().UnixNano())
			if ctx.Err() == nil {
				w.log.Warn("cannot reach the queue's database; the running steps go on", "err", err)
			}
			continue
		}
		// Only a worker that has itself reached the database for a whole
		// StaleAfter judges others: after an outage, every live worker
		// beats again within a second.
		healthy := time.Since(time.Unix(0, w.lastError.Load())) > w.opts.StaleAfter && time.Since(w.started) > w.opts.StaleAfter
		if healthy {
			if err := w.requeueStale(ctx); err != nil && ctx.Err() == nil {
				w.log.Warn("cannot requeue the steps of stopped workers", "err", err)
			}
			if err := w.endStale(ctx); err != nil && ctx.Err() == nil {
				w.log.Warn("cannot record the ends of runs whose worker stopped", "err", err)
			}
		}
	}
}

// beat refreshes the heartbeat of the running steps, and cancels those
// whose lease is gone.
func (w *Worker) beat(ctx context.Context) error {
	w.mu.Lock()
	tokens := make([]int64, 0, len(w.leases))
	for t := range w.leases {
		tokens = append(tokens, t)
	}
	w.mu.Unlock()
	if len(tokens) == 0 {
		_, err := w.q.pool.Exec(ctx, `SELECT 1`)
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	rows, err := w.q.pool.Query(ctx, `UPDATE assetgen_queue_steps SET heartbeat = now()
		WHERE state = 'running' AND lease = ANY($1) RETURNING lease`, tokens)
	if err != nil {
		return err
	}
	held := map[int64]bool{}
	for rows.Next() {
		var t int64
		if err := rows.Scan(&t); err != nil {
			rows.Close()
			return err
		}
		held[t] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	w.mu.Lock()
	for _, t := range tokens {
		if l := w.leases[t]; l != nil && !held[t] {
			l.lost.Store(true)
			l.cancel(errLost)
		}
	}
	w.mu.Unlock()
	return nil
}

// requeueStale queues again, each with a new job of a new generation,
// the running steps whose worker stopped beating their heartbeat, and the
// queued steps whose job a worker took (River's job is running) but never
// claimed within StaleAfter: that worker died, or lost the database,
// between River's fetch and the claim, and River would rescue the job
// only after an hour. The old job, if its worker ever claims the step,
// finds its generation gone and does nothing.
func (w *Worker) requeueStale(ctx context.Context) error {
	tx, err := w.q.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	rows, err := tx.Query(ctx, `WITH running AS (
			SELECT run_id, step, worker, true AS claimed FROM assetgen_queue_steps
			WHERE state = 'running' AND heartbeat < now() - make_interval(secs => $1)
			FOR UPDATE SKIP LOCKED LIMIT 100
		), unclaimed AS (
			SELECT s.run_id, s.step, coalesce(j.attempted_by[cardinality(j.attempted_by)], '') AS worker, false AS claimed
			FROM river_job AS j JOIN assetgen_queue_steps AS s
				ON s.run_id = j.args->>'run' AND s.step = (j.args->>'step')::int AND s.gen = (j.args->>'gen')::int
			WHERE j.state = 'running' AND j.queue = $2 AND j.kind = $3
				AND j.attempted_at < now() - make_interval(secs => $1) AND s.state = 'queued'
			FOR UPDATE OF s SKIP LOCKED LIMIT 100
		), stale AS (
			SELECT * FROM running UNION ALL SELECT * FROM unclaimed
		)
		UPDATE assetgen_queue_steps AS s SET state = 'queued', gen = s.gen + 1, lease = 0, worker = '', heartbeat = NULL
		FROM stale, assetgen_queue_runs AS r
		WHERE s.run_id = stale.run_id AND s.step = stale.step AND r.run_id = s.run_id
		RETURNING s.run_id, s.step, s.asset_key, s.partition_key, s.gen, r.fingerprint, stale.worker, stale.claimed`,
		w.opts.StaleAfter.Seconds(), w.q.queue, stepArgs{}.Kind())
	if err != nil {
		return err
	}
	type item struct {
		js       jobStep
		fp, prev string
		claimed  bool
	}
	byRun := map[string][]item{}
	for rows.Next() {
		var it item
		var run string
		if err := rows.Scan(&run, &it.js.step, &it.js.key, &it.js.partition, &it.js.gen, &it.fp, &it.prev, &it.claimed); err != nil {
			rows.Close()
			return err
		}
		byRun[run] = append(byRun[run], it)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if len(byRun) == 0 {
		return nil
	}
	for run, items := range byRun {
		steps := make([]jobStep, len(items))
		for i, it := range items {
			steps[i] = it.js
		}
		if err := w.q.enqueue(ctx, tx, run, items[0].fp, steps); err != nil {
			return err
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return err
	}
	for run, items := range byRun {
		for _, it := range items {
			msg := "worker stopped beating the heartbeat of its step: queued again for another worker"
			if !it.claimed {
				msg = "worker took the step's job but never started the step: queued again for another worker"
			}
			w.log.Warn(msg, "run_id", run, "asset", it.js.key, "partition", it.js.partition, "stopped_worker", it.prev, "stale_after", w.opts.StaleAfter)
		}
	}
	return nil
}
