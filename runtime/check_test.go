package runtime_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/memory"
)

// valueCheck returns a check of an int asset that passes when ok says so.
func valueCheck(name string, key runtime.Key, blocking bool, sev runtime.Severity, ok func(int) bool) *runtime.CheckDef {
	return &runtime.CheckDef{
		Name: name, Blocking: blocking,
		Inputs: []runtime.Input{{Name: "v", Key: key, Type: reflect.TypeFor[int]()}},
		Run: func(ctx *runtime.Context, in runtime.Inputs) (runtime.CheckResult, error) {
			v, err := runtime.Load[int](ctx, in, 0)
			if err != nil {
				return runtime.CheckResult{}, err
			}
			return runtime.CheckResult{Passed: ok(v), Severity: sev, Description: "value checked"}, nil
		},
	}
}

func TestBlockingCheckSkipsDownstream(t *testing.T) {
	a := intAsset("a", sum(1))
	a.Checks = []*runtime.CheckDef{
		valueCheck("is_two", "a", true, runtime.SeverityError, func(v int) bool { return v == 2 }),
	}
	b := intAsset("b", sum(1), "a")
	c := intAsset("c", sum(1), "b")
	u := intAsset("u", sum(1))
	rec := &recorder{t: t}
	res, err := runtime.Materialize(context.Background(), defsOf(memory.New(), a, b, c, u), runtime.Options{OnEvent: rec.on})
	require.NoError(t, err)
	assert.Equal(t, runtime.StatusSuccess, res.Step("a").Status)
	require.Len(t, res.Step("a").Checks, 1)
	ev := res.Step("a").Checks[0]
	assert.False(t, ev.Passed)
	assert.True(t, ev.Blocks())
	assert.Equal(t, runtime.StatusSkipped, res.Step("b").Status)
	assert.Equal(t, runtime.Key("a"), res.Step("b").Cause)
	assert.EqualError(t, res.Step("b").Err, "blocking check is_two of a failed (error)")
	assert.Equal(t, runtime.StatusSkipped, res.Step("c").Status)
	assert.Equal(t, runtime.StatusSuccess, res.Step("u").Status)
	evs := rec.of(runtime.CheckEvaluated, "a")
	require.Len(t, evs, 1)
	assert.Equal(t, "is_two", evs[0].Check.Name)
	assert.Less(t, rec.index(runtime.StepSuccess, "a"), rec.index(runtime.CheckEvaluated, "a"))
}

func TestWarnAndNonBlockingChecksDoNotStop(t *testing.T) {
	a := intAsset("a", sum(1))
	a.Checks = []*runtime.CheckDef{
		valueCheck("warned", "a", true, runtime.SeverityWarn, func(int) bool { return false }),
		valueCheck("not_blocking", "a", false, runtime.SeverityError, func(int) bool { return false }),
		valueCheck("passes", "a", true, runtime.SeverityError, func(v int) bool { return v == 1 }),
	}
	b := intAsset("b", sum(1), "a")
	res, err := runtime.Materialize(context.Background(), defsOf(memory.New(), a, b), runtime.Options{})
	require.NoError(t, err)
	assert.True(t, res.OK())
	var got []string
	for _, c := range res.Step("a").Checks {
		got = append(got, c.String())
	}
	assert.Equal(t, []string{"check warned of a failed (warn)", "check not_blocking of a failed (error)", "check passes of a passed"}, got)
}

func TestNoChecks(t *testing.T) {
	a := intAsset("a", sum(1))
	a.Checks = []*runtime.CheckDef{valueCheck("never", "a", true, runtime.SeverityError, func(int) bool { return false })}
	b := intAsset("b", sum(1), "a")
	res, err := runtime.Materialize(context.Background(), defsOf(memory.New(), a, b), runtime.Options{NoChecks: true})
	require.NoError(t, err)
	assert.True(t, res.OK())
	assert.Empty(t, res.Step("a").Checks)
}

func TestCheckErrorAndPanic(t *testing.T) {
	a := intAsset("a", sum(1))
	a.Checks = []*runtime.CheckDef{
		{Name: "errs", Run: func(*runtime.Context, runtime.Inputs) (runtime.CheckResult, error) {
			return runtime.CheckError(errors.New("bad data"))
		}},
		{Name: "panics", Run: func(*runtime.Context, runtime.Inputs) (runtime.CheckResult, error) { panic("boom") }},
		{Name: "ok", Run: func(*runtime.Context, runtime.Inputs) (runtime.CheckResult, error) { return runtime.CheckError(nil) }},
	}
	res, err := runtime.Materialize(context.Background(), defsOf(memory.New(), a), runtime.Options{})
	require.NoError(t, err)
	cs := res.Step("a").Checks
	require.Len(t, cs, 3)
	assert.Equal(t, "bad data", cs[0].Description)
	assert.False(t, cs[0].Passed)
	assert.Equal(t, "check could not run: panic: boom", cs[1].Description)
	assert.True(t, cs[2].Passed)
}

