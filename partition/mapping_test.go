package partition

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

const now = "2024-02-01T00:00:00Z"

// up maps the downstream keys through m and checks the upstream keys and
// the missing ones.
func checkUp(t *testing.T, m Mapping, down *Keys, keys []string, up *Keys, want, missing []string) {
	t.Helper()
	var sel Subset
	if down != nil {
		var err error
		if sel, err = down.Select(keys); err != nil {
			t.Fatal(err)
		}
	}
	r, err := m.Upstream(sel, up)
	if err != nil {
		t.Fatalf("%s: Upstream(%q): %v", m, keys, err)
	}
	if got := r.Subset.Keys(); !slices.Equal(got, want) {
		t.Errorf("%s: Upstream(%q) = %q\nwant %q", m, keys, got, want)
	}
	if !slices.Equal(r.Missing, missing) {
		t.Errorf("%s: Upstream(%q) missing %q, want %q", m, keys, r.Missing, missing)
	}
}

func checkDown(t *testing.T, m Mapping, up *Keys, keys []string, down *Keys, want []string) {
	t.Helper()
	sel, err := up.Select(keys)
	if err != nil {
		t.Fatal(err)
	}
	got, err := m.Downstream(sel, down)
	if err != nil {
		t.Fatalf("%s: Downstream(%q): %v", m, keys, err)
	}
	if g := got.Keys(); !slices.Equal(g, want) {
		t.Errorf("%s: Downstream(%q) = %q\nwant %q", m, keys, g, want)
	}
}

