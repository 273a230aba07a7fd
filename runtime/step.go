package runtime

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"reflect"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/assetgen/assetgen/internal/columns"
	"github.com/assetgen/assetgen/internal/versions"
	"github.com/assetgen/assetgen/partition"
)

// executor runs the steps of one run, or one step (Executor).
type executor struct {
	*prepared
	opts    *Options
	runID   string
	log     slog.Handler                             // base handler tagged with the run ID
	emit    func(Event)                              // nil when nobody listens
	version func(node int32, idx int) (string, bool) // the data version of node (its partition at idx; -1 when unpartitioned) from the run, if it ran it
	run     *run                                     // the run that watches the steps; nil for Executor

	keys []*partition.Keys   // by node: the keys of partitioned assets the steps use
	maps []partition.Mapping // by input edge (Graph.in): the mapping from a partitioned upstream

	// badSelect maps a step (*stepRun) whose multi-asset's function
	// called Selected with a name that is none of its outputs to the
	// error; kept here, not in stepRun, which is at its size class.
	badSelect sync.Map
}

// stepRun is the state of one running step, allocated once per step.
//
// Its size matters (the runtime allocates one per step): it fits the
// 576-byte size class (TestStepRunSize), and the times are kept as Unix
// nanoseconds to save 32 bytes.
type stepRun struct {
	x         *executor
	node      int32
	pos       int32 // position in the run; -1 alone
	def       *AssetDef
	ctx       Context
	state     stepState
	handler   stepHandler
	out       OutputContext // reused by every attempt's store
	in        InputContext  // reused by loads unless one is in progress
	inBusy    atomic.Bool
	computing atomic.Int32            // in a run: the attempt in the function; 0 when none; -1 abandoned
	first     int64                   // start of the first attempt
	start     int64                   // start of the current attempt
	streams   atomic.Pointer[streams] // the attempt's stream parameters; nil until the first
}

// Load implements Inputs: it loads input i through its upstream's I/O
// manager.
func (s *stepRun) Load(ctx context.Context, i int) (v any, err error) {
	def := s.def
	if i < 0 || i >= len(def.Inputs) {
		return nil, fmt.Errorf("asset %s has no input #%d", def.Key, i)
	}
	in := &def.Inputs[i]
	j := s.x.g.in[s.x.g.inOff[s.node]+int32(i)]
	if j < 0 {
		return nil, fmt.Errorf("input %s: asset %s is not defined", in.Name, in.Key)
	}
	up := s.x.g.defs[j]
	m := s.x.managers[j]
	if m == nil {
		return nil, fmt.Errorf("input %s: I/O manager %q of asset %s is not defined", in.Name, up.IOManagerKey(), in.Key)
	}
	if ctx == nil {
		ctx = &s.ctx
	}
	ic := &s.in
	if s.inBusy.CompareAndSwap(false, true) {
		defer s.inBusy.Store(false)
	} else {
		ic = new(InputContext) // the function loads inputs concurrently
	}
	*ic = InputContext{
		Context:     ctx,
		RunID:       s.x.runID,
		Key:         def.Key,
		Def:         def,
		Name:        in.Name,
		Upstream:    in.Key,
		UpstreamDef: up,
		Type:        in.Type,
		Log:         s.ctx.Log,
		Partition:   s.ctx.Partition(),
	}
	if _, ok := columns.StreamOf(in.Type); ok {
		return s.streamInput(ctx, ic, in, i, j, m)
	}
	if up.Partitions != nil {
		return s.gather(ic, in, i, j, m)
	}
	v, err = m.Load(ic)
	if err != nil {
		return nil, fmt.Errorf("load input %s from asset %s: %w", in.Name, in.Key, err)
	}
	return v, nil
}

// timeoutError is the error of an attempt that ran out of time.
type timeoutError struct {
	limit time.Duration
	err   error // what the function returned, if anything
}

func (e *timeoutError) Error() string {
	s := "timed out after " + e.limit.String()
	if e.err != nil && !errors.Is(e.err, context.DeadlineExceeded) {
		s += " (" + e.err.Error() + ")"
	}
	return s
}

func (e *timeoutError) Unwrap() []error {
	if e.err == nil {
		return []error{context.DeadlineExceeded}
	}
	return []error{context.DeadlineExceeded, e.err}
}

