package partition

import (
	"strings"
	"testing"
	"time"
)

func TestTimeline(t *testing.T) {
	mustTime := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, c := range []struct {
		spec, zone, after, next, prev string
	}{
		// The clock springs forward at 02:00 on 10 March 2024: 02:30
		// does not exist and ticks at 03:30 EDT.
		{"30 2 * * *", "America/New_York", "2024-03-09T02:30:00-05:00", "2024-03-10T03:30:00-04:00", "2024-03-09T02:30:00-05:00"},
		// It falls back at 02:00 on 3 November: 01:30 happens twice and
		// ticks once, at its first occurrence.
		{"30 1 * * *", "America/New_York", "2024-11-03T01:30:00-04:00", "2024-11-04T01:30:00-05:00", "2024-11-03T01:30:00-04:00"},
		{"30 1 * * *", "America/New_York", "2024-11-03T01:40:00-05:00", "2024-11-04T01:30:00-05:00", "2024-11-03T01:30:00-04:00"},
		// Month ends: the 31st skips the months without one.
		{"0 0 31 * *", "UTC", "2024-01-31T00:00:00Z", "2024-03-31T00:00:00Z", "2024-01-31T00:00:00Z"},
		{"0 0 1 * *", "Europe/Paris", "2024-02-29T23:30:00+01:00", "2024-03-01T00:00:00+01:00", "2024-02-01T00:00:00+01:00"},
		{"0 12 29 2 *", "UTC", "2024-03-01T00:00:00Z", "2028-02-29T12:00:00Z", "2024-02-29T12:00:00Z"},
		{"@hourly", "", "2024-05-05T10:00:00Z", "2024-05-05T11:00:00Z", "2024-05-05T10:00:00Z"},
	} {
		tl, err := NewTimeline(c.spec, c.zone)
		if err != nil {
			t.Fatalf("%s %s: %v", c.spec, c.zone, err)
		}
		x := mustTime(c.after)
		if got, want := tl.Next(x), mustTime(c.next); !got.Equal(want) {
			t.Errorf("%s in %s: Next(%s) = %s, want %s", c.spec, c.zone, c.after, got.Format(time.RFC3339), c.next)
		}
		if got, want := tl.Prev(x), mustTime(c.prev); !got.Equal(want) {
			t.Errorf("%s in %s: Prev(%s) = %s, want %s", c.spec, c.zone, c.after, got.Format(time.RFC3339), c.prev)
		}
	}
}

func TestTimelineErrors(t *testing.T) {
	for _, c := range []struct{ spec, zone, want string }{
		{"0 25 * * *", "UTC", "cron schedule"},
		{"* * *", "UTC", "cron schedule"},
		{"0 0 * * *", "Mars/Olympus", `unknown time zone "Mars/Olympus"`},
		{"0 0 * * *", "Europe/Pariss", `unknown time zone "Europe/Pariss" (did you mean "Europe/Paris"?)`}, // from the system's zone.tab
		{"0 0 * * *", "Local", "IANA name"},
		{"0 0 30 2 *", "UTC", "never fires"},
		{"@every 5m", "UTC", "@every"},
		{"CRON_TZ=UTC 0 0 * * *", "UTC", "time zone apart"},
	} {
		_, err := NewTimeline(c.spec, c.zone)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("NewTimeline(%q, %q) = %v, want an error with %q", c.spec, c.zone, err, c.want)
		}
	}
}

func FuzzTimeline(f *testing.F) {
	f.Add("30 2 * * *", "America/New_York", int64(1710000000))
	f.Add("0 0 31 * *", "UTC", int64(0))
	f.Add("@weekly", "Asia/Kolkata", int64(-1))
	f.Fuzz(func(t *testing.T, spec, zone string, at int64) {
		tl, err := NewTimeline(spec, zone)
		if err != nil {
			return
		}
		x := time.Unix(at%(1<<40), 0)
		if n := tl.Next(x); !n.IsZero() && !n.After(x) {
			t.Fatalf("Next(%v) = %v, not after", x, n)
		}
		if p := tl.Prev(x); !p.IsZero() && p.After(x) {
			t.Fatalf("Prev(%v) = %v, after", x, p)
		}
	})
}
