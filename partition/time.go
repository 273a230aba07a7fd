package partition

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/assetgen/assetgen/internal/suggest"
)

// Time is a time-window partitions definition: the windows between the
// ticks of a schedule (every hour, day, week, month, or any cron
// schedule) in a time zone, from a start date, each window keyed by its
// start formatted with a layout. Make one with Hourly, Daily, Weekly,
// Monthly or Cron.
//
// As in Dagster, the first window starts at the first tick at or after
// the start, and the last one is the last window that ends at or before
// now (or before the end, if one is given), moved by the end offset.
//
// Daylight saving time: windows follow the wall clock of the zone. A
// daily window is 23 or 25 hours long on the days the clock changes. An
// hourly schedule has no window for the hour the clock skips, and two for
// the hour it repeats; the second of those is keyed with its UTC offset
// appended to the layout's text ("2024-11-03-01:00-0500" after
// "2024-11-03-01:00"), so keys stay unique and parse back to their window.
// A layout that already shows the offset or the zone never needs that.
type Time struct {
	kind      string // Hourly, Daily, Weekly, Monthly or Cron
	spec      string // the cron schedule
	startText string
	cfg       timeConfig
	loc       *time.Location
	start     int64 // the start, Unix seconds
	end       int64 // the exclusive end, when hasEnd
	hasEnd    bool
	sched     *schedule
	err       error
}

// timeConfig holds what the options set.
type timeConfig struct {
	zone                  string
	end                   string
	layout                string
	endOffset             int
	minute, hour, day     int
	setMinute, setHour    bool
	setDay, setLayout     bool
	setZone, setEndOffset bool
	opts                  []string // the options as Go, for String
}

// Option configures a time-window partitions definition.
type Option func(*timeConfig)

// Zone sets the time zone by its IANA name ("America/New_York"); the
// default is UTC.
func Zone(name string) Option {
	return func(c *timeConfig) {
		c.zone, c.setZone = name, true
		c.opts = append(c.opts, fmt.Sprintf("Zone(%q)", name))
	}
}

// End sets the exclusive end: no window ends after it. It is written like
// the start.
func End(date string) Option {
	return func(c *timeConfig) {
		c.end = date
		c.opts = append(c.opts, fmt.Sprintf("End(%q)", date))
	}
}

// Layout sets the Go time layout that formats a window's start into its
// key. It must parse back to the same start and tell all windows apart;
// the definition's Err says why when it does not.
func Layout(layout string) Option {
	return func(c *timeConfig) {
		c.layout, c.setLayout = layout, true
		c.opts = append(c.opts, fmt.Sprintf("Layout(%q)", layout))
	}
}

// EndOffset adds n windows after the last complete one (n > 0: the
// window in progress, and more), or drops -n of them (n < 0).
func EndOffset(n int) Option {
	return func(c *timeConfig) {
		c.endOffset, c.setEndOffset = n, true
		c.opts = append(c.opts, fmt.Sprintf("EndOffset(%d)", n))
	}
}

// MinuteOffset moves the start of every window to minute m (0-59).
func MinuteOffset(m int) Option {
	return func(c *timeConfig) {
		c.minute, c.setMinute = m, true
		c.opts = append(c.opts, fmt.Sprintf("MinuteOffset(%d)", m))
	}
}

// HourOffset moves the start of every daily, weekly or monthly window to
// hour h (0-23).
func HourOffset(h int) Option {
	return func(c *timeConfig) {
		c.hour, c.setHour = h, true
		c.opts = append(c.opts, fmt.Sprintf("HourOffset(%d)", h))
	}
}

// DayOffset moves the start of every weekly window to day d of the week
// (0 is Sunday, the default; 6 Saturday), or of every monthly window to
// day d of the month (1, the default, to 28).
func DayOffset(d int) Option {
	return func(c *timeConfig) {
		c.day, c.setDay = d, true
		c.opts = append(c.opts, fmt.Sprintf("DayOffset(%d)", d))
	}
}

// Default layouts, as Dagster's: the date for daily, weekly and monthly
// windows, the date and the time for hourly and cron ones.
const (
	DateLayout   = "2006-01-02"
	HourlyLayout = "2006-01-02-15:04"
)

// Hourly returns hourly partitions from start ("2024-01-01" or
// "2024-01-01-06:00"). Options: Zone, End, Layout, EndOffset,
// MinuteOffset.
func Hourly(start string, opts ...Option) *Time {
	return newTime("Hourly", "", start, opts)
}

