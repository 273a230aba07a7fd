package history

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/assetgen/assetgen/runtime"
)

// Recorder writes the events of runs to a Log. OnEvent only queues the
// event; a background writer applies the queue in batches, each batch one
// transaction, as fast as the store commits (group commit). So recording
// costs a run little, and the log trails the run by about one commit.
//
// Durability, precisely: an event is durable once the batch holding it
// has committed. OnEvent of a RunEnd event, and Flush, return only after
// every event queued before them committed (or a write failed: see Err),
// so when runtime.Materialize returns, its whole run is recorded. If the
// process is killed during a run, the events of the last batch not yet
// committed (those of the last few milliseconds) are lost, everything
// before it is kept; the run stays marked running until Log.Reap (called
// by every open) finds its process gone and marks it failed (abandoned).
// On SQLite with synchronous=NORMAL a commit survives a killed process but
// may be rolled back, never torn, by a power loss.
type Recorder struct {
	log      Log
	tags     map[string]string
	self     process
	pipeline string // PipelineName()

	mu        sync.Mutex
	queue     []event
	spare     []event
	queued    uint64        // events ever queued
	written   uint64        // events whose effects have committed
	attempted uint64        // events covered by the last write attempt
	err       error         // error of the last write attempt, nil when it succeeded
	progress  chan struct{} // closed and replaced after each write attempt
	closed    bool
	versions  map[runtime.Key]string // data versions of this recorder's successful unpartitioned steps

	wake chan struct{}
	stop chan struct{}
	done chan struct{}

	runCtx context.Context // the runs' context, when known (Record)

	logHead, logTail, logBytes int // see LimitLogs

	// A step recorder's (NewStepRecorder); place is nil otherwise.
	worker string
	place  func(runID string, key runtime.Key, partition string) (seq int, logBase int64)

	// Owned by the writer goroutine.
	runs  map[string]*runState
	ended map[string]bool // runs whose RunEnd was written: later events are ignored
}

// event is a queued event, with whether the run's context was done when
// it arrived (Record knows that context).
type event struct {
	runtime.Event
	stopped bool
	abort   error    // Abort's cause: end every open run
	log     *LogLine // a line a step logged (see Handler)
}

type stepID struct {
	key       runtime.Key
	partition string
}

type runState struct {
	run      Run
	steps    map[stepID]*Step
	seq      int
	dirtyRun bool
	dirty    []*Step
	isDirty  map[*Step]bool
	ended    bool

	logs      map[stepID]*logState
	logSeq    int64
	worker    string                                                     // a step recorder's
	place     func(string, runtime.Key, string) (seq int, logBase int64) // a step recorder's
	headLogs  []LogLine                                                  // lines within their step's head, not written yet
	dirtyLogs []*logState                                                // steps with lines, trims or markers not written yet
}

// NewRecorder starts a Recorder writing to log. tags are recorded with
// every run, as is the name of the pipeline (PipelineName). Call Close
// when done.
func NewRecorder(log Log, tags map[string]string) *Recorder {
	r := &Recorder{
		log:      log,
		tags:     tags,
		self:     self(),
		pipeline: PipelineName(),
		progress: make(chan struct{}),
		wake:     make(chan struct{}, 1),
		stop:     make(chan struct{}),
		done:     make(chan struct{}),
		runs:     map[string]*runState{},
		ended:    map[string]bool{},
		versions: map[runtime.Key]string{},
		logHead:  LogHead,
		logTail:  LogTail,
		logBytes: LogLineBytes,
	}
	go r.writer()
	return r
}

// NewStepRecorder starts a Recorder for the steps of queued runs
// (Run.Queued) that a queue worker runs, several workers sharing each
// run: it writes their steps and log lines, never the runs (the queue
// records those), counts the steps of their runs again in the same
// transactions (Batch.Recount), and records worker as each step's Worker.
// place gives a step its place in its run: its Seq, and the base of the
// Seq of its log lines (line n is logBase+n), which must leave room for
// the step's lines and differ for every execution of the step, so that
// the lines of workers sharing a run never collide. A step is forgotten
// once its last event is written. Call Close when done.
func NewStepRecorder(log Log, worker string, place func(runID string, key runtime.Key, partition string) (seq int, logBase int64)) *Recorder {
	r := NewRecorder(log, nil)
	r.worker, r.place = worker, place
	return r
}

