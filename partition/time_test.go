package partition

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// at parses an RFC 3339 instant for a test.
func at(t testing.TB, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func resolve(t testing.TB, d Definition, now string) *Keys {
	t.Helper()
	k, err := d.Resolve(Env{Now: at(t, now)})
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func TestTimeKeys(t *testing.T) {
	ny := Zone("America/New_York")
	for _, c := range []struct {
		name string
		def  *Time
		now  string
		want []string
	}{
		{"daily", Daily("2024-01-01"), "2024-01-04T12:00:00Z",
			[]string{"2024-01-01", "2024-01-02", "2024-01-03"}},
		{"daily none yet", Daily("2024-01-01"), "2024-01-01T23:59:59Z", nil},
		{"daily exactly at end of first", Daily("2024-01-01"), "2024-01-02T00:00:00Z", []string{"2024-01-01"}},
		{"leap day and month end", Daily("2024-02-27"), "2024-03-02T00:00:00Z",
			[]string{"2024-02-27", "2024-02-28", "2024-02-29", "2024-03-01"}},
		{"no leap day in 2023", Daily("2023-02-27"), "2023-03-02T00:00:00Z",
			[]string{"2023-02-27", "2023-02-28", "2023-03-01"}},
		{"year end", Daily("2023-12-30"), "2024-01-02T00:00:00Z",
			[]string{"2023-12-30", "2023-12-31", "2024-01-01"}},
		{"start mid-day: first tick after", Daily("2024-01-01-06:00"), "2024-01-04T00:00:00Z",
			[]string{"2024-01-02", "2024-01-03"}},
		{"hour and minute offset", Daily("2024-01-01", HourOffset(6), MinuteOffset(30)), "2024-01-03T07:00:00Z",
			[]string{"2024-01-01", "2024-01-02"}},
		{"monthly", Monthly("2024-01-01"), "2024-04-15T00:00:00Z",
			[]string{"2024-01-01", "2024-02-01", "2024-03-01"}},
		{"monthly from the 31st", Monthly("2024-01-31"), "2024-05-01T00:00:00Z",
			[]string{"2024-02-01", "2024-03-01", "2024-04-01"}},
		{"monthly day offset and layout", Monthly("2024-01-01", DayOffset(15), Layout("2006-01")), "2024-04-15T00:00:00Z",
			[]string{"2024-01", "2024-02", "2024-03"}},
		{"weekly starts Sunday", Weekly("2024-01-01"), "2024-01-28T00:00:00Z",
			[]string{"2024-01-07", "2024-01-14", "2024-01-21"}},
		{"weekly on Monday", Weekly("2024-01-01", DayOffset(1)), "2024-01-15T00:00:00Z",
			[]string{"2024-01-01", "2024-01-08"}},
		{"weekly across the year", Weekly("2023-12-20"), "2024-01-08T00:00:00Z",
			[]string{"2023-12-24", "2023-12-31"}},
		{"hourly", Hourly("2024-02-28-22:00"), "2024-02-29T01:30:00Z",
			[]string{"2024-02-28-22:00", "2024-02-28-23:00", "2024-02-29-00:00"}},
		{"hourly minute offset", Hourly("2024-01-01", MinuteOffset(15)), "2024-01-01T02:20:00Z",
			[]string{"2024-01-01-00:15", "2024-01-01-01:15"}},
		{"hourly spring forward (New York)", Hourly("2024-03-10-00:00", ny), "2024-03-10T09:00:00Z",
			[]string{"2024-03-10-00:00", "2024-03-10-01:00", "2024-03-10-03:00", "2024-03-10-04:00"}},
		{"hourly fall back (New York)", Hourly("2024-11-03-00:00", ny), "2024-11-03T08:00:00Z",
			[]string{"2024-11-03-00:00", "2024-11-03-01:00", "2024-11-03-01:00-0500", "2024-11-03-02:00"}},
		{"hourly fall back, layout with zone", Hourly("2024-11-03-00:00", ny, Layout("2006-01-02T15:04MST")), "2024-11-03T07:00:00Z",
			[]string{"2024-11-03T00:00EDT", "2024-11-03T01:00EDT", "2024-11-03T01:00EST"}},
		{"daily New York", Daily("2024-03-09", ny), "2024-03-12T04:00:00Z",
			[]string{"2024-03-09", "2024-03-10", "2024-03-11"}},
		{"end", Daily("2024-01-01", End("2024-01-04")), "2024-06-01T00:00:00Z",
			[]string{"2024-01-01", "2024-01-02", "2024-01-03"}},
		{"end after now", Daily("2024-01-01", End("2024-01-04")), "2024-01-03T00:00:00Z",
			[]string{"2024-01-01", "2024-01-02"}},
		{"end offset 1: the window in progress", Daily("2024-01-01", EndOffset(1)), "2024-01-03T12:00:00Z",
			[]string{"2024-01-01", "2024-01-02", "2024-01-03"}},
		{"end offset -1", Daily("2024-01-01", EndOffset(-1)), "2024-01-03T12:00:00Z",
			[]string{"2024-01-01"}},
		{"end offset -5: none", Daily("2024-01-01", EndOffset(-5)), "2024-01-03T12:00:00Z", nil},
		{"end offset capped by end", Daily("2024-01-01", End("2024-01-03"), EndOffset(3)), "2024-01-02T12:00:00Z",
			[]string{"2024-01-01", "2024-01-02"}},
		{"cron business days", Cron("0 9 * * 1-5", "2024-03-01"), "2024-03-06T10:00:00Z",
			[]string{"2024-03-01-09:00", "2024-03-04-09:00", "2024-03-05-09:00"}},
		{"cron in the skipped hour moves past it", Cron("30 2 * * *", "2024-03-09", ny), "2024-03-12T12:00:00Z",
			[]string{"2024-03-09-02:30", "2024-03-10-03:30", "2024-03-11-02:30"}},
		{"cron in the repeated hour ticks once", Cron("30 1 * * *", "2024-11-02", ny), "2024-11-05T12:00:00Z",
			[]string{"2024-11-02-01:30", "2024-11-03-01:30", "2024-11-04-01:30"}},
		{"cron every 30 minutes, repeated hour twice", Cron("*/30 * * * *", "2024-11-03-00:30", ny), "2024-11-03T07:00:00Z",
			[]string{"2024-11-03-00:30", "2024-11-03-01:00", "2024-11-03-01:30", "2024-11-03-01:00-0500", "2024-11-03-01:30-0500"}},
		{"cron descriptor", Cron("@monthly", "2024-01-15"), "2024-04-01T00:00:00Z",
			[]string{"2024-02-01-00:00", "2024-03-01-00:00"}},
		{"cron leap day only", Cron("0 0 29 2 *", "2020-01-01", Layout(DateLayout)), "2029-01-01T00:00:00Z",
			[]string{"2020-02-29", "2024-02-29"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if err := c.def.Err(); err != nil {
				t.Fatal(err)
			}
			k := resolve(t, c.def, c.now)
			if got := k.All(); !slices.Equal(got, c.want) {
				t.Fatalf("keys = %q\nwant %q", got, c.want)
			}
			for i, key := range c.want {
				if got := k.Key(i); got != key {
					t.Errorf("Key(%d) = %q, want %q", i, got, key)
				}
				if j, ok := k.Index(key); !ok || j != i {
					t.Errorf("Index(%q) = %d, %v; want %d", key, j, ok, i)
				}
			}
		})
	}
}

func TestWindows(t *testing.T) {
	ny := Zone("America/New_York")
	for _, c := range []struct {
		name       string
		def        *Time
		key        string
		start, end string
	}{
		{"spring forward day is 23 hours", Daily("2024-03-01", ny), "2024-03-10", "2024-03-10T00:00:00-05:00", "2024-03-11T00:00:00-04:00"},
		{"fall back day is 25 hours", Daily("2024-11-01", ny), "2024-11-03", "2024-11-03T00:00:00-04:00", "2024-11-04T00:00:00-05:00"},
		{"hour before the skipped one", Hourly("2024-03-10", ny), "2024-03-10-01:00", "2024-03-10T01:00:00-05:00", "2024-03-10T03:00:00-04:00"},
		{"first 01:00 of fall back", Hourly("2024-11-03", ny), "2024-11-03-01:00", "2024-11-03T01:00:00-04:00", "2024-11-03T01:00:00-05:00"},
		{"second 01:00 of fall back", Hourly("2024-11-03", ny), "2024-11-03-01:00-0500", "2024-11-03T01:00:00-05:00", "2024-11-03T02:00:00-05:00"},
		{"leap February", Monthly("2024-01-01"), "2024-02-01", "2024-02-01T00:00:00Z", "2024-03-01T00:00:00Z"},
		{"week", Weekly("2024-01-01"), "2024-01-07", "2024-01-07T00:00:00Z", "2024-01-14T00:00:00Z"},
		{"business day over a weekend", Cron("0 9 * * 1-5", "2024-03-01"), "2024-03-01-09:00", "2024-03-01T09:00:00Z", "2024-03-04T09:00:00Z"},
	} {
		t.Run(c.name, func(t *testing.T) {
			k := resolve(t, c.def, "2025-01-01T00:00:00Z")
			i, err := k.Lookup(c.key)
			if err != nil {
				t.Fatal(err)
			}
			w, ok := k.Window(i)
			if !ok {
				t.Fatal("no window")
			}
			if !w.Start.Equal(at(t, c.start)) || !w.End.Equal(at(t, c.end)) {
				t.Errorf("window = %s, want %s...%s", w, c.start, c.end)
			}
			if j, ok := k.Locate(at(t, c.start)); !ok || j != i {
				t.Errorf("Locate(start) = %d, %v; want %d", j, ok, i)
			}
			if j, ok := k.Locate(at(t, c.end).Add(-time.Second)); !ok || j != i {
				t.Errorf("Locate(end - 1s) = %d, %v; want %d", j, ok, i)
			}
		})
	}
}

func TestTimeErrors(t *testing.T) {
	for _, c := range []struct {
		def  *Time
		want string
	}{
		{Daily("2024-01-01", Zone("Mars/Olympus")), `unknown time zone "Mars/Olympus"`},
		{Daily("2024-01-01", Zone("Local")), `time zone "Local"`},
		{Daily("2024-01-01", Layout("2006/01/02")), `holds '/'`},
		{Daily("2024-01-01", Layout("2006-01")), `layout "2006-01" does not tell windows apart`},
		{Hourly("2024-01-01", Layout(DateLayout)), `does not tell windows apart`},
		{Hourly("2024-01-01", Layout("2006-01-02-03:04")), `does not tell windows apart`}, // 12-hour clock, no PM
		{Daily("2024-01-01", Layout("Jan _2")), `does not tell windows apart`},
		{Daily("2024-01-01", HourOffset(24)), `HourOffset(24): want 0 to 23`},
		{Daily("2024-01-01", MinuteOffset(-1)), `MinuteOffset(-1)`},
		{Daily("2024-01-01", DayOffset(2)), `not DayOffset`},
		{Hourly("2024-01-01", HourOffset(2)), `hourly partitions take MinuteOffset only`},
		{Weekly("2024-01-01", DayOffset(7)), `DayOffset(7): want a day of the week`},
		{Monthly("2024-01-01", DayOffset(29)), `DayOffset(29): want a day of the month, 1 to 28`},
		{Cron("0 9 * *", "2024-01-01"), `cron schedule "0 9 * *"`},
		{Cron("", "2024-01-01"), `cron schedule ""`},
		{Cron("0 0 30 2 *", "2024-01-01"), `does not fire`},
		{Cron("TZ=UTC", "2024-01-01"), `Zone option`},
		{Cron("@every 1h", "2024-01-01"), `@every`},
		{Cron("0 9 * * *", "2024-01-01", HourOffset(3)), `do not apply to a cron schedule`},
		{Daily("01/02/2024"), `start "01/02/2024"`},
		{Daily("2024-01-05", End("2024-01-01")), `is not after the start`},
		{Daily("2024-01-05", End("soon")), `end "soon"`},
	} {
		err := c.def.Err()
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: Err() = %v, want it to hold %q", c.def, err, c.want)
			continue
		}
		if !strings.HasPrefix(err.Error(), c.def.String()) {
			t.Errorf("error %q does not name the definition %s", err, c.def)
		}
		if _, rerr := c.def.Resolve(Env{Now: time.Now()}); rerr == nil {
			t.Errorf("%s: Resolve succeeded on an invalid definition", c.def)
		}
	}
	if _, err := Daily("2024-01-01").Resolve(Env{}); err == nil || !strings.Contains(err.Error(), "Env.Now is zero") {
		t.Errorf("Resolve without a clock: %v", err)
	}
}

func TestTimeLookup(t *testing.T) {
	k := resolve(t, Daily("2024-01-01"), "2024-12-01T00:00:00Z")
	for _, c := range []struct{ key, want string }{
		// One edit from both 2024-03-01 and 2024-11-01: the tie goes to the first in order.
		{"2024-13-01", `unknown partition "2024-13-01" (did you mean "2024-03-01"?); valid: 2024-01-01...2024-11-30`},
		{"2024-12-01", `unknown partition "2024-12-01" (did you mean "2024-02-01"?); valid: 2024-01-01...2024-11-30`},
		{"2023-12-31", `unknown partition "2023-12-31" (did you mean "2024-10-31"?); valid: 2024-01-01...2024-11-30`},
		{"2024-1-05", `unknown partition "2024-1-05" (did you mean "2024-01-05"?); valid: 2024-01-01...2024-11-30`},
		{"yesterday", `unknown partition "yesterday"; valid: 2024-01-01...2024-11-30`},
	} {
		_, err := k.Lookup(c.key)
		if err == nil || err.Error() != c.want {
			t.Errorf("Lookup(%q) = %v\nwant %s", c.key, err, c.want)
		}
	}
	h := resolve(t, Hourly("2024-01-01"), "2024-01-01T00:30:00Z")
	if _, err := h.Lookup("2024-01-01-00:00"); err == nil || !strings.Contains(err.Error(), "valid: none yet (the first window, 2024-01-01-00:00, ends 2024-01-01T01:00:00Z)") {
		t.Errorf("Lookup before the first window ended: %v", err)
	}
	// A key that parses but is not a window's start.
	h = resolve(t, Hourly("2024-01-01"), "2024-02-01T00:00:00Z")
	if _, ok := h.Index("2024-01-05-10:30"); ok {
		t.Error("Index accepted 10:30 for hourly windows")
	}
	if _, ok := h.Index("2024-01-05-10:00-0500"); ok {
		t.Error("Index accepted an offset suffix in UTC")
	}
}

func TestEqualTime(t *testing.T) {
	a, b := Daily("2024-01-01"), Daily("2024-01-01", Zone("UTC"))
	if !Equal(a, b) {
		t.Error("Daily with the default zone and with UTC are not equal")
	}
	if Equal(a, Daily("2024-01-02")) || Equal(a, Daily("2024-01-01", EndOffset(1))) || Equal(a, Hourly("2024-01-01")) {
		t.Error("different definitions are equal")
	}
	if !Equal(Daily("2024-01-01"), Cron("0 0 * * *", "2024-01-01", Layout(DateLayout))) {
		t.Error("Daily and its cron are not equal")
	}
}

func TestTimeString(t *testing.T) {
	for d, want := range map[*Time]string{
		Daily("2024-01-01"): `Daily("2024-01-01")`,
		Hourly("2024-01-01", Zone("America/New_York"), EndOffset(1)): `Hourly("2024-01-01", Zone("America/New_York"), EndOffset(1))`,
		Cron("0 9 * * 1-5", "2024-01-01"):                            `Cron("0 9 * * 1-5", "2024-01-01")`,
	} {
		if got := d.String(); got != want {
			t.Errorf("String() = %s, want %s", got, want)
		}
	}
	if got := Weekly("2024-01-01", DayOffset(1), HourOffset(2)).Schedule(); got != "0 2 * * 1" {
		t.Errorf("Schedule() = %q", got)
	}
}

// TestConcurrentTimeline reads one definition's timeline from many
// goroutines as it grows; run with -race.
func TestConcurrentTimeline(t *testing.T) {
	d := Hourly("2024-01-01", Zone("America/New_York"))
	want := resolve(t, Hourly("2024-01-01", Zone("America/New_York")), "2024-03-01T00:00:00Z").All()
	done := make(chan []string)
	for g := range 8 {
		go func() {
			k, err := d.Resolve(Env{Now: time.Date(2024, 1, 10+g*6, 0, 0, 0, 0, time.UTC)})
			if err != nil {
				done <- nil
				return
			}
			done <- k.All()
		}()
	}
	for range 8 {
		got := <-done
		if len(got) == 0 || !slices.Equal(got, want[:len(got)]) {
			t.Errorf("a concurrent reader got %d keys, not a prefix of the %d", len(got), len(want))
		}
	}
}