// PanicError is the error of a step whose function (or I/O manager)
// panicked.
type PanicError struct {
	Value any    // the value passed to panic
	Stack string // a short stack of the panicking goroutine
}

// Error returns "panic: " and the panic value.
func (e *PanicError) Error() string { return fmt.Sprintf("panic: %v", e.Value) }

// Unwrap returns the panic value when it is an error.
func (e *PanicError) Unwrap() error {
	err, _ := e.Value.(error)
	return err
}

// shortStack returns the frames after the panic call, at most max frames.
func shortStack(max int) string {
	lines := strings.Split(string(debug.Stack()), "\n")
	start := 1
	for i, l := range lines {
		if strings.HasPrefix(l, "panic(") {
			start = i + 2 // skip panic( and its file line
			break
		}
	}
	end := min(len(lines), start+2*max)
	return strings.Join(lines[start:end], "\n")
}

// execute runs the step of node: every attempt, then its events. pos is
// the step's position in its run (x.run), if it has one. left is true when
// the run abandoned the step while this goroutine was stuck in its
// function: the run reported the step, and the goroutine must leave it.
func (x *executor) execute(ctx context.Context, node, pos int32, part *stepPart) (res StepResult, left bool) {
	def := x.g.defs[node]
	s := &stepRun{x: x, node: node, pos: pos, def: def}
	s.handler.base, s.handler.ctx = x.log, &s.ctx
	s.ctx = Context{
		RunID: x.runID,
		Key:   def.Key,
		Def:   def,
		Log:   slog.New(&s.handler),
		run:   s,
		part:  part,
	}
	partition, sel := part.display(), part.subset()
	res = StepResult{Key: def.Key, Partition: partition, Partitions: sel, Start: time.Now()}
	s.first = res.Start.UnixNano()
	start := res.Start
	for attempt := 1; ; attempt++ {
		if attempt > 1 {
			start = time.Now()
		}
		s.start = start.UnixNano()
		if x.emit != nil {
			x.emit(Event{Type: StepStart, Time: start, RunID: x.runID, Key: def.Key, Partition: partition, Partitions: sel, Attempt: attempt, CodeVersion: def.CodeVersion, Config: ConfigRecord(def, x.opts.Config)})
		}
		err := x.attempt(ctx, s, attempt)
		if err == errLeft {
			return StepResult{}, true
		}
		end := time.Now()
		res.Attempts = attempt
		res.Duration = end.Sub(res.Start)
		if err == nil {
			res.Status = StatusSuccess
			res.Err = nil // an earlier attempt's error, now retried away
			res.Metadata = s.state.metadata
			res.DataVersion = s.state.dataVersion
			if len(s.state.versions) > 0 && !s.state.userVersion {
				res.PartitionVersions = s.state.versions
			}
			if x.emit != nil {
				inputs, partInputs := x.inputVersions(s)
				x.emit(Event{
					Type: StepSuccess, Time: end, RunID: x.runID, Key: def.Key, Partition: partition, Partitions: sel,
					Attempt: attempt, Duration: end.Sub(start), Metadata: res.Metadata,
					DataVersion: res.DataVersion, PartitionVersions: res.PartitionVersions,
					InputVersions: inputs, PartitionInputVersions: partInputs, CodeVersion: def.CodeVersion, Config: ConfigRecord(def, x.opts.Config),
				})
			}
			res.Checks = x.checks(ctx, node, s.ctx.part)
			return res, false
		}
		if ctx.Err() == nil && attempt <= def.Retries && !errors.Is(err, ErrAbandoned) {
			delay := backoff(def.RetryDelay, attempt)
			if x.emit != nil {
				x.emit(Event{Type: StepRetry, Time: end, RunID: x.runID, Key: def.Key, Partition: partition, Partitions: sel, Attempt: attempt, Duration: end.Sub(start), Delay: delay, Err: err, TimedOut: timedOut(err), CodeVersion: def.CodeVersion})
			}
			werr := sleep(ctx, delay)
			if werr == nil {
				continue
			}
			err = fmt.Errorf("canceled while waiting to retry: %w (last attempt: %w)", werr, err)
			end = time.Now()
		}
		return x.failure(ctx, s, &res, attempt, start, end, err), false
	}
}

