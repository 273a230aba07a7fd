package partition

import (
	"slices"
	"testing"
)

// A Locator places an instant in the window that holds it, [Start, End),
// and a key by itself; and says where a row outside its partitions is.
func TestLocator(t *testing.T) {
	k := resolve(t, Daily("2024-01-01"), "2024-01-10T00:00:00Z")
	l := NewLocator(k.Span(2, 5).Union(k.Span(6, 7))) // 01-03...01-05, 01-07
	if got := l.Keys(); !slices.Equal(got, []string{"2024-01-03", "2024-01-04", "2024-01-05", "2024-01-07"}) {
		t.Fatalf("Keys = %q", got)
	}
	for _, c := range []struct {
		at   string
		want int
	}{
		{"2024-01-03T00:00:00Z", 0},
		{"2024-01-04T23:59:59.999999Z", 1},
		{"2024-01-05T00:00:00Z", 2},
		{"2024-01-03T00:00:00Z", 0}, // back from the window found last
		{"2024-01-06T00:00:00Z", -1},
		{"2024-01-07T12:00:00Z", 3},
		{"2024-01-08T00:00:00Z", -1},
		{"2024-01-02T23:59:59Z", -1},
	} {
		if got := l.Time(at(t, c.at)); got != c.want {
			t.Errorf("Time(%s) = %d, want %d", c.at, got, c.want)
		}
	}
	if got := l.Index(3); got != 6 {
		t.Errorf("Index(3) = %d, want 6", got)
	}
	if l.Key("2024-01-04") != 1 || l.Key("2024-01-06") != -1 || l.Key("x") != -1 {
		t.Errorf("Key: %d %d %d", l.Key("2024-01-04"), l.Key("2024-01-06"), l.Key("x"))
	}
	for _, c := range []struct {
		v         any
		value, at string
	}{
		{at(t, "2024-01-06T01:00:00Z"), "2024-01-06T01:00:00Z", "in partition 2024-01-06"},
		{at(t, "2023-12-31T01:00:00Z"), "2023-12-31T01:00:00Z", "in no partition"},
		{at(t, "2024-01-06T01:00:00Z").UnixMicro(), "2024-01-06T01:00:00Z", "in partition 2024-01-06"},
		{"2024-01-08", `"2024-01-08"`, "in partition 2024-01-08"},
		{"eu", `"eu"`, "in no partition"},
	} {
		value, where := l.Outside(c.v)
		if value != c.value || where != c.at {
			t.Errorf("Outside(%v) = %q, %q; want %q, %q", c.v, value, where, c.value, c.at)
		}
	}
	one := l.One(3)
	if one.Time(at(t, "2024-01-07T00:00:00Z")) != 0 || one.Key("2024-01-07") != 0 || one.Index(0) != 6 || one.Key("2024-01-03") != -1 {
		t.Errorf("One(3) places 2024-01-07 elsewhere")
	}

	// Keys alone: by key only.
	byKey, err := LocatorOf([]string{"eu", "us"})
	if err != nil {
		t.Fatal(err)
	}
	if byKey.Key("us") != 1 || byKey.Key("apac") != -1 || byKey.Time(at(t, "2024-01-03T00:00:00Z")) != -1 {
		t.Errorf("LocatorOf: us %d, apac %d", byKey.Key("us"), byKey.Key("apac"))
	}
	if value, where := byKey.Outside("apac"); value != `"apac"` || where != "" {
		t.Errorf("Outside of unknown keys = %q, %q", value, where)
	}
	if _, err := LocatorOf([]string{"eu", "us", "eu"}); err == nil || err.Error() != `partition "eu" is listed twice` {
		t.Errorf("LocatorOf with a key twice: %v", err)
	}
}
