package duckdb

import (
	"context"
	"database/sql"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
)

type checkedOrder struct {
	ID     int64
	Status string
	Amount float64
	Note   sql.NullString
}

// orderRules are the rules the checks tests evaluate.
var orderRules = []*runtime.ColumnRule{
	{Kind: runtime.RuleNotNull, Column: "note"},
	{Kind: runtime.RuleUnique, Column: "id"},
	{Kind: runtime.RuleAcceptedValues, Column: "Status", Values: []string{"open", "closed"}},
	{Kind: runtime.RuleMin, Column: "amount", Bound: 0},
	{Kind: runtime.RuleMax, Column: "amount", Bound: 100.5},
}

func descriptions(res []runtime.CheckResult) []string {
	var out []string
	for _, r := range res {
		out = append(out, r.Description)
	}
	return out
}

func TestCheckColumns(t *testing.T) {
	m, _ := open(t, "s")
	rows := []checkedOrder{
		{1, "open", 3, sql.NullString{String: "x", Valid: true}},
		{2, "closed", -1, sql.NullString{}},
		{2, "lost", 200, sql.NullString{}},
		{4, "open", 10, sql.NullString{String: "y", Valid: true}},
	}
	require.NoError(t, store(t, m, "orders", rows))
	res, err := m.CheckColumns(&runtime.InputContext{Context: context.Background(), Upstream: "orders"}, orderRules)
	require.NoError(t, err)
	assert.Equal(t, []string{
		"2 of 4 rows have NULL note",
		"2 of 4 rows share their id with another row",
		"1 of 4 rows have Status outside open|closed",
		"1 of 4 rows have amount < 0",
		"1 of 4 rows have amount > 100.5",
	}, descriptions(res))
	for _, r := range res {
		assert.False(t, r.Passed)
	}
	assert.Equal(t, []map[string]string{{"id": "2", "status": "lost", "amount": "200.0", "note": "NULL"}}, res[2].Metadata["examples"])
	assert.Equal(t, 1, res[3].Metadata["failing_rows"])
	assert.Equal(t, 4, res[3].Metadata["rows"])

	_, err = m.CheckColumns(&runtime.InputContext{Context: context.Background(), Upstream: "missing"}, orderRules)
	assert.EqualError(t, err, "duckdb: check missing in s.missing: no table: materialize it first")
	_, err = m.CheckColumns(&runtime.InputContext{Context: context.Background(), Upstream: "orders"}, []*runtime.ColumnRule{{Kind: runtime.RuleNotNull, Column: "nope"}})
	assert.EqualError(t, err, `duckdb: check orders in s.orders: check not_null(nope): the table has no column "nope"`)
}

func TestCheckColumnsPartition(t *testing.T) {
	m, _ := open(t, "s")
	daily := partition.Daily("2024-01-01")
	keys := resolve(t, daily)
	a := asset[[]sale]("sales", daily, "day")
	jan1, jan2 := sub(t, keys, "2024-01-01"), sub(t, keys, "2024-01-02")
	require.NoError(t, storeParts(t, m, a, "r1", jan1, []sale{{day(1, 0), "eu", 10}, {day(1, 23), "eu", -11}}))
	require.NoError(t, storeParts(t, m, a, "r1", jan2, []sale{{day(2, 5), "mars", 20}}))
	rules := []*runtime.ColumnRule{
		{Kind: runtime.RuleMin, Column: "amount", Bound: 0},
		{Kind: runtime.RuleAcceptedValues, Column: "region", Values: []string{"eu", "us"}},
		{Kind: runtime.RuleUnique, Column: "region"},
	}
	check := func(s partition.Subset) []string {
		res, err := m.CheckColumns(&runtime.InputContext{Context: context.Background(), Upstream: "sales", UpstreamDef: a,
			UpstreamPartitions: s.Keys(), UpstreamSubset: s, Type: reflect.TypeFor[[]sale]()}, rules)
		require.NoError(t, err)
		return descriptions(res)
	}
	assert.Equal(t, []string{"1 of 2 rows have amount < 0", "0 of 2 rows have region outside eu|us", "2 of 2 rows share their region with another row"}, check(jan1))
	assert.Equal(t, []string{"0 of 1 rows have amount < 0", "1 of 1 rows have region outside eu|us", "0 of 1 rows share their region with another row"}, check(jan2))
	_, err := m.CheckColumns(&runtime.InputContext{Context: context.Background(), Upstream: "sales", UpstreamDef: a,
		UpstreamPartitions: []string{"2024-01-03"}, UpstreamSubset: sub(t, keys, "2024-01-03")}, rules)
	assert.ErrorContains(t, err, "partition 2024-01-03 is not stored in table s.sales")
}

