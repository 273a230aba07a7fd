package history_test

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
)

// tenDays: 2024-01-01 to 2024-01-10, whatever the time.
var tenDays = partition.Daily("2024-01-01", partition.End("2024-01-11"))

// partRec is the record of a partition materialized by run at minute m,
// with data version data and the input versions inputs.
func partRec(key runtime.Key, part, run string, m int, code, data string, inputs map[runtime.Key]string) history.Asset {
	t := time.Date(2026, 1, 1, 0, m, 0, 0, time.UTC)
	return history.Asset{Key: key, Partition: part, RunID: run, Time: t, CodeVersion: code, DataVersion: data, InputVersions: inputs,
		LastRunID: run, LastStatus: "success", LastTime: t}
}

func day(d int) string { return fmt.Sprintf("2024-01-%02d", d) }

// statuses returns the status of each partition, in key order: f fresh,
// s stale, x failed, m missing.
func statuses(p *history.Partitions) string {
	s := ""
	for i := range p.Len() {
		s += map[history.PartitionStatus]string{history.PartitionFresh: "f", history.PartitionStale: "s",
			history.PartitionFailed: "x", history.PartitionMissing: "m"}[p.Status(i)]
	}
	return s
}

// whys returns the causes of each partition that is not fresh, by key.
func whys(t *testing.T, p *history.Partitions) map[string]string {
	out := map[string]string{}
	for i := range p.Len() {
		if p.Status(i) == history.PartitionFresh {
			assert.Empty(t, p.Causes(i), "fresh %s", p.Keys.Key(i))
			continue
		}
		st := history.State{Causes: p.Causes(i)}
		out[p.Keys.Key(i)] = st.Why()
	}
	return out
}

func TestPartitionStaleness(t *testing.T) {
	raw := &runtime.AssetDef{Key: "raw", Partitions: tenDays, CodeVersion: "v1"}
	totals := &runtime.AssetDef{Key: "totals", Partitions: tenDays, CodeVersion: "v1",
		Inputs: []runtime.Input{{Name: "raw", Key: "raw"}}}
	report := &runtime.AssetDef{Key: "report", Partitions: tenDays, Deps: []runtime.Key{"raw"}}
	summary := &runtime.AssetDef{Key: "summary", Inputs: []runtime.Input{{Name: "totals", Key: "totals"}}}
	var latest []history.Asset
	for d := 1; d <= 5; d++ {
		latest = append(latest, partRec("raw", day(d), "r1", d, "v1", "r"+day(d), nil))
	}
	latest = append(latest, history.Asset{Key: "raw", Partition: day(6), LastRunID: "r1", LastStatus: "failed",
		LastTime: time.Date(2026, 1, 1, 0, 6, 0, 0, time.UTC), LastError: "no data"})
	in := func(d int) map[runtime.Key]string { return map[runtime.Key]string{"raw": "r" + day(d)} }
	latest = append(latest,
		partRec("totals", day(1), "r1", 10, "v1", "t1", in(1)),
		partRec("totals", day(2), "r1", 10, "v1", "t2", map[runtime.Key]string{"raw": "old"}),
		partRec("totals", day(3), "r1", 10, "v0", "t3", in(3)),
		partRec("totals", day(4), "r1", 10, "v1", "t4", in(4)),
		partRec("report", day(1), "r1", 10, "", "x", nil),
		partRec("report", day(2), "r1", 0, "", "x", nil), // before raw: no version recorded (a dep)
		partRec("summary", "", "r1", 11, "", "s", map[runtime.Key]string{"totals": "whatever"}),
	)

	states := history.Staleness([]*runtime.AssetDef{raw, totals, report, summary}, latest)
	require.Len(t, states, 4)

	p := states[0].Partitions
	require.NotNil(t, p)
	assert.Equal(t, "fffffxmmmm", statuses(p))
	assert.Equal(t, history.PartitionCounts{Total: 10, Fresh: 5, Failed: 1, Missing: 4}, p.Counts())
	assert.Equal(t, map[string]string{
		day(6): "last attempt failed (in run r1: no data)",
		day(7): "never materialized", day(8): "never materialized", day(9): "never materialized", day(10): "never materialized",
	}, whys(t, p))
	assert.True(t, states[0].Stale)
	assert.Equal(t, "partitions failed (1 of 10: 2024-01-06); partitions missing (4 of 10: 2024-01-07...2024-01-10)", states[0].Why())
	assert.Equal(t, "r1", states[0].Last.RunID)
	assert.Equal(t, day(5), states[0].Last.Partition, "the latest materialization")
	assert.Equal(t, []history.PartitionStatus{history.PartitionFresh, history.PartitionFresh, history.PartitionFailed, history.PartitionMissing, history.PartitionMissing},
		p.Health(5), "two partitions a cell; a failure shows")
	assert.Len(t, p.Health(80), 10, "a cell a partition at most")
	assert.Equal(t, "2024-01-06...2024-01-10", p.Select(history.PartitionFailed, history.PartitionMissing).String())

	p = states[1].Partitions
	assert.Equal(t, "fssfmmmmmm", statuses(p))
	assert.Equal(t, map[string]string{
		day(2): "upstream data changed raw (partition 2024-01-02: old -> r2024-01-02)",
		day(3): `code version changed ("v0" -> "v1")`,
		day(5): "never materialized", day(6): "never materialized", day(7): "never materialized",
		day(8): "never materialized", day(9): "never materialized", day(10): "never materialized",
	}, whys(t, p))
	// Groups of consecutive partitions alike, a page at a time.
	span := func(gs []history.PartitionGroup) []string {
		var out []string
		for _, g := range gs {
			out = append(out, fmt.Sprintf("%d-%d %s %s [%s]", g.First, g.Last, g.Status, g.Run, g.Reasons))
		}
		return out
	}
	groups, next := p.Groups(0, p.Len(), 0, nil)
	assert.Equal(t, []string{"0-0 fresh r1 []", "1-1 stale r1 [upstream data changed raw]", "2-2 stale r1 [code version changed]",
		"3-3 fresh r1 []", "4-9 missing  [never materialized]"}, span(groups))
	assert.Equal(t, 10, next)
	assert.Equal(t, time.Date(2026, 1, 1, 0, 10, 0, 0, time.UTC), groups[0].Time.UTC())
	assert.True(t, groups[4].Time.IsZero())
	assert.Equal(t, `code version changed ("v0" -> "v1")`, groups[2].Why(), "a lone partition's causes, with details")
	assert.Equal(t, "never materialized", groups[4].Why())
	groups, next = p.Groups(0, p.Len(), 2, nil)
	assert.Equal(t, []string{"0-0 fresh r1 []", "1-1 stale r1 [upstream data changed raw]"}, span(groups))
	assert.Equal(t, 2, next, "the next page starts at the third group")
	groups, next = p.Groups(next, p.Len(), 2, nil)
	assert.Equal(t, []string{"2-2 stale r1 [code version changed]", "3-3 fresh r1 []"}, span(groups))
	assert.Equal(t, 4, next)
	groups, next = p.Groups(3, 7, 0, func(s history.PartitionStatus) bool { return s != history.PartitionFresh })
	assert.Equal(t, []string{"4-6 missing  [never materialized]"}, span(groups), "within the range, the states kept")
	assert.Equal(t, 7, next)

	assert.Equal(t, "58 materialized (3 stale), 1 failed, 1 missing of 60", history.PartitionCounts{Total: 60, Fresh: 55, Stale: 3, Failed: 1, Missing: 1}.String())

	p = states[2].Partitions
	assert.Equal(t, "fsmmmmmmmm", statuses(p))
	assert.Equal(t, "upstream materialized since raw (partition 2024-01-02 in run r1)", whys(t, p)[day(2)])

	// An unpartitioned asset reads every partition of totals.
	assert.True(t, states[3].Stale)
	assert.Equal(t, "upstream stale totals (8 partitions not fresh)", states[3].Why())
}