func hours(day string, from, to int) []string {
	var out []string
	for h := from; h <= to; h++ {
		out = append(out, day+"-"+[]string{"00", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20", "21", "22", "23"}[h]+":00")
	}
	return out
}

func TestIdentity(t *testing.T) {
	daily := Daily("2024-01-01")
	down := resolve(t, daily, now)
	checkUp(t, Identity(), down, []string{"2024-01-03", "2024-01-04"}, down, []string{"2024-01-03", "2024-01-04"}, nil)
	// The upstream resolved earlier has fewer keys.
	early := resolve(t, daily, "2024-01-04T00:00:00Z")
	checkUp(t, Identity(), down, []string{"2024-01-02", "2024-01-03", "2024-01-04"}, early, []string{"2024-01-02", "2024-01-03"}, []string{"2024-01-04"})
	// Between two static definitions, by key.
	a := resolve(t, NewStatic("eu", "us", "apac"), now)
	b := resolve(t, NewStatic("us", "eu"), now)
	checkUp(t, Identity(), a, []string{"eu", "us", "apac"}, b, []string{"us", "eu"}, []string{"apac"})
	checkDown(t, Identity(), b, []string{"eu"}, a, []string{"eu"})
}

// Identity shares the spans of the selection it maps (status maps each of
// 100,000 partitions so), capped: results that grow do not write over
// each other.
func TestIdentitySharesSpans(t *testing.T) {
	keys := resolve(t, Daily("2024-01-01"), now)
	sel := Subset{keys: keys, spans: make([]Span, 1, 4)}
	sel.spans[0] = Span{2, 4}
	a, err := Identity().Upstream(sel, keys)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Identity().Upstream(sel, keys)
	if err != nil {
		t.Fatal(err)
	}
	a.Subset.spans = append(a.Subset.spans, Span{6, 7})
	b.Subset.spans = append(b.Subset.spans, Span{8, 9})
	if got := fmt.Sprint(sel.spans, a.Subset.spans, b.Subset.spans); got != "[{2 4}] [{2 4} {6 7}] [{2 4} {8 9}]" {
		t.Errorf("got %s", got)
	}
}

func TestWindowOverlap(t *testing.T) {
	hourly := resolve(t, Hourly("2024-01-01"), now)
	daily := resolve(t, Daily("2024-01-01"), now)
	w := TimeWindow(0, 0)
	// A day reads its 24 hours.
	checkUp(t, w, daily, []string{"2024-01-02"}, hourly, hours("2024-01-02", 0, 23), nil)
	// An hour reads its day.
	checkUp(t, w, hourly, []string{"2024-01-02-05:00", "2024-01-02-06:00"}, daily, []string{"2024-01-02"}, nil)
	// Back: an hour changed makes its day stale, a day its 24 hours.
	checkDown(t, w, hourly, []string{"2024-01-02-05:00"}, daily, []string{"2024-01-02"})
	checkDown(t, w, daily, []string{"2024-01-02"}, hourly, hours("2024-01-02", 0, 23))
	// The day not yet over upstream is missing.
	checkUp(t, w, resolve(t, Daily("2024-01-01"), "2024-01-05T00:00:00Z"), []string{"2024-01-04"},
		resolve(t, Hourly("2024-01-01"), "2024-01-04T02:30:00Z"), hours("2024-01-04", 0, 1), hours("2024-01-04", 2, 23))
	// Days before the upstream's start are missing.
	checkUp(t, w, resolve(t, Hourly("2023-12-31-22:00"), now), []string{"2023-12-31-23:00"}, daily, nil, []string{"2023-12-31"})
}

func TestWindowDST(t *testing.T) {
	ny := Zone("America/New_York")
	hourly := resolve(t, Hourly("2024-11-01", ny), "2024-12-01T00:00:00Z")
	daily := resolve(t, Daily("2024-11-01", ny), "2024-12-01T00:00:00Z")
	want := append(append(hours("2024-11-03", 0, 1), "2024-11-03-01:00-0500"), hours("2024-11-03", 2, 23)...)
	checkUp(t, TimeWindow(0, 0), daily, []string{"2024-11-03"}, hourly, want, nil)
	checkDown(t, TimeWindow(0, 0), hourly, []string{"2024-11-03-01:00-0500"}, daily, []string{"2024-11-03"})
	hourly = resolve(t, Hourly("2024-03-01", ny), "2024-04-01T00:00:00Z")
	daily = resolve(t, Daily("2024-03-01", ny), "2024-04-01T00:00:00Z")
	want = append(hours("2024-03-10", 0, 1), hours("2024-03-10", 3, 23)...)
	checkUp(t, TimeWindow(0, 0), daily, []string{"2024-03-10"}, hourly, want, nil)
	// The previous day across the change.
	checkUp(t, TimeWindow(-1, -1), daily, []string{"2024-03-11"}, daily, []string{"2024-03-10"}, nil)
}

func TestWindowOffsets(t *testing.T) {
	daily := resolve(t, Daily("2024-01-01"), now)
	last7 := TimeWindow(-6, 0)
	checkUp(t, last7, daily, []string{"2024-01-10"}, daily,
		[]string{"2024-01-04", "2024-01-05", "2024-01-06", "2024-01-07", "2024-01-08", "2024-01-09", "2024-01-10"}, nil)
	// At the first partition, the six days before it do not exist.
	checkUp(t, last7, daily, []string{"2024-01-01"}, daily, []string{"2024-01-01"},
		[]string{"2023-12-26", "2023-12-27", "2023-12-28", "2023-12-29", "2023-12-30", "2023-12-31"})
	// Two downstream keys with overlapping windows: each upstream key once.
	checkUp(t, last7, daily, []string{"2024-01-01", "2024-01-03"}, daily, []string{"2024-01-01", "2024-01-02", "2024-01-03"},
		[]string{"2023-12-26", "2023-12-27", "2023-12-28", "2023-12-29", "2023-12-30", "2023-12-31"})
	prev := TimeWindow(-1, -1)
	checkUp(t, prev, daily, []string{"2024-01-05"}, daily, []string{"2024-01-04"}, nil)
	checkUp(t, prev, daily, []string{"2024-01-01"}, daily, nil, []string{"2023-12-31"})
	// Back: a day changed makes the next seven stale, clipped to the keys.
	checkDown(t, last7, daily, []string{"2024-01-05"}, daily,
		[]string{"2024-01-05", "2024-01-06", "2024-01-07", "2024-01-08", "2024-01-09", "2024-01-10", "2024-01-11"})
	checkDown(t, last7, daily, []string{"2024-01-29"}, daily, []string{"2024-01-29", "2024-01-30", "2024-01-31"})
	checkDown(t, prev, daily, []string{"2024-01-04"}, daily, []string{"2024-01-05"})
	checkDown(t, prev, daily, []string{"2024-01-31"}, daily, nil)
	// Offsets count downstream windows: an hourly asset reading the
	// previous day's... hours of the previous hour's day.
	hourly := resolve(t, Hourly("2024-01-01"), now)
	checkUp(t, TimeWindow(-1, -1), daily, []string{"2024-01-03"}, hourly, hours("2024-01-02", 0, 23), nil)
	checkUp(t, TimeWindow(1, 1), daily, []string{"2024-01-31"}, hourly, nil, hours("2024-02-01", 0, 23))
	// Weekly downstream, daily upstream: the week's days.
	weekly := resolve(t, Weekly("2024-01-01"), now)
	checkUp(t, TimeWindow(0, 0), weekly, []string{"2024-01-07"}, daily,
		[]string{"2024-01-07", "2024-01-08", "2024-01-09", "2024-01-10", "2024-01-11", "2024-01-12", "2024-01-13"}, nil)
	// Monthly upstream, daily downstream across a month end.
	monthly := resolve(t, Monthly("2024-01-01"), "2024-04-01T00:00:00Z")
	daily = resolve(t, Daily("2024-01-01"), "2024-04-01T00:00:00Z")
	checkUp(t, TimeWindow(0, 0), daily, []string{"2024-01-31", "2024-02-29"}, monthly, []string{"2024-01-01", "2024-02-01"}, nil)
	checkDown(t, TimeWindow(0, 0), monthly, []string{"2024-02-01"}, daily, days("2024-02", 29))
}

func TestWindowErrors(t *testing.T) {
	ny := resolve(t, Daily("2024-01-01", Zone("America/New_York")), now)
	utc := resolve(t, Daily("2024-01-01"), now)
	static := resolve(t, NewStatic("a"), now)
	for _, c := range []struct {
		m        Mapping
		down, up *Keys
		want     string
	}{
		{TimeWindow(0, 0), ny, utc, "window: the upstream's time zone UTC differs from the downstream's America/New_York"},
		{TimeWindow(0, 0), utc, ny, "window: the upstream's time zone America/New_York differs from the downstream's UTC"},
		{TimeWindow(-1, 0), static, utc, "window(-1...0) needs time partitions on both sides"},
		{TimeWindow(1, 0), utc, utc, "window(1...0): the start offset 1 is after the end offset 0"},
	} {
		_, err := c.m.Upstream(c.down.Full(), c.up)
		if err == nil || err.Error() != c.want {
			t.Errorf("%s: %v\nwant %s", c.m, err, c.want)
		}
	}
}

func TestAllAndLast(t *testing.T) {
	daily := resolve(t, Daily("2024-01-01"), "2024-01-04T00:00:00Z")
	static := resolve(t, NewStatic("a", "b"), now)
	checkUp(t, All(), nil, nil, daily, []string{"2024-01-01", "2024-01-02", "2024-01-03"}, nil)
	checkUp(t, All(), static, []string{"b"}, daily, []string{"2024-01-01", "2024-01-02", "2024-01-03"}, nil)
	checkDown(t, All(), daily, []string{"2024-01-02"}, static, []string{"a", "b"})
	if s, err := All().Downstream(daily.Full(), nil); err != nil || s.Len() != 0 {
		t.Errorf("All downstream into an unpartitioned asset: %v, %v", s, err)
	}
	checkUp(t, Last(), static, []string{"a"}, daily, []string{"2024-01-03"}, nil)
	checkUp(t, Last(), nil, nil, daily, []string{"2024-01-03"}, nil)
	checkDown(t, Last(), daily, []string{"2024-01-03"}, static, []string{"a", "b"})
	checkDown(t, Last(), daily, []string{"2024-01-02"}, static, nil)
	empty := resolve(t, Daily("2024-01-01"), "2024-01-01T12:00:00Z")
	checkUp(t, Last(), static, []string{"a"}, empty, nil, nil)
}

func TestStaticMap(t *testing.T) {
	down := resolve(t, NewStatic("eu", "us"), now)
	up := resolve(t, NewStatic("america", "europe", "uk"), now)
	m := StaticMap(map[string][]string{"eu": {"europe", "uk"}, "us": {"america"}})
	checkUp(t, m, down, []string{"eu"}, up, []string{"europe", "uk"}, nil)
	checkUp(t, m, down, []string{"us", "eu"}, up, []string{"america", "europe", "uk"}, nil)
	checkDown(t, m, up, []string{"uk"}, down, []string{"eu"})
	checkDown(t, m, up, []string{"uk", "america"}, down, []string{"eu", "us"})
	short := resolve(t, NewStatic("europe"), now)
	checkUp(t, m, down, []string{"eu"}, short, []string{"europe"}, []string{"uk"})
	err := Check(m, NewStatic("europe", "america"), NewStatic("eu", "uss"))
	want := `static map: the downstream has no partition "us" (did you mean "uss"?)` + "\n" + `static map: the upstream has no partition "uk"`
	if err == nil || err.Error() != want {
		t.Errorf("Check = %v\nwant %s", err, want)
	}
	if err := StaticMap(map[string][]string{"a/b": {"x"}}).kinds(KindStatic, KindStatic); err == nil || !strings.Contains(err.Error(), `key "a/b" holds '/'`) {
		t.Errorf("bad key in a static map: %v", err)
	}
}

func TestDim(t *testing.T) {
	daily := Daily("2024-01-01")
	regions := NewStatic("eu", "us")
	multi := NewMulti(Dims{"date": daily, "region": regions})
	mk := resolve(t, multi, "2024-01-04T00:00:00Z")
	dk := resolve(t, daily, "2024-01-04T00:00:00Z")
	rk := resolve(t, regions, now)
	// Multi upstream, one-dimensional downstream: every region of the day.
	checkUp(t, Dim("date"), dk, []string{"2024-01-02"}, mk, []string{"2024-01-02|eu", "2024-01-02|us"}, nil)
	checkUp(t, Dim("region"), rk, []string{"us"}, mk, []string{"2024-01-01|us", "2024-01-02|us", "2024-01-03|us"}, nil)
	checkDown(t, Dim("date"), mk, []string{"2024-01-02|us", "2024-01-03|eu"}, dk, []string{"2024-01-02", "2024-01-03"})
	// One-dimensional upstream, multi downstream: the key of the dimension.
	checkUp(t, Dim("region"), mk, []string{"2024-01-02|us", "2024-01-03|us"}, rk, []string{"us"}, nil)
	checkDown(t, Dim("date"), dk, []string{"2024-01-03"}, mk, []string{"2024-01-03|eu", "2024-01-03|us"})
	// Keys of the dimension the other side lacks.
	few := resolve(t, NewStatic("eu"), now)
	checkUp(t, Dim("region"), mk, []string{"2024-01-01|us"}, few, nil, []string{"us"})
	checkUp(t, Dim("region"), resolve(t, NewStatic("eu", "apac"), now), []string{"apac"}, mk, nil, []string{"*|apac"})
	// Three dimensions: the middle one.
	_, three := threeDims(t)
	checkUp(t, Dim("date"), dk, []string{"2024-01-03"}, three,
		[]string{"acme|2024-01-03|eu", "acme|2024-01-03|us", "zeta|2024-01-03|eu", "zeta|2024-01-03|us"}, nil)
	if err := Check(Dim("dates"), multi, daily); err == nil || !strings.Contains(err.Error(), `no dimension "dates"`) || !strings.Contains(err.Error(), `(did you mean "date"?)`) {
		t.Errorf("Check(dim(day)) = %v", err)
	}
	if _, err := Dim("date").Upstream(dk.Full(), dk); err == nil {
		t.Error("dim between two one-dimensional definitions")
	}
}

func TestDefault(t *testing.T) {
	daily, hourly := Daily("2024-01-01"), Hourly("2024-01-01")
	regions := NewStatic("eu", "us")
	multi := NewMulti(Dims{"date": daily, "region": regions})
	for _, c := range []struct {
		up, down Definition
		want     string
	}{
		{nil, daily, "all"},
		{daily, nil, "all"},
		{daily, Daily("2024-01-01"), "identity"},
		{hourly, daily, "window"},
		{daily, hourly, "window"},
		{multi, daily, "dim(date)"},
		{regions, multi, "dim(region)"},
		{regions, NewStatic("eu"), "identity"},
		{NewDynamic("customers"), regions, "identity"},
	} {
		m, err := Default(c.up, c.down)
		if err != nil || m.String() != c.want {
			t.Errorf("Default(%v, %v) = %v, %v; want %s", c.up, c.down, m, err, c.want)
		}
	}
	for _, c := range []struct {
		up, down Definition
		want     string
	}{
		{daily, regions, `no default partition mapping from time partitions Daily("2024-01-01") to static partitions NewStatic("eu", "us"): give one, such as last or all`},
		{multi, NewMulti(Dims{"date": hourly, "region": regions}), "give one, such as dim(NAME)"},
		{multi, hourly, "give one, such as dim(NAME)"},
	} {
		if _, err := Default(c.up, c.down); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Default(%v, %v) = %v, want %q", c.up, c.down, err, c.want)
		}
	}
}

func TestCheckKinds(t *testing.T) {
	for _, c := range []struct {
		m        Mapping
		up, down Kind
		want     string
	}{
		{TimeWindow(-6, 0), KindStatic, KindTime, "window(-6...0) needs time partitions on both sides; the upstream's are static, the downstream's time"},
		{TimeWindow(0, 0), KindTime, KindNone, "needs time partitions on both sides"},
		{Identity(), KindTime, KindStatic, "identity maps static partitions to time ones"},
		{Identity(), KindTime, KindNone, "the downstream is not partitioned; use all"},
		{Dim("date"), KindTime, KindTime, "dim(date) maps between a multi-dimensional definition and a one-dimensional one"},
		{Dim("date"), KindMulti, KindMulti, "dim(date) maps between"},
		{StaticMap(map[string][]string{"a": {"b"}}), KindTime, KindStatic, "static map needs static or dynamic partitions"},
		{All(), KindNone, KindTime, "the upstream is not partitioned"},
	} {
		if err := CheckKinds(c.m, c.up, c.down); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("CheckKinds(%s, %s, %s) = %v, want %q", c.m, c.up, c.down, err, c.want)
		}
	}
	for _, c := range []struct {
		m        Mapping
		up, down Kind
	}{
		{TimeWindow(-1, -1), KindTime, KindTime}, {Identity(), KindStatic, KindDynamic}, {All(), KindMulti, KindNone},
		{Last(), KindTime, KindNone}, {Dim("d"), KindMulti, KindTime}, {Dim("d"), KindStatic, KindMulti},
	} {
		if err := CheckKinds(c.m, c.up, c.down); err != nil {
			t.Errorf("CheckKinds(%s, %s, %s) = %v", c.m, c.up, c.down, err)
		}
	}
	if err := Check(TimeWindow(0, 0), Daily("2024-01-01", Zone("Europe/Paris")), Daily("2024-01-01")); err == nil || !strings.Contains(err.Error(), "time zone Europe/Paris differs from the downstream's UTC") {
		t.Errorf("Check across zones: %v", err)
	}
	if err := Check(TimeWindow(0, 0), Daily("2024-01-01", Zone("Nowhere")), Daily("2024-01-01")); err == nil || !strings.Contains(err.Error(), "unknown time zone") {
		t.Errorf("Check with an invalid definition: %v", err)
	}
	for _, m := range []Mapping{TimeWindow(-1, -1), TimeWindow(-7, -1)} {
		if err := CheckSelf(m); err != nil {
			t.Errorf("CheckSelf(%s) = %v", m, err)
		}
	}
	for _, m := range []Mapping{TimeWindow(-1, 0), Identity(), Last(), All()} {
		if err := CheckSelf(m); err == nil {
			t.Errorf("CheckSelf(%s) accepted a cycle", m)
		}
	}
}

// days returns the n first days of a month, "2024-02-01"...
func days(month string, n int) []string {
	var out []string
	for d := 1; d <= n; d++ {
		out = append(out, month+"-"+string(rune('0'+d/10))+string(rune('0'+d%10)))
	}
	return out
}
