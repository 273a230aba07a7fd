package duckdb

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"log/slog"
	"reflect"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/internal/streamtest"
	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
)

// streamRow is a row of the stream tests: long strings go to DuckDB's
// string heap, a list to a child vector.
type streamRow struct {
	ID   int64
	Name string
	Tags []string
}

func streamRows(n int) []streamRow {
	out := make([]streamRow, n)
	for i := range out {
		out[i] = streamRow{int64(i), fmt.Sprint("a name long enough not to be inlined ", i), []string{"t", fmt.Sprint(i % 7)}}
	}
	return out
}

// loadStream collects the rows LoadStream hands over for key into a []T,
// checking that each batch holds at most a data chunk.
func loadStream[T any](t testing.TB, m *Manager, in *runtime.InputContext) ([]T, error) {
	t.Helper()
	in.Type = reflect.TypeFor[[]T]()
	if in.Context == nil {
		in.Context = context.Background()
	}
	var out []T
	err := m.LoadStream(in, func(b reflect.Value) error {
		require.LessOrEqual(t, b.Len(), 2048)
		out = append(out, b.Interface().([]T)...)
		return nil
	})
	return out, err
}

// A stream stored and loaded back: the same rows, in order, and the same
// data version as the slice store of those rows.
func TestStreamRoundTrip(t *testing.T) {
	m, _ := open(t, "s")
	rows := streamRows(5000) // two full chunks and a part
	sliceVersion := version(t, m, "t", rows)

	defs := runtime.Definitions{
		Assets: []*runtime.AssetDef{{
			Key: "t", OutputType: reflect.TypeFor[iter.Seq2[streamRow, error]](),
			Compute: func(*runtime.Context, runtime.Inputs) (any, error) {
				return runtime.RowsOf(streamtest.Seq(rows, -1, nil)), nil
			},
		}},
		IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: m},
	}
	res, err := runtime.Materialize(context.Background(), &defs, runtime.Options{Logger: slog.New(slog.DiscardHandler)})
	require.NoError(t, err)
	step := res.Step("t")
	require.True(t, res.OK(), "%v", step.Err)
	assert.Equal(t, sliceVersion, step.DataVersion, "a stream and a slice of the same rows have the same version")
	assert.Equal(t, 5000, step.Metadata["rows"])
	assert.Equal(t, "s.t", step.Metadata["table"])

	got, err := loadStream[streamRow](t, m, &runtime.InputContext{Upstream: "t"})
	require.NoError(t, err)
	assert.Equal(t, rows, got)

	// A narrower struct, and pointers to new structs each time.
	type id struct{ ID int64 }
	ids, err := loadStream[*id](t, m, &runtime.InputContext{Upstream: "t"})
	require.NoError(t, err)
	require.Len(t, ids, 5000)
	assert.Equal(t, int64(0), ids[0].ID, "pointer rows of the first chunk are not overwritten by later ones")
	assert.Equal(t, int64(4999), ids[4999].ID)

	// A stream of no rows is an empty table.
	err = streamtest.Store(m, context.Background(), "empty", streamtest.Seq[streamRow](nil, -1, nil))
	require.NoError(t, err)
	got, err = loadStream[streamRow](t, m, &runtime.InputContext{Upstream: "empty"})
	require.NoError(t, err)
	assert.Empty(t, got)

	// The consumer stops early: LoadStream returns its error.
	stop := errors.New("enough")
	n := 0
	err = m.LoadStream(&runtime.InputContext{Context: context.Background(), Upstream: "t", Type: reflect.TypeFor[[]streamRow]()}, func(b reflect.Value) error {
		n += b.Len()
		return stop
	})
	assert.ErrorIs(t, err, stop)
	assert.Equal(t, 2048, n)
}

