package runtime_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"reflect"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/memory"
)

// recorder collects events; the runtime delivers them one at a time, and
// the mutex lets the race detector check that claim.
type recorder struct {
	mu     sync.Mutex
	events []runtime.Event
	busy   bool
	t      *testing.T
}

func (r *recorder) on(e runtime.Event) {
	r.mu.Lock()
	if r.busy {
		r.t.Errorf("events delivered concurrently")
	}
	r.busy = true
	r.mu.Unlock()
	r.mu.Lock()
	r.events = append(r.events, e)
	r.busy = false
	r.mu.Unlock()
}

// of returns the events of type typ for key.
func (r *recorder) of(typ runtime.EventType, key runtime.Key) []runtime.Event {
	var out []runtime.Event
	for _, e := range r.events {
		if e.Type == typ && e.Key == key {
			out = append(out, e)
		}
	}
	return out
}

// index returns the position of the first event of type typ for key, or -1.
func (r *recorder) index(typ runtime.EventType, key runtime.Key) int {
	return slices.IndexFunc(r.events, func(e runtime.Event) bool { return e.Type == typ && e.Key == key })
}

func defsOf(mem runtime.IOManager, assets ...*runtime.AssetDef) *runtime.Definitions {
	return &runtime.Definitions{
		Assets:     assets,
		IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: mem},
	}
}

func fail(msg string) func(*runtime.Context, []int) (int, error) {
	return func(*runtime.Context, []int) (int, error) { return 0, errors.New(msg) }
}

func TestMaterializeOrder(t *testing.T) {
	mem := memory.New()
	var mu sync.Mutex
	var wrote []string
	// x writes where it likes and returns nothing; y is ordered after it by deps.
	x := sideEffect("x", func(context.Context) error {
		mu.Lock()
		wrote = append(wrote, "x")
		mu.Unlock()
		return nil
	}, "d")
	y := sideEffect("y", func(context.Context) error {
		mu.Lock()
		wrote = append(wrote, "y")
		mu.Unlock()
		return nil
	}, "x")
	defs := defsOf(mem,
		y,
		intAsset("d", sum(1), "b", "c"),
		intAsset("b", sum(10), "a"),
		intAsset("c", sum(100), "a"),
		intAsset("a", sum(1)),
		x,
	)
	rec := &recorder{t: t}
	res, err := runtime.Materialize(context.Background(), defs, runtime.Options{OnEvent: rec.on, Concurrency: 4})
	require.NoError(t, err)
	require.True(t, res.OK(), "%+v", res.Steps)

	// Every step starts after each of its upstreams succeeded.
	for _, a := range defs.Assets {
		start := rec.index(runtime.StepStart, a.Key)
		require.GreaterOrEqual(t, start, 0, a.Key)
		for _, up := range a.Upstream() {
			assert.Less(t, rec.index(runtime.StepSuccess, up), start, "%s must start after %s succeeded", a.Key, up)
		}
	}
	// RunStart lists a topological order and Steps follow it.
	keys := rec.events[0].Keys
	require.Equal(t, runtime.RunStart, rec.events[0].Type)
	require.Len(t, keys, len(defs.Assets))
	for i, s := range res.Steps {
		assert.Equal(t, keys[i], s.Key)
	}
	pos := func(k runtime.Key) int { return slices.Index(keys, k) }
	for _, a := range defs.Assets {
		for _, up := range a.Upstream() {
			assert.Less(t, pos(up), pos(a.Key))
		}
	}
	assert.Equal(t, []string{"x", "y"}, wrote)
	assert.Equal(t, runtime.RunEnd, rec.events[len(rec.events)-1].Type)
	assert.NoError(t, rec.events[len(rec.events)-1].Err)

	d, ok := mem.Value("d", "")
	require.True(t, ok)
	assert.Equal(t, (1+10)+(1+100)+1, d)
	_, ok = mem.Value("x", "")
	assert.False(t, ok, "an asset without output stores nothing")
}

