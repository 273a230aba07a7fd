package runtime

import (
	"errors"
	"fmt"
	"reflect"

	"github.com/assetgen/assetgen/internal/columns"
)

// project copies rows, a slice of structs ([]T or []*T), into a new slice
// of type want ([]U or []*U) whose struct U has a subset of T's columns,
// by the rule of package columns that the generator checks and the table
// I/O managers load with: fields named alike (by their db tag, else by
// their name in snake_case, case-insensitively) and assignable. The
// generator accepts such a parameter; project lets the I/O managers that
// hand back the stored value (memory) serve it too. It returns
// errNotRows when the shapes are not both rows, and says why when they are
// but do not match.
func project(rows reflect.Value, want reflect.Type) (reflect.Value, error) {
	from, fromPtr, ok := columns.RowOf(rows.Type())
	if !ok {
		return reflect.Value{}, errNotRows
	}
	to, toPtr, ok := columns.RowOf(want)
	if !ok {
		return reflect.Value{}, errNotRows
	}
	wantCols, err := columns.Of(to)
	if err != nil {
		return reflect.Value{}, fmt.Errorf("%v: %w", to, err)
	}
	have, err := columns.Of(from)
	if err != nil {
		return reflect.Value{}, fmt.Errorf("%v: %w", from, err)
	}
	src, m := columns.Subset(have, wantCols, func(h, w reflect.Type) bool { return h.AssignableTo(w) })
	if m != nil {
		return reflect.Value{}, errors.New(m.Format(reflect.Type.String, from.String()))
	}
	if rows.IsNil() {
		return reflect.Zero(want), nil
	}
	out := reflect.MakeSlice(want, rows.Len(), rows.Len())
	for i := range rows.Len() {
		row := rows.Index(i)
		if fromPtr {
			if row.IsNil() {
				continue // nil row: nil pointer or zero struct
			}
			row = row.Elem()
		}
		dst := out.Index(i)
		if toPtr {
			dst.Set(reflect.New(to))
			dst = dst.Elem()
		}
		for j, c := range wantCols {
			dst.FieldByIndex(c.Index).Set(row.FieldByIndex(have[src[j]].Index))
		}
	}
	return out, nil
}

// errNotRows is project's error when a value or a type is not a slice of
// structs.
var errNotRows = errors.New("not a slice of structs")
