package historytest

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/memory"
)

// The partitioned cases of the suite.
var partitionCases = []struct {
	name string
	f    func(t *testing.T, spec string)
}{
	{"PartitionRecords", testPartitionRecords},
	{"ManyPartitions", testManyPartitions},
	{"ConcurrentPartitions", testConcurrentPartitions},
	{"DynamicPartitions", testDynamicPartitions},
	{"KilledBackfill", testKilledBackfill},
	{"LandedPartition", testLandedPartition},
}

// tenDays: 2024-01-01 to 2024-01-10, whatever the time.
var (
	tenDays = partition.Daily("2024-01-01", partition.End("2024-01-11"))
	now     = partition.Env{Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	intType = reflect.TypeFor[int]()
	mapType = reflect.TypeFor[map[string]int]()
)

func day(d int) string { return fmt.Sprintf("2024-01-%02d", d) }

// backfillDefs are raw (daily; its own data version but for 2024-01-03,
// failing on fail) and rollup (daily, every day of a run in one step,
// reading raw), on a memory I/O manager.
func backfillDefs(mem *memory.Manager, fail string) *runtime.Definitions {
	raw := &runtime.AssetDef{Key: "raw", Partitions: tenDays, OutputType: intType,
		Compute: func(ctx *runtime.Context, _ runtime.Inputs) (any, error) {
			if ctx.Partition() == fail {
				return nil, errors.New("no data for " + fail)
			}
			if ctx.Partition() != day(3) {
				ctx.SetDataVersion("r" + ctx.Partition())
			}
			return 1, nil
		}}
	rollup := &runtime.AssetDef{Key: "rollup", Partitions: tenDays, Backfill: runtime.BackfillSingle, OutputType: mapType,
		Inputs: []runtime.Input{{Name: "raw", Key: "raw", Type: mapType, Gather: runtime.GatherMap}},
		Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
			return runtime.Load[map[string]int](ctx, in, 0)
		}}
	return &runtime.Definitions{Assets: []*runtime.AssetDef{raw, rollup}, IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: mem}}
}

// materializeRange runs defs on partitions first to last, recorded in log.
func materializeRange(t *testing.T, log history.Log, defs *runtime.Definitions, first, last string) *runtime.Result {
	t.Helper()
	ctx := context.Background()
	opts := runtime.Options{Logger: quiet, Env: now, Partitions: runtime.Partitions{Range: partition.Range{Start: first, End: last}}}
	rec, err := history.Record(ctx, log, &opts, nil)
	require.NoError(t, err)
	res, err := runtime.Materialize(ctx, defs, opts)
	require.NoError(t, err)
	require.NoError(t, rec.Close())
	return res
}