// A stream that fails (an error yielded, a value DuckDB refuses, a panic,
// a cancelled context) after some chunks were appended leaves the old
// table, its stamp, and no side table.
func TestStreamFailureKeepsOldTable(t *testing.T) {
	m, _ := open(t, "s")
	old := streamRows(3)
	require.NoError(t, storeAs(m, "r1", "t", old))
	stamp, _, err := m.Stamp(context.Background(), "t", "")
	require.NoError(t, err)

	rows := streamRows(10_000)
	bad := streamRows(10_000)
	bad[7000].Name = "\xff"
	ctx, cancel := context.WithCancel(context.Background())
	panicky := func(yield func(streamRow, error) bool) {
		for i, r := range rows {
			if i == 6000 {
				panic("producer exploded")
			}
			yield(r, nil)
		}
	}
	for _, c := range []struct {
		name string
		ctx  context.Context
		seq  iter.Seq2[streamRow, error]
		want string
	}{
		{"yielded", context.Background(), streamtest.Seq(rows, 6000, errors.New("source went away")), "duckdb: store t into s.t: the stream failed after 6000 rows: source went away"},
		{"refused", context.Background(), streamtest.Seq(bad, -1, nil), `duckdb: store t into s.t: row 7000, column "name" (Go field Name): string is not valid UTF-8`},
		{"panic", context.Background(), panicky, "duckdb: store t into s.t: panic: producer exploded"},
		{"canceled", ctx, func(yield func(streamRow, error) bool) {
			for i, r := range rows {
				if i == 5000 {
					cancel()
				}
				if !yield(r, nil) {
					return
				}
			}
		}, "context canceled"},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := m.StoreStream(&runtime.OutputContext{Context: c.ctx, RunID: "r2", Key: "t"}, runtime.RowsOf(c.seq))
			require.ErrorContains(t, err, c.want)
			got, err := load[[]streamRow](t, m, "t")
			require.NoError(t, err)
			assert.Equal(t, old, got)
			st, _, err := m.Stamp(context.Background(), "t", "")
			require.NoError(t, err)
			assert.Equal(t, stamp, st)
			assert.Equal(t, []string{"t"}, tables(t, m), "no side table is left")
		})
	}
}