// Daily returns daily partitions from start ("2024-01-01"), each window
// from midnight to midnight. Options: Zone, End, Layout, EndOffset,
// MinuteOffset, HourOffset.
func Daily(start string, opts ...Option) *Time {
	return newTime("Daily", "", start, opts)
}

// Weekly returns weekly partitions from start, each window from Sunday
// midnight to Sunday midnight. Options: Zone, End, Layout, EndOffset,
// MinuteOffset, HourOffset, DayOffset.
func Weekly(start string, opts ...Option) *Time {
	return newTime("Weekly", "", start, opts)
}

// Monthly returns monthly partitions from start, each window from the
// first of a month to the first of the next. Options: Zone, End, Layout,
// EndOffset, MinuteOffset, HourOffset, DayOffset.
func Monthly(start string, opts ...Option) *Time {
	return newTime("Monthly", "", start, opts)
}

// Cron returns partitions whose windows lie between the ticks of a cron
// schedule (five fields, minute to day of week, as in crontab, or a
// descriptor such as "@daily"), from start. Options: Zone, End, Layout,
// EndOffset.
func Cron(schedule, start string, opts ...Option) *Time {
	return newTime("Cron", schedule, start, opts)
}

func newTime(kind, spec, start string, opts []Option) *Time {
	t := &Time{kind: kind, spec: spec, startText: start}
	for _, o := range opts {
		if o != nil {
			o(&t.cfg)
		}
	}
	t.err = t.build()
	if t.err != nil {
		t.err = fmt.Errorf("%s: %w", t, t.err)
	}
	return t
}

// build checks the definition and computes its timeline.
func (t *Time) build() error {
	c := &t.cfg
	if !c.setZone {
		c.zone = "UTC"
	}
	loc, err := loadZone(c.zone)
	if err != nil {
		return err
	}
	t.loc = loc
	spec, err := t.cronSpec()
	if err != nil {
		return err
	}
	t.spec = spec
	if !c.setLayout {
		switch t.kind {
		case "Daily", "Weekly", "Monthly":
			c.layout = DateLayout
		default:
			c.layout = HourlyLayout
		}
	}
	sched, err := parseCron(spec)
	if err != nil {
		return err
	}
	start, err := t.parseInstant(t.startText)
	if err != nil {
		return fmt.Errorf("start %q: %v", t.startText, err)
	}
	t.start = start
	if c.end != "" {
		end, err := t.parseInstant(c.end)
		if err != nil {
			return fmt.Errorf("end %q: %v", c.end, err)
		}
		if end <= start {
			return fmt.Errorf("end %q is not after the start %q", c.end, t.startText)
		}
		t.end, t.hasEnd = end, true
	}
	s, ok := newSchedule(sched, loc, start)
	if !ok {
		return fmt.Errorf("schedule %q does not fire within %d days of the start", spec, maxGapDays)
	}
	t.sched = s
	return t.checkLayout()
}

// loadZone loads the time zone of IANA name zone; "" and "Local" (which
// depend on the machine) are errors.
func loadZone(zone string) (*time.Location, error) {
	if zone == "" || zone == "Local" {
		return nil, fmt.Errorf("time zone %q: give an IANA name such as \"UTC\" or \"America/New_York\"", zone)
	}
	loc, err := time.LoadLocation(zone)
	if err != nil {
		return nil, fmt.Errorf("unknown time zone %q%s", zone, suggest.Hint(zone, zoneNames()))
	}
	return loc, nil
}

// zoneNames returns the IANA time zone names the system's zone.tab lists,
// and UTC: the candidates of a did-you-mean, read only when a name is
// unknown; none when the system has no such list.
func zoneNames() []string {
	names := []string{"UTC"}
	for _, dir := range []string{"/usr/share/zoneinfo/", "/usr/share/lib/zoneinfo/", "/usr/lib/locale/TZ/"} {
		b, err := os.ReadFile(dir + "zone.tab")
		if err != nil {
			continue
		}
		for line := range strings.Lines(string(b)) {
			if f := strings.Fields(line); len(f) >= 3 && !strings.HasPrefix(f[0], "#") {
				names = append(names, f[2])
			}
		}
		break
	}
	return names
}

