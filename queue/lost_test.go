package queue_test

import (
	"context"
	"log/slog"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/queue"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/fs"
)

// messages is a slog.Handler that keeps the messages it receives.
type messages struct {
	mu   sync.Mutex
	msgs []string
}

func (m *messages) Enabled(context.Context, slog.Level) bool { return true }
func (m *messages) Handle(_ context.Context, r slog.Record) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.msgs = append(m.msgs, r.Message)
	return nil
}
func (m *messages) WithAttrs([]slog.Attr) slog.Handler { return m }
func (m *messages) WithGroup(string) slog.Handler      { return m }

func (m *messages) has(sub string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, s := range m.msgs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// await waits up to a minute for a message containing sub.
func (m *messages) await(t *testing.T, sub string) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for !m.has(sub) {
		if time.Now().After(deadline) {
			m.mu.Lock()
			defer m.mu.Unlock()
			t.Fatalf("no message %q within a minute; the worker logged %q", sub, m.msgs)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// openQueue opens the queue of database dsn as pipeline name, until the
// test ends.
func openQueue(t *testing.T, dsn, name string) *queue.Queue {
	t.Helper()
	q, err := queue.Open(context.Background(), dsn, name)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close() })
	return q
}

// runWorker runs a worker of q with opts until the test ends (before q
// closes), and returns the messages it logs.
func runWorker(t *testing.T, q *queue.Queue, defs *runtime.Definitions, opts queue.WorkerOptions) *messages {
	msgs := &messages{}
	opts.Logger = slog.New(msgs)
	w := q.NewWorker(defs, opts)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		w.Run(ctx)
	}()
	t.Cleanup(func() { cancel(); <-done })
	return msgs
}