// Record prepares opts for recording runs to log, for the usual one
// call of runtime.Materialize: it starts a Recorder, makes opts.OnEvent
// feed it (after any OnEvent already set), makes opts.Logger record the
// lines the steps log as well as write them (see Recorder.Handler; a nil
// Logger stands for slog.Default()), and sets opts.DataVersion, when
// unset, to Recorder.DataVersion, falling back to the latest data versions
// in the log (loaded once, on first use: a run that loads no input from
// earlier runs never reads them). It first reaps abandoned runs (see
// Log.Reap), so a long-lived process that opened the log once still
// notices runs of processes that died since. Close the Recorder after the
// run.
func Record(ctx context.Context, log Log, opts *runtime.Options, tags map[string]string) (*Recorder, error) {
	if _, err := log.Reap(ctx); err != nil {
		return nil, err
	}
	r := NewRecorder(log, tags)
	r.runCtx = ctx
	if opts.DataVersion == nil {
		var once sync.Once
		var lookup func(runtime.Key) string
		opts.DataVersion = func(k runtime.Key) string {
			if v := r.DataVersion(k); v != "" {
				return v
			}
			once.Do(func() {
				assets, err := log.Assets(ctx)
				if err != nil {
					// Versions unknown: steps record no input versions,
					// and staleness falls back to materialization times.
					lookup = func(runtime.Key) string { return "" }
					return
				}
				lookup = DataVersions(assets)
			})
			return lookup(k)
		}
	}
	base := opts.Logger
	if base == nil {
		base = slog.Default()
	}
	opts.Logger = slog.New(r.Handler(base.Handler()))
	if prev := opts.OnEvent; prev != nil {
		opts.OnEvent = func(e runtime.Event) {
			prev(e)
			r.OnEvent(e)
		}
	} else {
		opts.OnEvent = r.OnEvent
	}
	return r, nil
}

// DataVersion returns the data version of the last successful
// materialization of key (unpartitioned) among the events this Recorder
// received, or "". Steps that set no data version get DefaultDataVersion.
func (r *Recorder) DataVersion(key runtime.Key) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.versions[key]
}

// OnEvent queues e for writing; use it as runtime.Options.OnEvent. For a
// RunEnd event it waits until the whole run has been written.
func (r *Recorder) OnEvent(e runtime.Event) {
	r.mu.Lock()
	if r.closed {
		r.mu.Unlock()
		return
	}
	if e.Type == runtime.StepSuccess {
		if e.DataVersion == "" {
			e.DataVersion = DefaultDataVersion(e.RunID, e.Key, e.Partition)
		}
		if e.Partition == "" {
			r.versions[e.Key] = e.DataVersion
		}
	}
	r.queue = append(r.queue, event{Event: e, stopped: r.runCtx != nil && r.runCtx.Err() != nil})
	r.queued++
	r.mu.Unlock()
	select {
	case r.wake <- struct{}{}:
	default:
	}
	if e.Type == runtime.RunEnd {
		r.Flush(context.Background()) // a failure is kept for Err and Close
	}
}

// Abort ends every run the recorder has seen start and not end, for a
// process about to exit without waiting for its steps (after a second
// interrupt, say): their running steps and the runs are recorded as
// canceled, with cause as the error, at once rather than as abandoned
// when the next process notices this one is gone. It waits until that is
// written or ctx is done, and returns the write error. Events of those
// runs that come later are ignored.
func (r *Recorder) Abort(ctx context.Context, cause error) error {
	r.mu.Lock()
	if r.closed {
		r.mu.Unlock()
		return errors.New("history: recorder closed")
	}
	r.queue = append(r.queue, event{Event: runtime.Event{Time: time.Now()}, abort: cause})
	r.queued++
	r.mu.Unlock()
	return r.Flush(ctx)
}

