package columns

import (
	"cmp"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/assetgen/assetgen/partition"
)

// Of returns the columns of struct t (see [List]).
func Of(t reflect.Type) ([]Column[reflect.Type], error) { return List(reflectView{}, t) }

// PartitionOf returns the partition column name of struct t for
// partitions of kind kind, and whether it holds a time (see [Partition]).
func PartitionOf(t reflect.Type, name string, kind partition.Kind) (Column[reflect.Type], bool, error) {
	return Partition(reflectView{}, t, name, kind)
}

// RowOf returns the struct of row type t, a []T or []*T (see [Row]).
func RowOf(t reflect.Type) (elem reflect.Type, ptr, ok bool) {
	if t == nil {
		return nil, false, false
	}
	return Row(reflectView{}, t)
}

// StreamOf returns the element type E of stream type t (see [Stream]):
// iter.Seq2[E, error], or any type of its underlying type.
func StreamOf(t reflect.Type) (elem reflect.Type, ok bool) {
	if t == nil {
		return nil, false
	}
	return Stream(reflectView{}, t)
}

// StreamRowOf returns the struct of stream type t, a stream of T or *T
// (see [StreamRow]).
func StreamRowOf(t reflect.Type) (elem reflect.Type, ptr, ok bool) {
	if t == nil {
		return nil, false, false
	}
	return StreamRow(reflectView{}, t)
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
	case reflect.Func:
		return Func
	case reflect.String:
		return String
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

func (reflectView) Func(t reflect.Type) (in, out []reflect.Type, variadic bool) {
	for i := range t.NumIn() {
		in = append(in, t.In(i))
	}
	for i := range t.NumOut() {
		out = append(out, t.Out(i))
	}
	return in, out, t.IsVariadic()
}

var (
	boolType  = reflect.TypeFor[bool]()
	errorType = reflect.TypeFor[error]()
)

func (reflectView) Predeclared(t reflect.Type) string {
	switch t {
	case boolType:
		return "bool"
	case errorType:
		return "error"
	}
	return ""
}

// The reflect helpers below serve the table I/O managers, which store the
// columns of [Of] with the same layout rules.

// IsSQLNull reports whether t is one of database/sql's Null types
// (NullString, NullInt64, ..., Null[T]): a value field, then Valid. Such a
// column holds the value's type, NULL when Valid is false.
func IsSQLNull(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && t.PkgPath() == "database/sql" &&
		strings.HasPrefix(t.Name(), "Null") && t.NumField() == 2 &&
		t.Field(1).Name == "Valid" && t.Field(1).Type.Kind() == reflect.Bool
}

// Offset returns the byte offset, in a struct of type t, of the field at
// index (a Column's Index): through embedded structs, never pointers.
func Offset(t reflect.Type, index []int) uintptr {
	var off uintptr
	for _, i := range index {
		f := t.Field(i)
		off, t = off+f.Offset, f.Type
	}
	return off
}

// SortedKeys returns the keys of map m in order: booleans (false first),
// numbers, strings and times. Table managers store a map's entries in this
// order, so that equal maps store equal bytes and get equal data versions.
func SortedKeys(m reflect.Value) []reflect.Value {
	keys := m.MapKeys()
	slices.SortFunc(keys, compareKeys)
	return keys
}

var timeType = reflect.TypeFor[time.Time]()

func compareKeys(a, b reflect.Value) int {
	if a.Type() == timeType {
		return a.Interface().(time.Time).Compare(b.Interface().(time.Time))
	}
	switch a.Kind() {
	case reflect.Bool:
		return cmp.Compare(boolInt(a.Bool()), boolInt(b.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return cmp.Compare(a.Int(), b.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return cmp.Compare(a.Uint(), b.Uint())
	case reflect.Float32, reflect.Float64:
		return cmp.Compare(a.Float(), b.Float())
	case reflect.String:
		return cmp.Compare(a.String(), b.String())
	}
	return 0
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
