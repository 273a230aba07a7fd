package partition

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func FuzzParseMapping(f *testing.F) {
	for _, s := range []string{
		"identity", "all", "last", "window", "window(-1)", "window(-6...0)", "window( 1 ... 2 )",
		"dim(date)", "static(eu=europe|uk;us=america)", "static('a b'=c;'x''y'='z=w')", "window(-1...", "static(",
		"static(''=x)", "dim(", "window(9999999)",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseMapping(s)
		if err != nil {
			if se, ok := err.(*SyntaxError); !ok || se.Offset < 0 || se.Offset > len(s) {
				t.Fatalf("ParseMapping(%q): %v", s, err)
			}
			return
		}
		again, err := ParseMapping(m.String())
		if err != nil {
			t.Fatalf("ParseMapping(%q).String() = %q does not parse: %v", s, m, err)
		}
		if again.String() != m.String() || again.GoString() != m.GoString() {
			t.Fatalf("round trip of %q: %s != %s", s, again, m)
		}
	})
}

func FuzzParseRange(f *testing.F) {
	for _, s := range []string{"2024-01-01...2024-01-05", "a...b", "...", "a....b", "v1.2...v1.3", " a ... b ", "a..b"} {
		f.Add(s)
	}
	k := resolve(f, Daily("2024-01-01"), "2024-03-01T00:00:00Z")
	f.Fuzz(func(t *testing.T, s string) {
		r, err := ParseRange(s)
		if err != nil {
			return
		}
		if r.Start == "" || r.End == "" {
			t.Fatalf("ParseRange(%q) = %#v", s, r)
		}
		if again, err := ParseRange(r.String()); err != nil || again != r {
			t.Fatalf("round trip of %q: %#v, %v", s, again, err)
		}
		if sub, err := k.Range(r); err == nil && (sub.Len() < 1 || !sub.Has(r.Start) || !sub.Has(r.End)) {
			t.Fatalf("Range(%v) = %v", r, sub)
		}
	})
}

func FuzzParseList(f *testing.F) {
	for _, s := range []string{"a,b", " a , b ", "a,,b", "a,a", "", ","} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		keys, err := ParseList(s)
		if err != nil {
			return
		}
		if len(keys) == 0 || slices.Contains(keys, "") {
			t.Fatalf("ParseList(%q) = %q", s, keys)
		}
		if again, err := ParseList(strings.Join(keys, ",")); err != nil || !slices.Equal(again, keys) {
			t.Fatalf("round trip of %q: %q, %v", s, again, err)
		}
	})
}

// FuzzCheckKey checks that every valid key can be written in a static map
// and read back, and used in a list and a range.
func FuzzCheckKey(f *testing.F) {
	for _, s := range []string{"eu", "new york", "o'hare", "a=b;c", "(x)", `"q"`, "a.b", ".x", "a|b", "ü"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, key string) {
		if CheckKey(key) != nil {
			return
		}
		m, err := ParseMapping("static(" + specKey(key) + "=x)")
		if err != nil {
			t.Fatalf("key %q written as %s: %v", key, specKey(key), err)
		}
		if s := m.(staticMap); len(s.down[key]) != 1 {
			t.Fatalf("key %q read back as %v", key, s.down)
		}
		if keys, err := ParseList(key + "," + key + "2"); err != nil || keys[0] != key {
			t.Fatalf("list of %q: %q, %v", key, keys, err)
		}
		if r, err := ParseRange(key + RangeSep + key); err != nil || r.Start != key || r.End != key {
			t.Fatalf("range of %q: %v, %v", key, r, err)
		}
	})
}

// FuzzTimeKey looks up any text among time keys: no panic, and a key
// found is the key at its index.
func FuzzTimeKey(f *testing.F) {
	for _, s := range []string{"2024-01-01", "2024-11-03-01:00", "2024-11-03-01:00-0500", "2024-11-03-01:00-0400", "2024-02", "2024-13-01", "0000-01-01", "9999-12-31-23:00"} {
		f.Add(s)
	}
	ny := Zone("America/New_York")
	var keys []*Keys
	for _, d := range []*Time{
		Hourly("2024-10-01", ny), Daily("2024-01-01", ny), Monthly("2023-01-01", DayOffset(15), Layout("2006-01")),
		Cron("*/30 * * * *", "2024-11-02", ny), Weekly("2024-01-01", DayOffset(3)),
	} {
		keys = append(keys, resolve(f, d, "2024-12-01T00:00:00Z"))
	}
	f.Fuzz(func(t *testing.T, s string) {
		for n, k := range keys {
			i, ok := k.Index(s)
			if n == 1 { // Lookup's did-you-mean is slow: once is enough
				if _, err := k.Lookup(s); (err == nil) != ok {
					t.Fatalf("%s: Index and Lookup disagree on %q", k.Definition(), s)
				}
			}
			if ok && (i < 0 || i >= k.Len() || k.Key(i) != s) {
				t.Fatalf("%s: Index(%q) = %d, whose key is %q", k.Definition(), s, i, k.Key(i))
			}
		}
	})
}

// FuzzCron builds definitions from any schedule, start and zone: no panic,
// and the keys of a valid one parse back to their windows, in order.
func FuzzCron(f *testing.F) {
	for _, c := range [][3]string{
		{"0 9 * * 1-5", "2024-01-01", "UTC"}, {"*/15 * * * *", "2024-11-03", "America/New_York"},
		{"30 2 * * *", "2024-03-09", "America/New_York"}, {"0 0 29 2 *", "2024-01-01", "Europe/Paris"},
		{"@weekly", "2024-01-01-06:00", "Australia/Lord_Howe"}, {"0 0 31 * *", "2024-01-01", "Asia/Kathmandu"},
		{"TZ=", "x", "y"}, {"0 0 * * 7", "2024-01-01", "UTC"},
	} {
		f.Add(c[0], c[1], c[2])
	}
	f.Fuzz(func(t *testing.T, spec, start, zone string) {
		d := Cron(spec, start, Zone(zone))
		if d.Err() != nil {
			return
		}
		first := time.Unix(d.sched.first, 0)
		k, err := d.Resolve(Env{Now: first.Add(40 * 24 * time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		prev := ""
		for i := range min(k.Len(), 200) {
			key := k.Key(i)
			if j, ok := k.Index(key); !ok || j != i {
				t.Fatalf("%s: key %d %q parses back to %d, %v", d, i, key, j, ok)
			}
			w, _ := k.Window(i)
			if !w.Start.Before(w.End) {
				t.Fatalf("%s: empty window %d: %s", d, i, w)
			}
			if key == prev {
				t.Fatalf("%s: key %q twice", d, key)
			}
			prev = key
		}
	})
}