type order struct {
	ID     int64
	Status string
	Amount *float64
	Note   sql.NullString
}

// descriptions returns the description of each result.
func descriptions(res []runtime.CheckResult) []string {
	var out []string
	for _, r := range res {
		out = append(out, r.Description)
	}
	return out
}

func TestEvalRules(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	rows := []order{
		{1, "open", f(3), sql.NullString{String: "x", Valid: true}},
		{2, "closed", f(-1), sql.NullString{}},
		{2, "lost", nil, sql.NullString{}},
		{4, "open", f(10), sql.NullString{String: "y", Valid: true}},
	}
	rules := []*runtime.ColumnRule{
		{Kind: runtime.RuleNotNull, Column: "note"},
		{Kind: runtime.RuleUnique, Column: "id"},
		{Kind: runtime.RuleAcceptedValues, Column: "status", Values: []string{"open", "closed"}},
		{Kind: runtime.RuleMin, Column: "amount", Bound: 0},
		{Kind: runtime.RuleMax, Column: "amount", Bound: 5},
		{Kind: runtime.RuleNotNull, Column: "ID"},
	}
	res, err := runtime.EvalRules(rows, rules)
	require.NoError(t, err)
	assert.Equal(t, []string{
		"2 of 4 rows have NULL note",
		"2 of 4 rows share their id with another row",
		"1 of 4 rows have status outside open|closed",
		"1 of 4 rows have amount < 0",
		"1 of 4 rows have amount > 5",
		"0 of 4 rows have NULL ID",
	}, descriptions(res))
	assert.True(t, res[5].Passed)
	assert.False(t, res[2].Passed)
	assert.Equal(t, []map[string]string{{"id": "2", "status": "lost", "amount": "NULL", "note": "NULL"}}, res[2].Metadata["examples"])
	_, err = runtime.EvalRules(rows, []*runtime.ColumnRule{{Kind: runtime.RuleMin, Column: "status"}})
	assert.EqualError(t, err, "check min(status:0): column status is of type string, not a number")
	_, err = runtime.EvalRules(42, rules)
	assert.EqualError(t, err, "column checks need rows ([]T), not int")
}

func TestValidateChecks(t *testing.T) {
	rows := &runtime.AssetDef{Key: "rows", OutputType: reflect.TypeFor[[]order](), Compute: func(*runtime.Context, runtime.Inputs) (any, error) { return []order{}, nil }}
	run := func(*runtime.Context, runtime.Inputs) (runtime.CheckResult, error) {
		return runtime.CheckResult{Passed: true}, nil
	}
	rows.Checks = []*runtime.CheckDef{
		{Name: "a", Run: run},
		{Name: "a", Run: run},
		{Name: "both", Run: run, Rule: &runtime.ColumnRule{Kind: runtime.RuleNotNull, Column: "id"}},
		{Name: "col", Rule: &runtime.ColumnRule{Kind: runtime.RuleUnique, Column: "idd"}},
		{Name: "in", Run: run, Inputs: []runtime.Input{{Name: "x", Key: "rowz", Type: reflect.TypeFor[int]()}}},
	}
	err := defsOf(memory.New(), rows).Validate()
	require.Error(t, err)
	for _, want := range []string{
		"asset rows: check a: defined twice",
		"asset rows: check both: want either Run or Rule",
		`asset rows: check col: rule unique(idd): runtime_test.order has no column "idd"`,
		`asset rows: check in: input x: asset rowz is not defined (did you mean "rows"?)`,
	} {
		assert.Contains(t, err.Error(), want)
	}
}

