package runtime

import (
	"context"
	"fmt"
	goruntime "runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// Materialize runs the selected assets of defs (all when opts.Selection is
// nil; none when it is empty but not nil), and the partitions of them that
// opts.Partitions selects: it plans the run (see Definitions.Plan) and
// runs the plan's steps in dependency order, independent steps
// concurrently on at most opts.Concurrency goroutines.
//
// A failed step skips the steps that wait for it (StatusSkipped, with the
// failed or skipped upstream as Cause) while unrelated steps go on: a
// failed partition skips only the downstream steps that read it.
// Cancelling ctx stops the run promptly: steps not yet started end as
// StatusCanceled, and running steps see their context cancelled. A
// running function has opts.GracePeriod to return; one that ignores its
// context is abandoned then (see ErrAbandoned): its step ends as canceled
// and its result is discarded. Stores are never abandoned, and
// Materialize waits for them, so no output is stored after it returns.
//
// Inputs of a selected asset whose upstream is not selected, and upstream
// partitions outside the run, are loaded through the upstream's I/O
// manager, from its last materialization.
//
// Each step makes up to 1+AssetDef.Retries attempts, waiting RetryDelay
// (doubled after each retry, with jitter) between them. AssetDef.Timeout
// bounds each attempt: its context is cancelled at the deadline and the
// attempt fails as timed out, even when a function that ignores its
// context returns a result later (which is then not stored); a function
// still running a grace period after the deadline is abandoned, and the
// step fails without further retries. A panic in an asset function or an
// I/O manager fails the attempt with a *PanicError, which carries its
// Stack: the one report of the panic (it is not logged too).
//
// The error is non-nil only when the run could not start: the definitions
// lack what the run needs, the selection names no asset, or the
// partitions requested do not fit (see Definitions.Plan, which gives the
// same error and the same steps); step failures are in the Result, whose
// Steps are in the plan's order.
func Materialize(ctx context.Context, defs *Definitions, opts Options) (*Result, error) {
	p, err := defs.Plan(opts)
	if err != nil {
		return nil, err
	}
	return p.Run(ctx, opts), nil
}

// run is the state of one in-process run.
type run struct {
	ctx context.Context
	x   *executor
	p   *Plan
	res []StepResult // by step

	downOff []int32 // steps waiting for step s: down[downOff[s]:downOff[s+1]]
	down    []int32

	mu        sync.Mutex
	indeg     []int32 // by step: steps it waits for, not finished yet
	done      []bool  // by step
	remaining int
	ready     chan int32 // steps ready to run; never blocks a sender

	emitMu  sync.Mutex
	onEvent func(Event)

	// Watching for steps to abandon (see compute).
	workers  sync.WaitGroup
	cur      []atomic.Pointer[stepRun] // by step: the step while in its function
	stopping atomic.Bool               // the run's grace period is over
	graceMu  sync.Mutex
	grace    *time.Timer // started when the run is cancelled

	multi multiCalls // the calls of multi-assets' functions that steps wait for
}

func newRun(ctx context.Context, p *Plan, opts *Options, runID string) *run {
	n := len(p.steps)
	r := &run{
		ctx:       ctx,
		x:         newExecutor(p.defs, p.g, opts, runID),
		p:         p,
		res:       make([]StepResult, n),
		indeg:     make([]int32, n),
		done:      make([]bool, n),
		remaining: n,
		ready:     make(chan int32, n),
		onEvent:   opts.OnEvent,
		cur:       make([]atomic.Pointer[stepRun], n),
	}
	r.x.run = r
	r.x.keys, r.x.maps = p.keys, p.maps
	// The steps waiting for each step: the plan's dependencies reversed.
	r.downOff = make([]int32, n+1)
	for s := range n {
		deps := p.Deps(s)
		r.indeg[s] = int32(len(deps))
		for _, d := range deps {
			r.downOff[d+1]++
		}
	}
	for s := range n {
		r.downOff[s+1] += r.downOff[s]
	}
	r.down = make([]int32, len(p.dep))
	fill := slices.Clone(r.downOff[:n])
	for s := range int32(n) {
		for _, d := range p.Deps(int(s)) {
			r.down[fill[d]] = s
			fill[d]++
		}
	}
	if r.onEvent != nil {
		r.x.emit = r.emit
	}
	r.x.version = func(node int32, idx int) (string, bool) {
		a := p.apos[node]
		if a < 0 || (idx < 0) != (p.keys[node] == nil) {
			return "", false
		}
		// Read by a downstream step, which starts only after the steps it
		// reads finished: the write happened before, under r.mu.
		s := p.assets[a].first
		if idx >= 0 {
			var ok bool
			if s, ok = p.stepOf(a, idx); !ok {
				return "", false // a partition outside the run
			}
		}
		res := &r.res[s]
		if res.Status != StatusSuccess {
			return "", false
		}
		if idx >= 0 && res.PartitionVersions != nil {
			if v, ok := res.PartitionVersions[p.keys[node].Key(idx)]; ok {
				return v, true
			}
		}
		return res.DataVersion, true
	}
	return r
}

// downstream returns the steps waiting for step s.
func (r *run) downstream(s int32) []int32 { return r.down[r.downOff[s]:r.downOff[s+1]] }

// node returns the asset of step s.
func (r *run) node(s int32) int32 { return r.p.order[r.p.steps[s].asset] }

// emit delivers e to the listener, one event at a time.
func (r *run) emit(e Event) {
	r.emitMu.Lock()
	defer r.emitMu.Unlock()
	r.onEvent(e)
}

// run executes the steps and returns the result.
func (r *run) run() *Result {
	start := time.Now()
	if r.onEvent != nil {
		r.emit(Event{Type: RunStart, Time: start, RunID: r.x.runID, Keys: r.p.Keys(), Plan: r.p})
	}
	for s := range r.indeg {
		if r.indeg[s] == 0 {
			r.ready <- int32(s)
		}
	}
	if len(r.res) == 0 {
		close(r.ready)
	}
	workers := r.x.opts.Concurrency
	if workers <= 0 {
		workers = goruntime.GOMAXPROCS(0)
	}
	workers = max(1, min(workers, len(r.res)))
	stop := context.AfterFunc(r.ctx, r.canceled)
	r.workers.Add(workers)
	for range workers {
		go r.work(-1)
	}
	r.workers.Wait()
	stop()
	r.graceMu.Lock()
	if r.grace != nil {
		r.grace.Stop()
	}
	r.graceMu.Unlock()

	res := &Result{RunID: r.x.runID, Start: start, Duration: time.Since(start), Steps: r.res}
	if r.onEvent != nil {
		r.emit(Event{Type: RunEnd, Time: start.Add(res.Duration), RunID: r.x.runID, Duration: res.Duration, Err: r.runErr()})
	}
	return res
}

// runErr summarizes what went wrong in the run, or returns nil.
func (r *run) runErr() error {
	var failed, skipped, canceled int
	for i := range r.res {
		switch r.res[i].Status {
		case StatusFailed:
			failed++
		case StatusSkipped:
			skipped++
		case StatusCanceled:
			canceled++
		}
	}
	switch {
	case canceled > 0 && r.ctx.Err() != nil:
		return fmt.Errorf("run canceled (%d of %d steps not finished, %d failed, %d skipped): %w",
			canceled, len(r.res), failed, skipped, cancelCause(r.ctx))
	case failed+skipped+canceled > 0:
		return fmt.Errorf("%d of %d steps failed, %d skipped", failed, len(r.res), skipped)
	}
	return nil
}

// work runs position p (unless negative), then ready steps until none are
// left, and leaves the run's workers. After a step, the worker keeps one
// newly ready downstream step for itself, so a chain of steps runs on one
// goroutine without a hand-off. A worker stuck in a step that the run
// abandoned leaves as soon as the function returns, without a trace: the
// worker abandon started took its place.
func (r *run) work(p int32) {
	for {
		for p >= 0 {
			res, left := r.step(p)
			if left {
				return
			}
			p = r.finish(p, res)
		}
		var ok bool
		if p, ok = <-r.ready; !ok {
			r.workers.Done()
			return
		}
	}
}

// step runs step p, unless the run is cancelled.
func (r *run) step(p int32) (StepResult, bool) {
	node := r.node(p)
	sel := r.p.subset(p)
	if r.ctx.Err() != nil {
		return StepResult{
			Key:        r.x.g.defs[node].Key,
			Partition:  partitionsName(sel),
			Partitions: sel,
			Status:     StatusCanceled,
			Start:      time.Now(),
			Err:        fmt.Errorf("canceled before it started: %w", cancelCause(r.ctx)),
		}, false
	}
	return r.x.execute(r.ctx, node, p, newStepPart(sel))
}

// The function of a step runs on its worker's goroutine, with no
// goroutine or timer of its own, unless the asset has a timeout. The run
// watches it: once the run's context is cancelled (canceled), or the
// attempt's timeout passed, the function has the grace period to return;
// then abandon reports the step as canceled or timed out, lets the run go
// on with a new worker, and leaves the stuck worker to return when its
// function does, and to leave, discarding what it returned. An attempt
// is abandoned once: computing holds the attempt in the function, and
// whoever changes it first, the worker on return or abandon, decides.

// compute calls the function of s's attempt on this goroutine, watched.
func (r *run) compute(actx context.Context, s *stepRun, attempt int32) (any, error) {
	stop, err := r.enter(actx, s, attempt)
	if err != nil {
		return nil, err
	}
	out, err := s.call()
	if !r.leave(s, attempt, stop) {
		return nil, errLeft
	}
	return out, err
}

// storeStream runs store, which stores rows, on this goroutine, watched
// until the stream ends (see executor.storeStream): the stream's end
// leaves the watch, so that the store's commit is never abandoned.
func (r *run) storeStream(actx context.Context, s *stepRun, attempt int32, store func() error, rows *Rows) error {
	stop, err := r.enter(actx, s, attempt)
	if err != nil {
		return err
	}
	watched, left := true, false
	leave := func() {
		if watched {
			watched = false
			left = !r.leave(s, attempt, stop)
		}
	}
	rows.end = func() error {
		if leave(); left {
			return errLeft
		}
		return nil
	}
	err = store()
	if leave(); left {
		return errLeft
	}
	return err
}

// enter starts watching attempt of s, which is about to run the asset's
// code, and returns the function that stops the attempt's timeout watch
// (nil without a timeout), for leave. The attempt does not start once the
// run's grace period has ended.
func (r *run) enter(actx context.Context, s *stepRun, attempt int32) (stop func() bool, err error) {
	if s.def.Timeout > 0 {
		stop = context.AfterFunc(actx, func() { r.after(s, attempt) })
	}
	s.computing.Store(attempt)
	r.cur[s.pos].Store(s)
	if r.stopping.Load() {
		// The run's grace period ended before this attempt was seen.
		if !r.leave(s, attempt, stop) {
			return nil, errLeft
		}
		return nil, fmt.Errorf("not started: %w", cancelCause(r.ctx))
	}
	return stop, nil
}

// leave stops watching attempt of s, and reports whether it was not
// abandoned meanwhile.
func (r *run) leave(s *stepRun, attempt int32, stop func() bool) bool {
	r.cur[s.pos].Store(nil)
	if stop != nil {
		stop()
	}
	return s.computing.CompareAndSwap(attempt, 0)
}

// after abandons attempt of s a grace period from now, unless it returns.
func (r *run) after(s *stepRun, attempt int32) {
	if g := r.x.grace(); g > 0 {
		time.AfterFunc(g, func() { r.abandon(s, attempt) })
	} else {
		r.abandon(s, attempt)
	}
}

// canceled starts the run's grace period, after which every step still
// in its function is abandoned.
func (r *run) canceled() {
	end := func() {
		r.stopping.Store(true)
		for p := range r.cur {
			if s := r.cur[p].Load(); s != nil {
				if a := s.computing.Load(); a > 0 {
					r.abandon(s, a)
				}
			}
		}
	}
	g := r.x.grace()
	if g <= 0 {
		end()
		return
	}
	r.graceMu.Lock()
	r.grace = time.AfterFunc(g, end)
	r.graceMu.Unlock()
}

// abandon reports attempt of s as failed (timed out) or canceled and
// finishes its step, while the function goes on, unless the attempt
// returned or was abandoned already; a new worker takes the place of the
// stuck one.
func (r *run) abandon(s *stepRun, attempt int32) {
	if !s.computing.CompareAndSwap(attempt, -1) {
		return
	}
	err := s.abandoned(r.x.grace())
	if s.def.Timeout > 0 && r.ctx.Err() == nil {
		err = &timeoutError{limit: s.def.Timeout, err: err}
	}
	res := StepResult{Key: s.def.Key, Partition: s.ctx.part.display(), Partitions: s.ctx.part.subset(), Start: time.Unix(0, s.first)}
	res = r.x.failure(r.ctx, s, &res, int(attempt), time.Unix(0, s.start), time.Now(), err)
	next := r.finish(s.pos, res)
	go r.work(next)
}

// finish records the result of position p, releases or skips its
// downstream steps, and returns one released position for the caller to
// run next, or -1.
func (r *run) finish(p int32, res StepResult) int32 {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.res[p] = res
	r.done[p] = true
	r.remaining--
	next := int32(-1)
	if res.Status == StatusSuccess && res.Blocker() == nil {
		for _, q := range r.downstream(p) {
			if r.done[q] {
				continue
			}
			r.indeg[q]--
			if r.indeg[q] == 0 {
				if next < 0 {
					next = q
				} else {
					r.ready <- q
				}
			}
		}
	} else {
		r.cascade(p)
	}
	if r.remaining == 0 {
		close(r.ready)
	}
	return next
}

// cascade ends every step waiting for p, which did not succeed, and the
// steps waiting for those: skipped when p failed or was skipped, canceled
// when p was canceled. r.mu is held.
func (r *run) cascade(p int32) {
	stack := []int32{p}
	for len(stack) > 0 {
		u := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		up := &r.res[u]
		name := string(up.Key)
		if up.Partition != "" {
			name += " partition " + up.Partition
		}
		for _, q := range r.downstream(u) {
			if r.done[q] {
				continue
			}
			r.done[q] = true
			r.remaining--
			def := r.x.g.defs[r.node(q)]
			sel := r.p.subset(q)
			res := StepResult{Key: def.Key, Partition: partitionsName(sel), Partitions: sel, Start: time.Now()}
			if up.Status == StatusCanceled {
				res.Status = StatusCanceled
				res.Err = fmt.Errorf("canceled before it started: upstream %s was canceled", name)
			} else {
				res.Status = StatusSkipped
				res.Cause = up.Key
				if c := up.Blocker(); c != nil && up.Status == StatusSuccess {
					res.Err = fmt.Errorf("blocking %s", c)
				} else if up.Status == StatusFailed {
					res.Err = fmt.Errorf("upstream %s failed", name)
				} else {
					res.Err = fmt.Errorf("upstream %s was skipped", name)
				}
			}
			r.res[q] = res
			if r.onEvent != nil && res.Status == StatusSkipped {
				r.emit(Event{Type: StepSkipped, Time: res.Start, RunID: r.x.runID, Key: def.Key, Partition: res.Partition, Partitions: sel,
					Err: res.Err, Cause: res.Cause, CodeVersion: def.CodeVersion})
			}
			stack = append(stack, q)
		}
	}
}

// cancelCause returns the error of a done ctx, wrapping both ctx.Err()
// (so errors.Is(err, context.Canceled) holds) and the cause given to
// context.WithCancelCause, when there is one.
func cancelCause(ctx context.Context) error {
	err := ctx.Err()
	if cause := context.Cause(ctx); cause != nil && cause != err {
		return fmt.Errorf("%w: %w", err, cause)
	}
	return err
}
