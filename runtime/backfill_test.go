package runtime_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/fs"
	"github.com/assetgen/assetgen/runtime/iomanager/memory"
)

// day returns the day of the month of a daily key, as an int.
func day(key string) int {
	t, err := time.Parse(time.DateOnly, key)
	if err != nil {
		panic(err)
	}
	return t.Day()
}

// materialize runs defs in the March Env, and fails t when the run
// cannot start.
func materialize(t *testing.T, defs *runtime.Definitions, opts runtime.Options) *runtime.Result {
	t.Helper()
	if opts.Env.Now.IsZero() {
		opts.Env = march
	}
	res, err := runtime.Materialize(context.Background(), defs, opts)
	require.NoError(t, err)
	return res
}

// outcomes describes the steps of res: "key partition status".
func outcomes(res *runtime.Result) []string {
	var out []string
	for _, s := range res.Steps {
		out = append(out, strings.Join(strings.Fields(fmt.Sprint(s.Key, " ", s.Partition, " ", s.Status)), " "))
	}
	return out
}

func TestBackfillChain(t *testing.T) {
	mem := memory.New()
	var seen sync.Map
	raw := part("raw", daily, func(ctx *runtime.Context, _ []int) (int, error) {
		w, ok := ctx.Window()
		require.True(t, ok)
		seen.Store(ctx.Partition(), [2]any{ctx.PartitionKeys(), w})
		return day(ctx.Partition()) * 10, nil
	})
	totals := part("totals", daily, sum(1), from("raw", nil))
	rec := &recorder{t: t}
	res := materialize(t, defsOf(mem, totals, raw), runtime.Options{Partitions: rangeOf("2024-01-01", "2024-01-03"), OnEvent: rec.on, Concurrency: 2})
	assert.Equal(t, []string{
		"raw 2024-01-01 success", "raw 2024-01-02 success", "raw 2024-01-03 success",
		"totals 2024-01-01 success", "totals 2024-01-02 success", "totals 2024-01-03 success",
	}, outcomes(res))
	for d, want := range map[string]int{"2024-01-01": 11, "2024-01-02": 21, "2024-01-03": 31} {
		v, ok := mem.Value("totals", d)
		require.True(t, ok, d)
		assert.Equal(t, want, v, d)
	}
	_, ok := mem.Value("totals", "")
	assert.False(t, ok, "no unpartitioned value")
	got, _ := seen.Load("2024-01-02")
	assert.Equal(t, [2]any{[]string{"2024-01-02"}, partition.Window{
		Start: time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC), End: time.Date(2024, 1, 3, 0, 0, 0, 0, time.UTC)}}, got)

	// Events carry the partition and the plan.
	require.Equal(t, runtime.RunStart, rec.events[0].Type)
	assert.Equal(t, 6, rec.events[0].Plan.Len())
	assert.Equal(t, []runtime.Key{"raw", "totals"}, rec.events[0].Keys)
	var parts []string
	for _, e := range rec.of(runtime.StepSuccess, "totals") {
		parts = append(parts, e.Partition+"="+e.Partitions.String())
	}
	slices.Sort(parts)
	assert.Equal(t, []string{"2024-01-01=2024-01-01", "2024-01-02=2024-01-02", "2024-01-03=2024-01-03"}, parts)
}

