package runtime_test

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/memory"
)

// The partitions definitions of the tests, and the moment they are
// resolved at: daily keys from 2024-01-01 to 2024-02-29.
var (
	daily   = partition.Daily("2024-01-01")
	weekly  = partition.Weekly("2024-01-01") // Sundays: 2024-01-07 first
	regions = partition.NewStatic("eu", "us", "apac")
	byDay   = partition.NewMulti(partition.Dims{"date": daily, "region": regions})
	march   = partition.Env{Now: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)}
)

var intType = reflect.TypeFor[int]()

// part returns an int asset partitioned by def, whose value is f of its
// int inputs; nil f returns the sum of the inputs.
func part(key runtime.Key, def partition.Definition, f func(ctx *runtime.Context, in []int) (int, error), inputs ...runtime.Input) *runtime.AssetDef {
	if f == nil {
		f = sum(0)
	}
	a := intAsset(key, f)
	a.Partitions = def
	a.Inputs = inputs
	return a
}

// from is an int input from key, mapped by m (nil: the default).
func from(key runtime.Key, m partition.Mapping) runtime.Input {
	return runtime.Input{Name: key.Name(), Key: key, Type: intType, Mapping: m}
}

// gathered is an input from key of type t gathered as g.
func gathered(key runtime.Key, t reflect.Type, g runtime.Gather, m partition.Mapping) runtime.Input {
	return runtime.Input{Name: key.Name(), Key: key, Type: t, Gather: g, Mapping: m}
}

// steps describes the steps of p: "key partition <- the steps it waits
// for", one line each.
func steps(p *runtime.Plan) []string {
	var out []string
	for i, s := range p.Steps() {
		line := strings.TrimSpace(string(s.Key) + " " + s.Partition)
		if deps := p.Deps(i); len(deps) > 0 {
			line += fmt.Sprint(" <- ", deps)
		}
		out = append(out, line)
	}
	return out
}

func plan(t *testing.T, defs *runtime.Definitions, opts runtime.Options) *runtime.Plan {
	t.Helper()
	if opts.Env.Now.IsZero() {
		opts.Env = march
	}
	p, err := defs.Plan(opts)
	require.NoError(t, err)
	return p
}

func keysOf(keys ...string) runtime.Partitions { return runtime.Partitions{Keys: keys} }

func rangeOf(start, end string) runtime.Partitions {
	return runtime.Partitions{Range: partition.Range{Start: start, End: end}}
}

func TestPlanIdentityChain(t *testing.T) {
	defs := defsOf(memory.New(),
		part("totals", daily, nil, from("raw", nil)),
		part("raw", daily, nil))
	p := plan(t, defs, runtime.Options{Partitions: rangeOf("2024-01-01", "2024-01-03")})
	assert.Equal(t, []string{
		"raw 2024-01-01",
		"raw 2024-01-02",
		"raw 2024-01-03",
		"totals 2024-01-01 <- [0]",
		"totals 2024-01-02 <- [1]",
		"totals 2024-01-03 <- [2]",
	}, steps(p))
	assert.Equal(t, []runtime.Key{"raw", "totals"}, p.Keys())
	assets := p.Assets()
	require.Len(t, assets, 2)
	assert.Equal(t, "2024-01-01...2024-01-03", assets[0].Partitions.String())
	assert.Equal(t, [2]int{0, 3}, [2]int{assets[0].First, assets[0].Steps})
	assert.Equal(t, [2]int{3, 3}, [2]int{assets[1].First, assets[1].Steps})
	s := p.Step(4)
	assert.Equal(t, []string{"2024-01-02"}, s.Partitions.Keys())
	assert.Equal(t, []runtime.Key{"raw"}, s.After)
	assert.Empty(t, s.Loads)
	assert.Equal(t, march, p.Env())

	// A list, and a single key; totals alone loads raw from storage.
	p = plan(t, defs, runtime.Options{Partitions: keysOf("2024-01-05", "2024-01-02")})
	assert.Equal(t, []string{"raw 2024-01-02", "raw 2024-01-05", "totals 2024-01-02 <- [0]", "totals 2024-01-05 <- [1]"}, steps(p))
	p = plan(t, defs, runtime.Options{Selection: []runtime.Key{"totals"}, Partitions: keysOf("2024-02-29")})
	assert.Equal(t, []runtime.PlanStep{{Key: "totals", Partition: "2024-02-29", Partitions: p.Step(0).Partitions, Loads: []runtime.Key{"raw"}}}, p.Steps())
	assert.Equal(t, []runtime.Key{"raw"}, p.Loads())
}

