package runtime_test

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/memory"
)

// pickyManager stores only ints.
type pickyManager struct{ *memory.Manager }

func (pickyManager) CheckType(t reflect.Type) error {
	if t.Kind() != reflect.Int {
		return errors.New("only ints")
	}
	return nil
}

func str(key runtime.Key) *runtime.AssetDef {
	return &runtime.AssetDef{
		Key: key, OutputType: reflect.TypeFor[string](),
		Compute: func(*runtime.Context, runtime.Inputs) (any, error) { return "s", nil },
	}
}

func TestValidate(t *testing.T) {
	mem := memory.New()
	noCompute := intAsset("no_compute", sum(0))
	noCompute.Compute = nil
	dup := intAsset("orders", sum(0))
	dup.Source = "b.go:3"
	first := intAsset("orders", sum(0))
	first.Source = "a.go:1"
	missingIO := intAsset("to_duck", sum(0))
	missingIO.IOManager = "duck"
	picky1 := str("strings_one")
	picky1.IOManager = "picky"
	picky2 := str("strings_two")
	picky2.IOManager = "picky"
	okPicky := intAsset("int_ok", sum(0))
	okPicky.IOManager = "picky"
	noOutputPicky := sideEffect("side", func(context.Context) error { return nil })
	noOutputPicky.IOManager = "picky"
	negative := intAsset("negative", sum(0))
	negative.Retries = -1

	defs := &runtime.Definitions{
		Assets: []*runtime.AssetDef{
			first,
			dup,
			intAsset("Bad/Key", sum(0)),
			intAsset("a//b", sum(0)),
			intAsset("../x", sum(0)),
			nil,
			intAsset("uses_missing", sum(0), "order"),
			intAsset("uses_other_package", sum(0), "crm/customers"),
			sideEffect("uses_dep", func(context.Context) error { return nil }, "ordrs", "orders"),
			intAsset("uses_side", sum(0), "side"),
			noCompute,
			missingIO,
			picky1, picky2, okPicky, noOutputPicky,
			negative,
			intAsset("cyc_a", sum(0), "cyc_c"),
			intAsset("cyc_b", sum(0), "cyc_a"),
			intAsset("cyc_c", sum(0), "cyc_b"),
			intAsset("self", sum(0), "self"),
		},
		IOManagers: map[string]runtime.IOManager{
			runtime.DefaultIOManager: mem,
			"picky":                  pickyManager{mem},
		},
	}
	err := defs.Validate()
	require.Error(t, err)
	want := []string{
		`asset cyc_a: cycle: cyc_a -> cyc_b -> cyc_c -> cyc_a (each asset feeds the next)`,
		`asset definition #2: invalid asset key "Bad/Key": component "Bad": want a lower-case identifier ([a-z_][a-z0-9_]*)`,
		`asset definition #3: invalid asset key "a//b": component "": want a lower-case identifier ([a-z_][a-z0-9_]*)`,
		`asset definition #4: invalid asset key "../x": component "..": want a lower-case identifier ([a-z_][a-z0-9_]*)`,
		`asset definition #5 is nil`,
		`asset negative: negative Retries -1`,
		`asset no_compute: no Compute function`,
		`asset orders: defined twice: a.go:1, b.go:3`,
		`asset self: cycle: input self reads the asset itself: the asset is not partitioned`,
		`asset strings_one: I/O manager "picky" cannot store its output type string: only ints`,
		`asset strings_two: I/O manager "picky" cannot store its output type string: only ints`,
		`asset to_duck: needs I/O manager "duck", which is not defined (defined: io_manager, picky)`,
		`asset uses_dep: deps names no asset "ordrs" (did you mean "orders"?)`,
		`asset uses_missing: input order names no asset "order" (did you mean "orders"?)`,
		`asset uses_other_package: input customers names no asset "crm/customers" (declared in another package? add that package's Assets() to the Definitions)`,
		`asset uses_side: input side names asset side, which has no output (its function returns no value); use deps to order after it`,
	}
	assert.Equal(t, strings.Join(want, "\n"), err.Error())

	// Materialize refuses to start, with the same report.
	res, err2 := runtime.Materialize(context.Background(), defs, runtime.Options{})
	assert.Nil(t, res)
	require.Error(t, err2)
	assert.Equal(t, err.Error(), err2.Error())
}