// failure ends res, whose last attempt, started at start, failed with err
// at end: canceled when ctx is done (the run was cancelled), else failed;
// and reports it.
func (x *executor) failure(ctx context.Context, s *stepRun, res *StepResult, attempt int, start, end time.Time, err error) StepResult {
	res.Status, res.Err = StatusFailed, err
	if ctxErr := ctx.Err(); ctxErr != nil {
		res.Status = StatusCanceled
		if !errors.Is(err, ctxErr) {
			res.Err = fmt.Errorf("%w (run canceled: %w)", err, cancelCause(ctx))
		}
	}
	res.Attempts = attempt
	res.Duration = end.Sub(res.Start)
	if x.emit != nil {
		x.emit(Event{Type: StepFailure, Time: end, RunID: x.runID, Key: s.def.Key, Partition: s.ctx.part.display(), Partitions: s.ctx.part.subset(), Attempt: attempt, Duration: end.Sub(start), Err: res.Err, TimedOut: timedOut(err), CodeVersion: s.def.CodeVersion})
	}
	return *res
}

// timedOut reports whether err is a timeout of the timeout option.
func timedOut(err error) bool {
	_, ok := errors.AsType[*timeoutError](err)
	return ok
}

// attempt makes one attempt at the step: compute, then store.
func (x *executor) attempt(ctx context.Context, s *stepRun, attempt int) error {
	def := s.def
	actx := ctx
	if def.Timeout > 0 {
		var cancel context.CancelFunc
		actx, cancel = context.WithTimeout(ctx, def.Timeout)
		defer cancel()
	}
	if attempt > 1 {
		s.state.reset()
	}
	if s.ctx.part != nil && !s.ctx.part.one() && s.def.OutputType != nil {
		s.state.versions = map[string]string{} // by partition
	}
	s.ctx.Context = actx
	s.ctx.Attempt = attempt
	// checkTimeout turns the outcome of an attempt that ran out of time
	// into a timeout error, whatever the function returned.
	checkTimeout := func(err error) error {
		if def.Timeout > 0 && ctx.Err() == nil && errors.Is(actx.Err(), context.DeadlineExceeded) {
			return &timeoutError{limit: def.Timeout, err: err}
		}
		return err
	}

	defer s.closeStreams()
	out, err := x.compute(actx, s, int32(attempt))
	if err == errLeft {
		return err
	}
	if err = checkTimeout(err); err != nil {
		return err
	}
	if def.OutputType == nil {
		return nil
	}
	rows, err := checkOutput(def, out)
	if err != nil {
		return err
	}
	m := x.managers[s.node]
	if m == nil {
		return fmt.Errorf("I/O manager %q is not defined", def.IOManagerKey())
	}
	oc := &s.out
	*oc = OutputContext{
		Context:    actx,
		RunID:      x.runID,
		Key:        def.Key,
		Def:        def,
		Partition:  s.ctx.Partition(),
		Partitions: s.ctx.part.subset(),
		Type:       def.OutputType,
		Log:        s.ctx.Log,
		step:       &s.state,
	}
	if rows != nil {
		err = x.storeStream(actx, s, int32(attempt), func() error { return s.outputStream(m, oc, rows) }, rows)
	} else {
		err = s.output(m, oc, out)
	}
	if err == errLeft {
		return err
	}
	if err != nil {
		return checkTimeout(fmt.Errorf("store output: %w", err))
	}
	return nil
}

// checkOutput checks that out, what the Compute of def returned, is of
// its output type; a stream's Rows is returned.
func checkOutput(def *AssetDef, out any) (*Rows, error) {
	// Generated Compute functions cannot return another type; hand-written
	// ones can, and the I/O manager would store what the downstream
	// cannot load.
	_, stream := columns.StreamOf(def.OutputType)
	rows, isRows := out.(*Rows)
	switch {
	case stream && isRows && rows != nil && rows.typ == def.StoredType():
		return rows, nil
	case stream && isRows && rows != nil:
		return nil, fmt.Errorf("Compute returned a stream of %v, but the asset's OutputType is %v", rows.typ.Elem(), def.OutputType)
	case stream && out != nil && reflect.TypeOf(out).AssignableTo(def.OutputType):
		return nil, fmt.Errorf("Compute returned a %T: wrap a stream with runtime.RowsOf for its I/O manager", out)
	case stream:
		return nil, fmt.Errorf("Compute returned a %T, but the asset's OutputType is %v: return runtime.RowsOf(stream)", out, def.OutputType)
	case out != nil && !reflect.TypeOf(out).AssignableTo(def.OutputType):
		return nil, fmt.Errorf("Compute returned a %T, but the asset's OutputType is %v", out, def.OutputType)
	}
	return nil, nil
}