// Assets of different definitions in one run: a daily range maps into a
// weekly asset as the weeks that overlap it, and an unpartitioned asset
// reads every partition once.
func TestPlanMixedDefinitions(t *testing.T) {
	rows := reflect.TypeFor[[]int]()
	defs := defsOf(memory.New(),
		part("raw", daily, nil),
		part("rollup", weekly, nil, gathered("raw", reflect.TypeFor[map[string]int](), runtime.GatherMap, nil)),
		part("summary", nil, nil, gathered("rollup", rows, runtime.GatherConcat, nil)))
	// 2024-01-01 is a Monday: the week of 2023-12-31 is before the weekly
	// definition's start, and the week of 2024-01-14 reaches past the
	// request (its days after the 14th are loaded from storage).
	p := plan(t, defs, runtime.Options{Partitions: rangeOf("2024-01-01", "2024-01-14")})
	want := []string{}
	for d := 1; d <= 14; d++ {
		want = append(want, fmt.Sprintf("raw 2024-01-%02d", d))
	}
	want = append(want,
		"rollup 2024-01-07 <- [6 7 8 9 10 11 12]",
		"rollup 2024-01-14 <- [13]",
		"summary <- [14 15]")
	assert.Equal(t, want, steps(p))
	assert.Equal(t, runtime.PlanStep{Key: "rollup", Partition: "2024-01-14", Partitions: p.Step(15).Partitions,
		After: []runtime.Key{"raw"}, Loads: []runtime.Key{"raw"}}, p.Step(15))
	// summary reads every week there is, and only two run.
	assert.Equal(t, []runtime.Key{"rollup"}, p.Step(16).Loads)

	// A weekly key is a key of the weekly asset and, as a date, of the
	// daily one: each runs its own.
	p = plan(t, defs, runtime.Options{Selection: []runtime.Key{"raw", "rollup"}, Partitions: keysOf("2024-01-07")})
	assert.Equal(t, []string{"raw 2024-01-07", "rollup 2024-01-07 <- [0]"}, steps(p))
	// A day of no week: the weekly asset gets none, which is an error.
	_, err := defs.Plan(runtime.Options{Env: march, Selection: []runtime.Key{"raw", "rollup"}, Partitions: keysOf("2024-01-02")})
	require.Error(t, err)
	assert.Equal(t, "partitions 2024-01-02: asset rollup (Weekly(\"2024-01-01\")) has no partition that is or overlaps one requested; its partitions: 2024-01-07...2024-02-18", err.Error())
}

// Static keys apply to the assets whose definition has them; a
// multi-dimensional asset gets every combination of a requested date.
func TestPlanStaticAndMulti(t *testing.T) {
	defs := defsOf(memory.New(),
		part("by_region", regions, nil),
		part("events", byDay, nil, from("by_region", nil), from("raw", nil)),
		part("raw", daily, nil))
	p := plan(t, defs, runtime.Options{Selection: []runtime.Key{"by_region"}, Partitions: keysOf("us")})
	assert.Equal(t, []string{"by_region us"}, steps(p))

	// A date: every region of it. Each multi-dimensional step reads its
	// region and its day (partition.Dim).
	p = plan(t, defs, runtime.Options{Selection: []runtime.Key{"raw", "events"}, Partitions: keysOf("2024-01-02")})
	assert.Equal(t, []string{
		"raw 2024-01-02",
		"events 2024-01-02|eu <- [0]",
		"events 2024-01-02|us <- [0]",
		"events 2024-01-02|apac <- [0]",
	}, steps(p))
	assert.Equal(t, []runtime.Key{"by_region"}, p.Step(1).Loads)

	// A multi-dimensional key maps to its day and its region.
	p = plan(t, defs, runtime.Options{Partitions: keysOf("2024-01-02|us")})
	assert.Equal(t, []string{"by_region us", "raw 2024-01-02", "events 2024-01-02|us <- [0 1]"}, steps(p))

	// A region alone runs every day of it, read in the asset's own
	// dimension: a backfill of 60 steps.
	p = plan(t, defs, runtime.Options{Selection: []runtime.Key{"events"}, Partitions: keysOf("apac")})
	assert.Equal(t, 60, p.Len())
	assert.Equal(t, "events 2024-02-29|apac", steps(p)[59])
	p = plan(t, defs, runtime.Options{Selection: []runtime.Key{"events"}, Partitions: rangeOf("2024-02-28", "2024-02-29")})
	assert.Equal(t, []string{"events 2024-02-28|eu", "events 2024-02-28|us", "events 2024-02-28|apac", "events 2024-02-29|eu", "events 2024-02-29|us", "events 2024-02-29|apac"}, steps(p))

	// A date range over every region is one span of keys.
	p = plan(t, defs, runtime.Options{Selection: []runtime.Key{"events"}, Partitions: rangeOf("2024-01-01|eu", "2024-01-02|apac")})
	assert.Equal(t, "2024-01-01|eu...2024-01-02|apac", p.Assets()[0].Partitions.String())
	assert.Equal(t, 6, p.Len())
}

