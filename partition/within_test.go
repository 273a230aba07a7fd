package partition

import "testing"

// TestWithin checks Within against the windows themselves: over two years
// (across the daylight saving changes of New York and a leap day), t is
// within u exactly when TimeWindow(0, 0) maps every window of t to one
// window of u.
func TestWithin(t *testing.T) {
	ny := Zone("America/New_York")
	defs := map[string]*Time{
		"hourly":          Hourly("2024-01-01"),
		"hourly:30":       Hourly("2024-01-01", MinuteOffset(30)),
		"daily":           Daily("2024-01-01"),
		"daily 06:00":     Daily("2024-01-01", HourOffset(6)),
		"weekly":          Weekly("2024-01-01"),
		"weekly monday":   Weekly("2024-01-01", DayOffset(1)),
		"monthly":         Monthly("2024-01-01"),
		"six hours":       Cron("0 */6 * * *", "2024-01-01"),
		"weekdays":        Cron("0 0 * * 1-5", "2024-01-01"),
		"first or monday": Cron("0 0 1 * 1", "2024-01-01"),
		"hourly ny":       Hourly("2024-01-01", ny),
		"daily ny":        Daily("2024-01-01", ny),
		"weekly ny":       Weekly("2024-01-01", ny),
	}
	want := map[[2]string]bool{
		{"hourly", "daily"}:           true,
		{"hourly", "monthly"}:         true,
		{"daily", "weekly"}:           true,
		{"daily", "monthly"}:          true,
		{"weekly", "monthly"}:         false,
		{"daily", "hourly"}:           false,
		{"hourly:30", "daily"}:        false,
		{"daily 06:00", "daily"}:      false,
		{"six hours", "daily"}:        true,
		{"daily", "weekdays"}:         true,
		{"weekly monday", "weekdays"}: false,
		{"hourly ny", "daily ny"}:     true,
		{"daily ny", "weekly ny"}:     true,
		{"daily", "daily ny"}:         false,
		{"daily", "daily"}:            true,
	}
	for pair, w := range want {
		if got := defs[pair[0]].Within(defs[pair[1]]); got != w {
			t.Errorf("%s within %s = %v, want %v", pair[0], pair[1], got, w)
		}
	}
	// Every pair in one zone against the windows.
	for dn, d := range defs {
		for un, u := range defs {
			if d.loc.String() != u.loc.String() {
				continue
			}
			dk := resolve(t, d, "2026-01-01T00:00:00Z")
			uk := resolve(t, u, "2026-03-01T00:00:00Z")
			one := true
			for i := 0; i < dk.Len() && one; i++ {
				r, err := TimeWindow(0, 0).Upstream(dk.Span(i, i+1), uk)
				if err != nil {
					t.Fatal(err)
				}
				// The windows before u's first are not u's: count the
				// ones after it only.
				if r.Subset.Len() > 1 {
					one = false
				}
			}
			if got := d.Within(u); got != one {
				t.Errorf("%s within %s = %v, but the windows say %v", dn, un, got, one)
			}
		}
	}
	if Daily("2024-01-01", Zone("Nowhere/Atlantis")).Within(Daily("2024-01-01")) {
		t.Error("an invalid definition is within another")
	}
}