// A step of one partition is a record of its own; a step of a range is
// one per partition, with the range, and each partition's data version
// and input versions.
func testPartitionRecords(t *testing.T, spec string) {
	ctx := context.Background()
	log := open(t, spec)
	mem := memory.New()
	res := materializeRange(t, log, backfillDefs(mem, ""), day(1), day(5))
	require.True(t, res.OK(), "%+v", res.Steps)
	run1 := res.RunID

	r, err := log.Run(ctx, run1)
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"success": 10}, r.Counts, "a record per partition")
	assert.Equal(t, map[runtime.Key][]partition.Range{
		"raw": {{Start: day(1), End: day(5)}}, "rollup": {{Start: day(1), End: day(5)}},
	}, r.Partitions)
	steps, err := log.Steps(ctx, run1)
	require.NoError(t, err)
	var got []string
	for _, s := range steps {
		got = append(got, fmt.Sprintf("%s %s %s %s", s.Key, s.Partition, s.Range, s.Status))
	}
	slices.Sort(got)
	var want []string
	for d := 1; d <= 5; d++ {
		want = append(want, fmt.Sprintf("raw %s  success", day(d)), fmt.Sprintf("rollup %s 2024-01-01...2024-01-05 success", day(d)))
	}
	slices.Sort(want)
	assert.Equal(t, want, got)

	raw, err := log.Partitions(ctx, "raw")
	require.NoError(t, err)
	require.Equal(t, 5, raw.Len())
	rollup, err := log.Partitions(ctx, "rollup")
	require.NoError(t, err)
	require.Equal(t, 5, rollup.Len())
	seen := map[string]bool{}
	for i := range 5 {
		a, b := raw.Asset(i), rollup.Asset(i)
		assert.Equal(t, day(i+1), a.Partition, "sorted by partition")
		assert.Equal(t, run1, a.RunID)
		assert.Equal(t, "success", a.LastStatus)
		if i+1 != 3 {
			assert.Equal(t, "r"+day(i+1), a.DataVersion, "the asset's own version")
		} else {
			assert.True(t, strings.HasPrefix(a.DataVersion, "run:"), "a default version: %q", a.DataVersion)
		}
		// Each partition of the range step read its own day of raw.
		assert.Equal(t, map[runtime.Key]string{"raw": a.DataVersion}, b.InputVersions, "rollup %s", b.Partition)
		assert.True(t, strings.HasPrefix(b.DataVersion, "run:"), "%q", b.DataVersion)
		assert.False(t, seen[b.DataVersion], "a version of its own for each partition")
		seen[b.DataVersion] = true
	}
	_, ok := raw.Find(day(6))
	assert.False(t, ok)

	// A failed attempt keeps the partition's materialization; a later
	// success of another partition changes only that one.
	res = materializeRange(t, log, backfillDefs(mem, day(2)), day(2), day(2))
	require.False(t, res.OK())
	run2 := res.RunID
	raw, err = log.Partitions(ctx, "raw")
	require.NoError(t, err)
	a, ok := raw.Find(day(2))
	require.True(t, ok)
	assert.Equal(t, run1, a.RunID, "the last materialization stays")
	assert.Equal(t, run2, a.LastRunID)
	assert.Equal(t, "failed", a.LastStatus)
	assert.Equal(t, "no data for 2024-01-02", a.LastError)

	states, err := history.NewView(log, backfillDefs(mem, "").Assets, nil, nil, now).States(ctx, []runtime.Key{"raw", "rollup"})
	require.NoError(t, err)
	p := states[0].Partitions
	require.NotNil(t, p)
	assert.Equal(t, history.PartitionCounts{Total: 10, Fresh: 4, Failed: 1, Missing: 5}, p.Counts())
	assert.Equal(t, history.PartitionCounts{Total: 10, Fresh: 4, Stale: 1, Missing: 5}, states[1].Partitions.Counts(),
		"rollup 2024-01-02 reads a failed partition; 01, 03...05 read fresh ones")
	assert.Equal(t, []history.PartitionStatus{history.PartitionFresh, history.PartitionStale, history.PartitionFresh,
		history.PartitionFresh, history.PartitionFresh}, []history.PartitionStatus{
		states[1].Partitions.Status(0), states[1].Partitions.Status(1), states[1].Partitions.Status(2), states[1].Partitions.Status(3), states[1].Partitions.Status(4)})

	rerun, err := history.FromFailure(ctx, log, run2, backfillDefs(mem, "").Assets, now)
	require.NoError(t, err)
	assert.Equal(t, &history.Rerun{Keys: []runtime.Key{"raw", "rollup"}, Partitions: map[runtime.Key][]string{"raw": {day(2)}, "rollup": {day(2)}}}, rerun)
}

// pstep is a finished step of partition part of asset key.
func pstep(run string, key runtime.Key, part, status string, end time.Time) history.Step {
	return history.Step{RunID: run, Key: key, Partition: part, Status: status, Attempts: 1, Start: end, End: end,
		DataVersion: run + "/" + part, Error: map[bool]string{true: "", false: "boom " + part}[status == "success"]}
}

