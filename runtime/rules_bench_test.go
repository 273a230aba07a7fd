package runtime_test

import (
	"testing"

	"github.com/assetgen/assetgen/internal/benchrows"
	"github.com/assetgen/assetgen/runtime"
)

// BenchmarkEvalRules evaluates, in Go, the five column rules of the
// DuckDB manager's BenchmarkChecks on the 1,000,000 benchmark rows: what
// the runtime does for the I/O managers that are not ColumnCheckers.
func BenchmarkEvalRules(b *testing.B) {
	rows := benchrows.Rows()
	rules := []*runtime.ColumnRule{
		{Kind: runtime.RuleNotNull, Column: "name"},
		{Kind: runtime.RuleUnique, Column: "id"},
		{Kind: runtime.RuleAcceptedValues, Column: "flag", Values: []string{"true", "false"}},
		{Kind: runtime.RuleMin, Column: "value", Bound: 0},
		{Kind: runtime.RuleMax, Column: "value", Bound: 1e9},
	}
	for b.Loop() {
		res, err := runtime.EvalRules(rows, rules)
		if err != nil {
			b.Fatal(err)
		}
		for i := range res {
			if !res[i].Passed {
				b.Fatalf("rule %s failed: %s", rules[i], res[i].Description)
			}
		}
	}
}