// ErrAbandoned is wrapped by the error of an attempt whose function did
// not return within the grace period (Options.GracePeriod) after its
// context was cancelled. The function is left running on its own
// goroutine and whatever it returns is discarded: nothing is stored for
// it. Such a step is not retried, since its function may still be
// running.
var ErrAbandoned = errors.New("abandoned")

// errLeft is returned by an attempt whose step its run abandoned while
// the attempt's goroutine was in the function (see run.compute).
var errLeft = errors.New("left an abandoned step")

// computed is what an asset function returned.
type computed struct {
	out any
	err error
}

// compute runs the asset function under actx. In a run, the run watches
// it (see run.compute). Alone (ExecuteStep), when actx can be cancelled
// (a timeout, a cancellable context), the function runs on a goroutine of
// its own, so that one ignoring its context cannot hold the step: once
// actx is done, it has the grace period to return, after which the
// attempt is abandoned. Either way the store happens on the caller's
// goroutine, after the function returned in time, so nothing is stored
// for an abandoned step.
func (x *executor) compute(actx context.Context, s *stepRun, attempt int32) (any, error) {
	if x.run != nil {
		return x.run.compute(actx, s, attempt)
	}
	if actx.Done() == nil {
		return s.call()
	}
	done := make(chan computed, 1)
	go func() {
		out, err := s.call()
		done <- computed{out, err}
	}()
	grace := x.grace()
	if c, ok := await(actx, done, grace); ok {
		return c.out, c.err
	}
	return nil, s.abandoned(grace)
}

// await waits for a value from done until actx is done, and then for the
// grace period more. It returns false when none came in time.
func await[T any](actx context.Context, done <-chan T, grace time.Duration) (T, bool) {
	select {
	case v := <-done:
		return v, true
	case <-actx.Done():
	}
	if grace > 0 {
		t := time.NewTimer(grace)
		defer t.Stop()
		select {
		case v := <-done:
			return v, true
		case <-t.C:
		}
	} else {
		select {
		case v := <-done:
			return v, true
		default:
		}
	}
	var zero T
	return zero, false
}

// storeStream runs store, which stores rows, the stream the function of
// s's attempt returned. The producer of the rows is the asset's code,
// running while the manager pulls the rows, so it is watched as the
// function is (see compute) until the stream ends: once actx is done, it
// has the grace period to end, after which the attempt is abandoned and
// the stream fails at its next row, so that the manager, which commits
// only a stream that ended, stores nothing. Once the stream has ended, the
// store is no longer abandoned: the run waits for it, as for any store.
func (x *executor) storeStream(actx context.Context, s *stepRun, attempt int32, store func() error, rows *Rows) error {
	if x.run != nil {
		return x.run.storeStream(actx, s, attempt, store, rows)
	}
	if actx.Done() == nil {
		return store()
	}
	s.computing.Store(attempt)
	rows.end = func() error {
		if !s.computing.CompareAndSwap(attempt, 0) {
			return errLeft
		}
		return nil
	}
	done := make(chan error, 1)
	go func() { done <- store() }()
	grace := x.grace()
	if err, ok := await(actx, done, grace); ok {
		return err
	}
	if s.computing.CompareAndSwap(attempt, -1) {
		return s.abandoned(grace)
	}
	return <-done // the stream ended: the store finishes
}

// abandoned returns the error of an abandoned step. Nothing is logged:
// the step's failure event says it (the command line prints it once).
func (s *stepRun) abandoned(grace time.Duration) error {
	return fmt.Errorf("%w: the function did not return within %s after its context was cancelled; its result will be discarded", ErrAbandoned, max(grace, 0))
}

// grace returns the grace period of the options.
func (x *executor) grace() time.Duration {
	if x.opts.GracePeriod == 0 {
		return DefaultGracePeriod
	}
	return x.opts.GracePeriod
}

// call calls the asset function, turning a panic into a *PanicError.
func (s *stepRun) call() (out any, err error) {
	defer s.recover(&err)
	if s.def.Multi != nil {
		return s.callMulti()
	}
	return s.def.Compute(&s.ctx, s)
}

