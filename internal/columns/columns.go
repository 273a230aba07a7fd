// Package columns owns the rule that maps a Go struct to the columns of a
// table. The generator checks column-subset edges with it (on go/types,
// through package gotypes), and the runtime's projection and every table
// I/O manager store and load with it (on reflect, through [Of]), so that
// an edge the generator accepts is one the I/O managers can serve.
//
// The rule, written once in [List] for any representation of Go types:
//
//   - Every exported field is a column, named by its `db` tag (the text
//     before a comma; options after it are ignored), else by its name in
//     snake_case (UserID -> user_id). `db:"-"` skips a field; `db:"-,"`
//     names a column "-", as in encoding/json. Unexported fields are never
//     columns.
//   - An embedded struct without a name in its tag (untagged, or options
//     only, like `db:",omitempty"`) has its fields promoted, recursively, to
//     at most [MaxDepth] levels; its own type may be unexported. An embedded
//     struct with a tag name is one column of that name, like any field.
//   - Some structs are single values, never promoted: time.Time and the
//     Null types of database/sql (sql.NullString, ..., sql.Null[T]). An
//     embedded one is a column named after its type (time.Time: "time").
//   - An embedded pointer to a struct without a tag name is an error: its
//     fields cannot be promoted (the pointer may be nil).
//   - Column names match case-insensitively ([Fold]), as in SQL: two fields
//     whose names fold alike are an error naming both, wherever they are
//     (a promoted field does not hide another as in Go).
//   - A name must be valid UTF-8 of at most 255 bytes without NUL.
//   - A struct with no column is an error ([ErrNoColumns]).
//
// A table is a slice of rows ([]T or []*T, see [Row]) or a stream of them
// ([Stream]): a function of type func(yield func(E, error) bool), which
// iter.Seq2[E, error] is, E being T or *T ([StreamRow]).
//
// Errors name Go fields by their path from the row struct ("Audit.Created")
// and never by type, so they read the same in every representation.
package columns

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/assetgen/assetgen/internal/ident"
)

// MaxDepth is how deep embedded structs may nest.
const MaxDepth = 16

// ErrNoColumns is the error of a struct without columns.
var ErrNoColumns = errors.New(`no columns (every field is unexported or skipped with db:"-")`)

// Kind is the kind of a type's underlying type, as far as the rule cares.
type Kind uint8

// The kinds.
const (
	Other Kind = iota
	Struct
	Pointer
	Slice
	Func
	String
)

// View is how the rule sees one representation T of Go types (reflect.Type,
// go/types' types.Type): thin questions, with no rule of their own.
type View[T any] interface {
	// Kind returns the kind of t's underlying type.
	Kind(t T) Kind
	// NumField returns the number of fields of t, whose Kind is Struct.
	NumField(t T) int
	// Field returns field i of t, whose Kind is Struct.
	Field(t T, i int) Field[T]
	// Elem returns the element type of t, whose Kind is Pointer or Slice.
	Elem(t T) T
	// Name returns the package path and the name (without type arguments)
	// of t, if t is a defined type; empty strings otherwise.
	Name(t T) (pkg, name string)
	// Func returns the parameter and result types of t, whose Kind is
	// Func, and whether its last parameter is variadic.
	Func(t T) (in, out []T, variadic bool)
	// Predeclared returns "bool" or "error" when t is that predeclared
	// type itself; "" otherwise.
	Predeclared(t T) string
}

// Field is a struct field as a View reports it.
type Field[T any] struct {
	Name     string // the field's name; an embedded field's is its type's name
	Tag      string // the whole struct tag
	Embedded bool
	Type     T
}

// Column is one column of a row struct.
type Column[T any] struct {
	Name  string // as written: the tag's name, else the field name in snake_case
	Field string // the Go field's path from the row struct: "Audit.Created"
	Index []int  // the field's index path, as reflect's FieldByIndex takes it
	Type  T      // the field's type
}

// Fold returns the form of a column name under which names match: two
// names are the same column when their folded forms are equal.
func Fold(name string) string { return strings.ToLower(name) }

// single reports whether the defined type pkg.name is a struct stored as
// one value: time.Time and database/sql's Null types.
func single(pkg, name string) bool {
	return pkg == "time" && name == "Time" || pkg == "database/sql" && strings.HasPrefix(name, "Null")
}

// promoted reports whether the fields of t, the type of an embedded field
// without a tag name, become columns of the outer struct.
func promoted[T any](v View[T], t T) bool {
	return v.Kind(t) == Struct && !single(v.Name(t))
}

// Row returns the struct T of a row type, t being []T or []*T with T a
// struct (not a single value such as time.Time), and whether the elements
// are pointers.
func Row[T any](v View[T], t T) (elem T, ptr, ok bool) {
	if v.Kind(t) != Slice {
		return elem, false, false
	}
	elem = v.Elem(t)
	if v.Kind(elem) == Pointer {
		elem, ptr = v.Elem(elem), true
	}
	return elem, ptr, promoted(v, elem)
}

// Stream returns the element type E of a stream, t being a function type
// func(yield func(E, error) bool) (iter.Seq2[E, error], or any type whose
// underlying type that is), and whether t is one.
func Stream[T any](v View[T], t T) (elem T, ok bool) {
	if v.Kind(t) != Func {
		return elem, false
	}
	in, out, variadic := v.Func(t)
	if len(in) != 1 || len(out) != 0 || variadic || v.Kind(in[0]) != Func {
		return elem, false
	}
	yin, yout, yvariadic := v.Func(in[0])
	if len(yin) != 2 || len(yout) != 1 || yvariadic || v.Predeclared(yin[1]) != "error" || v.Predeclared(yout[0]) != "bool" {
		return elem, false
	}
	return yin[0], true
}