func TestValidateOK(t *testing.T) {
	defs := defsOf(memory.New(), intAsset("a", sum(0)), intAsset("b", sum(0), "a"),
		// No I/O manager is needed for an asset without output.
		&runtime.AssetDef{Key: "ext", IOManager: "nowhere", Compute: func(*runtime.Context, runtime.Inputs) (any, error) { return nil, nil }})
	assert.NoError(t, defs.Validate())
	assert.EqualError(t, (&runtime.Definitions{Assets: []*runtime.AssetDef{intAsset("a", sum(0))}}).Validate(),
		`asset a: needs I/O manager "io_manager", which is not defined (none is defined)`)
}

// TestValidateKeyLength checks the length limits of keys, which every
// I/O manager can store: a component of 64 bytes, and a key of 256, are
// refused before anything runs.
func TestValidateKeyLength(t *testing.T) {
	c63 := strings.Repeat("c", 63)
	long := runtime.Key(strings.Repeat("n", 64))
	deep := runtime.Key(strings.Join([]string{c63, c63, c63, c63 + "x"}, "/")) // 256 bytes
	ok := runtime.Key(strings.Join([]string{c63, c63, c63, c63}, "/"))         // 255 bytes
	defs := defsOf(memory.New(), intAsset(long, sum(0)), intAsset(deep, sum(0)), intAsset(ok, sum(0)))
	assert.EqualError(t, defs.Validate(),
		`asset definition #0: invalid asset key "`+string(long)+`": component "`+string(long)+`": 64 bytes long; a key component may have at most 63`+"\n"+
			`asset definition #1: invalid asset key "`+string(deep)+`": 256 bytes long; a key may have at most 255`)
	assert.NoError(t, defsOf(memory.New(), intAsset(ok, sum(0))).Validate())
}

func TestPlan(t *testing.T) {
	defs := defsOf(memory.New(), intAsset("c", sum(0), "b"), intAsset("b", sum(0), "a"), intAsset("a", sum(0)), intAsset("z", sum(0)),
		sideEffect("after", func(context.Context) error { return nil }, "c", "z"))
	defs.Assets[4].Inputs = []runtime.Input{{Name: "b", Key: "b", Type: reflect.TypeFor[int]()}}
	p, err := defs.Plan(runtime.Options{})
	require.NoError(t, err)
	assert.Equal(t, []runtime.Key{"a", "z", "b", "c", "after"}, p.Keys())
	// Only edges between selected assets order them: c reads b's last
	// materialization and need not wait for a.
	p, err = defs.Plan(runtime.Options{Selection: []runtime.Key{"c", "a"}})
	require.NoError(t, err)
	assert.Equal(t, []runtime.Key{"c", "a"}, p.Keys())
	// A dep outside the run is neither waited for nor loaded; an input
	// outside it is loaded.
	p, err = defs.Plan(runtime.Options{Selection: []runtime.Key{"after", "z"}})
	require.NoError(t, err)
	assert.Equal(t, []runtime.PlanStep{
		{Key: "z"},
		{Key: "after", After: []runtime.Key{"z"}, Loads: []runtime.Key{"b"}},
	}, p.Steps())
	_, err = defs.Plan(runtime.Options{Selection: []runtime.Key{"y"}})
	assert.EqualError(t, err, `selection: no asset "y"`)
	_, err = defs.Plan(runtime.Options{Selection: []runtime.Key{"bb"}})
	assert.EqualError(t, err, `selection: no asset "bb" (did you mean "b"?)`)
	// Materialize runs the plan's order.
	var started []runtime.Key
	_, err = runtime.Materialize(context.Background(), defs, runtime.Options{Selection: []runtime.Key{"c", "after", "b"},
		OnEvent: func(e runtime.Event) {
			if e.Type == runtime.RunStart {
				started = e.Keys
			}
		}})
	require.NoError(t, err)
	p, err = defs.Plan(runtime.Options{Selection: []runtime.Key{"c", "after", "b"}})
	require.NoError(t, err)
	assert.Equal(t, p.Keys(), started)
}

