package partition

import (
	"math"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/robfig/cron/v3"
)

// maxGapDays bounds the search for a schedule's next tick: a schedule that
// can fire at all fires within eight years (29 February across a century
// year that is not a leap year), so one that has not fired in eleven has
// stopped, or never fires ("0 0 30 2 *").
const maxGapDays = 4018

const secondsPerDay = 86400

// schedule is the timeline of a time-partitions definition: the ticks of a
// cron schedule in a zone, the first at or after the definition's start.
// Tick i (i may be negative: the ticks before the first) starts window i;
// tick i+1 ends it. Ticks are Unix seconds. The ticks from the first on
// are computed once, as far as needed, and kept; readers never lock.
type schedule struct {
	minute, hour, dom, month, dow uint64 // cron's bit sets
	domStar, dowStar              bool
	everyHour                     bool // every hour of the day matches
	loc                           *time.Location

	first    int64 // tick 0
	firstDay int64 // the wall date of tick 0, in days since 1970-01-01

	mu    sync.Mutex // serializes extensions
	cache atomic.Pointer[tickCache]
}

// tickCache holds ticks 0..len(t)-1 and the first wall day not yet
// scanned. A new tickCache is published for each extension; the slice may
// share its array with earlier ones, whose readers never look past their
// own length.
type tickCache struct {
	t       []int64
	nextDay int64
}

const allHours = 1<<24 - 1

// newSchedule builds the timeline of spec from the first tick at or after
// start. It reports false when the schedule does not fire within
// maxGapDays of start.
func newSchedule(spec *cron.SpecSchedule, loc *time.Location, start int64) (*schedule, bool) {
	s := &schedule{
		minute: spec.Minute, hour: spec.Hour, dom: spec.Dom, month: spec.Month, dow: spec.Dow,
		domStar:   spec.Dom&(1<<63) != 0,
		dowStar:   spec.Dow&(1<<63) != 0,
		everyHour: spec.Hour&allHours == allHours,
		loc:       loc,
	}
	day := floorDiv(start+offsetAt(loc, start), secondsPerDay)
	var buf []int64
	for end := day + maxGapDays; day < end; day++ {
		buf = s.dayTicks(buf[:0], day)
		for _, t := range buf {
			if t >= start {
				s.first, s.firstDay = t, day
				s.cache.Store(&tickCache{nextDay: day})
				return s, true
			}
		}
	}
	return nil, false
}

// at returns tick i.
func (s *schedule) at(i int) int64 {
	if i < 0 {
		var t int64 = math.MinInt64
		n := 0
		s.walkBack(func(u int64) bool {
			n++
			t = u
			return n < -i
		})
		if n < -i {
			return math.MinInt64 // the schedule stopped: before all time
		}
		return t
	}
	c := s.cache.Load()
	if i < len(c.t) {
		return c.t[i]
	}
	c = s.extend(func(c *tickCache) bool { return len(c.t) > i })
	if i < len(c.t) {
		return c.t[i]
	}
	return math.MaxInt64 // the schedule stopped firing
}

// index returns the index of the window holding instant x: the largest i
// with tick i at or before x; but no less than floor (floor <= 0), so that
// an instant long before the first tick costs a walk of -floor ticks at
// most.
func (s *schedule) index(x int64, floor int) int {
	if x < s.first {
		i := 0
		s.walkBack(func(u int64) bool {
			if i == floor {
				return false
			}
			i--
			return u > x
		})
		return i
	}
	c := s.cache.Load()
	if n := len(c.t); n == 0 || c.t[n-1] <= x {
		c = s.extend(func(c *tickCache) bool { return len(c.t) > 0 && c.t[len(c.t)-1] > x })
	}
	i, found := slices.BinarySearch(c.t, x)
	if !found {
		i--
	}
	return i
}

// extend scans wall days until done holds for the cache (or the schedule
// has not fired for maxGapDays), and publishes the longer cache.
func (s *schedule) extend(done func(*tickCache) bool) *tickCache {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.cache.Load()
	if done(c) {
		return c
	}
	t, day := c.t, c.nextDay
	var buf []int64
	for idle := 0; idle < maxGapDays; day++ {
		buf = s.dayTicks(buf[:0], day)
		n := len(t)
		for _, u := range buf {
			if (len(t) == 0 && u >= s.first) || (len(t) > 0 && u > t[len(t)-1]) {
				t = append(t, u)
			}
		}
		if len(t) == n {
			idle++
			continue
		}
		idle = 0
		if done(&tickCache{t: t}) {
			day++
			break
		}
	}
	c = &tickCache{t: t, nextDay: day}
	s.cache.Store(c)
	return c
}