// Flush waits until every event queued so far has been written, and
// returns the write error if a write covering them failed. The writer
// retries failed writes until Close.
func (r *Recorder) Flush(ctx context.Context) error {
	r.mu.Lock()
	target := r.queued
	r.mu.Unlock()
	select {
	case r.wake <- struct{}{}:
	default:
	}
	for {
		r.mu.Lock()
		if r.written >= target {
			r.mu.Unlock()
			return nil
		}
		if r.err != nil && r.attempted >= target {
			err := r.err
			r.mu.Unlock()
			return err
		}
		ch := r.progress
		r.mu.Unlock()
		select {
		case <-ch:
		case <-r.done:
			r.mu.Lock()
			defer r.mu.Unlock()
			if r.written >= target {
				return nil
			}
			if r.err != nil {
				return r.err
			}
			return errors.New("history: recorder closed")
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// Err returns the error of the last write attempt, or nil if it succeeded.
func (r *Recorder) Err() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.err
}

// Close writes what is queued, stops the writer and returns the error of
// any events it could not write. It does not close the Log.
func (r *Recorder) Close() error {
	r.mu.Lock()
	if r.closed {
		r.mu.Unlock()
		<-r.done
		return r.closeErr()
	}
	r.closed = true
	r.mu.Unlock()
	close(r.stop)
	<-r.done
	return r.closeErr()
}

func (r *Recorder) closeErr() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.written < r.queued {
		err := r.err
		if err == nil {
			err = errors.New("writer stopped")
		}
		return fmt.Errorf("history: %d events not recorded: %w", r.queued-r.written, err)
	}
	return nil
}

func (r *Recorder) writer() {
	defer close(r.done)
	beat := time.NewTicker(HeartbeatInterval)
	defer beat.Stop()
	backoff := time.Duration(0)
	for {
		if backoff > 0 {
			select {
			case <-time.After(backoff):
			case <-r.stop:
				r.final()
				return
			}
		} else {
			select {
			case <-r.wake:
			case <-beat.C:
				r.heartbeat()
			case <-r.stop:
				r.final()
				return
			}
		}
		if r.drain() == nil {
			backoff = 0
		} else {
			backoff = min(max(2*backoff, 50*time.Millisecond), 2*time.Second)
		}
	}
}

// final drains what is left, retrying a few times.
func (r *Recorder) final() {
	for i := range 4 {
		if r.drain() == nil {
			return
		}
		time.Sleep(time.Duration(50<<i) * time.Millisecond)
	}
}

func (r *Recorder) heartbeat() {
	for _, rs := range r.runs {
		if !rs.ended {
			rs.dirtyRun = true
		}
	}
}

// drain applies the queued events and writes what changed.
func (r *Recorder) drain() error {
	r.mu.Lock()
	events := r.queue
	r.queue = r.spare[:0]
	n := r.queued
	r.mu.Unlock()

	for i := range events {
		r.apply(&events[i])
		events[i] = event{} // drop references
	}
	r.mu.Lock()
	r.spare = events[:0]
	r.mu.Unlock()

	b := &Batch{}
	now := time.Now()
	for id, rs := range r.runs {
		rs.addLogs(b)
		switch {
		case r.place != nil:
			if len(rs.dirty) > 0 {
				b.Recount = append(b.Recount, id)
			}
		case rs.dirtyRun:
			if rs.run.End.IsZero() {
				rs.run.Heartbeat = now
			}
			b.Runs = append(b.Runs, rs.run)
		}
		for _, p := range rs.dirty {
			b.Steps = append(b.Steps, *p)
		}
	}
	var err error
	if !b.empty() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		err = r.log.Write(ctx, b)
		cancel()
	}
	if err == nil {
		for id, rs := range r.runs {
			rs.dirtyRun = false
			clear(rs.isDirty)
			rs.dirty = rs.dirty[:0]
			rs.wroteLogs()
			if r.place != nil {
				rs.forgetFinished()
				if len(rs.steps) == 0 {
					delete(r.runs, id)
				}
			}
			if rs.ended {
				delete(r.runs, id)
				r.ended[id] = true
			}
		}
	}

	r.mu.Lock()
	r.attempted = n
	r.err = err
	if err == nil {
		r.written = n
	}
	close(r.progress)
	r.progress = make(chan struct{})
	r.mu.Unlock()
	return err
}

