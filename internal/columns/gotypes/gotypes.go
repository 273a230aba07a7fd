// Package gotypes applies the column rule of package columns to go/types'
// types, for the generator. It lives apart from package columns so that
// the runtime, which uses columns on reflect, does not link go/types.
package gotypes

import (
	"go/types"

	"github.com/assetgen/assetgen/internal/columns"
	"github.com/assetgen/assetgen/partition"
)

// Of returns the columns of struct t (see columns.List).
func Of(t types.Type) ([]columns.Column[types.Type], error) { return columns.List(view{}, t) }

// Partition returns the partition column name of struct t for partitions
// of kind kind, and whether it holds a time (see columns.Partition).
func Partition(t types.Type, name string, kind partition.Kind) (columns.Column[types.Type], bool, error) {
	return columns.Partition(view{}, t, name, kind)
}

// RowOf returns the struct of row type t, a []T or []*T (see columns.Row).
func RowOf(t types.Type) (elem types.Type, ptr, ok bool) { return columns.Row(view{}, t) }

// StreamOf returns the element type of stream type t (see columns.Stream).
func StreamOf(t types.Type) (elem types.Type, ok bool) {
	if t == nil {
		return nil, false
	}
	return columns.Stream(view{}, t)
}

// StreamRowOf returns the struct of stream type t, a stream of T or *T
// (see columns.StreamRow).
func StreamRowOf(t types.Type) (elem types.Type, ptr, ok bool) {
	if t == nil {
		return nil, false, false
	}
	return columns.StreamRow(view{}, t)
}

// view is the columns.View of go/types' types.
type view struct{}

func (view) Kind(t types.Type) columns.Kind {
	switch u := t.Underlying().(type) {
	case *types.Struct:
		return columns.Struct
	case *types.Pointer:
		return columns.Pointer
	case *types.Slice:
		return columns.Slice
	case *types.Signature:
		return columns.Func
	case *types.Basic:
		if u.Info()&types.IsString != 0 {
			return columns.String
		}
	}
	return columns.Other
}

func (view) NumField(t types.Type) int { return t.Underlying().(*types.Struct).NumFields() }

func (view) Field(t types.Type, i int) columns.Field[types.Type] {
	st := t.Underlying().(*types.Struct)
	f := st.Field(i)
	return columns.Field[types.Type]{Name: f.Name(), Tag: st.Tag(i), Embedded: f.Embedded(), Type: f.Type()}
}

func (view) Elem(t types.Type) types.Type {
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		return u.Elem()
	case *types.Slice:
		return u.Elem()
	}
	return nil
}

func (view) Name(t types.Type) (pkg, name string) {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return "", ""
	}
	return n.Obj().Pkg().Path(), n.Obj().Name()
}

func (view) Func(t types.Type) (in, out []types.Type, variadic bool) {
	sig := t.Underlying().(*types.Signature)
	for v := range sig.Params().Variables() {
		in = append(in, v.Type())
	}
	for v := range sig.Results().Variables() {
		out = append(out, v.Type())
	}
	return in, out, sig.Variadic()
}

func (view) Predeclared(t types.Type) string {
	switch {
	case types.Unalias(t) == types.Typ[types.Bool]:
		return "bool"
	case types.Unalias(t) == types.Universe.Lookup("error").Type():
		return "error"
	}
	return ""
}
