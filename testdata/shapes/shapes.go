// Package shapes has an asset of every accepted shape.
package shapes

import (
	"context"
	"errors"
	"io"

	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/testdata/lib"
	lib2 "github.com/assetgen/assetgen/testdata/lib/v2"
)

// Row is a struct.
type Row struct {
	ID    int64  `json:"id"`
	Label string `json:"label,omitempty"`
}

// Celsius is a named type.
type Celsius float64

// Rows is an alias.
type Rows = []Row

// Single returns a struct.
//
// asset:
func Single() Row { return Row{ID: 1} }

// Many returns a slice of structs and reads the single row.
//
// asset:
func Many(single Row) []Row { return []Row{single} }

// asset:
func Pointer(many []Row) *Row { return &many[0] }

// asset:
func Lookup(ctx context.Context, many []Row) (map[string]Row, error) {
	m := map[string]Row{}
	for _, r := range many {
		m[r.Label] = r
	}
	return m, ctx.Err()
}

// asset:
func Temperature() Celsius { return 21.5 }

// asset:
func Pairs(lookup map[string]Row) []lib.Pair[string, Row] {
	var ps []lib.Pair[string, Row]
	for k, v := range lookup {
		ps = append(ps, lib.Pair[string, Row]{Key: k, Value: v})
	}
	return ps
}

// asset:
func Table(ctx *runtime.Context, many Rows) (lib.Table[Row], error) {
	ctx.AddMetadata("rows", len(many))
	return lib.Table[Row]{Name: "t", Rows: many}, nil
}

// asset:
func Score(table lib.Table[Row], temperature Celsius) lib.Score {
	return lib.Score(float64(len(table.Rows)) + float64(temperature))
}

// asset:
func Blob() lib.Blob { return lib.Blob("abc") }

// Sized receives a concrete type through an interface parameter.
//
// asset:
func Sized(blob lib.Sizer, pointer any) int { return blob.Size() }

// asset:
func Matrix() [2][3]float64 { return [2][3]float64{} }

// asset:
func Anon() struct {
	X int `json:"x"`
	lib.Score
} {
	return struct {
		X int `json:"x"`
		lib.Score
	}{}
}

// asset:
func Handler() func(int, ...string) (bool, error) { return nil }

// asset:
func Reader() io.Reader { return nil }

// asset:
func Stream() <-chan []Row { return nil }

// Check only fails or succeeds.
//
// asset:
func Check(ctx context.Context) error { return errors.New("x") }

// Touch has no result and no input.
//
// asset:
func Touch() {}

// Both takes two contexts, for no good reason.
//
// asset:
func Both(a context.Context, anon struct {
	X int `json:"x"`
	lib.Score
}, b *runtime.Context, matrix [2][3]float64) ([]lib.Pair[string, lib.Table[*Row]], error) {
	return nil, nil
}

// Secret returns an unexported type through an exported alias.
//
// asset:
func Secret() lib.Hidden { return lib.Hidden{N: 1} }

// Stacked returns an instance of a generic alias.
//
// asset:
func Stacked(secret lib.Hidden) lib.Stack[lib.Hidden] { return lib.Stack[lib.Hidden]{secret} }

// Exotic has a generic map key.
//
// asset:
func Exotic() map[lib.Pair[string, int]][]*Row { return nil }

// Sink returns a send-only channel.
//
// asset:
func Sink() chan<- int { return nil }

// Empty returns a slice of empty interfaces.
//
// asset:
func Empty(exotic map[lib.Pair[string, int]][]*Row) []interface{} { return nil }

// Versioned comes from a second package named lib.
//
// asset:
func Versioned(empty []any, sink chan<- int) (lib2.Thing, error) { return lib2.Thing{Version: 2}, nil }