func TestPlanBackfillPolicies(t *testing.T) {
	for _, c := range []struct {
		backfill int
		want     []string
	}{
		{0, []string{"a 2024-01-01", "a 2024-01-02", "a 2024-01-04", "a 2024-01-05", "a 2024-01-06"}},
		{1, []string{"a 2024-01-01", "a 2024-01-02", "a 2024-01-04", "a 2024-01-05", "a 2024-01-06"}},
		{2, []string{"a 2024-01-01...2024-01-02", "a 2024-01-04...2024-01-05", "a 2024-01-06"}},
		{3, []string{"a 2024-01-01...2024-01-02", "a 2024-01-04...2024-01-06"}},
		{runtime.BackfillSingle, []string{"a 2024-01-01...2024-01-02", "a 2024-01-04...2024-01-06"}},
	} {
		a := part("a", daily, nil)
		a.OutputType = reflect.TypeFor[map[string]int]()
		a.Backfill = c.backfill
		p := plan(t, defsOf(memory.New(), a), runtime.Options{Partitions: keysOf("2024-01-06", "2024-01-01", "2024-01-02", "2024-01-04", "2024-01-05")})
		assert.Equal(t, c.want, steps(p), "backfill %d", c.backfill)
	}

	// A downstream step waits for every step covering what it reads.
	up := part("up", daily, nil)
	up.OutputType = reflect.TypeFor[map[string]int]()
	up.Backfill = 3
	down := part("down", daily, nil, from("up", nil))
	down.Backfill = runtime.BackfillSingle
	down.OutputType = reflect.TypeFor[map[string]int]()
	down.Inputs[0] = gathered("up", reflect.TypeFor[map[string]int](), runtime.GatherMap, nil)
	p := plan(t, defsOf(memory.New(), up, down), runtime.Options{Partitions: rangeOf("2024-01-01", "2024-01-07")})
	assert.Equal(t, []string{
		"up 2024-01-01...2024-01-03",
		"up 2024-01-04...2024-01-06",
		"up 2024-01-07",
		"down 2024-01-01...2024-01-07 <- [0 1 2]",
	}, steps(p))
}