func (r *Recorder) runFor(e *runtime.Event) *runState {
	rs := r.runs[e.RunID]
	if rs == nil {
		rs = &runState{
			run: Run{
				ID: e.RunID, Pipeline: r.pipeline, Status: RunRunning, Start: e.Time, Tags: r.tags,
				Host: r.self.host, PID: r.self.pid,
			},
			steps:   map[stepID]*Step{},
			isDirty: map[*Step]bool{},
			logs:    map[stepID]*logState{},
			worker:  r.worker,
			place:   r.place,
		}
		rs.dirtyRun = true
		r.runs[e.RunID] = rs
	}
	return rs
}

func (rs *runState) step(e *runtime.Event) *Step {
	p, _ := rs.stepNew(e)
	return p
}

// stepNew returns the step of e, marked dirty, and whether it is new.
func (rs *runState) stepNew(e *runtime.Event) (*Step, bool) {
	id := stepID{e.Key, e.Partition}
	p := rs.steps[id]
	created := p == nil
	if created {
		rs.seq++
		p = &Step{RunID: e.RunID, Key: e.Key, Partition: e.Partition, Seq: rs.seq, Worker: rs.worker}
		if rs.place != nil {
			p.Seq, _ = rs.place(e.RunID, e.Key, e.Partition)
		}
		if started(e.Type) {
			p.Start = e.Time
		}
		rs.steps[id] = p
		rs.setStatus(p, StepRunning, true)
	}
	if !rs.isDirty[p] {
		rs.isDirty[p] = true
		rs.dirty = append(rs.dirty, p)
	}
	if e.CodeVersion != "" {
		p.CodeVersion = e.CodeVersion
	}
	if e.Attempt > p.Attempts {
		p.Attempts = e.Attempt
	}
	return p, created
}

// started reports whether an event of type t says its step started: any
// step event but StepSkipped (and the events the Recorder makes up for
// steps a cancellation stopped before they started, which have no type).
func started(t runtime.EventType) bool {
	switch t {
	case runtime.StepStart, runtime.StepRetry, runtime.StepSuccess, runtime.StepFailure:
		return true
	}
	return false
}

// forgetFinished drops the steps that ended, and their lines, once
// written: a step recorder's runs never end.
func (rs *runState) forgetFinished() {
	for id, p := range rs.steps {
		if p.Status != StepRunning {
			delete(rs.steps, id)
			delete(rs.logs, id)
		}
	}
}

// setStatus changes the status of p, keeping the run's counts.
func (rs *runState) setStatus(p *Step, status string, created bool) {
	if !created && p.Status == status {
		return
	}
	if rs.run.Counts == nil {
		rs.run.Counts = map[string]int{}
	}
	if !created {
		if rs.run.Counts[p.Status]--; rs.run.Counts[p.Status] <= 0 {
			delete(rs.run.Counts, p.Status)
		}
	}
	rs.run.Counts[status]++
	p.Status = status
	rs.dirtyRun = true
}

func errText(err error, timedOut bool) string {
	if err == nil {
		if timedOut {
			return "timed out"
		}
		return ""
	}
	msg := err.Error()
	if timedOut && !strings.Contains(msg, "timed out") {
		return msg + " (timed out)"
	}
	return msg
}