// A failed attempt after a materialization makes the partition failed;
// an asset reading its own previous partition is stale when that one is.
func TestPartitionStalenessFailedAndSelf(t *testing.T) {
	cum := &runtime.AssetDef{Key: "cum", Partitions: tenDays,
		Inputs: []runtime.Input{{Name: "cum", Key: "cum", Mapping: partition.TimeWindow(-1, -1)}}}
	var latest []history.Asset
	for d := 1; d <= 4; d++ {
		var in map[runtime.Key]string
		if d > 1 {
			in = map[runtime.Key]string{"cum": "c" + day(d-1)}
		}
		latest = append(latest, partRec("cum", day(d), "r1", d, "", "c"+day(d), in))
	}
	// 2024-01-02 again, with new data, and 2024-01-03 failed since.
	latest[1] = partRec("cum", day(2), "r2", 20, "", "new", map[runtime.Key]string{"cum": "c" + day(1)})
	latest[2].LastRunID, latest[2].LastStatus, latest[2].LastTime, latest[2].LastError = "r2", "failed", time.Date(2026, 1, 1, 0, 21, 0, 0, time.UTC), "boom"

	p := history.Staleness([]*runtime.AssetDef{cum}, latest)[0].Partitions
	require.NotNil(t, p)
	assert.Equal(t, "ffxsmmmmmm", statuses(p))
	assert.Equal(t, "last attempt failed (in run r2: boom)", whys(t, p)[day(3)])
	assert.Equal(t, "upstream stale cum (1 partition not fresh)", whys(t, p)[day(4)])
}

