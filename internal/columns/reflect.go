package columns

import (
	"reflect"
	"strings"
)

// Of returns the columns of struct t (see [List]).
func Of(t reflect.Type) ([]Column[reflect.Type], error) { return List(reflectView{}, t) }

// RowOf returns the struct of row type t, a []T or []*T (see [Row]).
func RowOf(t reflect.Type) (elem reflect.Type, ptr, ok bool) {
	if t == nil {
		return nil, false, false
	}
	return Row(reflectView{}, t)
}

// reflectView is the View of reflect's types.
type reflectView struct{}

func (reflectView) Kind(t reflect.Type) Kind {
	switch t.Kind() {
	case reflect.Struct:
		return Struct
	case reflect.Pointer:
		return Pointer
	case reflect.Slice:
		return Slice
	}
	return Other
}

func (reflectView) NumField(t reflect.Type) int { return t.NumField() }

func (reflectView) Field(t reflect.Type, i int) Field[reflect.Type] {
	f := t.Field(i)
	return Field[reflect.Type]{Name: f.Name, Tag: string(f.Tag), Embedded: f.Anonymous, Type: f.Type}
}

func (reflectView) Elem(t reflect.Type) reflect.Type { return t.Elem() }

func (reflectView) Name(t reflect.Type) (pkg, name string) {
	name, _, _ = strings.Cut(t.Name(), "[") // Null[int] is Null
	return t.PkgPath(), name
}