// Thousands of partitions written in batches in any order (the chunks
// split) read back sorted, each with its latest attempt.
func testManyPartitions(t *testing.T, spec string) {
	ctx := context.Background()
	log := open(t, spec)
	const n = 3000
	keys := make([]string, n)
	for i := range keys {
		keys[i] = fmt.Sprintf("p%05d", i)
	}
	order := rand.New(rand.NewPCG(1, 2)).Perm(n)
	t0 := time.Now().Add(-time.Hour)
	for b := 0; b < n; b += 500 {
		batch := &history.Batch{Runs: []history.Run{{ID: "r1", Status: history.RunSuccess, Start: t0}}}
		for _, i := range order[b : b+500] {
			batch.Steps = append(batch.Steps, pstep("r1", "many", keys[i], "success", t0.Add(time.Duration(i)*time.Millisecond)))
		}
		batch.Steps = append(batch.Steps, pstep("r1", "other", keys[b], "success", t0))
		require.NoError(t, log.Write(ctx, batch))
	}
	// Every seventh partition fails later; every eleventh is recorded
	// again by an older attempt, which changes nothing.
	batch := &history.Batch{Runs: []history.Run{{ID: "r2", Status: history.RunFailed, Start: t0}}}
	for i := 0; i < n; i += 7 {
		batch.Steps = append(batch.Steps, pstep("r2", "many", keys[i], "failed", t0.Add(time.Hour)))
	}
	for i := 0; i < n; i += 11 {
		batch.Steps = append(batch.Steps, pstep("r0", "many", keys[i], "failed", t0.Add(-time.Hour)))
	}
	require.NoError(t, log.Write(ctx, batch))

	recs, err := log.Partitions(ctx, "many")
	require.NoError(t, err)
	require.Equal(t, n, recs.Len())
	for i := range n {
		a := recs.Asset(i)
		require.Equal(t, keys[i], a.Partition)
		assert.Equal(t, "r1/"+keys[i], a.DataVersion)
		assert.True(t, a.Time.Equal(t0.Add(time.Duration(i)*time.Millisecond)), "%s: %v", keys[i], a.Time)
		if i%7 == 0 {
			assert.Equal(t, "failed", a.LastStatus, keys[i])
			assert.Equal(t, "boom "+keys[i], a.LastError)
		} else {
			assert.Equal(t, "r1", a.LastRunID, keys[i])
		}
	}
	other, err := log.Partitions(ctx, "other")
	require.NoError(t, err)
	assert.Equal(t, 6, other.Len(), "another asset's partitions apart")
	none, err := log.Partitions(ctx, "none")
	require.NoError(t, err)
	assert.Zero(t, none.Len())
	assets, err := log.Assets(ctx)
	require.NoError(t, err)
	assert.Empty(t, assets, "Assets lists unpartitioned assets only")
}

// Two processes write partitions of one asset at once; none is lost.
func testConcurrentPartitions(t *testing.T, spec string) {
	ctx := context.Background()
	const procs, n = 2, 600
	var wg sync.WaitGroup
	errs := make([]error, procs)
	for i := range procs {
		cmd := spawn(t, "partitions", spec, fmt.Sprintf("%d,%d,%d", i, procs, n))
		wg.Go(func() { errs[i] = cmd.Run() })
	}
	wg.Wait()
	for i, err := range errs {
		require.NoError(t, err, "writer process %d", i)
	}
	log := open(t, spec)
	recs, err := log.Partitions(ctx, "shared")
	require.NoError(t, err)
	require.Equal(t, procs*n, recs.Len())
	for i := range recs.Len() {
		a := recs.Asset(i)
		assert.Equal(t, fmt.Sprintf("p%05d", i), a.Partition)
		assert.Equal(t, fmt.Sprintf("w%d", i%procs), a.RunID, a.Partition)
	}
}

// writePartitions is the child of testConcurrentPartitions: writer w of
// procs writes the partitions i with i%procs == w, in batches of 25.
func writePartitions(ctx context.Context, log history.Log, arg string) error {
	f := strings.Split(arg, ",")
	w, _ := strconv.Atoi(f[0])
	procs, _ := strconv.Atoi(f[1])
	n, _ := strconv.Atoi(f[2])
	run := fmt.Sprintf("w%d", w)
	now := time.Now()
	var steps []history.Step
	for i := w; i < procs*n; i += procs {
		steps = append(steps, pstep(run, "shared", fmt.Sprintf("p%05d", i), "success", now))
		if len(steps) == 25 {
			if err := log.Write(ctx, &history.Batch{Runs: []history.Run{{ID: run, Status: history.RunRunning, Start: now}}, Steps: steps}); err != nil {
				return err
			}
			steps = nil
		}
	}
	return log.Write(ctx, &history.Batch{Runs: []history.Run{{ID: run, Status: history.RunSuccess, Start: now}}, Steps: steps})
}