// A partition's rows stream into the table in one transaction, the
// manager's partition column filled with the key; a range step's rows
// stream into the partitions their time column says, with the versions a
// slice store gives; a row out of place fails the store and keeps every
// partition.
func TestStreamPartitions(t *testing.T) {
	m, _ := open(t, "s")
	regions := partition.NewStatic("eu", "us")
	rk := resolve(t, regions)
	people := asset[iter.Seq2[streamRow, error]]("people", regions, "")
	out := &runtime.OutputContext{Context: context.Background(), RunID: "r1", Key: "people", Def: people, Partition: "eu", Partitions: sub(t, rk, "eu")}
	rows := streamRows(3000)
	require.NoError(t, m.StoreStream(out, runtime.RowsOf(streamtest.Seq(rows, -1, nil))))
	got, err := loadStream[streamRow](t, m, &runtime.InputContext{Upstream: "people", UpstreamDef: people, UpstreamPartitions: []string{"eu"}, UpstreamSubset: sub(t, rk, "eu")})
	require.NoError(t, err)
	assert.Equal(t, rows, got)
	eu, _, _ := m.Stamp(context.Background(), "people", "eu")
	assert.Equal(t, version(t, m, "plain", rows), eu.DataVersion, "a partition's version is that of its rows")

	type event struct {
		Day  time.Time
		Name string
	}
	daily := partition.Daily("2025-01-01")
	dk := resolve(t, daily)
	events := asset[iter.Seq2[event, error]]("events", daily, "day")
	at := func(d, h int) time.Time { return time.Date(2025, 1, d, h, 0, 0, 0, time.UTC) }
	var evs []event
	for i := range 5000 {
		evs = append(evs, event{at(3, i%24), fmt.Sprint("c", i)})
	}
	evs = append(evs, event{at(1, 0), "a"}, event{at(1, 1), "b"})
	rng := dk.Span(0, 4) // 2025-01-01...2025-01-04
	out = &runtime.OutputContext{Context: context.Background(), RunID: "r1", Key: "events", Def: events, Partitions: rng}
	require.NoError(t, m.StoreStream(out, runtime.RowsOf(streamtest.Seq(evs, -1, nil))))
	sliceDefs := asset[[]event]("slices", daily, "day")
	require.NoError(t, storeParts(t, m, sliceDefs, "r1", rng, evs))
	for _, d := range []string{"2025-01-01", "2025-01-02", "2025-01-03", "2025-01-04"} {
		a, ok, _ := m.Stamp(context.Background(), "events", d)
		require.True(t, ok, d)
		b, _, _ := m.Stamp(context.Background(), "slices", d)
		assert.Equal(t, b.DataVersion, a.DataVersion, "partition %s: the version of a stream's rows is that of the slice's", d)
	}
	day3, err := loadStream[event](t, m, &runtime.InputContext{Upstream: "events", UpstreamDef: events, UpstreamSubset: sub(t, dk, "2025-01-03")})
	require.NoError(t, err)
	assert.Equal(t, evs[:5000], day3)

	for _, c := range []struct {
		rows []event
		want string
	}{
		{[]event{{at(1, 0), "a"}, {at(2, 0), "b"}, {at(1, 1), "c"}}, "row 2: time column \"day\" puts it in partition 2025-01-01, whose rows came before those of partition 2025-01-02: the rows of each partition must come together"},
		{append(evs[:4000:4000], event{at(7, 0), "x"}), "row 4000 (Go field Day): time column \"day\" = 2025-01-07T00:00:00Z (in partition 2025-01-07) is outside the step's partitions 2025-01-01, 2025-01-02, 2025-01-03, 2025-01-04"},
	} {
		err := m.StoreStream(&runtime.OutputContext{Context: context.Background(), RunID: "r2", Key: "events", Def: events, Partitions: rng}, runtime.RowsOf(streamtest.Seq(c.rows, -1, nil)))
		assert.ErrorContains(t, err, c.want)
		again, err := loadStream[event](t, m, &runtime.InputContext{Upstream: "events", UpstreamDef: events, UpstreamSubset: sub(t, dk, "2025-01-03")})
		require.NoError(t, err)
		assert.Equal(t, day3, again, "the partitions are as they were")
	}

	// Several partitions are read one after the other, in key order.
	all, err := loadStream[event](t, m, &runtime.InputContext{Upstream: "events", UpstreamDef: events, UpstreamSubset: rng})
	require.NoError(t, err)
	assert.Equal(t, append(evs[5000:5002:5002], evs[:5000]...), all)
}

// The memory limit reaches DuckDB; a malformed one is refused by New.
func TestMemoryLimit(t *testing.T) {
	m, err := New(":memory:", "s", MemoryLimit("256MB"))
	require.NoError(t, err)
	defer m.Close()
	var limit string
	require.NoError(t, sqlDB(t, m).QueryRow(`SELECT current_setting('memory_limit')`).Scan(&limit))
	assert.Equal(t, "244.1 MiB", limit, "256 MB as DuckDB prints it")

	_, err = New(":memory:", "s", MemoryLimit("1GB&threads=1"))
	assert.EqualError(t, err, `duckdb: invalid memory limit "1GB&threads=1": want a size such as 256MB or 2GiB`)
	bad, err := New(":memory:", "s", MemoryLimit("lots"))
	if err == nil {
		bad.Close()
	}
	assert.ErrorContains(t, err, "memory_limit=lots")
}