func TestMaterializeBoundedConcurrency(t *testing.T) {
	const n, limit = 24, 3
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var running, peak atomic.Int32
	full := make(chan struct{})
	var once sync.Once
	var assets []*runtime.AssetDef
	for i := range n {
		assets = append(assets, intAsset(runtime.Key(fmt.Sprintf("a%d", i)), func(ctx *runtime.Context, _ []int) (int, error) {
			now := running.Add(1)
			defer running.Add(-1)
			for {
				p := peak.Load()
				if now <= p || peak.CompareAndSwap(p, now) {
					break
				}
			}
			if now == limit {
				once.Do(func() { close(full) })
			}
			// The first steps wait until limit of them run at once, which
			// proves the steps really run concurrently.
			select {
			case <-full:
			case <-ctx.Done():
				return 0, ctx.Err()
			}
			return i, nil
		}))
	}
	res, err := runtime.Materialize(ctx, defsOf(memory.New(), assets...), runtime.Options{Concurrency: limit})
	require.NoError(t, err)
	require.True(t, res.OK(), "%+v", res.Steps)
	assert.Equal(t, int32(limit), peak.Load())
}

func TestMaterializeFailureSkipsDownstream(t *testing.T) {
	mem := memory.New()
	defs := defsOf(mem,
		intAsset("a", sum(1)),
		intAsset("b", fail("b broke"), "a"),
		intAsset("c", sum(1), "a"),
		intAsset("d", sum(1), "b", "c"),
		intAsset("e", sum(1), "d"),
		sideEffect("f", func(context.Context) error { return nil }, "e"),
		// An unrelated branch finishes.
		intAsset("u", sum(1)),
		intAsset("v", sum(1), "u"),
	)
	rec := &recorder{t: t}
	res, err := runtime.Materialize(context.Background(), defs, runtime.Options{OnEvent: rec.on, Concurrency: 2})
	require.NoError(t, err)
	assert.False(t, res.OK())

	want := map[runtime.Key]runtime.Status{
		"a": runtime.StatusSuccess, "b": runtime.StatusFailed, "c": runtime.StatusSuccess,
		"d": runtime.StatusSkipped, "e": runtime.StatusSkipped, "f": runtime.StatusSkipped,
		"u": runtime.StatusSuccess, "v": runtime.StatusSuccess,
	}
	for k, s := range want {
		assert.Equal(t, s, res.Step(k).Status, k)
	}
	assert.EqualError(t, res.Step("b").Err, "b broke")
	assert.Equal(t, 1, res.Step("b").Attempts)
	assert.Equal(t, runtime.Key("b"), res.Step("d").Cause)
	assert.ErrorContains(t, res.Step("d").Err, "upstream b failed")
	assert.Equal(t, runtime.Key("d"), res.Step("e").Cause)
	assert.ErrorContains(t, res.Step("e").Err, "upstream d was skipped")
	assert.Equal(t, runtime.Key("e"), res.Step("f").Cause)

	fails := rec.of(runtime.StepFailure, "b")
	require.Len(t, fails, 1)
	assert.EqualError(t, fails[0].Err, "b broke")
	for _, k := range []runtime.Key{"d", "e", "f"} {
		sk := rec.of(runtime.StepSkipped, k)
		require.Len(t, sk, 1, k)
		assert.Equal(t, res.Step(k).Cause, sk[0].Cause)
		assert.Less(t, rec.index(runtime.StepFailure, "b"), rec.index(runtime.StepSkipped, k))
		assert.Empty(t, rec.of(runtime.StepStart, k), "skipped steps never start")
	}
	end := rec.events[len(rec.events)-1]
	assert.Equal(t, runtime.RunEnd, end.Type)
	assert.ErrorContains(t, end.Err, "1 of 8 steps failed, 3 skipped")
	_, ok := mem.Value("d", "")
	assert.False(t, ok)
}

func TestMaterializeCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	started := make(chan struct{})
	var sawCancel atomic.Bool
	blocking := intAsset("b", func(ctx *runtime.Context, _ []int) (int, error) {
		close(started)
		<-ctx.Done() // a well-behaved asset stops when its context is done
		sawCancel.Store(true)
		return 0, ctx.Err()
	}, "a")
	var later atomic.Int32
	var assets []*runtime.AssetDef
	assets = append(assets, intAsset("a", sum(1)), blocking, intAsset("c", sum(1), "b"), intAsset("d", sum(1), "c"))
	// Independent steps queued behind b on the single worker never start.
	for i := range 5 {
		assets = append(assets, intAsset(runtime.Key(fmt.Sprintf("z%d", i)), func(*runtime.Context, []int) (int, error) {
			later.Add(1)
			return 0, nil
		}, "a"))
	}
	go func() {
		<-started
		cancel()
	}()
	rec := &recorder{t: t}
	res, err := runtime.Materialize(ctx, defsOf(memory.New(), assets...), runtime.Options{Concurrency: 1, OnEvent: rec.on})
	require.NoError(t, err)
	assert.True(t, sawCancel.Load())
	assert.Equal(t, runtime.StatusSuccess, res.Step("a").Status)
	assert.Equal(t, runtime.StatusCanceled, res.Step("b").Status)
	assert.ErrorIs(t, res.Step("b").Err, context.Canceled)
	for _, k := range []runtime.Key{"c", "d"} {
		assert.Equal(t, runtime.StatusCanceled, res.Step(k).Status, k)
		assert.Error(t, res.Step(k).Err)
	}
	// With one worker, b is the first step after a; the z steps come after
	// it in execution order, so the cancellation reaches them first.
	for i := range 5 {
		k := runtime.Key(fmt.Sprintf("z%d", i))
		if res.Step(k).Status == runtime.StatusSuccess {
			continue // ran before b
		}
		assert.Equal(t, runtime.StatusCanceled, res.Step(k).Status, k)
		assert.ErrorIs(t, res.Step(k).Err, context.Canceled, k)
	}
	assert.Less(t, int(later.Load()), 5, "cancel stops queued steps")
	end := rec.events[len(rec.events)-1]
	assert.ErrorIs(t, end.Err, context.Canceled)
}

func TestMaterializeCanceledErrorWrapped(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	a := intAsset("a", func(*runtime.Context, []int) (int, error) {
		cancel()
		return 0, errors.New("gave up") // an error that does not say why
	})
	res, err := runtime.Materialize(ctx, defsOf(memory.New(), a), runtime.Options{})
	require.NoError(t, err)
	assert.Equal(t, runtime.StatusCanceled, res.Steps[0].Status)
	assert.EqualError(t, res.Steps[0].Err, "gave up (run canceled: context canceled)")
	assert.ErrorIs(t, res.Steps[0].Err, context.Canceled)
}

func TestMaterializeCanceledBeforeStart(t *testing.T) {
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(errors.New("interrupt"))
	ran := false
	res, err := runtime.Materialize(ctx, defsOf(memory.New(), intAsset("a", func(*runtime.Context, []int) (int, error) {
		ran = true
		return 1, nil
	})), runtime.Options{})
	require.NoError(t, err)
	assert.False(t, ran)
	assert.Equal(t, runtime.StatusCanceled, res.Steps[0].Status)
	assert.EqualError(t, res.Steps[0].Err, "canceled before it started: context canceled: interrupt")
	assert.ErrorIs(t, res.Steps[0].Err, context.Canceled)
}

func TestMaterializeRetry(t *testing.T) {
	var attempts []int
	a := intAsset("a", func(ctx *runtime.Context, _ []int) (int, error) {
		attempts = append(attempts, ctx.Attempt)
		ctx.AddMetadata("attempt", ctx.Attempt)
		if ctx.Attempt == 1 {
			return 0, errors.New("flaky")
		}
		return 7, nil
	})
	a.Retries, a.RetryDelay = 3, time.Millisecond
	always := intAsset("b", fail("always"))
	always.Retries = 2
	mem := memory.New()
	rec := &recorder{t: t}
	res, err := runtime.Materialize(context.Background(), defsOf(mem, a, always), runtime.Options{OnEvent: rec.on, Concurrency: 1})
	require.NoError(t, err)

	s := res.Step("a")
	assert.Equal(t, runtime.StatusSuccess, s.Status)
	assert.Equal(t, 2, s.Attempts)
	assert.Equal(t, []int{1, 2}, attempts)
	assert.Equal(t, runtime.Metadata{"attempt": 2}, s.Metadata, "metadata of the failed attempt is dropped")
	assert.NoError(t, s.Err, "a step that succeeded on retry reports no error")
	retries := rec.of(runtime.StepRetry, "a")
	require.Len(t, retries, 1)
	assert.Equal(t, 1, retries[0].Attempt)
	assert.EqualError(t, retries[0].Err, "flaky")
	starts := rec.of(runtime.StepStart, "a")
	require.Len(t, starts, 2)
	assert.Equal(t, 2, starts[1].Attempt)
	succ := rec.of(runtime.StepSuccess, "a")
	require.Len(t, succ, 1)
	assert.Equal(t, 2, succ[0].Attempt)
	v, _ := mem.Value("a", "")
	assert.Equal(t, 7, v)

	b := res.Step("b")
	assert.Equal(t, runtime.StatusFailed, b.Status)
	assert.Equal(t, 3, b.Attempts)
	assert.Len(t, rec.of(runtime.StepRetry, "b"), 2)
	assert.Len(t, rec.of(runtime.StepFailure, "b"), 1)
}

func TestMaterializeRetryWaitCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	a := intAsset("a", func(*runtime.Context, []int) (int, error) {
		return 0, errors.New("flaky")
	})
	a.Retries, a.RetryDelay = 5, time.Hour
	// The run is cancelled while the step waits an hour to retry.
	onEvent := func(e runtime.Event) {
		if e.Type == runtime.StepRetry {
			cancel()
		}
	}
	res, err := runtime.Materialize(ctx, defsOf(memory.New(), a), runtime.Options{OnEvent: onEvent})
	require.NoError(t, err)
	assert.Equal(t, runtime.StatusCanceled, res.Steps[0].Status)
	assert.Equal(t, 1, res.Steps[0].Attempts)
	assert.ErrorIs(t, res.Steps[0].Err, context.Canceled)
	assert.ErrorContains(t, res.Steps[0].Err, "flaky")
}

func TestMaterializeTimeout(t *testing.T) {
	slow := intAsset("slow", func(ctx *runtime.Context, _ []int) (int, error) {
		<-ctx.Done()
		return 0, ctx.Err()
	})
	slow.Timeout = 10 * time.Millisecond
	// Times out on the first attempt only, then succeeds.
	second := intAsset("second", func(ctx *runtime.Context, _ []int) (int, error) {
		if ctx.Attempt == 1 {
			<-ctx.Done()
			return 0, ctx.Err()
		}
		return 2, nil
	})
	second.Timeout, second.Retries = 10*time.Millisecond, 1
	rec := &recorder{t: t}
	res, err := runtime.Materialize(context.Background(), defsOf(memory.New(), slow, second), runtime.Options{OnEvent: rec.on})
	require.NoError(t, err)

	s := res.Step("slow")
	assert.Equal(t, runtime.StatusFailed, s.Status)
	assert.EqualError(t, s.Err, "timed out after 10ms")
	assert.ErrorIs(t, s.Err, context.DeadlineExceeded)
	f := rec.of(runtime.StepFailure, "slow")
	require.Len(t, f, 1)
	assert.True(t, f[0].TimedOut)

	assert.Equal(t, runtime.StatusSuccess, res.Step("second").Status)
	r := rec.of(runtime.StepRetry, "second")
	require.Len(t, r, 1)
	assert.True(t, r[0].TimedOut)
}

func TestMaterializeTimeoutIgnored(t *testing.T) {
	// A function that ignores its context runs to the end, but the attempt
	// still fails as timed out: the limit was exceeded.
	a := intAsset("a", func(*runtime.Context, []int) (int, error) {
		time.Sleep(20 * time.Millisecond)
		return 1, nil
	})
	a.Timeout = time.Millisecond
	mem := memory.New()
	res, err := runtime.Materialize(context.Background(), defsOf(mem, a), runtime.Options{})
	require.NoError(t, err)
	assert.Equal(t, runtime.StatusFailed, res.Steps[0].Status)
	assert.EqualError(t, res.Steps[0].Err, "timed out after 1ms")
	_, stored := mem.Value("a", "")
	assert.False(t, stored, "the late result is not stored")
}

// stubborn returns an asset that ignores its context: it blocks until
// release is closed, then returns 1 and closes returned.
func stubborn(key runtime.Key, started, release, returned chan struct{}) *runtime.AssetDef {
	return intAsset(key, func(*runtime.Context, []int) (int, error) {
		defer close(returned)
		close(started)
		<-release
		return 1, nil
	})
}

