package history_test

import (
	"fmt"
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
