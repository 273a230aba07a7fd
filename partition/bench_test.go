package partition

import (
	"testing"
	"time"
)

// The task's budgets: planning a backfill of 10 assets x 10,000 daily
// partitions under 1 s; status of one asset with 100,000 partitions under
// 100 ms. The baseline is the plain loop a user would write for daily keys.

var benchNow = time.Date(2051, 6, 1, 0, 0, 0, 0, time.UTC) // 10,013 windows of a day from 2024-01-01

func BenchmarkBaselineDailyKeys10k(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		t := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
		keys := make([]string, 0, 10013)
		for range 10013 {
			keys = append(keys, t.Format(DateLayout))
			t = t.AddDate(0, 0, 1)
		}
	}
}

func BenchmarkDailyKeys10k(b *testing.B) {
	b.Run("cold", func(b *testing.B) { // a new definition each time: the timeline is computed
		b.ReportAllocs()
		for b.Loop() {
			k, _ := Daily("2024-01-01").Resolve(Env{Now: benchNow})
			if k.All(); k.Len() < 10000 {
				b.Fatal(k.Len())
			}
		}
	})
	b.Run("warm", func(b *testing.B) {
		d := Daily("2024-01-01")
		b.ReportAllocs()
		for b.Loop() {
			k, _ := d.Resolve(Env{Now: benchNow})
			k.All()
		}
	})
}

func BenchmarkHourlyKeys100k(b *testing.B) {
	now := time.Date(2035, 6, 1, 0, 0, 0, 0, time.UTC)
	for _, zone := range []string{"UTC", "America/New_York"} {
		b.Run(zone, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				k, _ := Hourly("2024-01-01", Zone(zone)).Resolve(Env{Now: now})
				if k.All(); k.Len() < 100000 {
					b.Fatal(k.Len())
				}
			}
		})
	}
}

// BenchmarkStatus100k reads 100,000 stored keys back into a subset, as
// status does with the keys the history holds.
func BenchmarkStatus100k(b *testing.B) {
	now := time.Date(2035, 6, 1, 0, 0, 0, 0, time.UTC)
	d := Hourly("2024-01-01")
	k, _ := d.Resolve(Env{Now: now})
	stored := k.All()[:100000]
	b.ReportAllocs()
	for b.Loop() {
		k, _ := d.Resolve(Env{Now: now}) // as status does: resolve, then read the stored keys
		if s, unknown := k.Known(stored); s.Len() != 100000 || unknown != nil {
			b.Fatal(s.Len())
		}
	}
}

func BenchmarkStaticStatus100k(b *testing.B) {
	keys := make([]string, 100000)
	for i := range keys {
		keys[i] = "customer_" + string(rune('a'+i%26)) + itoa(i)
	}
	k, _ := NewStatic(keys...).Resolve(Env{})
	b.ReportAllocs()
	for b.Loop() {
		if s, _ := k.Known(keys); s.Len() != 100000 {
			b.Fatal(s.Len())
		}
	}
}

func itoa(i int) string { return time.Duration(i).String() }

// BenchmarkMap10k maps 10,000 daily keys, as planning a backfill does for
// each asset.
func BenchmarkMap10k(b *testing.B) {
	d := Daily("2024-01-01")
	k, _ := d.Resolve(Env{Now: benchNow})
	all := k.Span(0, 10000)
	every := make([]int, 0, 5000)
	for i := 0; i < 10000; i += 2 {
		every = append(every, i)
	}
	sparse := k.Subset(every...)
	hk, _ := Hourly("2024-01-01").Resolve(Env{Now: benchNow})
	for _, c := range []struct {
		name string
		m    Mapping
		sel  Subset
		up   *Keys
	}{
		{"identity", Identity(), all, k},
		{"window(-6...0)", TimeWindow(-6, 0), all, k},
		{"window(-1)/5000 spans", TimeWindow(-1, -1), sparse, k},
		{"daily-to-240k-hours", TimeWindow(0, 0), all, hk},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.m.Upstream(c.sel, c.up); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