func TestAddUpstream(t *testing.T) {
	ctx := context.Background()
	// a -> b -> c -> d, and e -> c; a and e live in memory, b does not.
	def := func(key runtime.Key, io string, inputs ...runtime.Key) *runtime.AssetDef {
		d := &runtime.AssetDef{Key: key, IOManager: io}
		for _, in := range inputs {
			d.Inputs = append(d.Inputs, runtime.Input{Name: string(in), Key: in})
		}
		return d
	}
	defs := []*runtime.AssetDef{def("a", "mem"), def("e", "mem"), def("b", "", "a"), def("c", "", "b", "e"), def("d", "", "c")}
	var all []history.Asset
	for _, d := range defs {
		all = append(all, partRec(d.Key, "", "r1", 1, "", "x", nil))
	}
	notMemory := func(d *runtime.AssetDef) bool { return d.IOManager != "mem" }
	add := func(latest []history.Asset, keys ...runtime.Key) []runtime.Key {
		out, parts, err := history.NewView(nil, defs, latest, nil, partition.Env{}).AddUpstream(ctx, keys, nil, notMemory)
		require.NoError(t, err)
		assert.Empty(t, parts)
		return out
	}
	assert.Equal(t, []runtime.Key{"d"}, add(all, "d"), "c is loadable: the walk ends there")
	assert.Equal(t, []runtime.Key{"c", "e"}, add(all, "c"))
	assert.Equal(t, []runtime.Key{"b", "a"}, add(all, "b"))
	assert.Equal(t, []runtime.Key{"d", "a", "e", "b", "c"}, add(nil, "d"), "never materialized")
	assert.Equal(t, []runtime.Key{"d", "e", "c"}, add(all[:3], "d"), "c never materialized; then in the order of the definitions")
	assert.Equal(t, []runtime.Key{}, add(all, []runtime.Key{}...))

	// Partitions: those the mapping reads that are missing, or all of
	// them from a manager that cannot reload them.
	raw := &runtime.AssetDef{Key: "raw", Partitions: tenDays}
	week := &runtime.AssetDef{Key: "week", Partitions: tenDays,
		Inputs: []runtime.Input{{Name: "raw", Key: "raw", Mapping: partition.TimeWindow(-2, 0)}}}
	v := history.NewView(nil, []*runtime.AssetDef{raw, week}, nil, nil, partition.Env{Now: time.Now()})
	st, err := v.State(ctx, "week")
	require.NoError(t, err)
	sel := st.Partitions.Keys.Span(2, 4) // 2024-01-03...2024-01-04: read 01 to 04
	// No history: every partition of raw is missing (see the
	// conformance suite for a history with some).
	keys, parts, err := v.AddUpstream(ctx, []runtime.Key{"week"}, map[runtime.Key]partition.Subset{"week": sel}, notMemory)
	require.NoError(t, err)
	assert.Equal(t, []runtime.Key{"week", "raw"}, keys)
	assert.Equal(t, "2024-01-01...2024-01-04", parts["raw"].String())
	assert.Equal(t, "2024-01-03...2024-01-04", parts["week"].String())
}

// reportConfig is the config of TestPartitionConfigStaleness's asset.
type reportConfig struct {
	runtime.Config
	Sep   string `default:","`
	Limit int
}

// A partition's run config counts in its logical version, as an
// unpartitioned asset's: a partition materialized with other values than
// the defaults is stale, a required field counting with the value last
// given; a record from before config was kept (none) is stale too.
func TestPartitionConfigStaleness(t *testing.T) {
	daily := &runtime.AssetDef{Key: "daily", Partitions: tenDays, Config: &runtime.ConfigDef{Type: reflect.TypeFor[reportConfig]()}}
	rec := func(d int, config string) history.Asset {
		a := partRec("daily", day(d), "r1", d, "", "x", nil)
		a.Config = config
		return a
	}
	latest := []history.Asset{
		rec(1, `{"limit":"3","sep":","}`),
		rec(2, `{"limit":"3","sep":";"}`),
		rec(3, `{"limit":"9","sep":","}`),
		rec(4, ""),
	}
	states := history.Staleness([]*runtime.AssetDef{daily}, latest)
	p := states[0].Partitions
	assert.Equal(t, map[string]string{
		day(2): `config differs from the defaults ({"limit":"3","sep":";"} -> {"limit":"3","sep":","})`,
		day(4): `config differs from the defaults ( -> {"sep":","})`,
		day(5): "never materialized", day(6): "never materialized", day(7): "never materialized",
		day(8): "never materialized", day(9): "never materialized", day(10): "never materialized",
	}, whys(t, p))
	assert.Equal(t, "fsfsmmmmmm", statuses(p), "2024-01-03 gave another required limit: fresh")
}

// The records of partitioned upstreams are read ahead, several at once;
// a read that fails is the error of the state that needs it.
func TestViewReadError(t *testing.T) {
	ctx := context.Background()
	log, err := history.OpenSQLite(ctx, t.TempDir())
	require.NoError(t, err)
	require.NoError(t, log.Close())
	defs := []*runtime.AssetDef{
		{Key: "raw", Partitions: tenDays},
		{Key: "totals", Partitions: tenDays, Inputs: []runtime.Input{{Name: "raw", Key: "raw"}}},
	}
	env := partition.Env{Now: time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC)}
	_, err = history.NewView(log, defs, nil, nil, env).State(ctx, "totals")
	assert.ErrorContains(t, err, "read the partitions of asset raw")
	_, err = history.NewView(log, defs, nil, nil, env).States(ctx, nil)
	assert.ErrorContains(t, err, "read the partitions of asset raw")
}
