package generator

import (
	"fmt"
	"go/types"
	"reflect"
	"strings"

	"github.com/assetgen/assetgen/internal/ident"
)

// rowElem returns the struct type of a slice of structs ([]T or []*T),
// the shape table I/O managers store one row per element.
func rowElem(t types.Type) (*types.Struct, bool) {
	s, ok := t.Underlying().(*types.Slice)
	if !ok {
		return nil, false
	}
	e := s.Elem()
	if p, ok := e.Underlying().(*types.Pointer); ok {
		e = p.Elem()
	}
	st, ok := e.Underlying().(*types.Struct)
	return st, ok
}

// column is one column of a row struct: a field named by its db tag, else
// by its name in snake_case, as the table I/O managers name columns.
type column struct {
	name  string // column name
	field string // Go field path, "Inner.Name" for a promoted field
	typ   types.Type
}

// columns lists the columns of st: exported fields, skipping `db:"-"`, with
// the fields of untagged embedded structs promoted. Keys are lower case,
// as column names match case-insensitively.
func columns(st *types.Struct) map[string]column {
	out := map[string]column{}
	var walk func(st *types.Struct, prefix string, depth int)
	walk = func(st *types.Struct, prefix string, depth int) {
		for i := 0; i < st.NumFields(); i++ {
			f := st.Field(i)
			tag, hasTag := reflect.StructTag(st.Tag(i)).Lookup("db")
			tag, _, _ = strings.Cut(tag, ",")
			if tag == "-" {
				continue
			}
			if f.Embedded() && !hasTag && depth < 8 {
				if inner, ok := f.Type().Underlying().(*types.Struct); ok && !isSpecialStruct(f.Type()) {
					walk(inner, prefix+f.Name()+".", depth+1)
					continue
				}
			}
			if !f.Exported() {
				continue
			}
			name := tag
			if name == "" {
				name = ident.Snake(f.Name())
			}
			if _, dup := out[strings.ToLower(name)]; !dup {
				out[strings.ToLower(name)] = column{name: name, field: prefix + f.Name(), typ: f.Type()}
			}
		}
	}
	walk(st, "", 0)
	return out
}

// isSpecialStruct reports whether t is a struct stored as one column
// (time.Time, database/sql's Null types) rather than promoted.
func isSpecialStruct(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	path, name := n.Obj().Pkg().Path(), n.Obj().Name()
	return path == "time" && name == "Time" || path == "database/sql" && strings.HasPrefix(name, "Null")
}

// projects reports whether a parameter of type param may receive the rows
// of an upstream of type up, both slices of structs, by column: every
// column of param's struct must be a column of up's struct with a type
// assignable to it (Dagster's column selection, here from the type
// itself). It returns why not, naming the first column that does not fit.
func projects(up, param types.Type, qual types.Qualifier) (ok bool, rows bool, why string) {
	us, ok1 := rowElem(up)
	ps, ok2 := rowElem(param)
	if !ok1 || !ok2 {
		return false, false, ""
	}
	have := columns(us)
	want := columns(ps)
	if len(want) == 0 {
		return false, true, "it has no columns"
	}
	for _, key := range sortedKeys(want) {
		w := want[key]
		h, found := have[key]
		if !found {
			return false, true, fmt.Sprintf("field %s (column %s) has no column in %s", w.field, w.name, types.TypeString(elemOf(up), qual))
		}
		if !types.AssignableTo(h.typ, w.typ) {
			return false, true, fmt.Sprintf("field %s (column %s) has type %s, but %s.%s is %s", w.field, w.name,
				types.TypeString(w.typ, qual), types.TypeString(elemOf(up), qual), h.field, types.TypeString(h.typ, qual))
		}
	}
	return true, true, ""
}

// elemOf returns the element type of slice t, without its pointer.
func elemOf(t types.Type) types.Type {
	e := t.Underlying().(*types.Slice).Elem()
	if p, ok := e.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return e
}
