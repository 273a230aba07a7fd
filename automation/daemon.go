package automation

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/internal/assetsel"
	"github.com/assetgen/assetgen/internal/suggest"
	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/selection"
)

// Definitions are what a pipeline automates.
type Definitions struct {
	Schedules  []Schedule
	Sensors    []Sensor
	Conditions map[runtime.Key]Condition // by asset
	Freshness  map[runtime.Key]Freshness // by asset

	// ObserveInterval is how often the daemon observes the external
	// assets and the assets that observe their stored outputs (see
	// runtime.Definitions.Observe): at every tick when 0.
	ObserveInterval time.Duration
}

// Run is a run the daemon launches.
type Run struct {
	ID         string
	Keys       []runtime.Key // the assets, in the order of the definitions
	Partitions []string      // the partitions of its partitioned assets; none when it has none
	Tags       map[string]string
	By         string // what asked for it: "schedule NAME", "sensor NAME", "condition"
}

// A Launcher runs r to its end, recording it in the history under r.ID,
// and returns an error when the run could not start or failed. The
// daemon calls it on a goroutine of its own per run; cancelling ctx
// cancels the run.
type Launcher func(ctx context.Context, r Run) error

// Options configure a Daemon.
type Options struct {
	Assets []*runtime.AssetDef
	// IOManagers are the pipeline's I/O managers, whose stamps tell the
	// versions of the outputs of assets that observe them.
	IOManagers map[string]runtime.IOManager
	Log        history.Log
	Launch     Launcher
	Clock      Clock     // RealClock when nil
	Out        io.Writer // a line per event; io.Discard when nil

	MaxRuns  int           // runs launched at once, at most; 4 when 0
	Interval time.Duration // between ticks; 1s when 0
	LeaseTTL time.Duration // how long a leader's lease lasts unrenewed; 5s when 0
	Holder   string        // this daemon's name in the lease; host:pid when empty
}

// Defaults.
const (
	DefaultMaxRuns  = 4
	DefaultInterval = time.Second
	DefaultLeaseTTL = 5 * time.Second

	defaultSensorInterval = 30 * time.Second
	defaultSensorTimeout  = time.Minute

	// maxPartitionsPerRun bounds the partitions of an asset one tick's
	// conditions request in a run (never a flood): the rest come at the
	// next ticks.
	maxPartitionsPerRun = 50

	leaseName = "automation"
)

// Kinds of automation, as stored.
const (
	KindSchedule  = "schedule"
	KindSensor    = "sensor"
	KindCondition = "condition"
	KindFreshness = "freshness"
)

// Daemon evaluates schedules, sensors and conditions and launches runs.
// Several daemons may share one history: one holds the lease and acts,
// the others wait as standbys and take over when its lease lapses.
type Daemon struct {
	o         Options
	g         *graph
	schedules []*schedule
	sensors   []*Sensor
	conds     []runtime.Key // assets with a condition, in definition order
	condOf    map[runtime.Key]Condition
	fresh     []runtime.Key // assets with a freshness policy, in definition order
	freshOf   map[runtime.Key]*freshness

	mu     sync.Mutex
	active map[string]*Run // launched and not ended, by run ID
	wg     sync.WaitGroup

	prev   map[runtime.Key]history.Evaluation // the evaluations last written
	fenced bool                               // the tick's launches are fenced by the lease (Run)

	observable   []runtime.Key // the assets it observes, in definition order
	observeEvery time.Duration
	lastObserve  time.Time
}