// cronSpec returns the cron schedule of the definition's kind and offsets.
func (t *Time) cronSpec() (string, error) {
	c := t.cfg
	if t.kind == "Cron" {
		if c.setMinute || c.setHour || c.setDay {
			return "", errors.New("MinuteOffset, HourOffset and DayOffset do not apply to a cron schedule: write them into it")
		}
		spec := strings.TrimSpace(t.spec)
		if strings.HasPrefix(spec, "TZ=") || strings.HasPrefix(spec, "CRON_TZ=") {
			return "", fmt.Errorf("cron schedule %q: give the time zone with the Zone option", t.spec)
		}
		return spec, nil
	}
	if c.setMinute && (c.minute < 0 || c.minute > 59) {
		return "", fmt.Errorf("MinuteOffset(%d): want 0 to 59", c.minute)
	}
	if c.setHour && (c.hour < 0 || c.hour > 23) {
		return "", fmt.Errorf("HourOffset(%d): want 0 to 23", c.hour)
	}
	switch t.kind {
	case "Hourly":
		if c.setHour || c.setDay {
			return "", errors.New("hourly partitions take MinuteOffset only")
		}
		return fmt.Sprintf("%d * * * *", c.minute), nil
	case "Daily":
		if c.setDay {
			return "", errors.New("daily partitions take MinuteOffset and HourOffset, not DayOffset")
		}
		return fmt.Sprintf("%d %d * * *", c.minute, c.hour), nil
	case "Weekly":
		if c.setDay && (c.day < 0 || c.day > 6) {
			return "", fmt.Errorf("DayOffset(%d): want a day of the week, 0 (Sunday) to 6 (Saturday)", c.day)
		}
		return fmt.Sprintf("%d %d * * %d", c.minute, c.hour, c.day), nil
	default: // Monthly
		day := 1
		if c.setDay {
			if c.day < 1 || c.day > 28 {
				return "", fmt.Errorf("DayOffset(%d): want a day of the month, 1 to 28, that every month has (use Cron for a later one)", c.day)
			}
			day = c.day
		}
		return fmt.Sprintf("%d %d %d * *", c.minute, c.hour, day), nil
	}
}

// parseCron parses a standard five-field schedule or a descriptor.
func parseCron(spec string) (s *cron.SpecSchedule, err error) {
	defer func() {
		if recover() != nil {
			s, err = nil, fmt.Errorf("malformed cron schedule %q", spec)
		}
	}()
	p := cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)
	sched, err := p.Parse(spec)
	if err != nil {
		return nil, fmt.Errorf("cron schedule %q: %v", spec, err)
	}
	ss, ok := sched.(*cron.SpecSchedule)
	if !ok {
		return nil, fmt.Errorf("cron schedule %q: @every is not a calendar schedule; use five fields", spec)
	}
	return ss, nil
}

// instantLayouts are the forms a start or an end may take, besides the
// definition's own layout.
var instantLayouts = []string{DateLayout, HourlyLayout, "2006-01-02T15:04", "2006-01-02T15:04:05", time.RFC3339}

// parseInstant parses a start or end date, as wall time in the zone
// unless it gives its offset.
func (t *Time) parseInstant(s string) (int64, error) {
	for _, l := range append([]string{t.cfg.layout}, instantLayouts...) {
		if v, err := time.ParseInLocation(l, s, t.loc); err == nil {
			return v.Unix(), nil
		}
	}
	return 0, fmt.Errorf("want a date such as 2024-01-01 or 2024-01-01-06:00")
}

// checkLayout checks that the layout makes valid keys that parse back to
// their windows, on windows that differ in every field: consecutive ones,
// and the first after 13 hours, a day, a month and a year.
func (t *Time) checkLayout() error {
	var is []int
	for i := 0; i < 3; i++ {
		is = append(is, i)
	}
	for _, d := range []int64{61 * 60, 13 * 3600, 25 * 3600, 32 * secondsPerDay, 367 * secondsPerDay} {
		is = append(is, t.sched.index(t.sched.first+d, 0)+1)
	}
	for _, i := range is {
		k := t.key(i)
		if err := CheckKey(k); err != nil {
			return fmt.Errorf("layout %q makes an invalid key: %v", t.cfg.layout, err)
		}
		j, ok := t.parseIndex(k, i+2)
		if !ok || j != i {
			return fmt.Errorf("layout %q does not tell windows apart: key %q does not parse back to the window starting %s", t.cfg.layout, k, time.Unix(t.sched.at(i), 0).In(t.loc).Format(time.RFC3339))
		}
	}
	return nil
}

