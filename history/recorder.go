package history

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"strings"
	"sync"
	"time"

	"github.com/assetgen/assetgen/partition"
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
	versions  map[stepID]string // data versions of this recorder's successful unpartitioned steps, and the default ones of its partitions

	wake chan struct{}
	stop chan struct{}
	done chan struct{}

	runCtx context.Context // the runs' context, when known (Record)

	logHead, logTail, logBytes int // see LimitLogs

	// A step recorder's (NewStepRecorder); place is nil otherwise.
	worker string
	place  func(runID string, key runtime.Key, partition string) (seq int, logBase int64)

	// Owned by the writer goroutine.
	runs   map[string]*runState
	ended  map[string]bool // runs whose RunEnd was written: later events are ignored
	checks []CheckRecord   // check outcomes not written yet
}

// event is a queued event, with whether the run's context was done when
// it arrived (Record knows that context).
type event struct {
	runtime.Event
	stopped bool
	abort   error         // Abort's cause: end every open run
	log     *LogLine      // a line a step logged (see Handler)
	take    chan<- *Batch // Take's request: the step of Event's run, key and partition
}

type stepID struct {
	key       runtime.Key
	partition string
}

type runState struct {
	run         Run
	plan        *runtime.Plan              // from RunStart; nil when the events came without one
	partitioned map[runtime.Key]bool       // the assets with steps of partitions
	defs        map[*partition.Keys]string // the definitions of time partitions, as the records keep them
	steps       map[stepID]*Step
	seq         int
	dirtyRun    bool
	dirty       []*Step
	isDirty     map[*Step]bool
	ended       bool

	logs      map[stepID]*logState
	logSeq    int64
	held      map[*Step]bool                                             // a step recorder's steps it saw start: their end is for Take to give, not to write
	later     []*Step                                                    // dirty steps a write left for later (see startDelay)
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
		versions: map[stepID]string{},
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
// records those), and records worker as each step's Worker. It does not
// count the steps of the runs (Run.Counts), which would make every batch
// of every worker update the run's row: a queued run's steps are counted
// when it is read while it runs, and once by the queue when it ends.
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
// in the log (those of the unpartitioned assets loaded once, those of the
// partitions of an asset once per asset, on first use: a run that loads
// no input from earlier runs never reads them). It first reaps abandoned runs (see
// Log.Reap), so a long-lived process that opened the log once still
// notices runs of processes that died since. Close the Recorder after the
// run.
func Record(ctx context.Context, log Log, opts *runtime.Options, tags map[string]string) (*Recorder, error) {
	if _, err := log.Reap(ctx); err != nil {
		return nil, err
	}
	// Fail before the run, not after it: its events are written in the
	// background, so a log that cannot be written would only say so once
	// the outputs are stored, unrecorded.
	if w, ok := log.(interface{ writable(context.Context) error }); ok {
		if err := w.writable(ctx); err != nil {
			return nil, err
		}
	}
	r := NewRecorder(log, tags)
	r.runCtx = ctx
	if opts.DataVersion == nil {
		opts.DataVersion = r.lookup(ctx, log)
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
// materialization of key (partition "" when unpartitioned) among the
// events this Recorder received, or "": of an unpartitioned asset,
// whatever its version; of a partition, the default one only (steps that
// set no data version get DefaultDataVersion), since the runtime knows
// the others.
func (r *Recorder) DataVersion(key runtime.Key, partition string) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.versions[stepID{key, partition}]
}

// lookup returns the data versions for runtime.Options.DataVersion: the
// recorder's, else the latest in log, read on first use (the records of
// the unpartitioned assets once, those of the partitions of an asset once
// per asset). When the log cannot be read, versions are unknown: steps
// record no input versions, and staleness falls back to materialization
// times.
func (r *Recorder) lookup(ctx context.Context, log Log) func(runtime.Key, string) string {
	var mu sync.Mutex
	var plain func(runtime.Key) string
	parts := map[runtime.Key]*PartitionRecords{}
	return func(k runtime.Key, part string) string {
		if v := r.DataVersion(k, part); v != "" {
			return v
		}
		mu.Lock()
		defer mu.Unlock()
		if part == "" {
			if plain == nil {
				plain = func(runtime.Key) string { return "" }
				if assets, err := log.Assets(ctx); err == nil {
					plain = DataVersions(assets)
				}
			}
			return plain(k)
		}
		recs, ok := parts[k]
		if !ok {
			recs, _ = log.Partitions(ctx, k) // nil on error: unknown
			parts[k] = recs
		}
		if a, ok := recs.Find(part); ok && a.Materialized() {
			return a.DataVersion
		}
		return ""
	}
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
		switch {
		case e.Partitions.Len() > 1:
			// Each partition gets a version of its own (see apply).
			if e.DataVersion == "" {
				keys := e.Partitions.Of()
				for idx := range e.Partitions.Indexes() {
					k := keys.Key(idx)
					if _, ok := e.PartitionVersions[k]; !ok {
						r.versions[stepID{e.Key, k}] = DefaultDataVersion(e.RunID, e.Key, k)
					}
				}
			}
		case e.DataVersion == "":
			e.DataVersion = DefaultDataVersion(e.RunID, e.Key, e.Partition)
			r.versions[stepID{e.Key, e.Partition}] = e.DataVersion
		case e.Partition == "":
			r.versions[stepID{e.Key, ""}] = e.DataVersion
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
	var later <-chan time.Time // steps whose start waits (startDelay)
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
			case <-later:
			case <-r.stop:
				r.final()
				return
			}
		}
		if r.drain() == nil {
			backoff = 0
			later = nil
			for _, rs := range r.runs {
				if len(rs.later) > 0 {
					later = time.After(startDelay / 4)
					break
				}
			}
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

	b := &Batch{Checks: r.checks}
	now := time.Now()
	for _, rs := range r.runs {
		rs.addLogs(b)
		// A step recorder writes no runs (see NewStepRecorder).
		if rs.dirtyRun && r.place == nil {
			if rs.run.End.IsZero() {
				rs.run.Heartbeat = now
			}
			b.Runs = append(b.Runs, rs.run)
		}
		rs.later = rs.later[:0]
		for _, p := range rs.dirty {
			if rs.held[p] && p.Status != StepRunning {
				continue // ended: Take gives it to the writer of the step's completion
			}
			if rs.held[p] && now.Sub(p.Start) < startDelay {
				// A step that ends soon is written once, ended, by its
				// completion: only one that runs on is written running.
				rs.later = append(rs.later, p)
				continue
			}
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
		r.checks = nil
		for id, rs := range r.runs {
			rs.dirtyRun = false
			clear(rs.isDirty)
			rs.dirty = rs.dirty[:0]
			for _, p := range rs.later {
				rs.isDirty[p] = true
				rs.dirty = append(rs.dirty, p)
			}
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

// startDelay is how long a step recorder's step runs before its start is
// written: the history shows a step running once it has run that long,
// and one that ends sooner only once, ended, with its completion (see
// Take).
const startDelay = time.Second

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
			defs:    map[*partition.Keys]string{},
		}
		rs.dirtyRun = true
		r.runs[e.RunID] = rs
	}
	return rs
}

func (rs *runState) step(e *runtime.Event) *Step {
	p, _ := rs.stepNew(e, e.Partition, -1)
	return p
}

// eachStep calls fn with the recorded step of each partition of e (one for a
// step of an unpartitioned asset or of one partition), marked dirty, and
// whether it is new.
func (rs *runState) eachStep(e *runtime.Event, fn func(p *Step, created bool)) {
	sel := e.Partitions
	spans := sel.Spans()
	switch {
	case len(spans) == 0:
		fn(rs.stepNew(e, e.Partition, -1))
	case sel.Len() == 1:
		fn(rs.stepNew(e, e.Partition, spans[0].Lo))
	default:
		keys := sel.Of()
		for idx := range sel.Indexes() {
			p, created := rs.stepNew(e, keys.Key(idx), idx)
			p.Range = e.Partition
			fn(p, created)
		}
	}
}

// stepNew returns the step of e's partition part, at index idx of the
// keys of e.Partitions (-1 when unknown), marked dirty, and whether it is
// new.
func (rs *runState) stepNew(e *runtime.Event, part string, idx int) (*Step, bool) {
	id := stepID{e.Key, part}
	p := rs.steps[id]
	created := p == nil
	if created {
		rs.seq++
		p = &Step{RunID: e.RunID, Key: e.Key, Partition: part, Seq: rs.seq, Worker: rs.worker}
		if rs.place != nil {
			p.Seq, _ = rs.place(e.RunID, e.Key, e.Partition) // the step's place: a step of a range has one
		}
		if started(e.Type) {
			p.Start = e.Time
		}
		if rs.place != nil && started(e.Type) {
			if rs.held == nil {
				rs.held = map[*Step]bool{}
			}
			rs.held[p] = true
		}
		if idx >= 0 {
			if def := rs.timeDef(e.Partitions.Of()); def != "" {
				p.pidx, p.pdef = int32(idx)+1, def
			}
		}
		rs.steps[id] = p
		rs.setStatus(p, StepRunning, true)
		if part != "" {
			if rs.partitioned == nil {
				rs.partitioned = map[runtime.Key]bool{}
			}
			rs.partitioned[e.Key] = true
		}
	}
	if !rs.isDirty[p] {
		rs.isDirty[p] = true
		rs.dirty = append(rs.dirty, p)
	}
	if e.CodeVersion != "" {
		p.CodeVersion = e.CodeVersion
	}
	if e.Config != "" {
		p.Config = e.Config
	}
	if e.Attempt > p.Attempts {
		p.Attempts = e.Attempt
	}
	return p, created
}

// timeDef returns the definition of keys as the partition records keep
// it (Definition.String) when it is a time definition, whose String names
// its windows exactly; "" for the others, whose records are placed by
// their keys.
func (rs *runState) timeDef(keys *partition.Keys) string {
	if keys == nil {
		return ""
	}
	def, ok := rs.defs[keys]
	if !ok {
		if d := keys.Definition(); partition.KindOf(d) == partition.KindTime {
			def = d.String()
		}
		rs.defs[keys] = def
	}
	return def
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
		if p.Status != StepRunning && !rs.held[p] {
			delete(rs.steps, id)
			delete(rs.logs, id)
		}
	}
	for id, ls := range rs.logs {
		if ls.taken && !ls.dirty {
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
	if q.take != nil {
		q.take <- r.takeStep(&q.Event)
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
	if e.Type == runtime.CheckEvaluated {
		// Not a step: the 'check' command evaluates checks without a run.
		if e.Check != nil {
			r.checks = append(r.checks, CheckRecordOf(e.RunID, e.Time, e.Check))
		}
		return
	}
	rs := r.runFor(e)
	switch e.Type {
	case runtime.RunStart:
		rs.run.Start = e.Time
		rs.run.Selection = e.Keys
		rs.plan = e.Plan
		rs.run.Partitions = planPartitions(e.Plan)
		rs.dirtyRun = true
	case runtime.StepStart:
		rs.eachStep(e, func(p *Step, _ bool) {
			rs.setStatus(p, StepRunning, false)
			p.AttemptStart = e.Time
		})
	case runtime.StepRetry:
		rs.eachStep(e, func(p *Step, _ bool) {
			p.Retries = append(p.Retries, Attempt{
				Attempt: e.Attempt, Error: errText(e.Err, e.TimedOut), TimedOut: e.TimedOut,
				Start: e.Time.Add(-e.Duration), End: e.Time, Stack: panicStack(e.Err),
			})
		})
	case runtime.StepSuccess:
		rs.eachStep(e, func(p *Step, created bool) {
			if created && e.Duration > 0 {
				p.Start = e.Time.Add(-e.Duration) // no StepStart seen
			}
			if e.Duration > 0 {
				p.AttemptStart = e.Time.Add(-e.Duration)
			}
			rs.setStatus(p, runtime.StatusSuccess.String(), false)
			p.End, p.Error = e.Time, ""
			p.Metadata = e.Metadata
			p.DataVersion = e.DataVersion // OnEvent set the default of a step of one partition
			p.InputVersions = e.InputVersions
			if p.Range == "" {
				return
			}
			if v, ok := e.PartitionVersions[p.Partition]; ok {
				p.DataVersion = v
			} else if p.DataVersion == "" {
				p.DataVersion = DefaultDataVersion(e.RunID, e.Key, p.Partition)
			}
			if in := e.PartitionInputVersions[p.Partition]; len(in) > 0 {
				p.InputVersions = maps.Clone(e.InputVersions)
				if p.InputVersions == nil {
					p.InputVersions = make(map[runtime.Key]string, len(in))
				}
				maps.Copy(p.InputVersions, in)
			}
		})
	case runtime.StepFailure:
		status := runtime.StatusFailed.String()
		if stopped && !e.TimedOut {
			status = runtime.StatusCanceled.String()
		}
		msg, stack := errText(e.Err, e.TimedOut), panicStack(e.Err)
		rs.eachStep(e, func(p *Step, _ bool) {
			rs.setStatus(p, status, false)
			p.End, p.Error, p.Stack = e.Time, msg, stack
			p.Metadata = e.Metadata
		})
	case runtime.StepSkipped:
		status := runtime.StatusSkipped.String()
		if e.Cause == "" && stopped {
			status = runtime.StatusCanceled.String()
		}
		msg := errText(e.Err, false)
		rs.eachStep(e, func(p *Step, _ bool) {
			rs.setStatus(p, status, false)
			p.End, p.Error, p.Cause = e.Time, msg, e.Cause
		})
	case runtime.RunEnd:
		rs.run.End = e.Time
		if stopped {
			// Steps the cancellation stopped before they started report
			// no event: record them as canceled.
			rs.notStarted(e)
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

// notStarted records as canceled the steps of the run that have no record
// at its end e: those of every partition of its plan (or of every key of
// its selection, when the events came without a plan).
func (rs *runState) notStarted(e *runtime.Event) {
	cancel := func(p *Step, created bool) {
		if created {
			rs.setStatus(p, runtime.StatusCanceled.String(), false)
			p.End, p.Error = e.Time, "canceled before it started"
		}
	}
	if rs.plan == nil {
		for _, k := range rs.run.Selection {
			if rs.steps[stepID{key: k}] == nil && !rs.partitioned[k] {
				cancel(rs.stepNew(&runtime.Event{RunID: e.RunID, Key: k, Time: e.Time}, "", -1))
			}
		}
		return
	}
	for _, a := range rs.plan.Assets() {
		if a.Partitions.Len() == 0 {
			if rs.steps[stepID{key: a.Key}] == nil {
				cancel(rs.stepNew(&runtime.Event{RunID: e.RunID, Key: a.Key, Time: e.Time}, "", -1))
			}
			continue
		}
		keys := a.Partitions.Of()
		for idx := range a.Partitions.Indexes() {
			k := keys.Key(idx)
			if rs.steps[stepID{a.Key, k}] == nil {
				ev := runtime.Event{RunID: e.RunID, Key: a.Key, Time: e.Time, Partitions: keys.Span(idx, idx+1)}
				cancel(rs.stepNew(&ev, k, idx))
			}
		}
	}
}

// planPartitions returns the partitions of each partitioned asset of
// plan, as Run.Partitions lists them; nil when none.
func planPartitions(plan *runtime.Plan) map[runtime.Key][]partition.Range {
	if plan == nil {
		return nil
	}
	var out map[runtime.Key][]partition.Range
	for _, a := range plan.Assets() {
		if a.Partitions.Len() == 0 {
			continue
		}
		if out == nil {
			out = map[runtime.Key][]partition.Range{}
		}
		out[a.Key] = a.Partitions.Ranges()
	}
	return out
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