// New checks defs against the assets and returns a daemon. An invalid
// cron schedule or time zone, an unknown asset or a bad selection is an
// error naming the schedule, sensor or asset.
func New(defs Definitions, o Options) (*Daemon, error) {
	if o.Log == nil {
		return nil, errors.New("automation: Options need a Log")
	}
	if o.Clock == nil {
		o.Clock = RealClock{}
	}
	if o.Out == nil {
		o.Out = io.Discard
	}
	if o.MaxRuns <= 0 {
		o.MaxRuns = DefaultMaxRuns
	}
	if o.Interval <= 0 {
		o.Interval = DefaultInterval
	}
	if o.LeaseTTL <= 0 {
		o.LeaseTTL = DefaultLeaseTTL
	}
	if o.Holder == "" {
		host, _ := os.Hostname()
		o.Holder = fmt.Sprintf("%s:%d", host, os.Getpid())
	}
	g := newGraph(o.Assets)
	d := &Daemon{o: o, g: g, condOf: map[runtime.Key]Condition{}, freshOf: map[runtime.Key]*freshness{}, active: map[string]*Run{}}
	// The directive's conditions and policies join those in Go (in
	// copies of the maps: defs is the caller's).
	defs.Conditions, defs.Freshness = maps.Clone(defs.Conditions), maps.Clone(defs.Freshness)
	errs := directives(&defs, g.order, g)
	names := map[string]bool{}
	unique := func(kind, name string) {
		if names[name] {
			errs = append(errs, fmt.Errorf("%s %s: the name is taken by another schedule or sensor", kind, name))
		}
		names[name] = true
	}
	for _, s := range defs.Schedules {
		sc, err := newSchedule(s, g)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		unique(KindSchedule, s.Name)
		d.schedules = append(d.schedules, sc)
	}
	for i := range defs.Sensors {
		s := defs.Sensors[i]
		switch {
		case s.Name == "":
			errs = append(errs, errors.New("a sensor has no name"))
			continue
		case s.Evaluate == nil:
			errs = append(errs, fmt.Errorf("sensor %s: no Evaluate function", s.Name))
			continue
		case s.Interval < 0 || s.Timeout < 0:
			errs = append(errs, fmt.Errorf("sensor %s: negative Interval or Timeout", s.Name))
			continue
		}
		if s.Interval == 0 {
			s.Interval = defaultSensorInterval
		}
		if s.Timeout == 0 {
			s.Timeout = defaultSensorTimeout
		}
		unique(KindSensor, s.Name)
		d.sensors = append(d.sensors, &s)
	}
	for key, c := range defs.Conditions {
		if g.defs[key] == nil {
			errs = append(errs, fmt.Errorf("condition of %s: no such asset%s", key, g.hint(key)))
			continue
		}
		if c == nil {
			errs = append(errs, fmt.Errorf("condition of %s: nil", key))
			continue
		}
		if err := c.check(); err != nil {
			errs = append(errs, fmt.Errorf("condition of %s: %w", key, err))
			continue
		}
		d.condOf[key] = c
	}
	for key, f := range defs.Freshness {
		if g.defs[key] == nil {
			errs = append(errs, fmt.Errorf("freshness of %s: no such asset%s", key, g.hint(key)))
			continue
		}
		fr, err := newFreshness(f)
		if err != nil {
			errs = append(errs, fmt.Errorf("%w of %s", err, key))
			continue
		}
		d.freshOf[key] = fr
	}
	errs = append(errs, d.observeSetup(defs)...)
	for _, k := range g.order {
		if d.condOf[k] != nil {
			d.conds = append(d.conds, k)
		}
		if d.freshOf[k] != nil {
			d.fresh = append(d.fresh, k)
		}
	}
	if len(errs) > 0 {
		sort.Slice(errs, func(i, j int) bool { return errs[i].Error() < errs[j].Error() })
		return nil, fmt.Errorf("automation: %w", errors.Join(errs...))
	}
	return d, nil
}

// Holder returns the daemon's name in the lease.
func (d *Daemon) Holder() string { return d.o.Holder }

func (d *Daemon) say(format string, args ...any) {
	fmt.Fprintf(d.o.Out, "%s %s\n", d.o.Clock.Now().UTC().Format(time.RFC3339), fmt.Sprintf(format, args...))
}

