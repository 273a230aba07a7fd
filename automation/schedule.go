package automation

import (
	"errors"
	"fmt"
	"time"

	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
)

// A Schedule materializes a selection at the ticks of a cron schedule.
//
// When the selected assets are partitioned by time, each tick runs the
// partition that has just closed at the tick (the latest one complete at
// that instant): a daily schedule at 00:10 runs yesterday's partition.
// The partitioned assets of a schedule must then share one definition.
//
// After downtime (no daemon ran at some ticks), the daemon runs the
// latest CatchUp missed ticks, oldest first, and skips the others,
// saying how many: with the default 1, only the latest missed tick runs;
// with 24 an hourly schedule catches up to a day of partitions. A new
// schedule starts at its next tick.
type Schedule struct {
	Name    string // unique among schedules and sensors
	Cron    string // five fields or a descriptor ("@daily"), as partition.Cron takes
	Zone    string // IANA time zone; UTC when empty
	Select  string // the assets, in the --select syntax; all of them when empty
	CatchUp int    // at most this many missed ticks run after downtime; 1 when 0
	Tags    map[string]string
}

// schedule is a Schedule ready to tick.
type schedule struct {
	Schedule
	timeline *partition.Timeline
	keys     []runtime.Key
	parts    partition.Definition // the definition of its partitioned assets, or nil
}

// newSchedule checks s against the assets.
func newSchedule(s Schedule, g *graph) (*schedule, error) {
	if s.Name == "" {
		return nil, fmt.Errorf("a schedule has no name (cron %q)", s.Cron)
	}
	tl, err := partition.NewTimeline(s.Cron, s.Zone)
	if err != nil {
		return nil, fmt.Errorf("schedule %s: %w", s.Name, err)
	}
	if s.CatchUp < 0 {
		return nil, fmt.Errorf("schedule %s: CatchUp %d: want 1 or more (0 means 1)", s.Name, s.CatchUp)
	}
	if s.CatchUp == 0 {
		s.CatchUp = 1
	}
	keys, err := g.sel(s.Select)
	if err != nil {
		return nil, fmt.Errorf("schedule %s: %w", s.Name, err)
	}
	sc := &schedule{Schedule: s, timeline: tl, keys: keys}
	for _, k := range keys {
		def := g.defs[k].Partitions
		if def == nil {
			continue
		}
		if partition.KindOf(def) != partition.KindTime {
			return nil, fmt.Errorf("schedule %s: asset %s has %s partitions: a schedule runs time partitions only (use a sensor)", s.Name, k, partition.KindOf(def))
		}
		if sc.parts != nil && !partition.Equal(sc.parts, def) {
			return nil, fmt.Errorf("schedule %s: assets with different partitions (%s and %s): give each its own schedule", s.Name, sc.parts, def)
		}
		sc.parts = def
	}
	return sc, nil
}

// due returns the ticks after last up to now that run, oldest first (at
// most CatchUp of them), and how many earlier ones are skipped.
func (s *schedule) due(last, now time.Time) (ticks []time.Time, skipped int) {
	t := s.timeline.Prev(now)
	for !t.IsZero() && t.After(last) {
		if len(ticks) == s.CatchUp {
			skipped++
			if skipped >= maxSkipCount {
				break
			}
		} else {
			ticks = append(ticks, t)
		}
		t = s.timeline.Prev(t.Add(-time.Second))
	}
	for i, j := 0, len(ticks)-1; i < j; i, j = i+1, j-1 {
		ticks[i], ticks[j] = ticks[j], ticks[i]
	}
	return ticks, skipped
}

// maxSkipCount bounds the count of skipped ticks (a minutely schedule
// after a year down): past it, the count says "at least".
const maxSkipCount = 1000

// errNoNewPartition is the error of a tick at which no time partition
// closed since the tick before: the tick runs nothing.
var errNoNewPartition = errors.New("no partition closed since the previous tick")

// partition returns the partition that tick t runs, or "" when the
// schedule's assets are unpartitioned, or an error when no partition has
// closed yet, or (errNoNewPartition) none since the tick before: past the
// end of a definition with an end, the latest partition closed long ago,
// and the previous tick ran it already.
func (s *schedule) partition(t time.Time) (string, error) {
	if s.parts == nil {
		return "", nil
	}
	keys, err := s.parts.Resolve(partition.Env{Now: t})
	if err != nil {
		return "", err
	}
	n := keys.Len()
	if n == 0 {
		return "", fmt.Errorf("no partition of %s has closed at %s", s.parts, t.Format(time.RFC3339))
	}
	last := keys.Key(n - 1)
	if w, ok := keys.Window(n - 1); ok {
		if prev := s.timeline.Prev(t.Add(-time.Second)); !prev.IsZero() && !w.End.After(prev) {
			return "", fmt.Errorf("%w (%s): the latest partition of %s, %s, closed at %s",
				errNoNewPartition, prev.Format(time.RFC3339), s.parts, last, w.End.Format(time.RFC3339))
		}
	}
	return last, nil
}