// materializeBounded runs Materialize, failing the test instead of hanging
// when it does not return; the bound asserts nothing about speed.
func materializeBounded(t *testing.T, ctx context.Context, defs *runtime.Definitions, opts runtime.Options) *runtime.Result {
	t.Helper()
	type outcome struct {
		res *runtime.Result
		err error
	}
	ch := make(chan outcome, 1)
	go func() {
		res, err := runtime.Materialize(ctx, defs, opts)
		ch <- outcome{res, err}
	}()
	select {
	case o := <-ch:
		require.NoError(t, o.err)
		return o.res
	case <-time.After(time.Minute):
		t.Fatal("Materialize did not return: a step that ignores its context holds the run")
		return nil
	}
}

// assertNotStored checks, after the abandoned function returned, that its
// result never reaches the I/O manager.
func assertNotStored(t *testing.T, mem *memory.Manager, key runtime.Key, returned chan struct{}) {
	t.Helper()
	<-returned
	for range 20 {
		_, stored := mem.Value(key, "")
		require.False(t, stored, "the abandoned function's result was stored")
		time.Sleep(time.Millisecond)
	}
}

func TestMaterializeAbandonTimedOut(t *testing.T) {
	started, release, returned := make(chan struct{}), make(chan struct{}), make(chan struct{})
	a := stubborn("a", started, release, returned)
	a.Timeout, a.Retries = 20*time.Millisecond, 2
	mem := memory.New()
	defs := defsOf(mem, a, intAsset("b", sum(1), "a"), intAsset("c", sum(1)))
	rec := &recorder{t: t}
	res := materializeBounded(t, context.Background(), defs, runtime.Options{GracePeriod: 20 * time.Millisecond, OnEvent: rec.on})

	s := res.Step("a")
	assert.Equal(t, runtime.StatusFailed, s.Status)
	assert.Equal(t, 1, s.Attempts, "an abandoned attempt is not retried")
	assert.ErrorIs(t, s.Err, runtime.ErrAbandoned)
	assert.ErrorIs(t, s.Err, context.DeadlineExceeded)
	assert.Regexp(t, `^timed out after 20ms \(abandoned: the function did not return within 20ms after its context was cancelled`, s.Err.Error())
	f := rec.of(runtime.StepFailure, "a")
	require.Len(t, f, 1)
	assert.True(t, f[0].TimedOut)
	assert.Empty(t, rec.of(runtime.StepRetry, "a"))
	assert.Equal(t, runtime.StatusSkipped, res.Step("b").Status)
	assert.Equal(t, runtime.StatusSuccess, res.Step("c").Status)

	close(release)
	assertNotStored(t, mem, "a", returned)
}

func TestMaterializeAbandonCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	started, release, returned := make(chan struct{}), make(chan struct{}), make(chan struct{})
	mem := memory.New()
	defs := defsOf(mem, stubborn("a", started, release, returned), intAsset("b", sum(1), "a"))
	go func() {
		<-started
		cancel()
	}()
	res := materializeBounded(t, ctx, defs, runtime.Options{GracePeriod: -1})
	s := res.Step("a")
	assert.Equal(t, runtime.StatusCanceled, s.Status)
	assert.ErrorIs(t, s.Err, runtime.ErrAbandoned)
	assert.ErrorIs(t, s.Err, context.Canceled)
	assert.Equal(t, runtime.StatusCanceled, res.Step("b").Status)

	close(release)
	assertNotStored(t, mem, "a", returned)
}

// TestMaterializeGraceKept checks that a function returning within the
// grace period after its context was cancelled is waited for.
func TestMaterializeGraceKept(t *testing.T) {
	a := intAsset("a", func(ctx *runtime.Context, _ []int) (int, error) {
		<-ctx.Done()
		time.Sleep(5 * time.Millisecond) // cleaning up
		return 0, errors.New("stopped")
	})
	a.Timeout = time.Millisecond
	res := materializeBounded(t, context.Background(), defsOf(memory.New(), a), runtime.Options{GracePeriod: time.Minute})
	assert.EqualError(t, res.Steps[0].Err, "timed out after 1ms (stopped)")
	assert.NotErrorIs(t, res.Steps[0].Err, runtime.ErrAbandoned)
}