// An asset reading its own previous partition orders its steps, and is
// no cycle.
func TestPlanSelfDependency(t *testing.T) {
	running := part("running", daily, nil, from("running", partition.TimeWindow(-1, -1)))
	defs := defsOf(memory.New(), running)
	require.NoError(t, defs.Validate())
	p := plan(t, defs, runtime.Options{Partitions: rangeOf("2024-01-01", "2024-01-03")})
	assert.Equal(t, []string{"running 2024-01-01", "running 2024-01-02 <- [0]", "running 2024-01-03 <- [1]"}, steps(p))
	assert.Equal(t, []runtime.Key{"running"}, p.Step(1).After)
	assert.Empty(t, p.Step(1).Loads)
	// The first step of a later range reads the day before from storage.
	p = plan(t, defs, runtime.Options{Partitions: rangeOf("2024-01-10", "2024-01-11")})
	assert.Equal(t, runtime.PlanStep{Key: "running", Partition: "2024-01-10", Partitions: p.Step(0).Partitions, Loads: []runtime.Key{"running"}}, p.Step(0))

	// Seven days before, through a map: a week of steps in order.
	week := part("week", daily, nil, gathered("week", reflect.TypeFor[map[string]int](), runtime.GatherMap, partition.TimeWindow(-7, -1)))
	p = plan(t, defsOf(memory.New(), week), runtime.Options{Partitions: rangeOf("2024-01-01", "2024-01-04")})
	assert.Equal(t, []string{"week 2024-01-01", "week 2024-01-02 <- [0]", "week 2024-01-03 <- [0 1]", "week 2024-01-04 <- [0 1 2]"}, steps(p))

	// Reading the partition itself, or any partition of an unpartitioned
	// asset, is a cycle; so is a step of several partitions.
	same := part("same", daily, nil, from("same", partition.Identity()))
	assert.EqualError(t, defsOf(memory.New(), same).Validate(),
		"asset same: cycle: input same reads the asset itself: identity: an asset may read only its own earlier partitions, through a window whose offsets are both negative, such as window(-1)")
	whole := intAsset("whole", sum(0), "whole")
	assert.EqualError(t, defsOf(memory.New(), whole).Validate(), "asset whole: cycle: input whole reads the asset itself: the asset is not partitioned")
	running.Backfill = runtime.BackfillSingle
	running.OutputType = reflect.TypeFor[map[string]int]()
	assert.EqualError(t, defs.Validate(), "asset running: input running reads the asset's own earlier partitions, so each step must cover one partition: backfill=single cannot be")
}

// Deps order steps through their mappings and load nothing.
func TestPlanDeps(t *testing.T) {
	side := sideEffect("side", nil, "raw")
	side.Partitions = weekly
	side.DepMappings = map[runtime.Key]partition.Mapping{"raw": partition.TimeWindow(0, 0)}
	defs := defsOf(memory.New(), part("raw", daily, nil), side)
	p := plan(t, defs, runtime.Options{Partitions: rangeOf("2024-01-06", "2024-01-08")})
	assert.Equal(t, []string{"raw 2024-01-06", "raw 2024-01-07", "raw 2024-01-08", "side 2024-01-07 <- [1 2]"}, steps(p))
	assert.Equal(t, runtime.PlanStep{Key: "side", Partition: "2024-01-07", Partitions: p.Step(3).Partitions, After: []runtime.Key{"raw"}}, p.Step(3))

	side.DepMappings = map[runtime.Key]partition.Mapping{"other": partition.All()}
	assert.EqualError(t, defs.Validate(), "asset side: DepMappings has other, which is not one of its deps")
}

// Re-runs name the partitions of each asset.
func TestPlanPerAsset(t *testing.T) {
	defs := defsOf(memory.New(),
		part("raw", daily, nil),
		part("totals", daily, nil, from("raw", nil)),
		intAsset("report", sum(0)))
	p := plan(t, defs, runtime.Options{Partitions: runtime.Partitions{
		Keys:   []string{"2024-01-01"},
		Assets: map[runtime.Key][]string{"raw": {"2024-01-02", "2024-01-03"}},
	}})
	assert.Equal(t, []string{"raw 2024-01-02", "raw 2024-01-03", "report", "totals 2024-01-01"}, steps(p))
	assert.Equal(t, []runtime.Key{"raw"}, p.Step(3).Loads)

	p = plan(t, defs, runtime.Options{Selection: []runtime.Key{"raw", "totals"}, Partitions: runtime.Partitions{
		Assets: map[runtime.Key][]string{"raw": {"2024-01-02"}, "totals": {"2024-01-02", "2024-01-03"}},
	}})
	assert.Equal(t, []string{"raw 2024-01-02", "totals 2024-01-02 <- [0]", "totals 2024-01-03"}, steps(p))

	_, err := defs.Plan(runtime.Options{Env: march, Selection: []runtime.Key{"raw"}, Partitions: runtime.Partitions{
		Assets: map[runtime.Key][]string{"raw": {"2024-01-32"}, "totals": {"2024-01-01"}, "report": {"x"}},
	}})
	assert.EqualError(t, err, `partitions of asset raw: unknown partition "2024-01-32" (did you mean "2024-01-02"?); valid: 2024-01-01...2024-02-29`+"\n"+
		"partitions of asset report: the asset is not selected\n"+
		"partitions of asset totals: the asset is not selected")
}

