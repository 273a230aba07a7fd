// Package events is the large_tables example's assets: a table of events
// larger than memory, cleaned and summed, as streams of rows. Each asset
// holds a batch of rows at a time, whatever the number of events, so the
// pipeline runs in constant memory through the DuckDB (or fs) I/O
// manager.
//
// The number of events comes from $EVENTS (default 1,000,000). For the
// example's tests, $EVENTS_FAIL_AT=N makes the events fail at row N, and
// $EVENTS_MARK=file creates file once half the events are made.
package events

//go:generate go run github.com/assetgen/assetgen/cmd/assetgen

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"os"
	"strconv"
	"time"
)

// Event is one row of events.
type Event struct {
	ID     int64
	At     time.Time
	Kind   int
	Amount float64
}

// Kind is one row of kinds: what an event's kind means.
type Kind struct {
	ID     int
	Name   string
	Weight float64
}

// Clean is one row of cleaned: an event with its kind's name and its
// weighted amount.
type Clean struct {
	ID     int64
	Day    time.Time
	Kind   string
	Amount float64
}

// DailyTotal is one row of daily_totals.
type DailyTotal struct {
	Day    time.Time
	Kind   string
	Events int64
	Amount float64
}

// Top is one row of busiest: the kind with the largest amount of a day.
type Top struct {
	Day    time.Time
	Kind   string
	Amount float64
}

// Kinds is the small table of event kinds.
//
// asset:
func Kinds() []Kind {
	return []Kind{{0, "view", 0.1}, {1, "click", 1}, {2, "purchase", 10}, {3, "refund", -10}}
}

// Events makes $EVENTS events, one at a time, four a minute from
// 2024-01-01.
//
// asset:
func Events(ctx context.Context) iter.Seq2[Event, error] {
	n, failAt, mark := config()
	t0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	return func(yield func(Event, error) bool) {
		for i := range n {
			if i == failAt {
				yield(Event{}, fmt.Errorf("event source failed at event %d", i))
				return
			}
			if i == n/2 && mark != "" {
				if err := os.WriteFile(mark, nil, 0o644); err != nil {
					yield(Event{}, err)
					return
				}
			}
			e := Event{ID: i, At: t0.Add(time.Duration(i) * 15 * time.Second), Kind: int(i*7919) % 4, Amount: float64(i%1000) / 10}
			if !yield(e, nil) {
				return
			}
		}
	}
}

// config reads the environment: the number of events, the event that
// fails (-1: none) and the file to create halfway ("": none).
func config() (n, failAt int64, mark string) {
	n, failAt = 1_000_000, -1
	if s := os.Getenv("EVENTS"); s != "" {
		n, _ = strconv.ParseInt(s, 10, 64)
	}
	if s := os.Getenv("EVENTS_FAIL_AT"); s != "" {
		failAt, _ = strconv.ParseInt(s, 10, 64)
	}
	return n, failAt, os.Getenv("EVENTS_MARK")
}

// Cleaned joins the events with their kinds, drops refunds and weighs the
// amounts. The kinds, stored as a slice, come as a stream too.
//
// asset:
func Cleaned(ctx context.Context, events iter.Seq2[Event, error], kinds iter.Seq2[Kind, error]) (iter.Seq2[Clean, error], error) {
	byID := map[int]Kind{}
	for k, err := range kinds {
		if err != nil {
			return nil, err
		}
		byID[k.ID] = k
	}
	return func(yield func(Clean, error) bool) {
		for e, err := range events {
			if err != nil {
				yield(Clean{}, err)
				return
			}
			k, ok := byID[e.Kind]
			if !ok {
				yield(Clean{}, fmt.Errorf("event %d: unknown kind %d", e.ID, e.Kind))
				return
			}
			if k.Weight < 0 {
				continue
			}
			if !yield(Clean{ID: e.ID, Day: e.At.Truncate(24 * time.Hour), Kind: k.Name, Amount: e.Amount * k.Weight}, nil) {
				return
			}
		}
	}, nil
}

// DailyTotals sums the cleaned events by day and kind, reading them as a
// stream: the totals are few, however many the events.
//
// asset:
func DailyTotals(cleaned iter.Seq2[Clean, error]) iter.Seq2[DailyTotal, error] {
	return func(yield func(DailyTotal, error) bool) {
		type key struct {
			day  time.Time
			kind string
		}
		var order []key
		sums := map[key]*DailyTotal{}
		for c, err := range cleaned {
			if err != nil {
				yield(DailyTotal{}, err)
				return
			}
			k := key{c.Day, c.Kind}
			t := sums[k]
			if t == nil {
				t = &DailyTotal{Day: c.Day, Kind: c.Kind}
				sums[k] = t
				order = append(order, k)
			}
			t.Events++
			t.Amount += c.Amount
		}
		for _, k := range order {
			if !yield(*sums[k], nil) {
				return
			}
		}
	}
}

// Busiest takes the daily totals, a stream upstream, as a slice, and
// keeps the kind with the largest amount of each day.
//
// asset:
func Busiest(dailyTotals []DailyTotal) ([]Top, error) {
	if len(dailyTotals) == 0 {
		return nil, errors.New("no daily totals")
	}
	var out []Top
	for _, t := range dailyTotals {
		if n := len(out); n > 0 && out[n-1].Day.Equal(t.Day) {
			if t.Amount > out[n-1].Amount {
				out[n-1] = Top{t.Day, t.Kind, t.Amount}
			}
			continue
		}
		out = append(out, Top{t.Day, t.Kind, t.Amount})
	}
	return out, nil
}