// Run ticks every Interval while this daemon holds the history's lease,
// and waits as a standby while another holds it, until ctx is done; then
// it waits for the runs it launched (cancelled with ctx) and gives up the
// lease.
func (d *Daemon) Run(ctx context.Context) error {
	leader, standby := false, ""
	defer func() {
		d.wg.Wait()
		if leader {
			ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
			defer cancel()
			d.o.Log.ReleaseLease(ctx, leaseName, d.o.Holder)
		}
	}()
	for {
		l, err := d.o.Log.AcquireLease(ctx, leaseName, d.o.Holder, d.o.Clock.Now(), d.o.LeaseTTL)
		switch {
		case ctx.Err() != nil:
			return nil
		case err != nil:
			if leader {
				// The lease may lapse before the history answers again:
				// act no more until it is renewed.
				leader = false
				d.say("daemon %s: renewing the lease failed: %v (stopped acting; retrying)", d.o.Holder, err)
			} else {
				d.say("daemon: lease: %v (retrying)", err)
			}
		case l.Holder == d.o.Holder:
			if !leader {
				leader, standby = true, ""
				d.say("daemon %s: leader", d.o.Holder)
				if reaped, err := d.o.Log.Reap(ctx); err != nil {
					d.say("daemon: reaping the runs of dead processes: %v", err)
				} else if len(reaped) > 0 {
					d.say("daemon: marked %d runs of dead processes abandoned", len(reaped))
				}
				d.prev = nil
			}
			err := d.tick(ctx, true)
			switch {
			case errors.Is(err, history.ErrNotLeader):
				leader = false
				d.say("daemon %s: lost the lease during a tick: stopped acting", d.o.Holder)
			case err != nil && ctx.Err() == nil:
				d.say("daemon: tick: %v", err)
			}
		default:
			if leader {
				d.say("daemon %s: lost the lease to %s", d.o.Holder, l.Holder)
				leader = false
			}
			if standby != l.Holder {
				standby = l.Holder
				d.say("daemon %s: standby: %s holds the lease", d.o.Holder, l.Holder)
			}
		}
		select {
		case <-ctx.Done():
			return nil
		case <-d.o.Clock.After(d.o.Interval):
		}
	}
}

// Wait waits for the runs the daemon launched to end.
func (d *Daemon) Wait() { d.wg.Wait() }

// Tick evaluates the schedules, the sensors that are due and the
// conditions once, at the clock's time, and launches the runs they ask
// for, as many as there are free slots. It takes no lease: Run ticks
// while leader, each launch fenced by the lease.
func (d *Daemon) Tick(ctx context.Context) error { return d.tick(ctx, false) }