// TestLostCompletion: a step that succeeds on a worker that lost its
// lease meanwhile (as when its heartbeat went stale and another worker
// took it) is not completed, and leaves no trace of its success in the
// history: no successful step, no materialization of its asset.
func TestLostCompletion(t *testing.T) {
	dsn := newDB(t)
	ints := reflect.TypeFor[int]()
	def := &runtime.AssetDef{Key: "a", OutputType: ints}
	def.Compute = func(ctx *runtime.Context, _ runtime.Inputs) (any, error) {
		// Another worker takes the step: its lease is no longer this
		// worker's.
		conn, err := pgx.Connect(context.Background(), dsn)
		if err != nil {
			return nil, err
		}
		defer conn.Close(context.Background())
		if _, err := conn.Exec(context.Background(), `UPDATE assetgen_queue_steps SET lease = lease + 1 WHERE asset_key = 'a'`); err != nil {
			return nil, err
		}
		return 1, nil
	}
	defs := &runtime.Definitions{Assets: []*runtime.AssetDef{def}, IOManagers: map[string]runtime.IOManager{"io_manager": fs.New(t.TempDir(), fs.Shared())}}

	q := openQueue(t, dsn, "lost")
	msgs := runWorker(t, q, defs, queue.WorkerOptions{ID: "w", Concurrency: 1, StopTimeout: -1})

	_, id, err := q.Launch(context.Background(), defs, runtime.Options{}, queue.LaunchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	msgs.await(t, "no longer this worker's")
	steps, err := q.History().Steps(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range steps {
		if s.Status == "success" {
			t.Errorf("step %s of a lost completion recorded as %s", s.Key, s.Status)
		}
	}
	assets, err := q.History().Assets(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range assets {
		if a.Key == "a" && a.RunID != "" {
			t.Errorf("asset a materialized by run %s, a completion that never committed", a.RunID)
		}
	}
	if err := q.Cancel(context.Background(), id, "test over"); err != nil {
		t.Fatal(err)
	}
}

// oneStep returns the definitions of one trivial asset.
func oneStep(t *testing.T) *runtime.Definitions {
	def := &runtime.AssetDef{Key: "a", OutputType: reflect.TypeFor[int]()}
	def.Compute = func(*runtime.Context, runtime.Inputs) (any, error) { return 1, nil }
	return &runtime.Definitions{Assets: []*runtime.AssetDef{def}, IOManagers: map[string]runtime.IOManager{"io_manager": fs.New(t.TempDir(), fs.Shared())}}
}

// takenByDead makes the one job of kind look taken a minute ago by a
// worker "dead", as River's fetch does, which then died.
func takenByDead(t *testing.T, dsn, kind string) {
	t.Helper()
	conn, err := pgx.Connect(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	tag, err := conn.Exec(context.Background(), `UPDATE river_job SET state = 'running', attempt = 1,
		attempted_at = now() - interval '1 minute', attempted_by = '{dead}' WHERE kind = $1`, kind)
	if err != nil {
		t.Fatal(err)
	}
	if tag.RowsAffected() != 1 {
		t.Fatalf("%d jobs of kind %s, want 1", tag.RowsAffected(), kind)
	}
}

// awaitRun waits up to 30 s for run id to end with status want in the
// history, failing with what the worker logged (msgs) otherwise.
func awaitRun(t *testing.T, q *queue.Queue, id, want string, msgs *messages) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		r, err := q.History().Run(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if r.Status == want {
			return
		}
		if r.Status != history.RunRunning {
			t.Fatalf("run %s: %s (%s), want %s", id, r.Status, r.Error, want)
		}
		if time.Now().After(deadline) {
			t.Fatalf("run %s still running after 30 s; the worker logged %q", id, msgs.msgs)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestUnclaimedJob: a worker killed after River fetched a step's job but
// before it claimed the step (the claim may wait for the worker's claims
// in flight) leaves the job running and the step queued; another worker
// queues the step again once the job has been running unclaimed for
// StaleAfter, and the run ends, instead of waiting an hour for River to
// rescue the job.
func TestUnclaimedJob(t *testing.T) {
	dsn := newDB(t)
	defs := oneStep(t)
	q := openQueue(t, dsn, "unclaimed")
	_, id, err := q.Launch(context.Background(), defs, runtime.Options{}, queue.LaunchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	takenByDead(t, dsn, "assetgen_step")
	msgs := runWorker(t, q, defs, queue.WorkerOptions{ID: "w", Concurrency: 1, StopTimeout: -1, StaleAfter: time.Second})
	awaitRun(t, q, id, history.RunSuccess, msgs)
	if !msgs.has("never started the step") {
		t.Errorf("the worker did not say why it queued the step again; it logged %q", msgs.msgs)
	}
}

// TestUnfinishedEnd: the job that records a run's end, taken by a worker
// that died before it recorded it, is done by another worker once
// StaleAfter has passed, not after River's hour.
func TestUnfinishedEnd(t *testing.T) {
	dsn := newDB(t)
	defs := oneStep(t)
	q := openQueue(t, dsn, "unfinished")
	_, id, err := q.Launch(context.Background(), defs, runtime.Options{}, queue.LaunchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// Canceled before any worker came: the cancellation enqueues the
	// run's end, which the dead worker took.
	if err := q.Cancel(context.Background(), id, "test"); err != nil {
		t.Fatal(err)
	}
	takenByDead(t, dsn, "assetgen_run_end")
	if r, err := q.History().Run(context.Background(), id); err != nil || r.Status != history.RunRunning {
		t.Fatalf("before any worker, run %s: %+v, %v; want it running in the history", id, r, err)
	}
	msgs := runWorker(t, q, defs, queue.WorkerOptions{ID: "w", Concurrency: 1, StopTimeout: -1, StaleAfter: time.Second})
	awaitRun(t, q, id, history.RunCanceled, msgs)
	if !msgs.has("never recorded it") {
		t.Errorf("the worker did not say why it recorded the run's end; it logged %q", msgs.msgs)
	}
}

// TestCancelEarly: a run canceled within the first second of a step,
// whose function goes on after the cancellation, ends with the step
// canceled in the history: the worker's record of the step's start,
// written once the step has run a second, came after the run's end and
// left the step running for ever in 'runs show'.
func TestCancelEarly(t *testing.T) {
	dsn := newDB(t)
	started := make(chan struct{}, 1)
	def := &runtime.AssetDef{Key: "a", OutputType: reflect.TypeFor[int]()}
	def.Compute = func(ctx *runtime.Context, _ runtime.Inputs) (any, error) {
		started <- struct{}{}
		// Past the recorder's start delay, ignoring the cancellation; the
		// line logged then makes the recorder write.
		time.Sleep(1200 * time.Millisecond)
		ctx.Log.Info("still working")
		time.Sleep(300 * time.Millisecond)
		return 1, nil
	}
	defs := &runtime.Definitions{Assets: []*runtime.AssetDef{def}, IOManagers: map[string]runtime.IOManager{"io_manager": fs.New(t.TempDir(), fs.Shared())}}

	q := openQueue(t, dsn, "early")
	msgs := runWorker(t, q, defs, queue.WorkerOptions{ID: "w", Concurrency: 2, StopTimeout: -1})

	_, id, err := q.Launch(context.Background(), defs, runtime.Options{}, queue.LaunchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	select {
	case <-started:
	case <-time.After(time.Minute):
		t.Fatal("the step never started")
	}
	if err := q.Cancel(context.Background(), id, "test"); err != nil {
		t.Fatal(err)
	}
	msgs.await(t, "its result is discarded")
	// The recorder's writes of the step, if any were pending, are over
	// once the worker has discarded it; give a late one time to land.
	time.Sleep(500 * time.Millisecond)
	r, err := q.History().Run(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != history.RunCanceled {
		t.Errorf("run %s: %s, want canceled", id, r.Status)
	}
	steps, err := q.History().Steps(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if len(steps) != 1 || steps[0].Status != "canceled" {
		t.Errorf("the steps of the canceled run: %+v, want a canceled", steps)
	}
}

// TestCancelWhileBusy: a run canceled while every step slot of the
// workers is taken by a step of another run that ignores cancellation
// ends in the history at once: the job that records its end used to wait
// in the steps' queue for a free slot, so 'runs show' and 'materialize
// --queue' showed the canceled run running until the other run's step
// ended (hours, for a long step).
func TestCancelWhileBusy(t *testing.T) {
	dsn := newDB(t)
	started := make(chan struct{}, 1)
	release := make(chan struct{})
	def := &runtime.AssetDef{Key: "a", OutputType: reflect.TypeFor[int]()}
	def.Compute = func(*runtime.Context, runtime.Inputs) (any, error) {
		started <- struct{}{}
		<-release // ignores the context, as a long computation may
		return 1, nil
	}
	defs := &runtime.Definitions{Assets: []*runtime.AssetDef{def}, IOManagers: map[string]runtime.IOManager{"io_manager": fs.New(t.TempDir(), fs.Shared())}}

	q := openQueue(t, dsn, "busy")
	msgs := runWorker(t, q, defs, queue.WorkerOptions{ID: "w", Concurrency: 1, StopTimeout: -1})
	var once sync.Once
	free := func() { once.Do(func() { close(release) }) }
	t.Cleanup(free) // before the worker stops

	_, busy, err := q.Launch(context.Background(), defs, runtime.Options{}, queue.LaunchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	select {
	case <-started:
	case <-time.After(time.Minute):
		t.Fatal("the step of the first run never started")
	}
	_, id, err := q.Launch(context.Background(), defs, runtime.Options{}, queue.LaunchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if err := q.Cancel(context.Background(), id, "test"); err != nil {
		t.Fatal(err)
	}
	awaitRun(t, q, id, history.RunCanceled, msgs)
	if r, err := q.History().Run(context.Background(), busy); err != nil || r.Status != history.RunRunning {
		t.Errorf("the first run: %+v, %v; want it still running", r, err)
	}
	free()
}