func TestPlanRequestErrors(t *testing.T) {
	defs := defsOf(memory.New(),
		part("raw", daily, nil),
		part("by_region", regions, nil),
		part("cells", byDay, nil),
		part("rollup", weekly, nil, gathered("raw", reflect.TypeFor[map[string]int](), runtime.GatherMap, nil)),
		intAsset("report", sum(0)))
	for _, c := range []struct {
		sel  []runtime.Key
		req  runtime.Partitions
		want string
	}{
		{nil, runtime.Partitions{}, "asset by_region is partitioned (NewStatic(\"eu\", \"us\", \"apac\")): give the partitions to run (\"eu\", \"us\", \"apac\")\n" +
			"asset cells is partitioned (NewMulti(Dims{\"date\": Daily(\"2024-01-01\"), \"region\": NewStatic(\"eu\", \"us\", \"apac\")})): give the partitions to run (date 2024-01-01...2024-02-29 x region \"eu\", \"us\", \"apac\")\n" +
			"asset raw is partitioned (Daily(\"2024-01-01\")): give the partitions to run (2024-01-01...2024-02-29)\n" +
			"asset rollup is partitioned (Weekly(\"2024-01-01\")): give the partitions to run (2024-01-07...2024-02-18)"},
		{[]runtime.Key{"raw"}, keysOf("2024-13-01"), `partitions 2024-13-01: asset raw: unknown partition "2024-13-01" (did you mean "2024-01-01"?); valid: 2024-01-01...2024-02-29`},
		{[]runtime.Key{"raw", "by_region"}, keysOf("eu"), "partitions eu: asset raw (Daily(\"2024-01-01\")) has no partition that is or overlaps one requested; its partitions: 2024-01-01...2024-02-29"},
		{[]runtime.Key{"raw", "by_region"}, keysOf("uss"), "partitions uss: asset by_region: unknown partition \"uss\" (did you mean \"us\"?); valid: \"eu\", \"us\", \"apac\"\n" +
			"partitions uss: asset raw: unknown partition \"uss\"; valid: 2024-01-01...2024-02-29"},
		{[]runtime.Key{"raw"}, rangeOf("2024-01-05", "2024-01-01"), "partitions 2024-01-05...2024-01-01: asset raw: partition range 2024-01-05...2024-01-01: the end comes before the start"},
		// A multi-dimensional asset beside them says what is wrong in
		// each dimension, not that the request lacks a dimension.
		{[]runtime.Key{"raw", "cells"}, keysOf("2024-02-30"), `partitions 2024-02-30: asset cells: date: unknown partition "2024-02-30" (did you mean "2024-01-30"?); valid: 2024-01-01...2024-02-29; region: unknown partition "2024-02-30"; valid: "eu", "us", "apac"` + "\n" +
			`partitions 2024-02-30: asset raw: unknown partition "2024-02-30" (did you mean "2024-01-30"?); valid: 2024-01-01...2024-02-29`},
		{[]runtime.Key{"raw", "cells"}, rangeOf("2024-01-05", "2024-03-12"), `partitions 2024-01-05...2024-03-12: asset cells: date: end of range: unknown partition "2024-03-12" (did you mean "2024-01-12"?); valid: 2024-01-01...2024-02-29; region: start of range: unknown partition "2024-01-05"; valid: "eu", "us", "apac"` + "\n" +
			`partitions 2024-01-05...2024-03-12: asset raw: end of range: unknown partition "2024-03-12" (did you mean "2024-01-12"?); valid: 2024-01-01...2024-02-29`},
		{[]runtime.Key{"cells"}, keysOf("2024-01-01|eu|x"), `partitions 2024-01-01|eu|x: asset cells: unknown partition "2024-01-01|eu|x": 3 part(s); want 2, date|region; valid: date 2024-01-01...2024-02-29 x region "eu", "us", "apac"`},
		{[]runtime.Key{"raw"}, runtime.Partitions{Keys: []string{"2024-01-01"}, Range: partition.Range{Start: "2024-01-01", End: "2024-01-02"}},
			"partitions: give keys (2024-01-01) or a range (2024-01-01...2024-01-02), not both"},
		{[]runtime.Key{"report"}, keysOf("2024-01-01"), "partitions 2024-01-01: no selected asset is partitioned"},
		{[]runtime.Key{"raw"}, runtime.Partitions{Assets: map[runtime.Key][]string{"raw": {"2024-01-01"}, "report": nil}}, ""},
	} {
		_, err := defs.Plan(runtime.Options{Env: march, Selection: c.sel, Partitions: c.req})
		if c.want == "" {
			assert.NoError(t, err)
			continue
		}
		require.Error(t, err, "%v %v", c.sel, c.req)
		assert.Equal(t, c.want, err.Error())
		var re *runtime.RequestError
		assert.True(t, errors.As(err, &re), "a request error: %v", err)
	}
}

