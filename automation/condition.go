package automation

import (
	"fmt"
	"strings"
	"time"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
)

// A Condition says, at each tick of the daemon, whether a partition of an
// asset (or the asset, when unpartitioned) should be materialized, and
// why. Eager, OnCron and OnMissing are Dagster's three common automation
// conditions; And, Or and Not combine them.
//
// Every condition holds back a partition that a run is materializing
// (in progress), and the daemon never launches one twice at once.
// Upstream partitions are those of the same key when the upstream asset
// has the same partitions definition; an unpartitioned upstream is
// itself; an upstream with other partitions counts as its latest
// record (the most recent of its partitions).
type Condition interface {
	// String returns the condition as it is written in Go, such as
	// And(Eager(), Not(OnMissing())).
	String() string
	eval(c *evalCtx, t target) (bool, string)
	check() error
}

// target is what a condition is evaluated for: an asset, and one of its
// partitions ("" when unpartitioned).
type target struct {
	key    runtime.Key
	part   string
	latest bool // the latest partition of a time definition, or not time-partitioned
}

// Eager requests an asset when it has never been attempted or an
// upstream has been materialized since its last attempt, provided no
// upstream is missing or in progress. Of a time-partitioned asset, only
// the latest partition is eager. A failed attempt is not retried until
// an upstream updates again.
func Eager() Condition { return eager{} }

type eager struct{}

func (eager) String() string { return "Eager()" }
func (eager) check() error   { return nil }

func (eager) eval(c *evalCtx, t target) (bool, string) {
	if c.busy(t.key, t.part) {
		return false, "in progress"
	}
	if !t.latest {
		return false, "not the latest partition"
	}
	if ok, why := c.upstreamsReady(t); !ok {
		return false, why
	}
	self, _ := c.rec(t.key, t.part)
	if self.LastRunID == "" {
		return true, "never materialized"
	}
	for _, u := range c.g.ups[t.key] {
		if r, _ := c.up(t, u); r.Time.After(self.LastTime) {
			return true, "upstream " + string(u) + " updated"
		}
	}
	return false, "up to date with its upstreams"
}

// OnCron requests an asset once per tick of the cron schedule (in zone,
// UTC when empty): after the tick, once every upstream has been
// materialized since the tick, unless it was attempted since the tick.
// Of a time-partitioned asset, only the latest partition.
func OnCron(cron, zone string) Condition { return &onCron{cron: cron, zone: zone} }

type onCron struct {
	cron, zone string
	tl         *partition.Timeline
	err        error
}

func (o *onCron) String() string {
	if o.zone == "" {
		return fmt.Sprintf("OnCron(%q)", o.cron)
	}
	return fmt.Sprintf("OnCron(%q, %q)", o.cron, o.zone)
}

func (o *onCron) check() error {
	if o.tl == nil && o.err == nil {
		o.tl, o.err = partition.NewTimeline(o.cron, o.zone)
	}
	return o.err
}

func (o *onCron) eval(c *evalCtx, t target) (bool, string) {
	if c.busy(t.key, t.part) {
		return false, "in progress"
	}
	if !t.latest {
		return false, "not the latest partition"
	}
	tick := c.prevTick(o.cron+" "+o.zone, o.tl)
	if tick.IsZero() {
		return false, "no cron tick yet"
	}
	at := tick.Format(time.RFC3339)
	self, _ := c.rec(t.key, t.part)
	if self.LastRunID != "" && !self.LastTime.Before(tick) {
		return false, "attempted since the cron tick at " + at
	}
	for _, u := range c.g.ups[t.key] {
		if r, ok := c.up(t, u); !ok || r.Time.Before(tick) {
			return false, "waiting for upstream " + string(u) + " to update since the cron tick at " + at
		}
		if c.upBusy(t, u) {
			return false, "upstream " + string(u) + " in progress"
		}
	}
	return true, "cron tick at " + at + " passed"
}

// OnMissing requests the partitions of an asset (the asset, when
// unpartitioned) never attempted, once their upstreams are all
// materialized. A failed attempt is not retried.
func OnMissing() Condition { return onMissing{} }

type onMissing struct{}

func (onMissing) String() string { return "OnMissing()" }
func (onMissing) check() error   { return nil }

func (onMissing) eval(c *evalCtx, t target) (bool, string) {
	if c.busy(t.key, t.part) {
		return false, "in progress"
	}
	self, _ := c.rec(t.key, t.part)
	switch {
	case self.Materialized():
		return false, "materialized"
	case self.LastRunID != "":
		return false, "attempted and failed: not retried"
	}
	if ok, why := c.upstreamsReady(t); !ok {
		return false, why
	}
	return true, "missing"
}

// And holds when all of cs hold.
func And(cs ...Condition) Condition { return &and{cs} }

type and struct{ cs []Condition }

func (a *and) String() string { return "And(" + join(a.cs) + ")" }
func (a *and) check() error   { return checkAll("And", a.cs) }