// A failed partition skips only the downstream steps that read it.
func TestBackfillSkipsPerPartition(t *testing.T) {
	mem := memory.New()
	raw := part("raw", daily, func(ctx *runtime.Context, _ []int) (int, error) {
		if ctx.Partition() == "2024-01-02" {
			return 0, errors.New("no data")
		}
		return 1, nil
	})
	rollup := part("rollup", weekly, nil)
	rollup.Inputs = []runtime.Input{gathered("raw", reflect.TypeFor[map[string]int](), runtime.GatherMap, nil)}
	rollup.Compute = func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
		days, err := runtime.Load[map[string]int](ctx, in, 0)
		n := 0
		for _, v := range days {
			n += v
		}
		return n, err
	}
	rec := &recorder{t: t}
	res := materialize(t, defsOf(mem, raw, part("totals", daily, nil, from("raw", nil)), rollup),
		runtime.Options{Partitions: rangeOf("2024-01-01", "2024-01-13"), OnEvent: rec.on})
	want := []string{"raw 2024-01-01 success", "raw 2024-01-02 failed"}
	for d := 3; d <= 13; d++ {
		want = append(want, fmt.Sprintf("raw 2024-01-%02d success", d))
	}
	want = append(want, "totals 2024-01-01 success", "totals 2024-01-02 skipped")
	for d := 3; d <= 13; d++ {
		want = append(want, fmt.Sprintf("totals 2024-01-%02d success", d))
	}
	want = append(want, "rollup 2024-01-07 success")
	assert.Equal(t, want, outcomes(res))
	skipped := res.Steps[14]
	assert.Equal(t, runtime.Key("raw"), skipped.Cause)
	assert.EqualError(t, skipped.Err, "upstream raw partition 2024-01-02 failed")
	ev := rec.of(runtime.StepSkipped, "totals")
	require.Len(t, ev, 1)
	assert.Equal(t, "2024-01-02", ev[0].Partition)
	assert.Equal(t, []string{"2024-01-02"}, ev[0].Partitions.Keys())

	// The week of the 7th reads days that ran after the failure; the
	// week before the definition's start does not exist.
	v, _ := mem.Value("rollup", "2024-01-07")
	assert.Equal(t, 7, v)
}

// A step of a range receives every partition at once, and its map output
// is stored partition by partition.
func TestBackfillRangeStep(t *testing.T) {
	mem := memory.New()
	raw := part("raw", daily, func(ctx *runtime.Context, _ []int) (int, error) { return day(ctx.Partition()), nil })
	type info struct {
		partition string
		keys      []string
		r         partition.Range
		w         partition.Window
	}
	var got []info
	var mu sync.Mutex
	mapOf := reflect.TypeFor[map[string]int]()
	totals := &runtime.AssetDef{
		Key: "totals", Partitions: daily, Backfill: runtime.BackfillSingle, OutputType: mapOf,
		Inputs: []runtime.Input{gathered("raw", mapOf, runtime.GatherMap, nil)},
		Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
			raw, err := runtime.Load[map[string]int](ctx, in, 0)
			if err != nil {
				return nil, err
			}
			w, _ := ctx.Window()
			mu.Lock()
			got = append(got, info{ctx.Partition(), ctx.PartitionKeys(), ctx.PartitionRange(), w})
			mu.Unlock()
			out := map[string]int{}
			for k, v := range raw {
				out[k] = v * 100
			}
			return out, nil
		},
	}
	res := materialize(t, defsOf(mem, raw, totals), runtime.Options{Partitions: keysOf("2024-01-01", "2024-01-02", "2024-01-03", "2024-01-05")})
	assert.Equal(t, []string{
		"raw 2024-01-01 success", "raw 2024-01-02 success", "raw 2024-01-03 success", "raw 2024-01-05 success",
		"totals 2024-01-01...2024-01-03 success", "totals 2024-01-05 success",
	}, outcomes(res))
	assert.Equal(t, []string{"2024-01-01", "2024-01-02", "2024-01-03"}, res.Steps[4].Partitions.Keys())
	slices.SortFunc(got, func(a, b info) int { return strings.Compare(a.r.Start, b.r.Start) })
	assert.Equal(t, []info{
		{"", []string{"2024-01-01", "2024-01-02", "2024-01-03"}, partition.Range{Start: "2024-01-01", End: "2024-01-03"},
			partition.Window{Start: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), End: time.Date(2024, 1, 4, 0, 0, 0, 0, time.UTC)}},
		{"2024-01-05", []string{"2024-01-05"}, partition.Range{Start: "2024-01-05", End: "2024-01-05"},
			partition.Window{Start: time.Date(2024, 1, 5, 0, 0, 0, 0, time.UTC), End: time.Date(2024, 1, 6, 0, 0, 0, 0, time.UTC)}},
	}, got)
	for d, want := range map[string]int{"2024-01-01": 100, "2024-01-02": 200, "2024-01-03": 300, "2024-01-05": 500} {
		v, ok := mem.Value("totals", d)
		require.True(t, ok, d)
		assert.Equal(t, want, v, "each entry is stored as its partition's output")
	}
	assert.Equal(t, intType, totals.StoredType())

	// A downstream step of one partition reads one entry, as an int.
	report := part("report", daily, nil, from("totals", nil))
	res = materialize(t, defsOf(mem, raw, totals, report), runtime.Options{Selection: []runtime.Key{"report"}, Partitions: keysOf("2024-01-02")})
	require.True(t, res.OK(), res.Steps[0].Err)
	v, _ := mem.Value("report", "2024-01-02")
	assert.Equal(t, 200, v)

	// Entries for partitions outside the step, or none for one inside,
	// fail the step and store nothing.
	for _, c := range []struct {
		out  map[string]int
		want string
	}{
		{map[string]int{"2024-01-01": 1, "2024-01-02": 2, "2024-01-09": 9, "2024-01-08": 8}, "asset totals, partition 2024-01-01...2024-01-02: the output has entries for partitions the step does not cover: 2024-01-08, 2024-01-09"},
		{map[string]int{"2024-01-01": 1}, "asset totals, partition 2024-01-01...2024-01-02: the output has no entry for partitions 2024-01-02"},
		{nil, "asset totals, partition 2024-01-01...2024-01-02: the output has no entry for partitions 2024-01-01, 2024-01-02"},
	} {
		mem := memory.New()
		bad := *totals
		bad.Inputs = nil
		bad.Compute = func(*runtime.Context, runtime.Inputs) (any, error) { return c.out, nil }
		res := materialize(t, defsOf(mem, &bad), runtime.Options{Partitions: rangeOf("2024-01-01", "2024-01-02")})
		require.Len(t, res.Steps, 1)
		assert.EqualError(t, res.Steps[0].Err, "store output: "+c.want)
		_, ok := mem.Value("totals", "2024-01-01")
		assert.False(t, ok)
	}
}

