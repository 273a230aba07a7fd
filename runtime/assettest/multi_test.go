package assettest_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/assettest"
)

// Split is a multi-asset's result: each field is an output.
type Split struct {
	People []Entity
	Birds  []Entity
}

// SplitAll splits entities by ID, computing only what is selected.
func SplitAll(ctx *runtime.Context, all []Entity) Split {
	var s Split
	for _, e := range all {
		switch {
		case e.ID < 10 && ctx.Selected("people"):
			s.People = append(s.People, e)
		case e.ID >= 10 && ctx.Selected("birds"):
			s.Birds = append(s.Birds, e)
		}
	}
	return s
}

// splitDefs are the definitions the generator writes for SplitAll.
func splitDefs(calls *int) []*runtime.AssetDef {
	m := &runtime.Multi{Name: "SplitAll", Keys: []runtime.Key{"people", "birds"}, CanSubset: true}
	m.Compute = func(ctx *runtime.Context, in runtime.Inputs) ([]any, error) {
		*calls++
		all, err := runtime.Load[[]Entity](ctx, in, 0)
		if err != nil {
			return nil, err
		}
		out := SplitAll(ctx, all)
		return []any{out.People, out.Birds}, nil
	}
	in := []runtime.Input{{Name: "all", Key: "all", Type: reflect.TypeFor[[]Entity]()}}
	return []*runtime.AssetDef{
		{Key: "all", OutputType: reflect.TypeFor[[]Entity](), Compute: func(*runtime.Context, runtime.Inputs) (any, error) {
			return []Entity{{1, "Alice"}, {11, "Robin"}}, nil
		}},
		{Key: "people", OutputType: reflect.TypeFor[[]Entity](), Inputs: in, Multi: m},
		{Key: "birds", OutputType: reflect.TypeFor[[]Entity](), Inputs: in, Multi: m},
	}
}

func TestMaterializeMulti(t *testing.T) {
	calls := 0
	res, err := assettest.Materialize(context.Background(), splitDefs(&calls))
	require.NoError(t, err)
	assert.Equal(t, 1, calls)
	people, err := assettest.Output[[]Entity](res, "people")
	require.NoError(t, err)
	assert.Equal(t, []Entity{{1, "Alice"}}, people)
	birds, err := assettest.Output[[]Entity](res, "birds")
	require.NoError(t, err)
	assert.Equal(t, []Entity{{11, "Robin"}}, birds)

	// A subset: one call, one output stored.
	calls = 0
	res, err = assettest.Materialize(context.Background(), splitDefs(&calls), assettest.Select("all", "birds"))
	require.NoError(t, err)
	assert.Equal(t, 1, calls)
	_, ok := res.Value("people")
	assert.False(t, ok, "people is not selected, but was stored")
	birds, err = assettest.Output[[]Entity](res, "birds")
	require.NoError(t, err)
	assert.Equal(t, []Entity{{11, "Robin"}}, birds)
}

func TestContextSelectedOutsideRun(t *testing.T) {
	// Called directly, with a test's context, the function computes every
	// output.
	s := SplitAll(assettest.Context(context.Background(), "people"), []Entity{{1, "Alice"}, {11, "Robin"}})
	assert.Equal(t, Split{People: []Entity{{1, "Alice"}}, Birds: []Entity{{11, "Robin"}}}, s)
}
