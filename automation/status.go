package automation

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/internal/suggest"
	"github.com/assetgen/assetgen/runtime"
)

// Status is what `pipeline automation` shows of one schedule, sensor or
// condition.
type Status struct {
	Kind       string    `json:"kind"` // KindSchedule, KindSensor, KindCondition
	Name       string    `json:"name"` // the schedule's or sensor's name, or the asset's key
	Spec       string    `json:"spec"` // the cron schedule and zone, the interval, or the condition
	Paused     bool      `json:"paused"`
	Next       time.Time `json:"next,omitzero"`      // the next tick (schedules and sensors)
	LastTick   time.Time `json:"last_tick,omitzero"` // the last tick; for a condition, its last evaluation
	LastResult string    `json:"last_result"`        // what it did; for a condition, why it was or was not requested
	LastError  string    `json:"last_error,omitempty"`
	LastRunID  string    `json:"last_run_id,omitempty"` // a condition's last run
	Requested  []string  `json:"requested,omitempty"`   // the partitions a condition requested last
}

// Statuses returns the status of every schedule, sensor and condition at
// now: schedules, then sensors, in their order, then conditions and
// freshness policies in asset order.
func (d *Daemon) Statuses(ctx context.Context, now time.Time) ([]Status, error) {
	states, err := d.states(ctx)
	if err != nil {
		return nil, err
	}
	evals, err := d.o.Log.Evaluations(ctx)
	if err != nil {
		return nil, err
	}
	byKey := map[runtime.Key]history.Evaluation{}
	for _, e := range evals {
		byKey[e.Key] = e
	}
	var out []Status
	for _, s := range d.schedules {
		st := states[stateName(KindSchedule, s.Name)]
		next := s.timeline.Next(now)
		if !st.LastTick.IsZero() {
			// A tick due and not yet run (no daemon, or no slot) is next.
			if t := s.timeline.Next(st.LastTick); t.Before(next) {
				next = t
			}
		}
		out = append(out, Status{Kind: KindSchedule, Name: s.Name, Spec: s.timeline.String() + " " + selDesc(s.Select),
			Paused: st.Paused, Next: next, LastTick: st.LastTick, LastResult: st.LastResult, LastError: st.LastError})
	}
	for _, s := range d.sensors {
		st := states[stateName(KindSensor, s.Name)]
		next := now
		if !st.LastTick.IsZero() && st.LastTick.Add(s.Interval).After(now) {
			next = st.LastTick.Add(s.Interval)
		}
		out = append(out, Status{Kind: KindSensor, Name: s.Name, Spec: "every " + s.Interval.String(),
			Paused: st.Paused, Next: next, LastTick: st.LastTick, LastResult: st.LastResult, LastError: st.LastError})
	}
	for _, k := range d.conds {
		st := states[stateName(KindCondition, string(k))]
		e := byKey[k]
		out = append(out, Status{Kind: KindCondition, Name: string(k), Spec: d.condOf[k].String(), Paused: st.Paused,
			LastTick: e.Tick, LastResult: e.Reason, LastRunID: e.RunID, Requested: e.Requested})
	}
	for _, k := range d.fresh {
		st := states[stateName(KindFreshness, string(k))]
		out = append(out, Status{Kind: KindFreshness, Name: string(k), Spec: d.freshOf[k].String(),
			LastTick: st.LastTick, LastResult: st.LastResult, LastError: st.LastError})
	}
	return out, nil
}

func selDesc(expr string) string {
	if strings.TrimSpace(expr) == "" {
		return "(all assets)"
	}
	return "(" + expr + ")"
}

// SetPaused pauses or resumes the schedule, sensor or condition that
// name names: a schedule's or sensor's name, or an asset's key; prefixed
// with its kind and a colon ("schedule:daily") when several have it.
func (d *Daemon) SetPaused(ctx context.Context, name string, paused bool) (Status, error) {
	var found []Status
	all, err := d.Statuses(ctx, time.Time{})
	if err != nil {
		return Status{}, err
	}
	var names []string
	for _, s := range all {
		if s.Kind == KindFreshness {
			continue // nothing to pause: a policy, not a trigger
		}
		full := s.Kind + ":" + s.Name
		names = append(names, s.Name)
		if name == s.Name || name == full {
			found = append(found, s)
		}
	}
	switch len(found) {
	case 0:
		return Status{}, fmt.Errorf("no schedule, sensor or condition named %q%s", name, suggest.Hint(name, names))
	case 1:
	default:
		return Status{}, fmt.Errorf("%q names a %s and a %s: prefix it with its kind (%s:%s)", name, found[0].Kind, found[1].Kind, found[0].Kind, name)
	}
	s := found[0]
	if err := d.o.Log.SetPaused(ctx, stateName(s.Kind, s.Name), s.Kind, paused); err != nil {
		return Status{}, err
	}
	s.Paused = paused
	return s, nil
}