// event is a table row partitioned daily by its Day column.
type event struct {
	Day    time.Time
	Region string
	N      int
}

// narrow selects some columns of event.
type narrow struct {
	N int
}

// A range step's rows are split by the partition column, each
// partition's rows stored on their own (an empty slice for a day without
// any); a downstream asset reads them back concatenated in key order.
func TestBackfillSplitRows(t *testing.T) {
	mem := memory.New()
	rows := reflect.TypeFor[[]event]()
	at := func(d, h int) time.Time { return time.Date(2024, 1, d, h, 0, 0, 0, time.UTC) }
	var out []event
	events := &runtime.AssetDef{
		Key: "events", Partitions: daily, Backfill: 3, PartitionColumn: "day", OutputType: rows,
		Compute: func(*runtime.Context, runtime.Inputs) (any, error) { return out, nil },
	}
	out = []event{{at(2, 5), "eu", 1}, {at(1, 0), "us", 2}, {at(2, 23), "us", 3}}
	summary := &runtime.AssetDef{
		Key: "summary", OutputType: reflect.TypeFor[[]narrow](),
		Inputs: []runtime.Input{gathered("events", reflect.TypeFor[[]narrow](), runtime.GatherConcat, nil)},
		Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
			return runtime.Load[[]narrow](ctx, in, 0)
		},
	}
	res := materialize(t, defsOf(mem, events, summary), runtime.Options{Partitions: rangeOf("2024-01-01", "2024-01-03")})
	assert.Equal(t, []string{"events 2024-01-01...2024-01-03 success", "summary failed"}, outcomes(res))
	for d, want := range map[string][]event{
		"2024-01-01": {{at(1, 0), "us", 2}},
		"2024-01-02": {{at(2, 5), "eu", 1}, {at(2, 23), "us", 3}},
		"2024-01-03": {},
	} {
		v, ok := mem.Value("events", d)
		require.True(t, ok, d)
		assert.Equal(t, want, v, d)
	}
	// summary reads every partition there is: those the run stored, and
	// the others, which are not stored.
	assert.EqualError(t, res.Steps[1].Err, "load input events from asset events, partition 2024-01-04: asset events partition 2024-01-04 has no materialization in this process: the memory I/O manager keeps values only for the life of one process")
	res = materialize(t, defsOf(mem, events, summary), runtime.Options{Partitions: runtime.Partitions{Range: partition.Range{Start: "2024-01-01", End: "2024-01-03"}},
		Env: partition.Env{Now: time.Date(2024, 1, 4, 0, 0, 0, 0, time.UTC)}})
	require.True(t, res.OK(), "%v", res.Steps[len(res.Steps)-1].Err)
	v, _ := mem.Value("summary", "")
	assert.Equal(t, []narrow{{2}, {1}, {3}}, v, "in key order, projected")

	// A row outside the step's partitions fails the step, naming it; so
	// does a row of a one-partition step outside it.
	for _, c := range []struct {
		req  runtime.Partitions
		rows []event
		want string
	}{
		{rangeOf("2024-01-01", "2024-01-02"), []event{{at(1, 0), "eu", 1}, {at(3, 0), "eu", 2}},
			"asset events, partition 2024-01-01...2024-01-02: row 1: day is 2024-01-03T00:00:00Z, which is in partition 2024-01-03, outside the step's partitions (2024-01-01...2024-01-02)"},
		{keysOf("2024-01-05"), []event{{at(5, 0), "eu", 1}, {at(5, 12), "eu", 1}, {time.Date(2023, 12, 31, 23, 0, 0, 0, time.UTC), "eu", 1}},
			"asset events, partition 2024-01-05: row 2: day is 2023-12-31T23:00:00Z, which is in no partition, outside the step's partitions (2024-01-05)"},
	} {
		mem := memory.New()
		out = c.rows
		res := materialize(t, defsOf(mem, events), runtime.Options{Partitions: c.req})
		assert.EqualError(t, res.Steps[0].Err, "store output: "+c.want)
		_, ok := mem.Value("events", "2024-01-01")
		assert.False(t, ok, "nothing stored")
	}
}