// A backfill of a partitioned stream through the runtime: a step covering
// four days streams its rows into their partitions in one transaction,
// and a stream parameter downstream reads the days back one after the
// other; a stream failing halfway through the range leaves every day as
// it was, and skips the downstream asset.
func TestStreamBackfill(t *testing.T) {
	type event struct {
		Day time.Time
		N   int64
	}
	type total struct {
		Rows, Sum int64
	}
	daily := partition.Daily("2025-01-01")
	failAt, shift := -1, int64(0)
	events := &runtime.AssetDef{
		Key: "events", Partitions: daily, Backfill: runtime.BackfillSingle, PartitionColumn: "day",
		OutputType: reflect.TypeFor[iter.Seq2[event, error]](),
		Compute: func(ctx *runtime.Context, _ runtime.Inputs) (any, error) {
			keys := ctx.PartitionKeys()
			return runtime.RowsOf(func(yield func(event, error) bool) {
				n := 0
				for _, k := range keys {
					day, err := time.Parse(time.DateOnly, k)
					if err != nil {
						yield(event{}, err)
						return
					}
					for i := range 3000 {
						if n == failAt {
							yield(event{}, errors.New("source went away"))
							return
						}
						n++
						if !yield(event{day.Add(time.Duration(i) * time.Second), int64(day.Day()) + shift}, nil) {
							return
						}
					}
				}
			}), nil
		},
	}
	totals := &runtime.AssetDef{
		Key: "totals", OutputType: reflect.TypeFor[[]total](),
		Inputs: []runtime.Input{{Name: "events", Key: "events", Type: reflect.TypeFor[iter.Seq2[event, error]](), Gather: runtime.GatherConcat}},
		Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
			rows, err := runtime.LoadStream[event](ctx, in, 0)
			if err != nil {
				return nil, err
			}
			var out total
			last := int64(0)
			for r, err := range rows {
				if err != nil {
					return nil, err
				}
				if r.N < last {
					return nil, fmt.Errorf("day %d after day %d", r.N, last)
				}
				out.Rows, out.Sum, last = out.Rows+1, out.Sum+r.N, r.N
			}
			return []total{out}, nil
		},
	}
	m, _ := open(t, "s")
	defs := &runtime.Definitions{Assets: []*runtime.AssetDef{events, totals}, IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: m}}
	// The four days are all the partitions there are, so that totals,
	// unpartitioned, reads them all.
	opts := runtime.Options{Env: partition.Env{Now: time.Date(2025, 1, 5, 0, 0, 0, 0, time.UTC)}, Logger: slog.New(slog.DiscardHandler),
		Partitions: runtime.Partitions{Range: partition.Range{Start: "2025-01-01", End: "2025-01-04"}}}
	res, err := runtime.Materialize(context.Background(), defs, opts)
	require.NoError(t, err)
	require.True(t, res.OK(), "%v", res)
	require.Len(t, res.Steps, 2, "one step for the four days, one for totals")
	assert.Len(t, res.Steps[0].PartitionVersions, 4)
	var n, days int
	require.NoError(t, sqlDB(t, m).QueryRow(`SELECT count(*), count(DISTINCT n) FROM s.events`).Scan(&n, &days))
	assert.Equal(t, []int{12_000, 4}, []int{n, days})
	var got total
	require.NoError(t, sqlDB(t, m).QueryRow(`SELECT rows, sum FROM s.totals`).Scan(&got.Rows, &got.Sum))
	assert.Equal(t, total{12_000, 3000 * (1 + 2 + 3 + 4)}, got)

	// Days 1 and 2 are streamed whole, with new values, before the
	// stream fails.
	failAt, shift = 7000, 100
	res, err = runtime.Materialize(context.Background(), defs, opts)
	require.NoError(t, err)
	require.False(t, res.OK())
	assert.ErrorContains(t, res.Steps[0].Err, "the stream failed after 7000 rows: source went away")
	var sum int64
	require.NoError(t, sqlDB(t, m).QueryRow(`SELECT count(*), count(DISTINCT n), sum(n) FROM s.events`).Scan(&n, &days, &sum))
	assert.Equal(t, []int64{12_000, 4, 3000 * (1 + 2 + 3 + 4)}, []int64{int64(n), int64(days), sum}, "every day as it was")
	assert.Equal(t, runtime.StatusSkipped, res.Steps[1].Status)
}