type typedRow struct {
	Flag  *bool
	Small int8
	Count uint32
	Ratio float64
	Label string
}

// The rules on boolean and integer columns compare values, not text, in
// SQL and in Go, and both count as the text rule says: a value fails
// when its text is none of the accepted ones (so " 1" and "01" accept
// nothing); unique compares neighbours in SQL, counts in Go, and NULLs
// never collide; the row counts look at the number of rows.
func TestCheckColumnsTyped(t *testing.T) {
	m, _ := open(t, "s")
	yes, no := true, false
	rows := []typedRow{
		{&yes, 1, 7, 0.5, "a"},
		{&no, -3, 7, 0.25, "b"},
		{nil, 1, 8, 2, "b"},
		{&yes, 100, 9, 0.5, "b"},
		{nil, 5, 10, 3, "c"},
	}
	require.NoError(t, store(t, m, "typed", rows))
	rules := []*runtime.ColumnRule{
		{Kind: runtime.RuleAcceptedValues, Column: "flag", Values: []string{"true"}},            // no fails: 1 (nil passes)
		{Kind: runtime.RuleAcceptedValues, Column: "flag", Values: []string{"TRUE", "1"}},       // neither is a boolean's text: 3
		{Kind: runtime.RuleAcceptedValues, Column: "small", Values: []string{"1", "05", "100"}}, // -3 and 5: 2
		{Kind: runtime.RuleAcceptedValues, Column: "count", Values: []string{"7", " 8"}},        // 8, 9, 10: 3
		{Kind: runtime.RuleUnique, Column: "flag"},                                              // true twice: 2
		{Kind: runtime.RuleUnique, Column: "count"},                                             // 7 twice: 2
		{Kind: runtime.RuleUnique, Column: "label"},                                             // b three times: 3
		{Kind: runtime.RuleRowCountMin, Bound: 5},
		{Kind: runtime.RuleRowCountMax, Bound: 4},
	}
	want := []string{
		"1 of 5 rows have flag outside true",
		"3 of 5 rows have flag outside TRUE|1",
		"2 of 5 rows have small outside 1|05|100",
		"3 of 5 rows have count outside 7| 8",
		"2 of 5 rows share their flag with another row",
		"2 of 5 rows share their count with another row",
		"3 of 5 rows share their label with another row",
		"5 rows, at least 5 wanted",
		"5 rows, at most 4 wanted",
	}
	res, err := m.CheckColumns(&runtime.InputContext{Context: context.Background(), Upstream: "typed"}, rules)
	require.NoError(t, err)
	assert.Equal(t, want, descriptions(res), "in SQL")
	gres, err := runtime.EvalRules(rows, rules)
	require.NoError(t, err)
	assert.Equal(t, want, descriptions(gres), "in Go")
	for _, r := range [][]runtime.CheckResult{res, gres} {
		assert.True(t, r[7].Passed)
		assert.False(t, r[8].Passed)
		assert.Equal(t, []map[string]string{{"flag": "false", "small": "-3", "count": "7", "ratio": "0.25", "label": "b"}}, r[0].Metadata["examples"])
	}
}