// A string partition column holds the key.
func TestBackfillSplitRowsByKey(t *testing.T) {
	type sale struct {
		Region string `db:"region"`
		Amount int
	}
	mem := memory.New()
	sales := &runtime.AssetDef{
		Key: "sales", Partitions: regions, Backfill: runtime.BackfillSingle, PartitionColumn: "region", OutputType: reflect.TypeFor[[]*sale](),
		Compute: func(*runtime.Context, runtime.Inputs) (any, error) {
			return []*sale{{"us", 1}, {"eu", 2}, {"us", 3}}, nil
		},
	}
	res := materialize(t, defsOf(mem, sales), runtime.Options{Partitions: keysOf("eu", "us")})
	require.True(t, res.OK(), "%v", res.Steps[0].Err)
	assert.Equal(t, "eu...us", res.Steps[0].Partition)
	eu, _ := mem.Value("sales", "eu")
	us, _ := mem.Value("sales", "us")
	assert.Equal(t, []*sale{{"eu", 2}}, eu)
	assert.Equal(t, []*sale{{"us", 1}, {"us", 3}}, us)

	sales.Compute = func(*runtime.Context, runtime.Inputs) (any, error) { return []*sale{{"eu", 2}, nil}, nil }
	res = materialize(t, defsOf(mem, sales), runtime.Options{Partitions: keysOf("eu", "us")})
	assert.EqualError(t, res.Steps[0].Err, "store output: asset sales, partition eu...us: row 1 is nil: its partition column region cannot tell its partition")
	sales.Compute = func(*runtime.Context, runtime.Inputs) (any, error) { return []*sale{{"apac", 2}}, nil }
	res = materialize(t, defsOf(mem, sales), runtime.Options{Partitions: keysOf("eu", "us")})
	assert.EqualError(t, res.Steps[0].Err, `store output: asset sales, partition eu...us: row 0: region is "apac", which is in partition apac, outside the step's partitions (eu...us)`)
}