func TestMaterializeNoDefinitions(t *testing.T) {
	_, err := runtime.Materialize(context.Background(), nil, runtime.Options{})
	assert.EqualError(t, err, "no definitions")
}

func TestMaterializePanic(t *testing.T) {
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, nil))
	defs := defsOf(memory.New(),
		intAsset("a", func(*runtime.Context, []int) (int, error) { panic("boom") }),
		intAsset("b", sum(1), "a"),
		intAsset("c", sum(1)),
	)
	res, err := runtime.Materialize(context.Background(), defs, runtime.Options{Logger: logger})
	require.NoError(t, err)
	a := res.Step("a")
	assert.Equal(t, runtime.StatusFailed, a.Status)
	assert.EqualError(t, a.Err, "panic: boom")
	var pe *runtime.PanicError
	require.ErrorAs(t, a.Err, &pe)
	assert.Equal(t, "boom", pe.Value)
	assert.Contains(t, pe.Stack, "materialize_test.go")
	assert.Equal(t, runtime.StatusSkipped, res.Step("b").Status)
	assert.Equal(t, runtime.StatusSuccess, res.Step("c").Status)
	// The error, stack and all, is the one report of the panic: it is not
	// logged too (the CLI printed both).
	assert.NotContains(t, logs.String(), "boom")
}

// failingManager fails every store and panics on load.
type failingManager struct{}

func (failingManager) Store(*runtime.OutputContext, any) error { return errors.New("disk full") }
func (failingManager) Load(*runtime.InputContext) (any, error) { panic("load exploded") }

func TestMaterializeIOManagerErrors(t *testing.T) {
	mem := memory.New()
	mem.Set("up", "", 1)
	b := intAsset("b", sum(1))
	b.IOManager = "bad"
	up := intAsset("up", sum(1))
	up.IOManager = "bad"
	defs := defsOf(mem, b, up, intAsset("c", sum(1), "up"))
	defs.IOManagers["bad"] = failingManager{}
	res, err := runtime.Materialize(context.Background(), defs, runtime.Options{Selection: []runtime.Key{"b", "c"}})
	require.NoError(t, err)
	assert.EqualError(t, res.Step("b").Err, "store output: disk full")
	assert.EqualError(t, res.Step("c").Err, "panic: load exploded")
}

func TestMaterializeSelection(t *testing.T) {
	mem := memory.New()
	var ranA atomic.Bool
	defs := defsOf(mem,
		intAsset("a", func(*runtime.Context, []int) (int, error) { ranA.Store(true); return 1, nil }),
		intAsset("b", sum(10), "a"),
		intAsset("c", sum(100), "b"),
	)
	// a was materialized earlier (by another run of this process).
	mem.Set("a", "", 5)
	res, err := runtime.Materialize(context.Background(), defs, runtime.Options{Selection: []runtime.Key{"b"}})
	require.NoError(t, err)
	require.True(t, res.OK(), "%+v", res.Steps)
	assert.False(t, ranA.Load())
	require.Len(t, res.Steps, 1)
	v, _ := mem.Value("b", "")
	assert.Equal(t, 15, v)
	_, ok := mem.Value("c", "")
	assert.False(t, ok)

	// An unselected upstream never materialized: the load fails and says why.
	res, err = runtime.Materialize(context.Background(), defs, runtime.Options{Selection: []runtime.Key{"c"}})
	require.NoError(t, err)
	require.True(t, res.OK())
	mem2 := memory.New()
	defs.IOManagers[runtime.DefaultIOManager] = mem2
	res, err = runtime.Materialize(context.Background(), defs, runtime.Options{Selection: []runtime.Key{"c"}})
	require.NoError(t, err)
	assert.EqualError(t, res.Step("c").Err, "load input b from asset b: asset b has no materialization in this process: the memory I/O manager keeps values only for the life of one process")

	_, err = runtime.Materialize(context.Background(), defs, runtime.Options{Selection: []runtime.Key{"bb", "a"}})
	assert.EqualError(t, err, `selection: no asset "bb" (did you mean "b"?)`)

	res, err = runtime.Materialize(context.Background(), defs, runtime.Options{Selection: []runtime.Key{}})
	require.NoError(t, err)
	assert.Empty(t, res.Steps)
}

