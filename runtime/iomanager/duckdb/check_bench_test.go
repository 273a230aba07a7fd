package duckdb

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/internal/benchrows"
	"github.com/assetgen/assetgen/runtime"
)

// benchRules are the declarative checks of BenchmarkChecks, one of each
// kind, over the benchmark rows.
var benchRules = []*runtime.ColumnRule{
	{Kind: runtime.RuleNotNull, Column: "name"},
	{Kind: runtime.RuleUnique, Column: "id"},
	{Kind: runtime.RuleAcceptedValues, Column: "flag", Values: []string{"true", "false"}},
	{Kind: runtime.RuleMin, Column: "value", Bound: 0},
	{Kind: runtime.RuleMax, Column: "value", Bound: 1e9},
}

// BenchmarkChecks stores the 1,000,000 benchmark rows and evaluates the
// five column rules on them in SQL (CheckColumns), side by side in each
// iteration, and reports both times and the checks' share of the store's
// (checks/store-%); and, for comparison, the rules evaluated in Go over
// the rows in memory (go-ms), as the runtime does for other managers.
func BenchmarkChecks(b *testing.B) {
	rows := benchrows.Rows()
	m, err := New(filepath.Join(b.TempDir(), "bench.duckdb"), "s")
	require.NoError(b, err)
	defer m.Close()
	in := &runtime.InputContext{Context: context.Background(), Upstream: "rows"}
	var storeT, checkT, goT time.Duration
	for b.Loop() {
		t0 := time.Now()
		require.NoError(b, store(b, m, "rows", rows))
		t1 := time.Now()
		res, err := m.CheckColumns(in, benchRules)
		t2 := time.Now()
		require.NoError(b, err)
		gres, err := runtime.EvalRules(rows, benchRules)
		t3 := time.Now()
		require.NoError(b, err)
		for i := range res {
			if !res[i].Passed || !gres[i].Passed {
				b.Fatalf("rule %s failed: %s / %s", benchRules[i], res[i].Description, gres[i].Description)
			}
		}
		storeT += t1.Sub(t0)
		checkT += t2.Sub(t1)
		goT += t3.Sub(t2)
	}
	n := float64(b.N)
	b.ReportMetric(float64(storeT.Milliseconds())/n, "store-ms")
	b.ReportMetric(float64(checkT.Milliseconds())/n, "checks-ms")
	b.ReportMetric(100*float64(checkT)/float64(storeT), "checks/store-%")
	b.ReportMetric(float64(goT.Milliseconds())/n, "go-ms")
}
