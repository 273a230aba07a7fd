package automation

import (
	"fmt"
	"time"

	"github.com/assetgen/assetgen/partition"
)

// Freshness is how old an asset may get: its latest materialization (of
// any partition) at most MaxAge old; or, with Cron, a deadline: at each
// tick of the cron schedule (in Zone, UTC when empty) the asset must have
// been materialized within MaxAge before the tick (since the tick before
// it when MaxAge is 0), and it is overdue from that tick until it is.
// The daemon records each asset's freshness when it changes, and status
// shows the overdue assets.
type Freshness struct {
	MaxAge time.Duration
	Cron   string
	Zone   string
}

// String returns the policy in words: "6h0m0s old at most", "by 0 9 * *
// * UTC, materialized within 1h0m0s".
func (f Freshness) String() string {
	if f.Cron == "" {
		return fmt.Sprintf("at most %s old", f.MaxAge)
	}
	zone := f.Zone
	if zone == "" {
		zone = "UTC"
	}
	if f.MaxAge == 0 {
		return fmt.Sprintf("by each tick of %s %s, materialized since the tick before", f.Cron, zone)
	}
	return fmt.Sprintf("by each tick of %s %s, materialized within %s before it", f.Cron, zone, f.MaxAge)
}

// freshness is a checked Freshness.
type freshness struct {
	Freshness
	tl *partition.Timeline // nil without Cron
}

func newFreshness(f Freshness) (*freshness, error) {
	if f.MaxAge < 0 {
		return nil, fmt.Errorf("freshness: MaxAge %s is negative", f.MaxAge)
	}
	fr := &freshness{Freshness: f}
	if f.Cron == "" {
		if f.MaxAge == 0 {
			return nil, fmt.Errorf("freshness: give MaxAge, or a Cron deadline")
		}
		return fr, nil
	}
	tl, err := partition.NewTimeline(f.Cron, f.Zone)
	if err != nil {
		return nil, fmt.Errorf("freshness: %w", err)
	}
	fr.tl = tl
	return fr, nil
}

// FreshnessResult is an asset's freshness at an instant.
type FreshnessResult struct {
	Overdue bool      `json:"overdue"`
	Since   time.Time `json:"since,omitzero"` // when it became overdue (the missed deadline); zero when fresh or never materialized
	Reason  string    `json:"reason"`         // names Next unless overdue
	Next    time.Time `json:"next,omitzero"`  // the next deadline: the next tick of a cron deadline, or when a fresh asset gets too old
}

// eval returns the freshness at now of an asset last materialized at
// last (zero: never).
func (f *freshness) eval(last, now time.Time) FreshnessResult {
	if f.tl == nil {
		if last.IsZero() {
			return FreshnessResult{Overdue: true, Reason: "never materialized"}
		}
		deadline := last.Add(f.MaxAge)
		if now.After(deadline) {
			return FreshnessResult{Overdue: true, Since: deadline,
				Reason: fmt.Sprintf("last materialized %s, more than %s before", stampOf(last), f.MaxAge)}
		}
		return FreshnessResult{Reason: fmt.Sprintf("materialized %s; overdue after %s", stampOf(last), stampOf(deadline)), Next: deadline}
	}
	tick, next := f.tl.Prev(now), f.tl.Next(now)
	if tick.IsZero() {
		return FreshnessResult{Reason: "no deadline yet; the first " + stampOf(next), Next: next}
	}
	from := tick.Add(-f.MaxAge)
	if f.MaxAge == 0 {
		from = f.tl.Prev(tick.Add(-time.Second))
	}
	switch {
	case last.IsZero():
		return FreshnessResult{Overdue: true, Since: tick, Reason: "never materialized", Next: next}
	case last.Before(from):
		return FreshnessResult{Overdue: true, Since: tick, Next: next,
			Reason: fmt.Sprintf("missed the deadline %s: last materialized %s, before %s", stampOf(tick), stampOf(last), stampOf(from))}
	}
	return FreshnessResult{Reason: fmt.Sprintf("materialized %s; next deadline %s", stampOf(last), stampOf(next)), Next: next}
}

func stampOf(t time.Time) string { return t.Format(time.RFC3339) }