func TestMaterializeEvents(t *testing.T) {
	var logs bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&logs, nil))
	a := intAsset("a", func(ctx *runtime.Context, _ []int) (int, error) {
		ctx.AddMetadata("rows", 3)
		ctx.SetDataVersion("v-a")
		ctx.Log.Info("hello", "n", 1)
		ctx.Log.With("k", "v").WithGroup("g").Info("grouped", "m", 2)
		return 1, nil
	})
	a.CodeVersion = "1"
	b := intAsset("sales/b", sum(1), "a")
	b.Inputs = append(b.Inputs, runtime.Input{Name: "x", Key: "x", Type: reflect.TypeFor[int]()})
	b.CodeVersion = "2"
	mem := memory.New()
	mem.Set("x", "", 0)
	rec := &recorder{t: t}
	opts := runtime.Options{
		RunID:       "run-1",
		Logger:      logger,
		OnEvent:     rec.on,
		Selection:   []runtime.Key{"a", "sales/b"},
		DataVersion: func(k runtime.Key, _ string) string { return "old-" + string(k) },
	}
	res, err := runtime.Materialize(context.Background(), defsOf(mem, a, b, intAsset("x", sum(0))), opts)
	require.NoError(t, err)
	require.True(t, res.OK(), "%+v", res.Steps)
	assert.Equal(t, "run-1", res.RunID)

	var types []runtime.EventType
	for _, e := range rec.events {
		types = append(types, e.Type)
		assert.Equal(t, "run-1", e.RunID)
		assert.False(t, e.Time.IsZero())
	}
	assert.Equal(t, []runtime.EventType{
		runtime.RunStart, runtime.StepStart, runtime.StepSuccess, runtime.StepStart, runtime.StepSuccess, runtime.RunEnd,
	}, types)
	assert.Equal(t, []runtime.Key{"a", "sales/b"}, rec.events[0].Keys)
	sa := rec.events[2]
	assert.Equal(t, runtime.Key("a"), sa.Key)
	assert.Equal(t, runtime.Metadata{"rows": 3}, sa.Metadata)
	assert.Equal(t, "v-a", sa.DataVersion)
	assert.Equal(t, "1", sa.CodeVersion)
	assert.Equal(t, 1, sa.Attempt)
	assert.Positive(t, sa.Duration)
	sb := rec.events[4]
	assert.Equal(t, map[runtime.Key]string{"a": "v-a", "x": "old-x"}, sb.InputVersions)
	assert.Equal(t, "2", sb.CodeVersion)
	assert.Nil(t, rec.events[5].Err)

	assert.Equal(t, "v-a", res.Step("a").DataVersion)
	assert.Equal(t, runtime.Metadata{"rows": 3}, res.Step("a").Metadata)
	assert.Positive(t, res.Duration)

	line := logs.String()
	assert.Contains(t, line, `"msg":"hello"`)
	assert.Contains(t, line, `"run_id":"run-1"`)
	assert.Contains(t, line, `"asset":"a"`)
	assert.Contains(t, line, `"n":1`)
	assert.Contains(t, line, `"msg":"grouped","run_id":"run-1","asset":"a","k":"v","g":{"m":2}}`)
}

// Celsius is a named type with the same underlying type as int.
type Celsius int

// Named is a named int with a String method.
type Named int

func (n Named) String() string { return fmt.Sprintf("named %d", int(n)) }

func TestLoadConversions(t *testing.T) {
	mem := memory.New()
	mem.Set("n", "", Named(4))
	mem.Set("i", "", 3)
	mem.Set("s", "", "text")
	var got []any
	def := &runtime.AssetDef{
		Key: "d",
		Inputs: []runtime.Input{
			{Name: "i", Key: "i", Type: reflect.TypeFor[Celsius]()},
			{Name: "n", Key: "n", Type: reflect.TypeFor[fmt.Stringer]()},
			{Name: "n2", Key: "n", Type: reflect.TypeFor[int]()},
			{Name: "s", Key: "s", Type: reflect.TypeFor[int]()},
		},
		Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
			c, err := runtime.Load[Celsius](ctx, in, 0)
			if err != nil {
				return nil, err
			}
			s, err := runtime.Load[fmt.Stringer](ctx, in, 1)
			if err != nil {
				return nil, err
			}
			n, err := runtime.Load[int](ctx, in, 2)
			if err != nil {
				return nil, err
			}
			got = append(got, c, s.String(), n)
			_, err = runtime.Load[int](ctx, in, 3)
			return nil, err
		},
	}
	defs := defsOf(mem, intAsset("i", sum(0)), intAsset("n", sum(0)), intAsset("s", sum(0)), def)
	res, err := runtime.Materialize(context.Background(), defs, runtime.Options{Selection: []runtime.Key{"d"}})
	require.NoError(t, err)
	assert.Equal(t, []any{Celsius(3), "named 4", 4}, got)
	assert.EqualError(t, res.Step("d").Err, "input s (from s): I/O manager returned string, want int")
}