// StreamRow returns the struct T of a stream of rows, t being a stream
// (see [Stream]) of T or *T with T a struct (not a single value such as
// time.Time), and whether the elements are pointers.
func StreamRow[T any](v View[T], t T) (elem T, ptr, ok bool) {
	elem, ok = Stream(v, t)
	if !ok {
		return elem, false, false
	}
	if v.Kind(elem) == Pointer {
		elem, ptr = v.Elem(elem), true
	}
	return elem, ptr, promoted(v, elem)
}

// List returns the columns of struct t in field order, or an error saying
// why t has no well-defined columns.
func List[T any](v View[T], t T) ([]Column[T], error) {
	w := walker[T]{v: v, seen: map[string]int{}}
	if err := w.walk(t, nil, "", 0); err != nil {
		return nil, err
	}
	if len(w.cols) == 0 {
		return nil, ErrNoColumns
	}
	return w.cols, nil
}

type walker[T any] struct {
	v    View[T]
	cols []Column[T]
	seen map[string]int // folded name -> index in cols
}

func (w *walker[T]) walk(t T, index []int, prefix string, depth int) error {
	for i := range w.v.NumField(t) {
		f := w.v.Field(t, i)
		tag := reflect.StructTag(f.Tag).Get("db")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		path := prefix + f.Name
		idx := append(index[:len(index):len(index)], i)
		if f.Embedded && name == "" {
			if promoted(w.v, f.Type) {
				if depth == MaxDepth {
					return fmt.Errorf("field %s: embedded structs nest deeper than %d levels", path, MaxDepth)
				}
				if err := w.walk(f.Type, idx, path+".", depth+1); err != nil {
					return err
				}
				continue
			}
			if w.v.Kind(f.Type) == Pointer && promoted(w.v, w.v.Elem(f.Type)) {
				return fmt.Errorf("field %s: the fields of an embedded pointer to a struct are not promoted to columns: embed the struct, give the field a db tag name (one column) or skip it with db:\"-\"", path)
			}
		}
		if !exported(f.Name) {
			continue
		}
		if name == "" {
			name = ident.Snake(f.Name)
		}
		if err := checkName(name); err != nil {
			return fmt.Errorf("field %s: %w", path, err)
		}
		key := Fold(name)
		if j, dup := w.seen[key]; dup {
			prev := w.cols[j]
			if prev.Name == name {
				return fmt.Errorf("fields %s and %s both map to column %q", prev.Field, path, name)
			}
			return fmt.Errorf("fields %s (column %q) and %s (column %q) map to one column: column names match case-insensitively", prev.Field, prev.Name, path, name)
		}
		w.seen[key] = len(w.cols)
		w.cols = append(w.cols, Column[T]{Name: name, Field: path, Index: idx, Type: f.Type})
	}
	return nil
}

// exported reports whether a field name is exported, as go/token does.
func exported(name string) bool {
	r, _ := utf8.DecodeRuneInString(name)
	return unicode.IsUpper(r)
}

// checkName rejects column names a table cannot hold. Any other text is
// fine: the I/O managers always quote names.
func checkName(name string) error {
	switch {
	case !utf8.ValidString(name):
		return fmt.Errorf("column name %q is not valid UTF-8", name)
	case strings.IndexByte(name, 0) >= 0:
		return fmt.Errorf("column name %q contains a NUL byte", name)
	case len(name) > 255:
		return fmt.Errorf("column name %.20q... is longer than 255 bytes", name)
	}
	return nil
}

// Mismatch is why a row is not a column subset of another: a column of
// the narrower row that the wider one lacks, or has with a type that does
// not fit.
type Mismatch[T any] struct {
	Want Column[T]  // the narrower row's column
	Have *Column[T] // the wider row's column of that name; nil when it has none
}

// Format describes m, writing types with str and calling the wider row's
// struct row.
func (m *Mismatch[T]) Format(str func(T) string, row string) string {
	if m.Have == nil {
		return fmt.Sprintf("field %s (column %s) has no column in %s", m.Want.Field, m.Want.Name, row)
	}
	return fmt.Sprintf("field %s (column %s) has type %s, but %s.%s is %s",
		m.Want.Field, m.Want.Name, str(m.Want.Type), row, m.Have.Field, str(m.Have.Type))
}

// Subset matches every column of want (a narrower row, as a parameter may
// select the columns of a table it reads) to the column of have with its
// name, case-insensitively, whose type must fit: fits(have, want). It
// returns for each column of want the index of its match in have, or the
// first column of want, in field order, that has none.
func Subset[T any](have, want []Column[T], fits func(have, want T) bool) ([]int, *Mismatch[T]) {
	byName := make(map[string]int, len(have))
	for i, c := range have {
		byName[Fold(c.Name)] = i
	}
	out := make([]int, len(want))
	for i, c := range want {
		j, ok := byName[Fold(c.Name)]
		if !ok {
			return nil, &Mismatch[T]{Want: c}
		}
		if !fits(have[j].Type, c.Type) {
			return nil, &Mismatch[T]{Want: c, Have: &have[j]}
		}
		out[i] = j
	}
	return out, nil
}