// walkBack calls f with the ticks before tick 0, latest first, until f
// returns false or the schedule has not fired for maxGapDays.
func (s *schedule) walkBack(f func(int64) bool) {
	var buf []int64
	for day, idle := s.firstDay, 0; idle < maxGapDays; day-- {
		buf = s.dayTicks(buf[:0], day)
		fired := false
		for j := len(buf) - 1; j >= 0; j-- {
			if buf[j] >= s.first {
				continue
			}
			fired = true
			if !f(buf[j]) {
				return
			}
		}
		if fired {
			idle = 0
		} else {
			idle++
		}
	}
}

// dayTicks appends to dst the ticks whose wall date is day, in order.
//
// Daylight saving time: a wall time that occurs twice (the clock falls
// back) ticks twice when the schedule runs every hour, so that each hour
// is a window, and once, at its first occurrence, otherwise. A wall time
// that does not occur (the clock springs forward) does not tick when the
// schedule runs every hour, since that hour does not exist; otherwise it
// ticks as late as the clock jumped (02:30 becomes 03:30), so that a daily
// window exists on that day too.
func (s *schedule) dayTicks(dst []int64, day int64) []int64 {
	y, m, d := civil(day)
	if s.month&(1<<uint(m)) == 0 {
		return dst
	}
	if !s.dayMatches(d, weekday(day)) {
		return dst
	}
	_ = y
	naive := day * secondsPerDay
	off, ok := s.plainDay(naive)
	from := len(dst)
	for h := 0; h < 24; h++ {
		if s.hour&(1<<uint(h)) == 0 {
			continue
		}
		for mi := 0; mi < 60; mi++ {
			if s.minute&(1<<uint(mi)) == 0 {
				continue
			}
			w := naive + int64(h)*3600 + int64(mi)*60
			if ok {
				dst = append(dst, w-off)
				continue
			}
			first, second, n := resolveWall(s.loc, w)
			switch {
			case n == 2:
				dst = append(dst, first)
				if s.everyHour {
					dst = append(dst, second)
				}
			case n == 1:
				dst = append(dst, first)
			case !s.everyHour:
				dst = append(dst, first) // moved past the gap
			}
		}
	}
	if !ok {
		part := dst[from:]
		slices.Sort(part)
		dst = append(dst[:from], slices.Compact(part)...)
	}
	return dst
}

// plainDay reports whether the wall day starting at naive lies, with a
// day's margin on each side, in one period of the zone, and that period's
// offset: then every wall time of the day is one instant, naive - offset.
func (s *schedule) plainDay(naive int64) (int64, bool) {
	t := time.Unix(naive, 0).In(s.loc)
	_, off := t.Zone()
	start, end := t.ZoneBounds()
	o := int64(off)
	lo, hi := naive-o-secondsPerDay, naive+secondsPerDay-o+secondsPerDay
	if !start.IsZero() && start.Unix() > lo {
		return o, false
	}
	if !end.IsZero() && end.Unix() < hi {
		return o, false
	}
	return o, true
}

// resolveWall returns the instants whose wall time in loc is w (a wall
// time as Unix seconds of the same clock reading in UTC): n is 1 for an
// ordinary wall time, 2 for one the clock passes twice (first < second),
// and 0 for one it skips, where first is the instant as late as the skip.
func resolveWall(loc *time.Location, w int64) (first, second int64, n int) {
	before := offsetAt(loc, w-secondsPerDay)
	after := offsetAt(loc, w+secondsPerDay)
	c1, c2 := w-before, w-after
	ok1 := offsetAt(loc, c1) == before
	ok2 := c2 != c1 && offsetAt(loc, c2) == after
	switch {
	case ok1 && ok2:
		return min(c1, c2), max(c1, c2), 2
	case ok1:
		return c1, 0, 1
	case ok2:
		return c2, 0, 1
	}
	return w - before, 0, 0
}

// repeated reports whether instant t is the second occurrence of its wall
// time in loc, and the first occurrence.
func repeated(loc *time.Location, t int64) (int64, bool) {
	if loc == time.UTC {
		return 0, false
	}
	o := offsetAt(loc, t)
	ob := offsetAt(loc, t-secondsPerDay)
	if ob <= o {
		return 0, false
	}
	f := t - (ob - o)
	if offsetAt(loc, f) != ob {
		return 0, false
	}
	return f, true
}

// offsetAt returns loc's UTC offset at instant t, in seconds.
func offsetAt(loc *time.Location, t int64) int64 {
	_, off := time.Unix(t, 0).In(loc).Zone()
	return int64(off)
}

// civil returns the proleptic Gregorian date of a day number (days since
// 1970-01-01); Howard Hinnant's algorithm.
func civil(day int64) (y int64, m, d int) {
	z := day + 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = int(doy - (153*mp+2)/5 + 1)
	if mp < 10 {
		m = int(mp + 3)
	} else {
		m = int(mp - 9)
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}

// weekday returns the day of the week of a day number, Sunday 0.
func weekday(day int64) int {
	return int((day%7 + 7 + 4) % 7)
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}