// rangeManager is a memory manager that stores and loads ranges in one
// call, recording them.
type rangeManager struct {
	*memory.Manager
	mu     sync.Mutex
	calls  []string
	splits map[string]any
}

func (m *rangeManager) StoreRange(out *runtime.OutputContext, v any) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.calls = append(m.calls, fmt.Sprintf("store %s %s %q", out.Key, out.Partitions, out.Partition))
	m.Set(out.Key, out.Partitions.String(), v)
	for _, k := range out.Partitions.Keys() {
		out.SetPartitionVersion(k, "v-"+k)
	}
	return nil
}

func (m *rangeManager) LoadRange(in *runtime.InputContext) (any, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.calls = append(m.calls, fmt.Sprintf("load %s %s %v", in.Upstream, in.UpstreamSubset, in.UpstreamPartitions))
	var out []event
	for _, k := range in.UpstreamPartitions {
		v, _ := m.Value(in.Upstream, k)
		out = append(out, v.([]event)...)
	}
	return out, nil
}

// A manager that stores and loads ranges gets them in one call each, and
// its versions are the partitions'.
func TestBackfillRangeManager(t *testing.T) {
	m := &rangeManager{Manager: memory.New()}
	at := func(d int) time.Time { return time.Date(2024, 1, d, 0, 0, 0, 0, time.UTC) }
	for d := 1; d <= 3; d++ {
		m.Set("events", fmt.Sprintf("2024-01-%02d", d), []event{{at(d), "eu", d}})
	}
	events := &runtime.AssetDef{
		Key: "events", Partitions: daily, Backfill: runtime.BackfillSingle, PartitionColumn: "day", OutputType: reflect.TypeFor[[]event](),
		Compute: func(*runtime.Context, runtime.Inputs) (any, error) {
			return []event{{at(4), "eu", 4}, {at(5), "us", 5}}, nil
		},
	}
	week := &runtime.AssetDef{
		Key: "week", Partitions: daily, OutputType: reflect.TypeFor[int](),
		Inputs: []runtime.Input{gathered("events", reflect.TypeFor[[]event](), runtime.GatherConcat, partition.TimeWindow(-2, 0))},
		Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
			rows, err := runtime.Load[[]event](ctx, in, 0)
			n := 0
			for _, r := range rows {
				n += r.N
			}
			return n, err
		},
	}
	rec := &recorder{t: t}
	res := materialize(t, defsOf(m, events, week), runtime.Options{Selection: []runtime.Key{"events"}, Partitions: rangeOf("2024-01-04", "2024-01-05"), OnEvent: rec.on})
	require.True(t, res.OK())
	assert.Equal(t, map[string]string{"2024-01-04": "v-2024-01-04", "2024-01-05": "v-2024-01-05"}, res.Steps[0].PartitionVersions)
	assert.Equal(t, res.Steps[0].PartitionVersions, rec.of(runtime.StepSuccess, "events")[0].PartitionVersions)
	res = materialize(t, defsOf(m, events, week), runtime.Options{Selection: []runtime.Key{"week"}, Partitions: keysOf("2024-01-03")})
	require.True(t, res.OK(), "%v", res.Steps[0].Err)
	v, _ := m.Value("week", "2024-01-03")
	assert.Equal(t, 6, v)
	assert.Equal(t, []string{
		`store events 2024-01-04...2024-01-05 ""`,
		"load events 2024-01-01...2024-01-03 [2024-01-01 2024-01-02 2024-01-03]",
	}, m.calls)
}