func (r *Recorder) apply(q *event) {
	if q.log != nil {
		r.applyLog(q.log)
		return
	}
	e := &q.Event
	if q.abort != nil {
		for id, rs := range r.runs {
			if rs.ended {
				continue
			}
			for sid, p := range rs.steps {
				if p.Status == StepRunning {
					rs.step(&runtime.Event{RunID: id, Key: sid.key, Partition: sid.partition, Time: e.Time}) // marks it dirty
					rs.setStatus(p, runtime.StatusCanceled.String(), false)
					p.End, p.Error = e.Time, q.abort.Error()
				}
			}
			r.apply(&event{Event: runtime.Event{Type: runtime.RunEnd, RunID: id, Time: e.Time, Err: q.abort}, stopped: true})
		}
		return
	}
	// A step or run ended by cancellation: its error wraps
	// context.Canceled, or the run's context (with a cause of its own,
	// perhaps) was done when the event came, as the runtime decides.
	stopped := q.stopped || canceled(e.Err)
	if r.ended[e.RunID] {
		return // a stray event after the run's end must not reopen it
	}
	rs := r.runFor(e)
	switch e.Type {
	case runtime.RunStart:
		rs.run.Start = e.Time
		rs.run.Selection = e.Keys
		rs.dirtyRun = true
	case runtime.StepStart:
		p := rs.step(e)
		rs.setStatus(p, StepRunning, false)
		p.AttemptStart = e.Time
	case runtime.StepRetry:
		p := rs.step(e)
		p.Retries = append(p.Retries, Attempt{
			Attempt: e.Attempt, Error: errText(e.Err, e.TimedOut), TimedOut: e.TimedOut,
			Start: e.Time.Add(-e.Duration), End: e.Time, Stack: panicStack(e.Err),
		})
	case runtime.StepSuccess:
		p, created := rs.stepNew(e)
		if created && e.Duration > 0 {
			p.Start = e.Time.Add(-e.Duration) // no StepStart seen
		}
		if e.Duration > 0 {
			p.AttemptStart = e.Time.Add(-e.Duration)
		}
		rs.setStatus(p, runtime.StatusSuccess.String(), false)
		p.End, p.Error = e.Time, ""
		p.Metadata = e.Metadata
		p.DataVersion = e.DataVersion // OnEvent set the default
		p.InputVersions = e.InputVersions
	case runtime.StepFailure:
		p := rs.step(e)
		status := runtime.StatusFailed.String()
		if stopped && !e.TimedOut {
			status = runtime.StatusCanceled.String()
		}
		rs.setStatus(p, status, false)
		p.End, p.Error, p.Stack = e.Time, errText(e.Err, e.TimedOut), panicStack(e.Err)
		p.Metadata = e.Metadata
	case runtime.StepSkipped:
		p := rs.step(e)
		status := runtime.StatusSkipped.String()
		if e.Cause == "" && stopped {
			status = runtime.StatusCanceled.String()
		}
		rs.setStatus(p, status, false)
		p.End, p.Error, p.Cause = e.Time, errText(e.Err, false), e.Cause
	case runtime.RunEnd:
		rs.run.End = e.Time
		if stopped {
			// Steps the cancellation stopped before they started report
			// no event: record them as canceled.
			for _, k := range rs.run.Selection {
				if rs.steps[stepID{key: k}] == nil {
					p := rs.step(&runtime.Event{RunID: e.RunID, Key: k, Time: e.Time})
					rs.setStatus(p, runtime.StatusCanceled.String(), false)
					p.End, p.Error = e.Time, "canceled before it started"
				}
			}
		}
		var failed, halted bool
		for _, p := range rs.steps {
			switch p.Status {
			case "failed", "skipped", StepRunning:
				failed = true
			case "canceled":
				halted = true
			}
		}
		switch {
		case !failed && !halted && e.Err == nil:
			rs.run.Status = RunSuccess
		case stopped || (halted && !failed):
			rs.run.Status = RunCanceled
		default:
			rs.run.Status = RunFailed
		}
		if e.Err != nil {
			rs.run.Error = e.Err.Error()
		}
		rs.run.Heartbeat = e.Time
		rs.dirtyRun = true
		rs.ended = true
	}
}

// panicStack returns the stack of a panic that err reports, or "".
func panicStack(err error) string {
	if pe, ok := errors.AsType[*runtime.PanicError](err); ok {
		return pe.Stack
	}
	return ""
}

func canceled(err error) bool {
	return err != nil && errors.Is(err, context.Canceled)
}
