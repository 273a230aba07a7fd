package blob

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress"
	"github.com/parquet-go/parquet-go/encoding"

	"github.com/assetgen/assetgen/internal/columns"
	"github.com/assetgen/assetgen/internal/memo"
)

// kind is how a Go value is stored in Parquet.
type kind uint8

const (
	kBool kind = iota
	kInt8
	kInt16
	kInt32
	kInt64 // int64 and time.Duration (nanoseconds)
	kInt
	kUint8
	kUint16
	kUint32
	kUint64
	kUint
	kFloat32
	kFloat64
	kString
	kBytes  // []byte: optional BYTE_ARRAY, NULL when nil
	kFixed  // [N]byte: FIXED_LEN_BYTE_ARRAY(N)
	kTime   // time.Time: TIMESTAMP(MICROS, UTC)
	kPtr    // *T: optional T, NULL when nil
	kNull   // sql.NullString, sql.Null[T], ...: optional T, NULL when !Valid
	kStruct // group of the struct's columns
	kList   // []T: optional LIST, NULL when nil
	kArray  // [N]T: required LIST of N elements
	kMap    // map[K]V: optional MAP, NULL when nil, entries in key order
)

var timeType = reflect.TypeFor[time.Time]()

// node is how the Go value at one place of a row is stored: its Parquet
// node, its levels and the leaf columns below it. A type used at two places
// has two nodes, since levels depend on the place.
type node struct {
	kind kind
	t    reflect.Type
	pq   parquet.Node

	elem   *node    // kPtr, kNull: the value; kList, kArray: the element; kMap: the value
	key    *node    // kMap
	fields []*field // kStruct

	valueOff, validOff uintptr // kNull: offsets of the value and of Valid

	// def is the definition level of the place: the level the leaves
	// below get when the value is absent here (an ancestor is NULL).
	def int
	// rep is the repetition level of the place, and for kList, kArray
	// and kMap that of their elements (one more).
	rep int
	// first and last bound the leaf columns below, [first, last).
	first, last int
}

// optional reports whether the node itself holds NULL.
func (n *node) optional() bool {
	switch n.kind {
	case kPtr, kNull, kBytes, kList, kMap:
		return true
	}
	return false
}

// leaf reports whether the node is one column.
func (n *node) leaf() bool { return n.kind <= kTime }

// field is a struct field stored as a column of its group.
type field struct {
	name   string // the column name, by package columns' rule
	goName string // the Go field's path, for messages
	offset uintptr
	node   *node
}

// rowType is a slice of structs ([]T or []*T) and its Parquet schema: one
// column per column of T, named by package columns' rule, in field order.
type rowType struct {
	slice  reflect.Type
	elem   reflect.Type // T
	ptr    bool         // elements are *T
	root   *node        // T's node (kStruct)
	schema *parquet.Schema
	leaves []*node // by column index
}

var rowTypes = memo.New(newRowType)

// rowTypeOf returns the row type of t, a []T or []*T with T a struct of
// storable fields, or an error naming the first field that Parquet cannot
// hold.
func rowTypeOf(t reflect.Type) (*rowType, error) { return rowTypes.Get(t) }

// isRows reports whether values of t are stored as Parquet rows: t is a
// slice of structs, []T or []*T.
func isRows(t reflect.Type) bool {
	_, _, ok := columns.RowOf(t)
	return ok
}

func newRowType(t reflect.Type) (*rowType, error) {
	elem, ptr, ok := columns.RowOf(t)
	if !ok {
		return nil, fmt.Errorf("%v: Parquet stores slices of structs ([]T or []*T), one row per element", t)
	}
	b := builder{}
	root, err := b.build(elem, 0, 0, nil)
	if err != nil {
		return nil, fmt.Errorf("%v: %w", t, err)
	}
	return &rowType{
		slice:  t,
		elem:   elem,
		ptr:    ptr,
		root:   root,
		schema: parquet.NewSchema(elem.Name(), root.pq),
		leaves: b.leaves,
	}, nil
}

// builder builds the nodes of a row, numbering its leaf columns.
type builder struct {
	leaves []*node
}

// build returns the node of a value of type t at definition level def
// and repetition level rep; seen lists the enclosing types, to refuse
// recursive ones.
func (b *builder) build(t reflect.Type, def, rep int, seen []reflect.Type) (*node, error) {
	for _, s := range seen {
		if s == t {
			return nil, fmt.Errorf("recursive type %v has no Parquet schema", t)
		}
	}
	seen = append(seen, t)
	n := &node{t: t, def: def, rep: rep, first: len(b.leaves)}
	switch {
	case t == timeType:
		n.kind, n.pq = kTime, parquet.Timestamp(parquet.Microsecond)
	case columns.IsSQLNull(t):
		vf, vl := t.Field(0), t.Field(1)
		elem, err := b.build(vf.Type, def+1, rep, seen)
		if err != nil {
			return nil, err
		}
		if elem.optional() {
			return nil, fmt.Errorf("%v: a NULL-able %v inside a NULL-able type has no Parquet schema", t, vf.Type)
		}
		n.kind, n.elem, n.valueOff, n.validOff = kNull, elem, vf.Offset, vl.Offset
		n.pq = parquet.Optional(elem.pq)
	default:
		if err := b.byKind(n, seen); err != nil {
			return nil, err
		}
	}
	if n.leaf() {
		b.leaves = append(b.leaves, n)
	}
	n.last = len(b.leaves)
	return n, nil
}