// An asset reading its own previous partition: the first gets the zero
// value, the others the one before.
func TestBackfillSelfDependency(t *testing.T) {
	mem := memory.New()
	running := part("running", daily, func(ctx *runtime.Context, in []int) (int, error) {
		return in[0] + day(ctx.Partition()), nil
	}, from("running", partition.TimeWindow(-1, -1)))
	res := materialize(t, defsOf(mem, running), runtime.Options{Partitions: rangeOf("2024-01-01", "2024-01-04"), Concurrency: 4})
	require.True(t, res.OK())
	v, _ := mem.Value("running", "2024-01-04")
	assert.Equal(t, 1+2+3+4, v)

	// A later partition alone reads the one before from storage.
	mem.Set("running", "2024-01-09", 100)
	res = materialize(t, defsOf(mem, running), runtime.Options{Partitions: keysOf("2024-01-10")})
	require.True(t, res.OK())
	v, _ = mem.Value("running", "2024-01-10")
	assert.Equal(t, 110, v)

	// A missing upstream partition of another asset fails the step at run
	// time too, when its definition changed since planning.
	_, err := runtime.Materialize(context.Background(), defsOf(mem, running, part("late", partition.Daily("2024-02-01"), nil), part("reads_late", daily, nil, from("late", nil))),
		runtime.Options{Env: march, Selection: []runtime.Key{"reads_late"}, Partitions: keysOf("2024-01-10")})
	var re *runtime.RequestError
	assert.True(t, errors.As(err, &re))
}

// Logs of a partitioned step carry its partition.
func TestBackfillLogs(t *testing.T) {
	var buf bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&buf, nil))
	a := part("a", daily, func(ctx *runtime.Context, _ []int) (int, error) {
		ctx.Log.Info("hello", "n", 1)
		return 0, nil
	})
	materialize(t, defsOf(memory.New(), a), runtime.Options{Partitions: keysOf("2024-01-02"), Logger: logger})
	var line map[string]any
	require.NoError(t, json.Unmarshal(buf.Bytes(), &line))
	assert.Equal(t, "a", line["asset"])
	assert.Equal(t, "2024-01-02", line["partition"])
	assert.Equal(t, "hello", line["msg"])
}

// Dim gives a dimension of a multi-dimensional key; Window its time
// dimension's.
func TestBackfillMulti(t *testing.T) {
	mem := memory.New()
	var mu sync.Mutex
	dims := map[string]string{}
	var windows []partition.Window
	a := &runtime.AssetDef{
		Key: "a", Partitions: byDay, OutputType: reflect.TypeFor[string](),
		Compute: func(ctx *runtime.Context, _ runtime.Inputs) (any, error) {
			mu.Lock()
			defer mu.Unlock()
			dims[ctx.Partition()] = ctx.Dim("date") + " in " + ctx.Dim("region") + ctx.Dim("nothing")
			w, ok := ctx.Window()
			if ok {
				windows = append(windows, w)
			}
			return ctx.Dim("region"), nil
		},
	}
	res := materialize(t, defsOf(mem, a), runtime.Options{Partitions: keysOf("2024-01-02|us", "2024-01-03|apac")})
	require.True(t, res.OK())
	assert.Equal(t, map[string]string{"2024-01-02|us": "2024-01-02 in us", "2024-01-03|apac": "2024-01-03 in apac"}, dims)
	require.Len(t, windows, 2)
	slices.SortFunc(windows, func(a, b partition.Window) int { return a.Start.Compare(b.Start) })
	assert.Equal(t, time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC), windows[0].Start)
	assert.Equal(t, time.Date(2024, 1, 4, 0, 0, 0, 0, time.UTC), windows[1].End)
	v, _ := mem.Value("a", "2024-01-03|apac")
	assert.Equal(t, "apac", v)
}

