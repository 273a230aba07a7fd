package runtime_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/memory"
)

type Base struct {
	Created time.Time
}

type Person struct {
	Base
	UserID int64
	Name   string
	Email  *string
	Secret string `db:"-"`
	Alias  string `db:"nick"`
}

type Narrow struct {
	Nick   string `db:"nick"`
	UserId int64  // column user_id, as UserID
	Base
}

// A parameter may select the columns of a table it reads: a slice of a
// narrower struct is filled field by field from the stored rows, with the
// memory I/O manager as with a table I/O manager.
func TestLoadColumnSubset(t *testing.T) {
	at := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	people := []Person{{Base{at}, 1, "Ann", nil, "s", "a"}, {Base{}, 2, "Bob", nil, "t", "b"}}
	up := &runtime.AssetDef{
		Key:        "people",
		OutputType: reflect.TypeFor[[]Person](),
		Compute:    func(*runtime.Context, runtime.Inputs) (any, error) { return people, nil },
	}
	var got []Narrow
	var gotPtr []*Narrow
	down := &runtime.AssetDef{
		Key: "names",
		Inputs: []runtime.Input{
			{Name: "people", Key: "people", Type: reflect.TypeFor[[]Narrow]()},
			{Name: "people", Key: "people", Type: reflect.TypeFor[[]*Narrow]()},
		},
		Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
			var err error
			if got, err = runtime.Load[[]Narrow](ctx, in, 0); err != nil {
				return nil, err
			}
			gotPtr, err = runtime.Load[[]*Narrow](ctx, in, 1)
			return nil, err
		},
	}
	defs := &runtime.Definitions{Assets: []*runtime.AssetDef{up, down}, IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: memory.New()}}
	res, err := runtime.Materialize(context.Background(), defs, runtime.Options{})
	require.NoError(t, err)
	require.True(t, res.OK(), "%+v", res.Steps)
	want := []Narrow{{"a", 1, Base{at}}, {"b", 2, Base{}}}
	assert.Equal(t, want, got)
	assert.Equal(t, []*Narrow{&want[0], &want[1]}, gotPtr)
}

// A struct with a column the rows do not have is still refused, naming
// the input.
func TestLoadColumnSubsetMissing(t *testing.T) {
	type Other struct{ Missing string }
	up := &runtime.AssetDef{
		Key:        "people",
		OutputType: reflect.TypeFor[[]Person](),
		Compute:    func(*runtime.Context, runtime.Inputs) (any, error) { return []Person{{Name: "Ann"}}, nil },
	}
	down := &runtime.AssetDef{
		Key:    "other",
		Inputs: []runtime.Input{{Name: "people", Key: "people", Type: reflect.TypeFor[[]Other]()}},
		Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
			_, err := runtime.Load[[]Other](ctx, in, 0)
			return nil, err
		},
	}
	defs := &runtime.Definitions{Assets: []*runtime.AssetDef{up, down}, IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: memory.New()}}
	res, err := runtime.Materialize(context.Background(), defs, runtime.Options{})
	require.NoError(t, err)
	s := res.Step("other")
	require.Equal(t, runtime.StatusFailed, s.Status)
	assert.ErrorContains(t, s.Err, "input people (from people): I/O manager returned []runtime_test.Person, want []runtime_test.Other")
}