// key formats window i's key.
func (t *Time) key(i int) string {
	return string(t.appendKey(nil, t.sched.at(i)))
}

// appendKey appends the key of the window starting at tick u.
func (t *Time) appendKey(b []byte, u int64) []byte {
	v := time.Unix(u, 0).In(t.loc)
	n := len(b)
	b = v.AppendFormat(b, t.cfg.layout)
	if f, ok := repeated(t.loc, u); ok {
		if string(time.Unix(f, 0).In(t.loc).AppendFormat(nil, t.cfg.layout)) == string(b[n:]) {
			b = v.AppendFormat(b, "-0700")
		}
	}
	return b
}

// parseIndex returns the index of the window whose key is k, among the
// windows before index limit.
func (t *Time) parseIndex(k string, limit int) (int, bool) {
	v, err := time.ParseInLocation(t.cfg.layout, k, t.loc)
	if err != nil {
		v, err = time.ParseInLocation(t.cfg.layout+"-0700", k, t.loc)
		if err != nil {
			return 0, false
		}
	}
	x := v.Unix()
	if limit <= 0 || x >= t.sched.at(limit-1)+366*secondsPerDay {
		return 0, false
	}
	i := t.sched.index(x, 0)
	for _, j := range [...]int{i, i - 1, i + 1} {
		if j >= 0 && j < limit && t.key(j) == k {
			return j, true
		}
	}
	return 0, false
}

// count returns the number of windows at now.
func (t *Time) count(now time.Time) int {
	x := now.Unix()
	if t.hasEnd && t.end < x {
		x = t.end
	}
	n := 0
	if x >= t.sched.first {
		n = t.sched.index(x, 0)
	}
	n += t.cfg.endOffset
	if t.hasEnd {
		n = min(n, max(t.sched.index(t.end, 0), 0))
	}
	return max(n, 0)
}

// Err returns the definition's error, or nil when it is valid.
func (t *Time) Err() error { return t.err }

// Location returns the time zone, or nil when the definition is invalid.
func (t *Time) Location() *time.Location { return t.loc }

// Layout returns the layout of the keys.
func (t *Time) Layout() string { return t.cfg.layout }

// Schedule returns the cron schedule whose ticks start the windows.
func (t *Time) Schedule() string { return t.spec }

// String returns the definition as the Go call that makes it, such as
// Daily("2024-01-01", Zone("America/New_York")).
func (t *Time) String() string {
	var b strings.Builder
	b.WriteString(t.kind)
	b.WriteByte('(')
	if t.kind == "Cron" {
		b.WriteString(strconv.Quote(t.spec))
		b.WriteString(", ")
	}
	b.WriteString(strconv.Quote(t.startText))
	for _, o := range t.cfg.opts {
		b.WriteString(", ")
		b.WriteString(o)
	}
	b.WriteByte(')')
	return b.String()
}

// Kind returns KindTime.
func (t *Time) Kind() Kind { return KindTime }

// Resolve returns the keys at env.Now.
func (t *Time) Resolve(env Env) (*Keys, error) {
	if t.err != nil {
		return nil, t.err
	}
	if env.Now.IsZero() {
		return nil, fmt.Errorf("%s: no current time given (Env.Now is zero)", t)
	}
	return &Keys{def: t, n: t.count(env.Now), time: t}, nil
}

// equal reports whether t and u make the same windows and keys.
func (t *Time) equal(u *Time) bool {
	if t == u {
		return true
	}
	if t.err != nil || u.err != nil {
		return false
	}
	return t.spec == u.spec && t.loc.String() == u.loc.String() && t.sched.first == u.sched.first &&
		t.hasEnd == u.hasEnd && t.end == u.end && t.cfg.layout == u.cfg.layout && t.cfg.endOffset == u.cfg.endOffset
}

// Window is a time window: from Start, inclusive, to End, exclusive.
type Window struct {
	Start, End time.Time
}

// String formats the window as "START...END" in RFC 3339.
func (w Window) String() string {
	return w.Start.Format(time.RFC3339) + "..." + w.End.Format(time.RFC3339)
}

// Contains reports whether instant x lies in the window.
func (w Window) Contains(x time.Time) bool {
	return !x.Before(w.Start) && x.Before(w.End)
}

// window returns window i, in the definition's zone.
func (t *Time) window(i int) Window {
	return Window{time.Unix(t.sched.at(i), 0).In(t.loc), time.Unix(t.sched.at(i+1), 0).In(t.loc)}
}