// tick is Tick; fenced, every launch is claimed in the history only while
// this daemon holds the lease, and the tick stops at the first claim
// refused for want of it (history.ErrNotLeader).
func (d *Daemon) tick(ctx context.Context, fenced bool) error {
	d.fenced = fenced
	if d.o.Launch == nil {
		return errors.New("automation: no Launch in the Options")
	}
	now := d.o.Clock.Now()
	states, err := d.states(ctx)
	if err != nil {
		return err
	}
	var errs []error
	if err := d.tickObserve(ctx, now); err != nil {
		errs = append(errs, err)
	}
	for _, s := range d.schedules {
		if err := d.tickSchedule(ctx, s, states[stateName(KindSchedule, s.Name)], now); err != nil {
			if errors.Is(err, history.ErrNotLeader) {
				return err
			}
			errs = append(errs, err)
		}
	}
	for _, s := range d.sensors {
		if err := d.tickSensor(ctx, s, states[stateName(KindSensor, s.Name)], now); err != nil {
			if errors.Is(err, history.ErrNotLeader) {
				return err
			}
			errs = append(errs, err)
		}
	}
	if err := d.tickConditions(ctx, states, now); err != nil {
		if errors.Is(err, history.ErrNotLeader) {
			return err
		}
		errs = append(errs, err)
	}
	if err := d.tickFreshness(ctx, states, now); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// stateName is the stored name of a schedule, sensor or condition.
func stateName(kind, name string) string { return kind + ":" + name }

func (d *Daemon) states(ctx context.Context) (map[string]history.AutomationState, error) {
	list, err := d.o.Log.AutomationStates(ctx)
	if err != nil {
		return nil, err
	}
	m := make(map[string]history.AutomationState, len(list))
	for _, s := range list {
		m[s.Name] = s
	}
	return m, nil
}

// tickSchedule launches the runs of the ticks of s due since its last.
func (d *Daemon) tickSchedule(ctx context.Context, s *schedule, st history.AutomationState, now time.Time) error {
	name := stateName(KindSchedule, s.Name)
	st.Name, st.Kind = name, KindSchedule
	if st.Paused {
		// The ticks of a paused schedule pass: resumed, it does not
		// catch them up.
		if t := s.timeline.Prev(now); !st.LastTick.IsZero() && t.After(st.LastTick) {
			st.LastTick, st.LastResult = t, "paused at the tick at "+t.Format(time.RFC3339)
			return d.o.Log.SaveAutomationState(ctx, st)
		}
		return nil
	}
	if st.LastTick.IsZero() {
		// A new schedule starts at its next tick.
		st.LastTick, st.LastResult = now, "started"
		d.say("schedule %s: started; next tick %s", s.Name, s.timeline.Next(now).Format(time.RFC3339))
		return d.o.Log.SaveAutomationState(ctx, st)
	}
	ticks, skipped := s.due(st.LastTick, now)
	if len(ticks) == 0 {
		return nil
	}
	if skipped > 0 {
		d.say("schedule %s: skipped %s missed during downtime (catch-up %d)", s.Name, plural(skipped, "tick"), s.CatchUp)
	}
	for _, t := range ticks {
		at := t.Format(time.RFC3339)
		if d.free() == 0 {
			st.LastResult = "waiting for a run slot for the tick at " + at
			break // this tick stays due
		}
		st.LastTick, st.LastError = t, ""
		part, err := s.partition(t)
		if errors.Is(err, errNoNewPartition) {
			st.LastResult = "tick at " + at + ": " + err.Error()
			d.say("schedule %s: tick %s: %v", s.Name, at, err)
			continue
		}
		if err != nil {
			st.LastResult, st.LastError = "tick at "+at+" failed", err.Error()
			d.say("schedule %s: tick %s: %v", s.Name, at, err)
			continue
		}
		tags := map[string]string{"schedule_tick": at}
		for k, v := range s.Tags {
			tags[k] = v
		}
		r := &Run{ID: runtime.NewRunID(), Keys: s.keys, Tags: tags, By: "schedule " + s.Name}
		if part != "" {
			r.Partitions = []string{part}
		}
		if busy := d.busy(r); busy != "" {
			st.LastResult = "tick at " + at + " skipped: " + busy + " in progress"
			d.say("schedule %s: tick %s: skipped, %s in progress", s.Name, at, busy)
			continue
		}
		ok, err := d.claim(ctx, name, at, r.ID)
		if err != nil {
			return err
		}
		if !ok {
			st.LastResult = "tick at " + at + " launched by another daemon"
			continue
		}
		st.LastResult = "tick at " + at + ": launched run " + r.ID + forPartition(part)
		d.launch(ctx, r)
	}
	return d.o.Log.SaveAutomationState(ctx, st)
}

func forPartition(p string) string {
	if p == "" {
		return ""
	}
	return " for partition " + p
}

// claim claims tick of name for run id in the history, fenced by the
// lease when the tick is; see history.Claim.
func (d *Daemon) claim(ctx context.Context, name, tick, id string) (bool, error) {
	c := history.Claim{Name: name, Tick: tick, RunID: id, Now: d.o.Clock.Now()}
	if d.fenced {
		c.Lease, c.Holder = leaseName, d.o.Holder
	}
	return d.o.Log.ClaimTick(ctx, c)
}

// tickSensor calls s when its interval has passed since its last call.
func (d *Daemon) tickSensor(ctx context.Context, s *Sensor, st history.AutomationState, now time.Time) error {
	name := stateName(KindSensor, s.Name)
	st.Name, st.Kind = name, KindSensor
	if st.Paused || (!st.LastTick.IsZero() && now.Sub(st.LastTick) < s.Interval) {
		return nil
	}
	in := SensorInput{Now: now, Cursor: st.Cursor, LastTick: st.LastTick}
	st.LastTick = now
	res, err := s.call(ctx, in)
	if err == nil {
		err = d.addPartitions(ctx, res.AddPartitions)
	}
	if err != nil {
		st.LastResult, st.LastError = "failed; retried at the next tick", err.Error()
		d.say("sensor %s: %v; retried at the next tick", s.Name, firstLine(err.Error()))
		return d.o.Log.SaveAutomationState(ctx, st)
	}
	st.Cursor, st.LastError = res.Cursor, ""
	launched, skipped := 0, 0
	for _, req := range res.Runs {
		keys, err := d.g.sel(req.Select)
		if err != nil {
			st.LastError = err.Error()
			d.say("sensor %s: run request %q: %v", s.Name, req.Key, err)
			continue
		}
		r := &Run{ID: runtime.NewRunID(), Keys: keys, Partitions: req.Partitions, Tags: req.Tags, By: "sensor " + s.Name}
		if req.Key != "" {
			r.Tags = map[string]string{"run_key": req.Key}
			for k, v := range req.Tags {
				r.Tags[k] = v
			}
			ok, err := d.claim(ctx, name, req.Key, r.ID)
			if err != nil {
				return err
			}
			if !ok {
				skipped++
				continue
			}
		} else if _, err := d.claim(ctx, name, "run "+r.ID, r.ID); err != nil {
			return err
		}
		d.launch(ctx, r)
		launched++
	}
	st.LastResult = fmt.Sprintf("%s launched", plural(launched, "run"))
	if skipped > 0 {
		st.LastResult += fmt.Sprintf(", %d already launched", skipped)
	}
	if launched > 0 || skipped > 0 {
		d.say("sensor %s: %s", s.Name, st.LastResult)
	}
	return d.o.Log.SaveAutomationState(ctx, st)
}

func (d *Daemon) addPartitions(ctx context.Context, add map[string][]string) error {
	for _, name := range sortedNames(add) {
		added, err := d.o.Log.AddDynamicPartitions(ctx, name, add[name])
		if err != nil {
			return err
		}
		if len(added) > 0 {
			d.say("dynamic partitions %s: added %s", name, strings.Join(added, ", "))
		}
	}
	return nil
}

func sortedNames[V any](m map[string]V) []string {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// free returns the number of runs the daemon may launch now.
func (d *Daemon) free() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.o.MaxRuns - len(d.active)
}

// busy returns an asset (and partition) of r that a run this daemon
// launched is materializing, or "".
func (d *Daemon) busy(r *Run) string {
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, a := range d.active {
		for _, k := range r.Keys {
			if !slices.Contains(a.Keys, k) {
				continue
			}
			if d.g.defs[k].Partitions == nil {
				return string(k)
			}
			for _, p := range r.Partitions {
				if slices.Contains(a.Partitions, p) {
					return string(k) + " " + p
				}
			}
		}
	}
	return ""
}

// launch starts r on a goroutine of its own.
func (d *Daemon) launch(ctx context.Context, r *Run) {
	d.mu.Lock()
	d.active[r.ID] = r
	d.mu.Unlock()
	d.say("%s: launched run %s: %s%s", r.By, r.ID, keyList(r.Keys), partList(r.Partitions))
	d.wg.Go(func() {
		err := d.o.Launch(ctx, *r)
		d.mu.Lock()
		delete(d.active, r.ID)
		d.mu.Unlock()
		if err != nil {
			d.say("run %s (%s): %v", r.ID, r.By, firstLine(err.Error()))
		} else {
			d.say("run %s (%s): success", r.ID, r.By)
		}
	})
}

func keyList(keys []runtime.Key) string {
	if len(keys) > 5 {
		return fmt.Sprintf("%s and %d more assets", keyList(keys[:4]), len(keys)-4)
	}
	s := make([]string, len(keys))
	for i, k := range keys {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}

func partList(parts []string) string {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return " [" + parts[0] + "]"
	}
	if len(parts) > 3 {
		return fmt.Sprintf(" [%s ... %s: %d partitions]", parts[0], parts[len(parts)-1], len(parts))
	}
	return " [" + strings.Join(parts, ", ") + "]"
}

// tickConditions evaluates the conditions, records the evaluations that
// changed, and launches a run per requested asset while slots are free.
func (d *Daemon) tickConditions(ctx context.Context, states map[string]history.AutomationState, now time.Time) error {
	if len(d.conds) == 0 {
		return nil
	}
	c, err := d.evalContext(ctx, now)
	if err != nil {
		return err
	}
	env := history.Env(ctx, d.o.Log)
	env.Now = now
	if d.prev == nil {
		// A new leader starts from the evaluations stored (by itself
		// or the leader before), and writes only those that change.
		stored, err := d.o.Log.Evaluations(ctx)
		if err != nil {
			return err
		}
		d.prev = make(map[runtime.Key]history.Evaluation, len(stored))
		for _, e := range stored {
			d.prev[e.Key] = e
		}
	}
	var changed []history.Evaluation
	for _, key := range d.conds {
		if states[stateName(KindCondition, string(key))].Paused {
			continue
		}
		ev := history.Evaluation{Key: key, Tick: now}
		req, reason, err := d.evaluate(c, key, env)
		ev.Reason = reason
		if err != nil {
			ev.Reason = "error: " + err.Error()
		}
		if len(req) > 0 {
			r := &Run{ID: runtime.NewRunID(), Keys: []runtime.Key{key}, By: "condition"}
			if d.g.defs[key].Partitions != nil {
				r.Partitions = req
			}
			switch {
			case d.busy(r) != "":
				ev.Reason += " (in progress)"
			case d.free() == 0:
				ev.Reason += " (waiting for a run slot)"
			default:
				// The evaluation's instant and asset name the claim: two
				// daemons evaluating at one instant launch it once.
				ok, err := d.claim(ctx, stateName(KindCondition, string(key)), now.UTC().Format(time.RFC3339Nano), r.ID)
				if err != nil {
					return err
				}
				if !ok {
					ev.Reason += " (launched by another daemon)"
					break
				}
				ev.Requested, ev.RunID = req, r.ID
				d.launch(ctx, r)
				d.markBusy(c, r)
			}
		}
		if p, ok := d.prev[key]; !ok || p.Reason != ev.Reason || p.RunID != ev.RunID {
			changed = append(changed, ev)
			d.prev[key] = ev
		}
	}
	return d.o.Log.WriteEvaluations(ctx, changed)
}

// markBusy marks r's assets in progress in c, so that the assets after
// them in the same tick see them so.
func (d *Daemon) markBusy(c *evalCtx, r *Run) {
	for _, k := range r.Keys {
		m := c.inProg[k]
		if m == nil {
			m = map[string]bool{}
			c.inProg[k] = m
		}
		if len(r.Partitions) == 0 {
			m[""] = true
		}
		for _, p := range r.Partitions {
			m[p] = true
		}
	}
}

// evaluate evaluates key's condition over its partitions and returns
// those requested, and the reason: that of the first requested, else
// that of the latest partition.
func (d *Daemon) evaluate(c *evalCtx, key runtime.Key, env partition.Env) ([]string, string, error) {
	cond := d.condOf[key]
	def := d.g.defs[key].Partitions
	if def == nil {
		ok, why := cond.eval(c, target{key: key, latest: true})
		if ok {
			return []string{""}, why, nil
		}
		return nil, why, nil
	}
	keys, err := def.Resolve(env)
	if err != nil {
		return nil, "", err
	}
	n := keys.Len()
	if n == 0 {
		return nil, "no partitions yet", nil
	}
	timed := partition.KindOf(def) == partition.KindTime
	var req []string
	var first, last string
	for i := n - 1; i >= 0 && i >= n-maxEvaluated; i-- {
		p := keys.Key(i)
		ok, why := cond.eval(c, target{key: key, part: p, latest: !timed || i == n-1})
		if i == n-1 {
			last = p + ": " + why
		}
		if ok && len(req) < maxPartitionsPerRun {
			req = append(req, p)
			first = p + ": " + why // the earliest requested, at the end
		}
	}
	if len(req) == 0 {
		return nil, last, nil
	}
	slices.Reverse(req)
	if len(req) > 1 {
		first += fmt.Sprintf(" (%d partitions requested)", len(req))
	}
	return req, first, nil
}

// maxEvaluated bounds the partitions of an asset evaluated per tick: the
// latest ones.
const maxEvaluated = 10000

// evalContext reads the records conditions need.
func (d *Daemon) evalContext(ctx context.Context, now time.Time) (*evalCtx, error) {
	c := &evalCtx{now: now, g: d.g, assets: map[runtime.Key]history.Asset{}, parts: map[runtime.Key]*history.PartitionRecords{},
		latest: map[runtime.Key]history.Asset{}, inProg: map[runtime.Key]map[string]bool{}, whole: map[runtime.Key]bool{}}
	assets, err := d.o.Log.Assets(ctx)
	if err != nil {
		return nil, err
	}
	for _, a := range assets {
		c.assets[a.Key] = a
	}
	need := map[runtime.Key]bool{}
	for _, k := range d.conds {
		need[k] = true
		for _, u := range d.g.ups[k] {
			need[u] = true
		}
	}
	for _, k := range d.g.order {
		if need[k] && d.g.defs[k].Partitions != nil {
			pr, err := d.o.Log.Partitions(ctx, k)
			if err != nil {
				return nil, err
			}
			c.parts[k] = pr
		}
	}
	d.mu.Lock()
	for _, r := range d.active {
		d.markBusy(c, r)
	}
	own := make(map[string]bool, len(d.active))
	for id := range d.active {
		own[id] = true
	}
	d.mu.Unlock()
	// Runs other processes are running (a manual materialize, the runs
	// of a previous leader still going): every partition of their
	// assets counts as in progress.
	runs, err := d.o.Log.Runs(ctx, history.RunQuery{Limit: recentRuns})
	if err != nil {
		return nil, err
	}
	for _, r := range runs {
		if r.Status == history.RunRunning && !own[r.ID] {
			for _, k := range r.Selection {
				c.whole[k] = true
			}
		}
	}
	return c, nil
}

// recentRuns is how many of the latest runs are read for those in
// progress.
const recentRuns = 200

// graph is the assets as the daemon sees them.
type graph struct {
	defs  map[runtime.Key]*runtime.AssetDef
	order []runtime.Key
	ups   map[runtime.Key][]runtime.Key
	s     *selection.Graph
}

func newGraph(assets []*runtime.AssetDef) *graph {
	g := &graph{defs: map[runtime.Key]*runtime.AssetDef{}, ups: map[runtime.Key][]runtime.Key{}, s: assetsel.Graph(assets)}
	for _, a := range assets {
		if a == nil {
			continue
		}
		g.defs[a.Key] = a
		g.order = append(g.order, a.Key)
		g.ups[a.Key] = a.Upstream()
	}
	return g
}

// sel returns the keys expr selects, in definition order; all for "".
func (g *graph) sel(expr string) ([]runtime.Key, error) {
	if strings.TrimSpace(expr) == "" {
		return g.order, nil
	}
	names, err := g.s.Select(expr)
	if err != nil {
		return nil, fmt.Errorf("selection %q: %w", expr, err)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("selection %q selects no asset", expr)
	}
	in := map[string]bool{}
	for _, n := range names {
		in[n] = true
	}
	var keys []runtime.Key
	for _, k := range g.order {
		if in[string(k)] {
			keys = append(keys, k)
		}
	}
	return keys, nil
}

func (g *graph) hint(key runtime.Key) string {
	names := make([]string, len(g.order))
	for i, k := range g.order {
		names[i] = string(k)
	}
	return suggest.Hint(string(key), names)
}

// Configure sets the run limit, the interval and the lease's length of a
// daemon before it runs; values not positive leave the current ones.
func (d *Daemon) Configure(maxRuns int, interval, lease time.Duration) {
	if maxRuns > 0 {
		d.o.MaxRuns = maxRuns
	}
	if interval > 0 {
		d.o.Interval = interval
	}
	if lease > 0 {
		d.o.LeaseTTL = lease
	}
}

// Freshness returns the freshness at now of the assets with a policy.
func (d *Daemon) Freshness(ctx context.Context, now time.Time) (map[runtime.Key]FreshnessResult, error) {
	out := map[runtime.Key]FreshnessResult{}
	if len(d.fresh) == 0 {
		return out, nil
	}
	assets, err := d.o.Log.Assets(ctx)
	if err != nil {
		return nil, err
	}
	last := map[runtime.Key]time.Time{}
	for _, a := range assets {
		if a.Materialized() {
			last[a.Key] = a.Time
		}
	}
	for _, k := range d.fresh {
		if d.g.defs[k].Partitions != nil {
			pr, err := d.o.Log.Partitions(ctx, k)
			if err != nil {
				return nil, err
			}
			for i := range pr.Len() {
				if a := pr.Asset(i); a.Materialized() && a.Time.After(last[k]) {
					last[k] = a.Time
				}
			}
		}
		out[k] = d.freshOf[k].eval(last[k], now)
	}
	return out, nil
}

// tickFreshness records the freshness of each asset with a policy where
// it changed, as a check's result: an overdue asset's state has the
// error.
func (d *Daemon) tickFreshness(ctx context.Context, states map[string]history.AutomationState, now time.Time) error {
	results, err := d.Freshness(ctx, now)
	if err != nil {
		return err
	}
	for _, k := range d.fresh {
		r := results[k]
		name := stateName(KindFreshness, string(k))
		old := states[name]
		st := history.AutomationState{Name: name, Kind: KindFreshness, LastTick: now, LastResult: r.Reason}
		if r.Overdue {
			st.LastResult = "overdue"
			if !r.Since.IsZero() {
				st.LastResult += " since " + stampOf(r.Since)
			}
			st.LastError = r.Reason
		}
		if old.LastResult == st.LastResult && old.LastError == st.LastError {
			continue
		}
		switch {
		case r.Overdue && old.LastError == "":
			d.say("freshness of %s: %s: %s", k, st.LastResult, r.Reason)
		case !r.Overdue && old.LastError != "":
			d.say("freshness of %s: fresh again: %s", k, r.Reason)
		}
		if err := d.o.Log.SaveAutomationState(ctx, st); err != nil {
			return err
		}
	}
	return nil
}