// The keys of dynamic partitions: added in order, each once, by several
// processes at once; deleted; bad keys refused whole.
func testDynamicPartitions(t *testing.T, spec string) {
	ctx := context.Background()
	log := open(t, spec)
	added, err := log.AddDynamicPartitions(ctx, "customers", []string{"acme", "globex", "acme"})
	require.NoError(t, err)
	assert.Equal(t, []string{"acme", "globex"}, added)
	added, err = log.AddDynamicPartitions(ctx, "customers", []string{"initech", "globex"})
	require.NoError(t, err)
	assert.Equal(t, []string{"initech"}, added)
	keys, err := log.DynamicPartitions(ctx, "customers")
	require.NoError(t, err)
	assert.Equal(t, []string{"acme", "globex", "initech"}, keys, "in the order added")
	_, err = log.AddDynamicPartitions(ctx, "customers", []string{"ok", "a/b", ""})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `key "a/b"`)
	assert.Contains(t, err.Error(), `key ""`)
	_, err = log.AddDynamicPartitions(ctx, "Bad Name", []string{"x"})
	require.Error(t, err)
	deleted, err := log.DeleteDynamicPartitions(ctx, "customers", []string{"globex", "nope"})
	require.NoError(t, err)
	assert.Equal(t, []string{"globex"}, deleted)
	keys, err = log.DynamicPartitions(ctx, "customers")
	require.NoError(t, err)
	assert.Equal(t, []string{"acme", "initech"}, keys, "ok was not added with the bad keys")
	other, err := log.DynamicPartitions(ctx, "regions")
	require.NoError(t, err)
	assert.Empty(t, other)

	// Two processes add 100 keys each, 50 of them the same.
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i := range 2 {
		cmd := spawn(t, "dynamic", spec, strconv.Itoa(i))
		wg.Go(func() { errs[i] = cmd.Run() })
	}
	wg.Wait()
	for i, err := range errs {
		require.NoError(t, err, "process %d", i)
	}
	keys, err = log.DynamicPartitions(ctx, "many")
	require.NoError(t, err)
	slices.Sort(keys)
	want := make([]string, 150)
	for i := range want {
		want[i] = fmt.Sprintf("k%03d", i)
	}
	assert.Equal(t, want, keys, "each key once")

	// A run reads them through Env: a dynamic asset's partitions.
	v := history.NewView(log, []*runtime.AssetDef{{Key: "accounts", Partitions: partition.NewDynamic("customers")}}, nil, nil, history.Env(ctx, log))
	st, err := v.State(ctx, "accounts")
	require.NoError(t, err)
	require.NotNil(t, st.Partitions)
	assert.Equal(t, []string{"acme", "initech"}, st.Partitions.Keys.All())
}

// addDynamic is the child of testDynamicPartitions: process i adds k(50i)
// to k(50i+99), one call per ten keys.
func addDynamic(ctx context.Context, log history.Log, arg string) error {
	i, _ := strconv.Atoi(arg)
	for b := 50 * i; b < 50*i+100; b += 10 {
		var keys []string
		for k := b; k < b+10; k++ {
			keys = append(keys, fmt.Sprintf("k%03d", k))
		}
		if _, err := log.AddDynamicPartitions(ctx, "many", keys); err != nil {
			return err
		}
	}
	return nil
}