// store stores out through m, turning a panic into a *PanicError.
func (s *stepRun) store(m IOManager, oc *OutputContext, out any) (err error) {
	defer s.recover(&err)
	return m.Store(oc, out)
}

// recover turns a panic into a *PanicError in *err, which carries its
// stack to the step's event: the one report of the panic, so that it is
// not logged too.
func (s *stepRun) recover(err *error) {
	if v := recover(); v != nil {
		*err = &PanicError{Value: v, Stack: shortStack(20)}
	}
}

// inputVersions returns the data versions of the inputs (and deps) of the
// step s, where known: each unpartitioned upstream's, and each
// partitioned input's, combined over the upstream partitions its mapping
// gives (internal/versions). For a step covering several partitions, the
// partitioned inputs' versions differ by partition: they are returned by
// partition key, the unpartitioned ones once.
func (x *executor) inputVersions(s *stepRun) (all map[Key]string, byPartition map[string]map[Key]string) {
	node, part := s.node, s.ctx.part
	add := func(m map[Key]string, k Key, v string) map[Key]string {
		if m == nil {
			m = make(map[Key]string)
		}
		m[k] = v
		return m
	}
	for _, j := range x.g.upstream(node) {
		if x.g.defs[j].Partitions != nil {
			continue
		}
		if v := x.dataVersion(j, -1); v != "" {
			all = add(all, x.g.defs[j].Key, v)
		}
	}
	def := s.def
	for i := range def.Inputs {
		j := x.g.input(node, i)
		if j < 0 || x.g.defs[j].Partitions == nil || x.maps == nil {
			continue
		}
		keys, mp := x.keys[j], x.maps[x.g.inOff[node]+int32(i)]
		if keys == nil || mp == nil {
			continue
		}
		k := def.Inputs[i].Key
		if part == nil || part.one() {
			if v, ok := x.combined(j, mp, part.subset(), keys); ok {
				all = add(all, k, v)
			}
			continue
		}
		own := part.subset()
		for idx := range own.Indexes() {
			if v, ok := x.combined(j, mp, own.Of().Span(idx, idx+1), keys); ok {
				key := own.Of().Key(idx)
				if byPartition == nil {
					byPartition = make(map[string]map[Key]string, own.Len())
				}
				byPartition[key] = add(byPartition[key], k, v)
			}
		}
	}
	return all, byPartition
}

// combined returns the version of the partitions of upstream node up that
// mp maps sel to, combined; ok is false when one of them has no known
// version.
func (x *executor) combined(up int32, mp partition.Mapping, sel partition.Subset, keys *partition.Keys) (string, bool) {
	r, err := mp.Upstream(sel, keys)
	if err != nil {
		return "", false
	}
	n := r.Subset.Len()
	ks, vs := make([]string, 0, n), make([]string, 0, n)
	for idx := range r.Subset.Indexes() {
		v := x.dataVersion(up, idx)
		if v == "" {
			return "", false
		}
		ks, vs = append(ks, keys.Key(idx)), append(vs, v)
	}
	return versions.Combine(ks, vs), true
}

// dataVersion returns the data version of node, or of its partition at
// index idx (-1 when unpartitioned): from the run when it materialized it
// with a version, else from opts.DataVersion; "" when unknown.
func (x *executor) dataVersion(node int32, idx int) string {
	if x.version != nil {
		if v, ok := x.version(node, idx); ok && v != "" {
			return v
		}
	}
	if x.opts.DataVersion == nil {
		return ""
	}
	part := ""
	if idx >= 0 {
		part = x.keys[node].Key(idx)
	}
	return x.opts.DataVersion(x.g.defs[node].Key, part)
}

// backoff returns the delay before retry n (n = 1 after the first
// attempt): base doubled n-1 times, capped at an hour, with up to 50%
// jitter either way so that retries of many steps spread out.
func backoff(base time.Duration, n int) time.Duration {
	if base <= 0 {
		return 0
	}
	d := base
	for i := 1; i < n && d < time.Hour; i++ {
		d *= 2
	}
	d = min(d, time.Hour)
	return d/2 + rand.N(d) // uniform in [d/2, 3d/2)
}

// sleep waits for d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// reset forgets what a failed attempt reported.
func (s *stepState) reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.metadata, s.dataVersion, s.userVersion, s.versions = nil, "", false, nil
}