// Mapping problems found when planning name the asset, input and
// partition.
func TestPlanMappingErrors(t *testing.T) {
	late := partition.Daily("2024-01-10")
	defs := defsOf(memory.New(),
		part("early", daily, nil, from("late", nil)),
		part("late", late, nil),
		part("week", daily, nil, from("early", partition.TimeWindow(-6, 0))))
	_, err := defs.Plan(runtime.Options{Env: march, Selection: []runtime.Key{"early"}, Partitions: rangeOf("2024-01-08", "2024-01-11")})
	assert.EqualError(t, err, "asset early, partition 2024-01-08: input late (from late): upstream partitions that do not exist (yet): 2024-01-08 (mapping window) (and 1 more step(s) alike)")
	var re *runtime.RequestError
	assert.True(t, errors.As(err, &re))

	_, err = defs.Plan(runtime.Options{Env: march, Selection: []runtime.Key{"week"}, Partitions: keysOf("2024-01-08", "2024-01-09")})
	assert.EqualError(t, err, "asset week, partition 2024-01-08: input early (from early): the parameter takes one upstream partition, but mapping window(-6...0) gives 7 (2024-01-02...2024-01-08) (and 1 more step(s) alike)")
	assert.False(t, errors.As(err, &re), "a problem of the definitions")

	// Found without partitions: mappings that cannot be.
	ny := partition.Daily("2024-01-01", partition.Zone("America/New_York"))
	for _, c := range []struct {
		def  *runtime.AssetDef
		want string
	}{
		{part("a", daily, nil, from("ny", partition.TimeWindow(-1, 0))), "asset a: input ny (from ny): window(-1...0): the upstream's time zone America/New_York differs from the downstream's UTC"},
		{part("a", daily, nil, from("plain", partition.Last())), "asset a: input plain (from plain): mapping last: the upstream is not partitioned"},
		{part("a", daily, nil, from("regional", nil)), "asset a: input regional (from regional): no default partition mapping from static partitions NewStatic(\"eu\", \"us\", \"apac\") to time partitions Daily(\"2024-01-01\"): give one, such as all or static(DOWN=UP;...)"},
		{part("a", regions, nil, from("regional", partition.StaticMap(map[string][]string{"eu": {"europe"}}))), "asset a: input regional (from regional): static map: the upstream has no partition \"europe\""},
		{part("a", daily, nil, gathered("other", intType, runtime.GatherMap, nil)), "asset a: input other (from other): Gather is map, but the parameter's type int is not a map[string]T"},
		{part("a", daily, nil, gathered("plain", reflect.TypeFor[[]int](), runtime.GatherConcat, nil)), "asset a: input plain (from plain): Gather is concat, but the upstream is not partitioned"},
		{&runtime.AssetDef{Key: "a", Partitions: partition.NewStatic("x", "x"), Compute: nopCompute}, "asset a: partitions: NewStatic(\"x\", \"x\"): duplicate key \"x\" (positions 1 and 2)"},
		{&runtime.AssetDef{Key: "a", Backfill: 2, Compute: nopCompute}, "asset a: Backfill 2, but the asset is not partitioned"},
		{&runtime.AssetDef{Key: "a", Partitions: daily, Backfill: -2, Compute: nopCompute}, "asset a: Backfill -2: want 0 or 1 (one partition per step), N > 1, or BackfillSingle"},
		{&runtime.AssetDef{Key: "a", Partitions: daily, Backfill: 7, OutputType: reflect.TypeFor[[]row](), Compute: nopCompute}, "asset a: backfill=7, but its output []runtime_test.row cannot be split by partition: return a map[string]T by partition key, or rows ([]T) with a partition column"},
		{&runtime.AssetDef{Key: "a", Partitions: daily, PartitionColumn: "dy", OutputType: reflect.TypeFor[[]row](), Compute: nopCompute}, "asset a: PartitionColumn \"dy\": runtime_test.row has no column dy (did you mean \"day\"?)"},
		{&runtime.AssetDef{Key: "a", Partitions: regions, PartitionColumn: "day", OutputType: reflect.TypeFor[[]row](), Compute: nopCompute}, "asset a: PartitionColumn \"day\": runtime_test.row.Day (column day) has type time.Time: a partition column of static partitions must be a string holding the partition key"},
		{&runtime.AssetDef{Key: "a", Partitions: daily, PartitionColumn: "n", OutputType: reflect.TypeFor[[]row](), Compute: nopCompute}, "asset a: PartitionColumn \"n\": runtime_test.row.N (column n) has type int: a partition column of time partitions must be a time.Time (in the partition's window) or a string (the partition key)"},
	} {
		defs := defsOf(memory.New(), c.def, part("ny", ny, nil), intAsset("plain", sum(0)), part("regional", regions, nil), part("other", daily, nil))
		assert.EqualError(t, defs.Validate(), c.want)
	}
}