// A backfill killed midway re-runs from its failure the partitions it
// never finished, and not those it did.
func testKilledBackfill(t *testing.T, spec string) {
	ctx := context.Background()
	cmd, line := startReady(t, "backfill", spec)
	runID := strings.TrimSpace(line)
	require.NoError(t, cmd.Process.Kill())
	cmd.Wait()

	log := open(t, spec) // reaps
	r, err := log.Run(ctx, runID)
	require.NoError(t, err)
	assert.True(t, r.Abandoned)
	rerun, err := history.FromFailure(ctx, log, runID, backfillDefs(memory.New(), "").Assets, now)
	require.NoError(t, err)
	var want []string
	for d := 4; d <= 10; d++ {
		want = append(want, day(d))
	}
	assert.Equal(t, []runtime.Key{"raw"}, rerun.Keys)
	assert.Equal(t, map[runtime.Key][]string{"raw": want}, rerun.Partitions,
		"2024-01-04 was running, the others never started; 01 to 03 succeeded")
}

// killedBackfill is the child of testKilledBackfill: raw for ten days,
// one at a time; the fourth day hangs once the first three are recorded.
func killedBackfill(ctx context.Context, log history.Log) error {
	defs := backfillDefs(memory.New(), "")
	raw := defs.Assets[0]
	defs.Assets = defs.Assets[:1]
	var rec *history.Recorder
	opts := runtime.Options{Logger: quiet, Env: now, Concurrency: 1, RunID: runtime.NewRunID(),
		Partitions: runtime.Partitions{Range: partition.Range{Start: day(1), End: day(10)}}}
	compute := raw.Compute
	raw.Compute = func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
		if ctx.Partition() == day(4) {
			if err := rec.Flush(ctx); err != nil {
				return nil, err
			}
			fmt.Println(opts.RunID)
			<-ctx.Done()
		}
		return compute(ctx, in)
	}
	rec, err := history.Record(ctx, log, &opts, nil)
	if err != nil {
		return err
	}
	runtime.Materialize(ctx, defs, opts)
	return errors.New("the run ended: it should have been killed")
}

// The output of a partition whose step was running when its run was
// canceled at once (a second interrupt) is recorded from its stamp.
func testLandedPartition(t *testing.T, spec string) {
	ctx := context.Background()
	log := open(t, spec)
	mem := memory.New()
	defs := backfillDefs(mem, "")
	rec := history.NewRecorder(log, nil)
	c := newClock()
	keys, err := tenDays.Resolve(now)
	require.NoError(t, err)
	p := &player{rec: rec, id: "cut", c: c}
	p.start("raw")
	p.ev(runtime.Event{Type: runtime.StepStart, Key: "raw", Partition: day(2), Partitions: keys.Span(1, 2), Attempt: 1})
	// The store commits, then the process exits at once.
	require.NoError(t, mem.Store(&runtime.OutputContext{Context: ctx, RunID: "cut", Key: "raw", Def: defs.Assets[0],
		Partition: day(2), Partitions: keys.Span(1, 2), Type: intType}, 7))
	require.NoError(t, rec.Abort(ctx, errors.New("interrupted again")))
	require.NoError(t, rec.Close())

	recs, err := log.Partitions(ctx, "raw")
	require.NoError(t, err)
	a, ok := recs.Find(day(2))
	require.True(t, ok)
	assert.Equal(t, "canceled", a.LastStatus)
	assert.False(t, a.Materialized())

	latest, findings, err := history.Reconciled(ctx, log, defs, true)
	require.NoError(t, err)
	assert.Empty(t, latest)
	require.Len(t, findings, 1)
	assert.Equal(t, history.Landed, findings[0].Kind)
	assert.Equal(t, day(2), findings[0].Partition)
	recs, err = log.Partitions(ctx, "raw")
	require.NoError(t, err)
	a, ok = recs.Find(day(2))
	require.True(t, ok)
	assert.Equal(t, "cut", a.RunID, "recorded from the stamp")
	assert.Equal(t, "success", a.LastStatus)
	steps, err := log.Steps(ctx, "cut")
	require.NoError(t, err)
	require.Len(t, steps, 1)
	assert.Contains(t, steps[0].Note, "output landed after the step was recorded as canceled")
	_, findings, err = history.Reconciled(ctx, log, defs, true)
	require.NoError(t, err)
	assert.Empty(t, findings, "recorded once")
}