func (a *and) eval(c *evalCtx, t target) (bool, string) {
	var why []string
	for _, x := range a.cs {
		ok, r := x.eval(c, t)
		if !ok {
			return false, r
		}
		why = append(why, r)
	}
	return true, strings.Join(why, "; ")
}

// Or holds when any of cs holds.
func Or(cs ...Condition) Condition { return &or{cs} }

type or struct{ cs []Condition }

func (o *or) String() string { return "Or(" + join(o.cs) + ")" }
func (o *or) check() error   { return checkAll("Or", o.cs) }

func (o *or) eval(c *evalCtx, t target) (bool, string) {
	var why []string
	for _, x := range o.cs {
		ok, r := x.eval(c, t)
		if ok {
			return true, r
		}
		why = append(why, r)
	}
	return false, strings.Join(why, "; ")
}

// Not holds when c does not.
func Not(c Condition) Condition { return &not{c} }

type not struct{ c Condition }

func (n *not) String() string { return "Not(" + n.c.String() + ")" }
func (n *not) check() error   { return checkAll("Not", []Condition{n.c}) }

func (n *not) eval(c *evalCtx, t target) (bool, string) {
	ok, r := n.c.eval(c, t)
	return !ok, "not (" + r + ")"
}

func join(cs []Condition) string {
	s := make([]string, len(cs))
	for i, c := range cs {
		s[i] = c.String()
	}
	return strings.Join(s, ", ")
}

func checkAll(op string, cs []Condition) error {
	if len(cs) == 0 {
		return fmt.Errorf("%s() of no condition", op)
	}
	for _, c := range cs {
		if c == nil {
			return fmt.Errorf("%s of a nil condition", op)
		}
		if err := c.check(); err != nil {
			return err
		}
	}
	return nil
}

// evalCtx is what conditions read at one tick: the records of the
// assets and what is in progress.
type evalCtx struct {
	now    time.Time
	g      *graph
	assets map[runtime.Key]history.Asset
	parts  map[runtime.Key]*history.PartitionRecords
	latest map[runtime.Key]history.Asset // the latest record of a partitioned asset, computed once
	inProg map[runtime.Key]map[string]bool
	whole  map[runtime.Key]bool // in progress in every partition (a run another process started)
	ticks  map[string]time.Time // by cron schedule and zone: see prevTick
}

// prevTick returns the latest tick at or before now of tl, the timeline
// of the cron schedule and zone spec, computed once per tick of the
// daemon: thousands of conditions may share one schedule.
func (c *evalCtx) prevTick(spec string, tl *partition.Timeline) time.Time {
	t, ok := c.ticks[spec]
	if !ok {
		t = tl.Prev(c.now)
		if c.ticks == nil {
			c.ticks = map[string]time.Time{}
		}
		c.ticks[spec] = t
	}
	return t
}

// rec returns the record of key's partition part.
func (c *evalCtx) rec(key runtime.Key, part string) (history.Asset, bool) {
	if c.g.defs[key].Partitions == nil {
		a, ok := c.assets[key]
		return a, ok
	}
	pr := c.parts[key]
	if pr == nil {
		return history.Asset{}, false
	}
	return pr.Find(part)
}

// up returns the record of upstream u of t.
func (c *evalCtx) up(t target, u runtime.Key) (history.Asset, bool) {
	ud := c.g.defs[u]
	if ud == nil {
		return history.Asset{}, false
	}
	if ud.Partitions == nil {
		a, _ := c.rec(u, "")
		return a, a.Materialized()
	}
	if d := c.g.defs[t.key].Partitions; d != nil && partition.Equal(d, ud.Partitions) {
		a, _ := c.rec(u, t.part)
		return a, a.Materialized()
	}
	if a, ok := c.latest[u]; ok {
		return a, a.RunID != ""
	}
	var best history.Asset
	if pr := c.parts[u]; pr != nil {
		for i := range pr.Len() {
			if a := pr.Asset(i); a.Materialized() && a.Time.After(best.Time) {
				best = a
			}
		}
	}
	c.latest[u] = best
	return best, best.RunID != ""
}

// busy reports whether a run is materializing key's partition part.
func (c *evalCtx) busy(key runtime.Key, part string) bool {
	return c.whole[key] || c.inProg[key][part]
}

// upBusy reports whether upstream u of t is in progress.
func (c *evalCtx) upBusy(t target, u runtime.Key) bool {
	ud := c.g.defs[u]
	if ud == nil {
		return false
	}
	if ud.Partitions == nil {
		return c.busy(u, "")
	}
	if d := c.g.defs[t.key].Partitions; d != nil && partition.Equal(d, ud.Partitions) {
		return c.busy(u, t.part)
	}
	return c.whole[u] || len(c.inProg[u]) > 0
}

// upstreamsReady reports whether every upstream of t is materialized and
// not in progress, and if not, why.
func (c *evalCtx) upstreamsReady(t target) (bool, string) {
	for _, u := range c.g.ups[t.key] {
		if _, ok := c.up(t, u); !ok {
			return false, "upstream " + string(u) + " missing"
		}
		if c.upBusy(t, u) {
			return false, "upstream " + string(u) + " in progress"
		}
	}
	return true, ""
}