// fs stores each partition of a range step in its own file, and the step
// reports the version of each.
func TestBackfillFS(t *testing.T) {
	m := fs.New(t.TempDir())
	mapOf := reflect.TypeFor[map[string]string]()
	a := &runtime.AssetDef{
		Key: "a", Partitions: byDay, Backfill: 2, OutputType: mapOf,
		Compute: func(ctx *runtime.Context, _ runtime.Inputs) (any, error) {
			out := map[string]string{}
			for _, k := range ctx.PartitionKeys() {
				out[k] = k
			}
			return out, nil
		},
	}
	res := materialize(t, defsOf(m, a), runtime.Options{Partitions: rangeOf("2024-01-01|eu", "2024-01-01|apac")})
	require.True(t, res.OK(), "%v", res.Steps[0].Err)
	assert.Equal(t, []string{"a 2024-01-01|eu...2024-01-01|us success", "a 2024-01-01|apac success"}, outcomes(res))
	// SHA-256 of the files' bytes, as sha256sum gives them.
	assert.Equal(t, map[string]string{
		"2024-01-01|eu": "2a0584712d7bbb47c6891b7f68b54caf90e446fd4de87b81f5d464f0224734cd",
		"2024-01-01|us": "949fc68e2683b2aad9e374184f1e7d33188e865143bac1853d3c37088140f71f",
	}, res.Steps[0].PartitionVersions)
	p, err := m.Path("a", "2024-01-01|us")
	require.NoError(t, err)
	assert.Equal(t, m.Dir()+"/a/date=2024-01-01/region=us.json", p)
}

// ExecuteStep runs one step of a partition or a range with nothing from
// the planning process.
func TestExecuteStepPartitions(t *testing.T) {
	mem := memory.New()
	mapOf := reflect.TypeFor[map[string]int]()
	raw := part("raw", daily, func(ctx *runtime.Context, _ []int) (int, error) { return day(ctx.Partition()), nil })
	totals := &runtime.AssetDef{
		Key: "totals", Partitions: daily, Backfill: runtime.BackfillSingle, OutputType: mapOf,
		Inputs: []runtime.Input{gathered("raw", mapOf, runtime.GatherMap, nil)},
		Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
			return runtime.Load[map[string]int](ctx, in, 0)
		},
	}
	late := part("late", partition.Daily("2024-02-01"), nil)
	defs := defsOf(mem, raw, totals, late, part("reads_late", daily, nil, from("late", nil)))
	opts := runtime.Options{Env: march}
	for _, d := range []string{"2024-01-01", "2024-01-02", "2024-01-03"} {
		res := runtime.ExecuteStep(context.Background(), defs, runtime.Step{Key: "raw", Partition: d}, opts)
		require.Equal(t, runtime.StatusSuccess, res.Status, "%v", res.Err)
	}
	rec := &recorder{t: t}
	opts.OnEvent = rec.on
	res := runtime.ExecuteStep(context.Background(), defs, runtime.Step{RunID: "r", Key: "totals", Partition: "2024-01-01...2024-01-03"}, opts)
	require.Equal(t, runtime.StatusSuccess, res.Status, "%v", res.Err)
	assert.Equal(t, "2024-01-01...2024-01-03", res.Partition)
	assert.Equal(t, []string{"2024-01-01", "2024-01-02", "2024-01-03"}, res.Partitions.Keys())
	v, _ := mem.Value("totals", "2024-01-03")
	assert.Equal(t, 3, v)
	require.Len(t, rec.events, 2)
	assert.Equal(t, "2024-01-01...2024-01-03", rec.events[1].Partition)

	for _, c := range []struct {
		step runtime.Step
		want string
	}{
		{runtime.Step{Key: "raw"}, "asset raw is partitioned (Daily(\"2024-01-01\")): the step needs partitions (2024-01-01...2024-02-29)"},
		{runtime.Step{Key: "raw", Partition: "2024-03-01"}, "asset raw: unknown partition \"2024-03-01\" (did you mean \"2024-01-01\"?); valid: 2024-01-01...2024-02-29"},
		{runtime.Step{Key: "raw", Partition: "2024-01-03...2024-01-01"}, "asset raw: partition range 2024-01-03...2024-01-01: the end comes before the start"},
		{runtime.Step{Key: "reads_late", Partition: "2024-01-10"}, "asset reads_late, partition 2024-01-10: input late (from late): upstream partitions that do not exist (yet): 2024-01-10 (mapping window)"},
	} {
		res := runtime.ExecuteStep(context.Background(), defs, c.step, runtime.Options{Env: march})
		assert.Equal(t, runtime.StatusFailed, res.Status)
		assert.EqualError(t, res.Err, c.want)
	}
	res = runtime.ExecuteStep(context.Background(), defsOf(mem, intAsset("plain", sum(0))), runtime.Step{Key: "plain", Partition: "x"}, opts)
	assert.EqualError(t, res.Err, `asset plain is not partitioned, but the step names partition "x"`)
}