// row is a table row with a partition column.
type row struct {
	Day    time.Time
	Region string
	N      int
}

func nopCompute(*runtime.Context, runtime.Inputs) (any, error) { return nil, nil }

// Planning a backfill of 100,000 steps stays compact: see BenchmarkPlan.
func TestPlanLarge(t *testing.T) {
	defs, env, r := backfill(10, 1000)
	p, err := defs.Plan(runtime.Options{Env: env, Partitions: runtime.Partitions{Range: r}})
	require.NoError(t, err)
	assert.Equal(t, 10_000, p.Len())
	assert.Equal(t, []int32{999}, p.Deps(1999), "a chain per partition")
	assert.Equal(t, "a1 2000-01-01 <- [0]", steps(p)[1000])
}

// Last and static maps order steps like any mapping.
func TestPlanLastAndStaticMap(t *testing.T) {
	continents := partition.NewStatic("europe", "america")
	defs := defsOf(memory.New(),
		part("rates", daily, nil),
		part("priced", daily, nil, from("rates", partition.Last())),
		part("by_region", regions, nil),
		part("continental", continents, nil, gathered("by_region", reflect.TypeFor[map[string]int](), runtime.GatherMap,
			partition.StaticMap(map[string][]string{"europe": {"eu"}, "america": {"us", "apac"}}))))
	p := plan(t, defs, runtime.Options{Selection: []runtime.Key{"rates", "priced"}, Partitions: keysOf("2024-02-28", "2024-02-29")})
	assert.Equal(t, []string{"rates 2024-02-28", "rates 2024-02-29", "priced 2024-02-28 <- [1]", "priced 2024-02-29 <- [1]"}, steps(p))
	p = plan(t, defs, runtime.Options{Selection: []runtime.Key{"rates", "priced"}, Partitions: keysOf("2024-01-01")})
	assert.Equal(t, []runtime.PlanStep{{Key: "priced", Partition: "2024-01-01", Partitions: p.Step(1).Partitions, Loads: []runtime.Key{"rates"}}}, p.Steps()[1:])

	p = plan(t, defs, runtime.Options{Selection: []runtime.Key{"by_region", "continental"}, Partitions: runtime.Partitions{Assets: map[runtime.Key][]string{
		"by_region": {"eu", "us", "apac"}, "continental": {"america", "europe"},
	}}})
	assert.Equal(t, []string{"by_region eu", "by_region us", "by_region apac", "continental europe <- [0]", "continental america <- [1 2]"}, steps(p))
}
