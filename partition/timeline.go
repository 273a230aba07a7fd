package partition

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/robfig/cron/v3"
)

// A Timeline is the ticks of a cron schedule in a time zone, with the
// rules of daylight saving time that time partitions follow: a wall time
// the clock skips ticks as late as the clock jumped (02:30 becomes
// 03:30), a wall time it passes twice ticks once, at its first
// occurrence (but an hourly schedule ticks every hour that exists). The
// automation daemon's schedules and cron conditions tick on timelines,
// so that a daily schedule and daily partitions agree on what a day is.
type Timeline struct {
	spec *cron.SpecSchedule
	loc  *time.Location
	text string
}

// NewTimeline returns the timeline of the five-field cron schedule spec
// (or a descriptor such as "@daily") in the IANA time zone zone ("UTC"
// when empty). A malformed schedule, an unknown zone, and a schedule that
// never fires ("0 0 30 2 *") are errors.
func NewTimeline(spec, zone string) (*Timeline, error) {
	if zone == "" {
		zone = "UTC"
	}
	loc, err := loadZone(zone)
	if err != nil {
		return nil, err
	}
	text := strings.TrimSpace(spec)
	if strings.HasPrefix(text, "TZ=") || strings.HasPrefix(text, "CRON_TZ=") {
		return nil, fmt.Errorf("cron schedule %q: give the time zone apart, not in the schedule", spec)
	}
	s, err := parseCron(text)
	if err != nil {
		return nil, err
	}
	t := &Timeline{spec: s, loc: loc, text: text}
	if _, ok := newSchedule(s, loc, 0); !ok {
		return nil, fmt.Errorf("cron schedule %q never fires", spec)
	}
	return t, nil
}

// String returns the schedule and its zone, as "0 6 * * * Europe/Paris".
func (t *Timeline) String() string { return t.text + " " + t.loc.String() }

// Location returns the timeline's time zone.
func (t *Timeline) Location() *time.Location { return t.loc }

// Next returns the first tick strictly after x, in the timeline's zone,
// or the zero time when the schedule stops firing.
func (t *Timeline) Next(x time.Time) time.Time {
	s, ok := newSchedule(t.spec, t.loc, x.Unix()+1)
	if !ok {
		return time.Time{}
	}
	return time.Unix(s.first, 0).In(t.loc)
}

// Prev returns the latest tick at or before x, in the timeline's zone, or
// the zero time when there is none within the years newSchedule scans.
func (t *Timeline) Prev(x time.Time) time.Time {
	s, ok := newSchedule(t.spec, t.loc, x.Unix()+1)
	if !ok {
		// No tick after x for years: look back from there.
		return time.Time{}
	}
	u := s.at(-1)
	if u == math.MinInt64 {
		return time.Time{}
	}
	return time.Unix(u, 0).In(t.loc)
}