// TestChecksPerPartition: a step covering three partitions runs the
// checks of its asset once per partition, on that partition's rows.
func TestChecksPerPartition(t *testing.T) {
	at := func(d, h int) time.Time { return time.Date(2024, 1, d, h, 0, 0, 0, time.UTC) }
	events := &runtime.AssetDef{
		Key: "events", Partitions: daily, Backfill: 3, PartitionColumn: "day", OutputType: reflect.TypeFor[[]event](),
		Compute: func(*runtime.Context, runtime.Inputs) (any, error) {
			return []event{{at(2, 5), "eu", 1}, {at(1, 0), "mars", 2}, {at(2, 23), "us", -3}}, nil
		},
		Checks: []*runtime.CheckDef{
			{Name: "accepted_values_region", Rule: &runtime.ColumnRule{Kind: runtime.RuleAcceptedValues, Column: "region", Values: []string{"eu", "us"}}},
			{Name: "rows", Inputs: []runtime.Input{{Name: "events", Key: "events", Type: reflect.TypeFor[[]event]()}},
				Run: func(ctx *runtime.Context, in runtime.Inputs) (runtime.CheckResult, error) {
					v, err := runtime.Load[[]event](ctx, in, 0)
					return runtime.CheckResult{Passed: true, Description: fmt.Sprintf("%s: %d rows", ctx.Partition(), len(v))}, err
				}},
		},
	}
	res := materialize(t, defsOf(memory.New(), events), runtime.Options{Partitions: rangeOf("2024-01-01", "2024-01-03")})
	require.True(t, res.OK())
	var got []string
	for _, c := range res.Steps[0].Checks {
		got = append(got, c.Partition+" "+c.Name+" "+c.Description)
	}
	assert.Equal(t, []string{
		"2024-01-01 accepted_values_region 1 of 1 rows have region outside eu|us",
		"2024-01-01 rows 2024-01-01: 1 rows",
		"2024-01-02 accepted_values_region 0 of 2 rows have region outside eu|us",
		"2024-01-02 rows 2024-01-02: 2 rows",
		"2024-01-03 accepted_values_region 0 of 0 rows have region outside eu|us",
		"2024-01-03 rows 2024-01-03: 0 rows",
	}, got)
}

// A column rule carries its severity (warn:) and blocking (blocking:) as
// the generator writes them: a failing warn rule reports a warning and
// stops nothing, even when blocking; a failing blocking error rule skips
// the downstream steps. The same holds for the row counts.
func TestColumnRuleSeverityAndBlocking(t *testing.T) {
	rows := &runtime.AssetDef{Key: "rows", OutputType: reflect.TypeFor[[]order](),
		Compute: func(*runtime.Context, runtime.Inputs) (any, error) { return []order{{ID: 1}, {ID: 1}}, nil }}
	down := &runtime.AssetDef{Key: "down", Deps: []runtime.Key{"rows"}, Compute: func(*runtime.Context, runtime.Inputs) (any, error) { return nil, nil }}
	for _, tt := range []struct {
		name    string
		check   *runtime.CheckDef
		outcome string
		skipped bool
	}{
		{"warn", &runtime.CheckDef{Name: "unique_id", Blocking: true, Rule: &runtime.ColumnRule{Kind: runtime.RuleUnique, Column: "id", Severity: runtime.SeverityWarn}},
			"check unique_id of rows failed (warn)", false},
		{"error, not blocking", &runtime.CheckDef{Name: "unique_id", Rule: &runtime.ColumnRule{Kind: runtime.RuleUnique, Column: "id"}},
			"check unique_id of rows failed (error)", false},
		{"error, blocking", &runtime.CheckDef{Name: "unique_id", Blocking: true, Rule: &runtime.ColumnRule{Kind: runtime.RuleUnique, Column: "id"}},
			"check unique_id of rows failed (error)", true},
		{"row count, blocking", &runtime.CheckDef{Name: "row_count_max", Blocking: true, Rule: &runtime.ColumnRule{Kind: runtime.RuleRowCountMax, Bound: 1}},
			"check row_count_max of rows failed (error)", true},
		{"row count passes", &runtime.CheckDef{Name: "row_count_min", Blocking: true, Rule: &runtime.ColumnRule{Kind: runtime.RuleRowCountMin, Bound: 2}},
			"check row_count_min of rows passed", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rows.Checks = []*runtime.CheckDef{tt.check}
			res, err := runtime.Materialize(context.Background(), defsOf(memory.New(), rows, down), runtime.Options{})
			require.NoError(t, err)
			require.Len(t, res.Step("rows").Checks, 1)
			assert.Equal(t, tt.outcome, res.Step("rows").Checks[0].String())
			want := runtime.StatusSuccess
			if tt.skipped {
				want = runtime.StatusSkipped
			}
			assert.Equal(t, want, res.Step("down").Status)
		})
	}
}

// level has a String method: its text is not its number's.
type level int

func (l level) String() string { return fmt.Sprintf("L%d", int(l)) }

type measured struct {
	Level level
	Size  float64
	Tiny  int8
	Name  string
	Ratio float32
}

