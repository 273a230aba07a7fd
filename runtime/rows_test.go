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

// given is the Inputs of a step whose inputs were loaded already.
type given []any

func (g given) Load(_ context.Context, i int) (any, error) { return g[i], nil }

// An embedded struct whose db tag has options but no name has its fields
// promoted, as the generator and the table I/O managers have them (the
// projection used to take it for one column).
func TestLoadColumnSubsetEmbeddedOptions(t *testing.T) {
	type Audit struct{ Created time.Time }
	type Event struct {
		Audit `db:",omitempty"`
		ID    int64
	}
	type When struct{ Created time.Time }
	at := time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)
	got, err := runtime.Load[[]When](nil, given{[]Event{{Audit{at}, 1}, {Audit{}, 2}}}, 0)
	require.NoError(t, err)
	assert.Equal(t, []When{{at}, {}}, got)
}

// Two fields whose column names differ only in case are an error naming
// both, not a silent choice of the first.
func TestLoadColumnSubsetCaseClash(t *testing.T) {
	type Clash struct {
		Lower string `db:"v"`
		Upper string `db:"V"`
	}
	type V struct {
		V string
	}
	_, err := runtime.Load[[]V](nil, given{[]Clash{{"a", "b"}}}, 0)
	assert.EqualError(t, err, `input 0: I/O manager returned []runtime_test.Clash, want []runtime_test.V, which is not a column subset of it: runtime_test.Clash: fields Lower (column "v") and Upper (column "V") map to one column: column names match case-insensitively`)
}

// A column subset that does not fit says which column.
func TestLoadColumnSubsetWhy(t *testing.T) {
	type Row struct{ ID int64 }
	type Wrong struct{ ID string }
	_, err := runtime.Load[[]Wrong](nil, given{[]Row{{1}}}, 0)
	assert.ErrorContains(t, err, "which is not a column subset of it: field ID (column id) has type string, but runtime_test.Row.ID is int64")
}