// Retries and cancellation work per step.
func TestBackfillRetriesAndCancel(t *testing.T) {
	mem := memory.New()
	var mu sync.Mutex
	tries := map[string]int{}
	a := part("a", daily, func(ctx *runtime.Context, _ []int) (int, error) {
		mu.Lock()
		defer mu.Unlock()
		tries[ctx.Partition()]++
		if ctx.Partition() == "2024-01-02" && ctx.Attempt == 1 {
			return 0, errors.New("flaky")
		}
		return 1, nil
	})
	a.Retries = 1
	res := materialize(t, defsOf(mem, a), runtime.Options{Partitions: rangeOf("2024-01-01", "2024-01-03")})
	require.True(t, res.OK())
	assert.Equal(t, []int{1, 2, 1}, []int{res.Steps[0].Attempts, res.Steps[1].Attempts, res.Steps[2].Attempts})
	assert.Equal(t, map[string]int{"2024-01-01": 1, "2024-01-02": 2, "2024-01-03": 1}, tries)

	// Cancelled after the first step: the others never start.
	ctx, cancel := context.WithCancel(context.Background())
	b := part("b", daily, func(*runtime.Context, []int) (int, error) {
		cancel()
		return 1, nil
	})
	res, err := runtime.Materialize(ctx, defsOf(mem, b), runtime.Options{Env: march, Concurrency: 1, Partitions: rangeOf("2024-01-01", "2024-01-03")})
	require.NoError(t, err)
	assert.Equal(t, []string{"b 2024-01-01 success", "b 2024-01-02 canceled", "b 2024-01-03 canceled"}, outcomes(res))
	assert.Equal(t, []string{"2024-01-03"}, res.Steps[2].Partitions.Keys())
}

// ledger is a named slice type, which an upstream may return where a
// downstream parameter takes its underlying type.
type ledger []int

// Values of a named type reach a parameter of its underlying type, one
// partition or gathered.
func TestLoadNamedType(t *testing.T) {
	mem := memory.New()
	mem.Set("up", "", ledger{1, 2})
	mem.Set("parts", "2024-01-01", ledger{3})
	mem.Set("parts", "2024-01-02", ledger{4, 5})
	up := &runtime.AssetDef{Key: "up", OutputType: reflect.TypeFor[ledger](), Compute: nopCompute}
	parts := &runtime.AssetDef{Key: "parts", Partitions: daily, OutputType: reflect.TypeFor[ledger](), Compute: nopCompute}
	ints := reflect.TypeFor[[]int]()
	var got [][]int
	var byKey map[string][]int
	down := &runtime.AssetDef{
		Key: "down", OutputType: intType,
		Inputs: []runtime.Input{
			{Name: "up", Key: "up", Type: ints},
			gathered("parts", ints, runtime.GatherConcat, nil),
			gathered("parts", reflect.TypeFor[map[string][]int](), runtime.GatherMap, nil),
		},
		Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
			a, err := runtime.Load[[]int](ctx, in, 0)
			if err != nil {
				return nil, err
			}
			b, err := runtime.Load[[]int](ctx, in, 1)
			if err != nil {
				return nil, err
			}
			byKey, err = runtime.Load[map[string][]int](ctx, in, 2)
			got = [][]int{a, b}
			return 0, err
		},
	}
	res := materialize(t, defsOf(mem, up, parts, down), runtime.Options{Selection: []runtime.Key{"down"},
		Env: partition.Env{Now: time.Date(2024, 1, 3, 0, 0, 0, 0, time.UTC)}})
	require.True(t, res.OK(), "%v", res.Steps[0].Err)
	assert.Equal(t, [][]int{{1, 2}, {3, 4, 5}}, got)
	assert.Equal(t, map[string][]int{"2024-01-01": {3}, "2024-01-02": {4, 5}}, byKey)
}