func TestExecuteStep(t *testing.T) {
	mem := memory.New()
	mem.Set("a", "", 41)
	defs := defsOf(mem, intAsset("a", sum(1)), intAsset("b", sum(1), "a"))
	rec := &recorder{t: t}
	res := runtime.ExecuteStep(context.Background(), defs, runtime.Step{RunID: "r", Key: "b"}, runtime.Options{OnEvent: rec.on})
	assert.Equal(t, runtime.StatusSuccess, res.Status)
	assert.Equal(t, 1, res.Attempts)
	v, _ := mem.Value("b", "")
	assert.Equal(t, 42, v)
	require.Len(t, rec.events, 2)
	assert.Equal(t, runtime.StepStart, rec.events[0].Type)
	assert.Equal(t, runtime.StepSuccess, rec.events[1].Type)
	assert.Equal(t, "r", rec.events[1].RunID)

	res = runtime.ExecuteStep(context.Background(), defs, runtime.Step{Key: "bb"}, runtime.Options{})
	assert.Equal(t, runtime.StatusFailed, res.Status)
	assert.EqualError(t, res.Err, `asset bb is not defined (did you mean "b"?)`)
}

// TestExecuteStepAbandoned: a step executed alone is abandoned too, its
// function left on a goroutine of its own.
func TestExecuteStepAbandoned(t *testing.T) {
	started, release, returned := make(chan struct{}), make(chan struct{}), make(chan struct{})
	a := stubborn("a", started, release, returned)
	a.Timeout = 10 * time.Millisecond
	mem := memory.New()
	done := make(chan runtime.StepResult, 1)
	go func() {
		done <- runtime.ExecuteStep(context.Background(), defsOf(mem, a), runtime.Step{Key: "a"}, runtime.Options{GracePeriod: 10 * time.Millisecond})
	}()
	var res runtime.StepResult
	select {
	case res = <-done:
	case <-time.After(time.Minute):
		t.Fatal("ExecuteStep did not return: a function that ignores its context holds it")
	}
	assert.Equal(t, runtime.StatusFailed, res.Status)
	assert.ErrorIs(t, res.Err, runtime.ErrAbandoned)
	assert.ErrorIs(t, res.Err, context.DeadlineExceeded)
	close(release)
	assertNotStored(t, mem, "a", returned)
}

func TestRunID(t *testing.T) {
	seen := map[string]bool{}
	prev := ""
	for range 2000 {
		id := runtime.NewRunID()
		require.Len(t, id, 36)
		require.Equal(t, byte('7'), id[14], id)
		require.Contains(t, "89ab", string(id[19]), id)
		require.False(t, seen[id])
		seen[id] = true
		require.Greater(t, id, prev, "run IDs sort by creation")
		prev = id
	}
	assert.Equal(t, strings.ToLower(prev), prev)
}

// A hand-written Compute that returns a value of another type than its
// OutputType fails, rather than storing what no downstream can load.
func TestMaterializeWrongOutputType(t *testing.T) {
	a := &runtime.AssetDef{
		Key:        "a",
		OutputType: reflect.TypeFor[int](),
		Compute:    func(*runtime.Context, runtime.Inputs) (any, error) { return "seven", nil },
	}
	mem := memory.New()
	res, err := runtime.Materialize(context.Background(), defsOf(mem, a), runtime.Options{})
	require.NoError(t, err)
	s := res.Step("a")
	assert.Equal(t, runtime.StatusFailed, s.Status)
	assert.EqualError(t, s.Err, "Compute returned a string, but the asset's OutputType is int")
	_, stored := mem.Value("a", "")
	assert.False(t, stored)
}
