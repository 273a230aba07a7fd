package runtime

import (
	"reflect"
	"strings"

	"github.com/assetgen/assetgen/internal/ident"
)

// project copies rows, a slice of structs ([]T or []*T), into a new slice
// of type want ([]U or []*U) whose struct U has a subset of T's columns:
// the fields named alike by their db tag, else by their name in
// snake_case, matched case-insensitively, as the table I/O managers name
// columns. The generator accepts such a parameter; project lets the I/O
// managers that hand back the stored value (memory) serve it too. It
// reports false when the shapes do not match.
func project(rows reflect.Value, want reflect.Type) (reflect.Value, bool) {
	from, fromPtr, ok := rowStruct(rows.Type())
	if !ok {
		return reflect.Value{}, false
	}
	to, toPtr, ok := rowStruct(want)
	if !ok {
		return reflect.Value{}, false
	}
	have := rowColumns(from)
	type pair struct{ src, dst []int }
	var pairs []pair
	for key, dst := range rowColumns(to) {
		src, ok := have[key]
		if !ok || !from.FieldByIndex(src).Type.AssignableTo(to.FieldByIndex(dst).Type) {
			return reflect.Value{}, false
		}
		pairs = append(pairs, pair{src, dst})
	}
	if rows.IsNil() {
		return reflect.Zero(want), true
	}
	out := reflect.MakeSlice(want, rows.Len(), rows.Len())
	for i := range rows.Len() {
		src := rows.Index(i)
		if fromPtr {
			if src.IsNil() {
				continue // nil row: nil pointer or zero struct
			}
			src = src.Elem()
		}
		dst := out.Index(i)
		if toPtr {
			dst.Set(reflect.New(to))
			dst = dst.Elem()
		}
		for _, p := range pairs {
			dst.FieldByIndex(p.dst).Set(src.FieldByIndex(p.src))
		}
	}
	return out, true
}

// rowStruct returns the struct of a []T or []*T, and whether the elements
// are pointers.
func rowStruct(t reflect.Type) (reflect.Type, bool, bool) {
	if t.Kind() != reflect.Slice {
		return nil, false, false
	}
	e, ptr := t.Elem(), false
	if e.Kind() == reflect.Pointer {
		e, ptr = e.Elem(), true
	}
	return e, ptr, e.Kind() == reflect.Struct
}

// rowColumns maps the lower-case column names of struct t to the index of
// their fields: exported fields, skipping `db:"-"`, with the fields of
// untagged embedded structs promoted (embedded pointers are not followed).
func rowColumns(t reflect.Type) map[string][]int {
	out := map[string][]int{}
	var walk func(t reflect.Type, index []int)
	walk = func(t reflect.Type, index []int) {
		for i := range t.NumField() {
			f := t.Field(i)
			tag, hasTag := f.Tag.Lookup("db")
			tag, _, _ = strings.Cut(tag, ",")
			if tag == "-" {
				continue
			}
			idx := append(append([]int(nil), index...), i)
			if f.Anonymous && !hasTag && f.Type.Kind() == reflect.Struct && !oneColumn(f.Type) {
				walk(f.Type, idx)
				continue
			}
			if !f.IsExported() {
				continue
			}
			name := tag
			if name == "" {
				name = ident.Snake(f.Name)
			}
			if _, dup := out[strings.ToLower(name)]; !dup {
				out[strings.ToLower(name)] = idx
			}
		}
	}
	walk(t, nil)
	return out
}

// oneColumn reports whether struct t is stored as one column (time.Time,
// database/sql's Null types) rather than having its fields promoted.
func oneColumn(t reflect.Type) bool {
	return t.PkgPath() == "time" && t.Name() == "Time" ||
		t.PkgPath() == "database/sql" && strings.HasPrefix(t.Name(), "Null")
}
