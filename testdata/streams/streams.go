// Package streams has assets that return their rows as streams and take
// them so: a stream feeds a stream, a narrower stream and a slice; a slice
// feeds a stream of a type of its own; a partitioned stream, backfilled
// into its partitions by column, is read one partition at a time and all
// partitions one after the other.
package streams

import (
	"context"
	"iter"
	"time"

	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
)

// Daily partitions the logs.
var Daily = partition.Daily("2024-01-01")

// Event is a row.
type Event struct {
	ID    int64
	Kind  string
	Value float64
}

// Clean has some of the columns of Event.
type Clean struct {
	ID    int64
	Value float64
}

// Narrow has one column.
type Narrow struct {
	ID int64
}

// Events yields events one at a time.
//
// asset:
func Events(ctx context.Context) iter.Seq2[Event, error] {
	return func(yield func(Event, error) bool) {
		for i := range int64(5) {
			if err := ctx.Err(); err != nil {
				yield(Event{}, err)
				return
			}
			if !yield(Event{ID: i, Kind: "k", Value: float64(i) / 2}, nil) {
				return
			}
		}
	}
}

// Cleaned reads some columns of the events as a stream and yields the
// rows worth keeping.
//
// asset:
func Cleaned(events iter.Seq2[Clean, error]) iter.Seq2[Clean, error] {
	return func(yield func(Clean, error) bool) {
		for e, err := range events {
			if err != nil {
				yield(Clean{}, err)
				return
			}
			if e.ID%2 == 0 && !yield(e, nil) {
				return
			}
		}
	}
}

// Total reads the cleaned rows as a slice.
//
// asset:
func Total(cleaned []Clean) (float64, error) {
	t := 0.0
	for _, c := range cleaned {
		t += c.Value
	}
	return t, nil
}

// Listed returns its rows as a slice.
//
// asset:
func Listed() []Event { return []Event{{ID: 7}, {ID: 8}} }

// Replay is a stream type of the package's own.
type Replay iter.Seq2[*Narrow, error]

// Replayed reads a slice upstream as a stream of its own type, of
// pointers to a narrower row.
//
// asset:
func Replayed(listed Replay) (Replay, error) {
	return func(yield func(*Narrow, error) bool) {
		for n, err := range listed {
			if err != nil || !yield(&Narrow{ID: n.ID * 10}, nil) {
				return
			}
		}
	}, nil
}

// Log is a row of logs.
type Log struct {
	Day  time.Time
	Line string
}

// Logs streams each day's log lines; a backfill streams several days in
// one step, each row into the partition of its day.
//
// asset: partitions=Daily backfill=single partition_column=day
func Logs(ctx *runtime.Context) iter.Seq2[Log, error] {
	return func(yield func(Log, error) bool) {
		for _, k := range ctx.PartitionKeys() {
			day, err := time.Parse(time.DateOnly, k)
			if err != nil || !yield(Log{Day: day, Line: "started"}, err) {
				return
			}
		}
	}
}

// LogLines reads one day of logs as a stream.
//
// asset: partitions=Daily
func LogLines(logs iter.Seq2[Log, error]) (int, error) {
	n := 0
	for _, err := range logs {
		if err != nil {
			return 0, err
		}
		n++
	}
	return n, nil
}

// AllLogs reads every day of logs as one stream, day after day.
//
// asset:
func AllLogs(logs iter.Seq2[Log, error]) ([]Log, error) {
	var out []Log
	for l, err := range logs {
		if err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, nil
}