// A run checks what it needs, and only that: an asset it neither runs nor
// loads cannot stop it, while one it loads can.
func TestPlanValidatesWhatTheRunNeeds(t *testing.T) {
	mem := memory.New()
	unstorable := str("title")
	unstorable.IOManager = "picky"
	unstorable.Source = "news.go:12"
	noCompute := intAsset("no_compute", sum(0))
	noCompute.Compute = nil
	reader := &runtime.AssetDef{Key: "reader", Inputs: []runtime.Input{{Name: "title", Key: "title", Type: reflect.TypeFor[string]()}},
		Compute: func(*runtime.Context, runtime.Inputs) (any, error) { return nil, nil }}
	defs := &runtime.Definitions{
		Assets:     []*runtime.AssetDef{intAsset("a", sum(1)), unstorable, noCompute, reader, intAsset("b", sum(0), "a")},
		IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: mem, "picky": pickyManager{mem}},
	}
	const titleErr = `asset title (news.go:12): I/O manager "picky" cannot store its output type string: only ints`
	p, err := defs.Plan(runtime.Options{Selection: []runtime.Key{"a", "b"}})
	require.NoError(t, err)
	assert.Equal(t, []runtime.Key{"a", "b"}, p.Keys())
	res, err := runtime.Materialize(context.Background(), defs, runtime.Options{Selection: []runtime.Key{"b", "a"}})
	require.NoError(t, err)
	assert.True(t, res.OK())

	// reader loads title, which cannot have been stored.
	_, err = defs.Plan(runtime.Options{Selection: []runtime.Key{"reader"}})
	assert.EqualError(t, err, titleErr)
	_, err = defs.Plan(runtime.Options{Selection: []runtime.Key{"title", "no_compute"}})
	assert.EqualError(t, err, "asset no_compute: no Compute function\n"+titleErr)
	_, err = runtime.Materialize(context.Background(), defs, runtime.Options{Selection: []runtime.Key{"reader"}})
	assert.EqualError(t, err, titleErr)
	assert.EqualError(t, defs.Validate(), "asset no_compute: no Compute function\n"+titleErr)

	// The shape of the graph concerns every run and every command.
	defs.Assets = append(defs.Assets, intAsset("loose", sum(0), "nowhere"))
	_, err = defs.Plan(runtime.Options{Selection: []runtime.Key{"a"}})
	assert.ErrorContains(t, err, `asset loose: input nowhere names no asset "nowhere"`)
	_, err = defs.Graph()
	assert.EqualError(t, err, `asset loose: input nowhere names no asset "nowhere" (declared in another package? add that package's Assets() to the Definitions)`)
}

// Graph checks the shape only: I/O managers and functions are a run's
// concern.
func TestGraphShape(t *testing.T) {
	noCompute := intAsset("b", sum(0), "a")
	noCompute.Compute = nil
	defs := &runtime.Definitions{Assets: []*runtime.AssetDef{intAsset("a", sum(0)), noCompute}}
	g, err := defs.Graph()
	require.NoError(t, err)
	i, ok := g.Index("b")
	require.True(t, ok)
	assert.Equal(t, []int32{0}, g.Upstream(i))
	assert.Error(t, defs.Validate())
}

// A key defined more than once is one problem, naming each place once.
func TestDefinedTwice(t *testing.T) {
	at := func(src string) *runtime.AssetDef {
		d := intAsset("orders", sum(0))
		d.Source = src
		return d
	}
	for _, c := range []struct {
		defs []*runtime.AssetDef
		want string
	}{
		{[]*runtime.AssetDef{at("a.go:1"), at("b.go:3")}, "asset orders: defined twice: a.go:1, b.go:3"},
		{[]*runtime.AssetDef{at("a.go:1"), at("b.go:3"), at("a.go:1")}, "asset orders: defined 3 times: a.go:1, b.go:3"},
		{[]*runtime.AssetDef{at("crm.go:4"), at("crm.go:4")},
			"asset orders: defined twice, both times at crm.go:4 (are one package's Assets() in the Definitions twice?)"},
		{[]*runtime.AssetDef{at("crm.go:4"), at("crm.go:4"), at("crm.go:4")},
			"asset orders: defined 3 times, each time at crm.go:4 (are one package's Assets() in the Definitions more than once?)"},
		{[]*runtime.AssetDef{at(""), at("")}, "asset orders: defined twice"},
	} {
		defs := defsOf(memory.New(), c.defs...)
		_, err := defs.Graph()
		assert.EqualError(t, err, c.want)
		assert.EqualError(t, defs.Validate(), c.want)
	}
}

// A transposition of two letters, the commonest typo, is one edit, so the
// selection suggests the asset meant.
func TestDidYouMeanTransposition(t *testing.T) {
	defs := &runtime.Definitions{
		Assets:     []*runtime.AssetDef{intAsset("people", sum(1)), intAsset("birds", sum(2))},
		IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: memory.New()},
	}
	_, err := defs.Plan(runtime.Options{Selection: []runtime.Key{"brids"}})
	assert.EqualError(t, err, `selection: no asset "brids" (did you mean "birds"?)`)
}