// EvalRules compares values, not text, where it can; each rule still
// counts what fmt.Sprint's text says: a String method's text, the
// shortest float text, no sign or zero padding on integers.
func TestEvalRulesText(t *testing.T) {
	rows := []measured{
		{1, 1e21, 1, "a", 0.1},
		{2, 0.5, -1, "b", 0.25},
		{2, 100, 1, "b", 0.1},
		{3, -0.5, 7, "", 2},
	}
	rules := []*runtime.ColumnRule{
		{Kind: runtime.RuleAcceptedValues, Column: "level", Values: []string{"L1", "2"}},             // 2, 2, L3 fail
		{Kind: runtime.RuleAcceptedValues, Column: "size", Values: []string{"1e+21", "100", "0.50"}}, // 0.5, -0.5 fail
		{Kind: runtime.RuleAcceptedValues, Column: "tiny", Values: []string{"+1", "-1", "07"}},       // 1, 1, 7 fail
		{Kind: runtime.RuleAcceptedValues, Column: "ratio", Values: []string{"0.1", "2"}},            // 0.25 fails
		{Kind: runtime.RuleUnique, Column: "level"},                                                  // 2 twice
		{Kind: runtime.RuleUnique, Column: "name"},                                                   // b twice
		{Kind: runtime.RuleUnique, Column: "ratio"},                                                  // 0.1 twice
		{Kind: runtime.RuleUnique, Column: "size"},                                                   // none
	}
	res, err := runtime.EvalRules(rows, rules)
	require.NoError(t, err)
	assert.Equal(t, []string{
		"3 of 4 rows have level outside L1|2",
		"2 of 4 rows have size outside 1e+21|100|0.50",
		"3 of 4 rows have tiny outside +1|-1|07",
		"1 of 4 rows have ratio outside 0.1|2",
		"2 of 4 rows share their level with another row",
		"2 of 4 rows share their name with another row",
		"2 of 4 rows share their ratio with another row",
		"0 of 4 rows share their size with another row",
	}, descriptions(res))
	assert.Equal(t, []map[string]string{
		{"level": "L2", "size": "0.5", "tiny": "-1", "name": "b", "ratio": "0.25"},
		{"level": "L2", "size": "100", "tiny": "1", "name": "b", "ratio": "0.1"},
	}, res[4].Metadata["examples"])
}

// TestNoChecksConfig: under NoChecks, a check's config section is not
// required, but one given is still checked for bad values, as the
// section of an asset outside the run is.
func TestNoChecksConfig(t *testing.T) {
	type pingConfig struct {
		runtime.Config
		Fail bool // required
	}
	defs := func() *runtime.Definitions {
		a := intAsset("a", sum(1))
		a.Checks = []*runtime.CheckDef{{Name: "ping", Config: &runtime.ConfigDef{Type: reflect.TypeFor[pingConfig]()},
			Run: func(*runtime.Context, runtime.Inputs) (runtime.CheckResult, error) { return runtime.CheckError(nil) }}}
		return defsOf(memory.New(), a)
	}
	res, err := runtime.Materialize(context.Background(), defs(), runtime.Options{NoChecks: true})
	require.NoError(t, err, "a required check field refused under NoChecks")
	assert.True(t, res.OK())
	_, err = runtime.Materialize(context.Background(), defs(), runtime.Options{})
	assert.ErrorContains(t, err, `check ping of a: config field "fail" (bool) is required`)
	_, err = runtime.Materialize(context.Background(), defs(), runtime.Options{NoChecks: true,
		Config: runtime.RunConfig{runtime.CheckSection("a", "ping"): {"fail": "maybe"}}})
	_, ok := errors.AsType[*runtime.ConfigError](err)
	assert.True(t, ok, "a bad value of a check that will not run: %v", err)
	assert.ErrorContains(t, err, `"fail"`)
}

// TestRowCountWording: one row is "1 row"; a missing required field's
// message says where to give it.
func TestRowCountWording(t *testing.T) {
	res := runtime.RuleResult(&runtime.ColumnRule{Kind: runtime.RuleRowCountMin, Bound: 2}, 0, 1, nil)
	assert.Equal(t, "1 row, at least 2 wanted", res.Description)
	res = runtime.RuleResult(&runtime.ColumnRule{Kind: runtime.RuleRowCountMax, Bound: 1}, 0, 2, nil)
	assert.Equal(t, "2 rows, at most 1 wanted", res.Description)
	a := intAsset("a", sum(1))
	a.Checks = []*runtime.CheckDef{{Name: "ping", Config: &runtime.ConfigDef{Type: reflect.TypeFor[struct {
		runtime.Config
		Fail bool
	}]()}, Run: func(*runtime.Context, runtime.Inputs) (runtime.CheckResult, error) { return runtime.CheckError(nil) }}}
	_, err := runtime.Materialize(context.Background(), defsOf(memory.New(), a), runtime.Options{})
	assert.ErrorContains(t, err, `config field "fail" (bool) is required: it has no default; give it in the config file or with --set`)
}