func (b *builder) byKind(n *node, seen []reflect.Type) error {
	t := n.t
	switch t.Kind() {
	case reflect.Bool:
		n.kind, n.pq = kBool, parquet.Leaf(parquet.BooleanType)
	case reflect.Int8:
		n.kind, n.pq = kInt8, parquet.Int(8)
	case reflect.Int16:
		n.kind, n.pq = kInt16, parquet.Int(16)
	case reflect.Int32:
		n.kind, n.pq = kInt32, parquet.Int(32)
	case reflect.Int64:
		n.kind, n.pq = kInt64, parquet.Int(64)
	case reflect.Int:
		n.kind, n.pq = kInt, parquet.Int(64)
	case reflect.Uint8:
		n.kind, n.pq = kUint8, parquet.Uint(8)
	case reflect.Uint16:
		n.kind, n.pq = kUint16, parquet.Uint(16)
	case reflect.Uint32:
		n.kind, n.pq = kUint32, parquet.Uint(32)
	case reflect.Uint64:
		n.kind, n.pq = kUint64, parquet.Uint(64)
	case reflect.Uint:
		n.kind, n.pq = kUint, parquet.Uint(64)
	case reflect.Float32:
		n.kind, n.pq = kFloat32, parquet.Leaf(parquet.FloatType)
	case reflect.Float64:
		n.kind, n.pq = kFloat64, parquet.Leaf(parquet.DoubleType)
	case reflect.String:
		n.kind, n.pq = kString, parquet.String()
	case reflect.Pointer:
		elem, err := b.build(t.Elem(), n.def+1, n.rep, seen)
		if err != nil {
			return err
		}
		if elem.optional() {
			return fmt.Errorf("%v: a pointer to a NULL-able %v has no Parquet schema (a nil %v is already NULL)", t, t.Elem(), t.Elem())
		}
		n.kind, n.elem, n.pq = kPtr, elem, parquet.Optional(elem.pq)
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			n.kind, n.pq = kBytes, parquet.Optional(parquet.Leaf(parquet.ByteArrayType))
			break
		}
		// optional group (LIST) { repeated group list { element } }
		elem, err := b.build(t.Elem(), n.def+2, n.rep+1, seen)
		if err != nil {
			return err
		}
		n.kind, n.elem, n.rep, n.pq = kList, elem, n.rep+1, parquet.Optional(parquet.List(elem.pq))
	case reflect.Array:
		if t.Len() == 0 {
			return fmt.Errorf("%v: a zero-length array has no Parquet type", t)
		}
		if t.Elem().Kind() == reflect.Uint8 {
			n.kind, n.pq = kFixed, parquet.Leaf(parquet.FixedLenByteArrayType(t.Len()))
			break
		}
		// required group (LIST) { repeated group list { element } }
		elem, err := b.build(t.Elem(), n.def+1, n.rep+1, seen)
		if err != nil {
			return err
		}
		n.kind, n.elem, n.rep, n.pq = kArray, elem, n.rep+1, parquet.List(elem.pq)
	case reflect.Map:
		// optional group (MAP) { repeated group key_value { key; value } }
		key, err := b.build(t.Key(), n.def+2, n.rep+1, seen)
		if err != nil {
			return err
		}
		if !key.leaf() || key.kind == kFixed {
			return fmt.Errorf("%v: map keys must be booleans, numbers, strings or times, not %v", t, t.Key())
		}
		val, err := b.build(t.Elem(), n.def+2, n.rep+1, seen)
		if err != nil {
			return err
		}
		n.kind, n.key, n.elem, n.rep = kMap, key, val, n.rep+1
		n.pq = parquet.Optional(parquet.Map(key.pq, val.pq))
	case reflect.Struct:
		cols, err := columns.Of(t)
		if err != nil {
			if errors.Is(err, columns.ErrNoColumns) {
				return fmt.Errorf("struct %v has %w", t, err)
			}
			return err
		}
		g := &group{t: t}
		for _, c := range cols {
			off := columns.Offset(t, c.Index)
			fn, err := b.build(c.Type, n.def, n.rep, seen)
			if err != nil {
				return fmt.Errorf("field %s: %w", c.Field, err)
			}
			n.fields = append(n.fields, &field{name: c.Name, goName: c.Field, offset: off, node: fn})
			g.fields = append(g.fields, &groupField{Node: fn.pq, name: c.Name})
		}
		n.kind, n.pq = kStruct, g
	case reflect.Interface:
		return fmt.Errorf("interface type %v has no Parquet type: a column needs a concrete type", t)
	default:
		return fmt.Errorf("%v (kind %v) has no Parquet type", t, t.Kind())
	}
	return nil
}

// group is a Parquet group whose fields keep the order of the struct's
// columns (parquet.Group sorts them by name).
type group struct {
	t      reflect.Type
	fields []parquet.Field
}

func (g *group) ID() int                     { return 0 }
func (g *group) Type() parquet.Type          { return parquet.Group{}.Type() }
func (g *group) Optional() bool              { return false }
func (g *group) Repeated() bool              { return false }
func (g *group) Required() bool              { return true }
func (g *group) Leaf() bool                  { return false }
func (g *group) Fields() []parquet.Field     { return g.fields }
func (g *group) Encoding() encoding.Encoding { return nil }
func (g *group) Compression() compress.Codec { return nil }
func (g *group) GoType() reflect.Type        { return g.t }
func (g *group) String() string {
	var b strings.Builder
	_ = parquet.PrintSchema(&b, "", g)
	return b.String()
}

// groupField is a field of a group.
type groupField struct {
	parquet.Node
	name string
}

func (f *groupField) Name() string { return f.name }

// Value is never called: the manager reads and writes columns itself.
func (f *groupField) Value(reflect.Value) reflect.Value {
	panic("blob: groupField.Value is not used")
}
