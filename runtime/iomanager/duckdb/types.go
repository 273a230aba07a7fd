package duckdb

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/assetgen/assetgen/internal/columns"
	"github.com/assetgen/assetgen/internal/memo"
)

// kind is how a Go type is stored in a DuckDB column.
type kind uint8

const (
	kBool kind = iota
	kInt8
	kInt16
	kInt32
	kInt64
	kInt
	kUint8
	kUint16
	kUint32
	kUint64
	kUint
	kFloat32
	kFloat64
	kString
	kBytes
	kTime
	kDuration
	kPtr       // *T: NULL when nil
	kNull      // sql.NullString, sql.Null[T], ...: NULL when !Valid
	kStruct    // STRUCT
	kList      // []T: LIST
	kArray     // [N]T: LIST of N elements
	kMap       // map[K]V: MAP
	kByteArray // [N]byte: BLOB of N bytes
)

var (
	timeType     = reflect.TypeFor[time.Time]()
	durationType = reflect.TypeFor[time.Duration]()
)

// codec describes how values of one Go type map to one DuckDB type.
type codec struct {
	t    reflect.Type
	kind kind
	sql  string // DuckDB type, as written in CREATE TABLE

	elem *codec // kPtr, kList, kArray: the element; kNull: the value field
	key  *codec // kMap
	val  *codec // kMap

	fields []*field // kStruct

	// kNull: offsets of the value and Valid fields.
	valueOff, validOff uintptr
}

// nullable reports whether the Go type can hold NULL.
func (c *codec) nullable() bool { return c.kind == kPtr || c.kind == kNull }

// field is one exported struct field stored as a column (or STRUCT entry).
type field struct {
	name   string       // column name
	goName string       // Go field name, for messages
	index  []int        // reflect index path, through embedded structs
	offset uintptr      // byte offset within the outer struct
	codec  *codec       // how the value is stored
	typ    reflect.Type // the field's Go type
}

// rowType is the element type of a stored slice: a struct, maybe behind a
// pointer.
type rowType struct {
	slice  reflect.Type // []T or []*T
	elem   reflect.Type // T
	ptr    bool         // elements are *T
	codec  *codec       // T's codec (kind kStruct)
	fields []*field     // the columns
}

var rowTypes = memo.New(newRowType)

// rowTypeOf returns the row type of t, a []T or []*T with T a struct of
// storable fields, or an error saying why t cannot be stored.
func rowTypeOf(t reflect.Type) (*rowType, error) { return rowTypes.Get(t) }

func newRowType(t reflect.Type) (*rowType, error) {
	if t == nil {
		return nil, fmt.Errorf("no type: duckdb stores slices of structs ([]T), one row per element")
	}
	if t.Kind() != reflect.Slice {
		return nil, fmt.Errorf("%s: duckdb stores slices of structs ([]T), one row per element", t)
	}
	rt := &rowType{slice: t}
	var ok bool
	if rt.elem, rt.ptr, ok = columns.RowOf(t); !ok {
		return nil, fmt.Errorf("%s: duckdb stores slices of structs ([]T or []*T), one row per element", t)
	}
	c, err := codecOf(rt.elem, nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", t, err)
	}
	rt.codec = c
	rt.fields = c.fields
	return rt, nil
}

// codecOf returns the codec of t. seen guards against recursive types.
func codecOf(t reflect.Type, seen []reflect.Type) (*codec, error) {
	for _, s := range seen {
		if s == t {
			return nil, fmt.Errorf("recursive type %s has no table mapping", t)
		}
	}
	c := &codec{t: t}
	switch {
	case t == timeType:
		c.kind, c.sql = kTime, "TIMESTAMPTZ"
		return c, nil
	case t == durationType:
		c.kind, c.sql = kDuration, "BIGINT"
		return c, nil
	case columns.IsSQLNull(t):
		c.kind = kNull
		vf, vl := t.Field(0), t.Field(1)
		ec, err := codecOf(vf.Type, append(seen, t))
		if err != nil {
			return nil, err
		}
		if ec.nullable() {
			return nil, fmt.Errorf("%s: nested NULL-able type %s is not supported", t, vf.Type)
		}
		c.elem, c.sql, c.valueOff, c.validOff = ec, ec.sql, vf.Offset, vl.Offset
		return c, nil
	}
	switch t.Kind() {
	case reflect.Bool:
		c.kind, c.sql = kBool, "BOOLEAN"
	case reflect.Int8:
		c.kind, c.sql = kInt8, "TINYINT"
	case reflect.Int16:
		c.kind, c.sql = kInt16, "SMALLINT"
	case reflect.Int32:
		c.kind, c.sql = kInt32, "INTEGER"
	case reflect.Int64:
		c.kind, c.sql = kInt64, "BIGINT"
	case reflect.Int:
		c.kind, c.sql = kInt, "BIGINT"
	case reflect.Uint8:
		c.kind, c.sql = kUint8, "UTINYINT"
	case reflect.Uint16:
		c.kind, c.sql = kUint16, "USMALLINT"
	case reflect.Uint32:
		c.kind, c.sql = kUint32, "UINTEGER"
	case reflect.Uint64:
		c.kind, c.sql = kUint64, "UBIGINT"
	case reflect.Uint:
		c.kind, c.sql = kUint, "UBIGINT"
	case reflect.Float32:
		c.kind, c.sql = kFloat32, "FLOAT"
	case reflect.Float64:
		c.kind, c.sql = kFloat64, "DOUBLE"
	case reflect.String:
		c.kind, c.sql = kString, "VARCHAR"
	case reflect.Pointer:
		ec, err := codecOf(t.Elem(), append(seen, t))
		if err != nil {
			return nil, err
		}
		if ec.nullable() {
			return nil, fmt.Errorf("%s: nested NULL-able type %s is not supported", t, t.Elem())
		}
		c.kind, c.elem, c.sql = kPtr, ec, ec.sql
	case reflect.Slice, reflect.Array:
		// Bytes are a BLOB, any other elements a LIST.
		blob, list := kBytes, kList
		if t.Kind() == reflect.Array {
			blob, list = kByteArray, kArray
		}
		if t.Elem().Kind() == reflect.Uint8 {
			c.kind, c.sql = blob, "BLOB"
			break
		}
		ec, err := codecOf(t.Elem(), append(seen, t))
		if err != nil {
			return nil, err
		}
		c.kind, c.elem, c.sql = list, ec, ec.sql+"[]"
	case reflect.Map:
		kc, err := codecOf(t.Key(), append(seen, t))
		if err != nil {
			return nil, err
		}
		vc, err := codecOf(t.Elem(), append(seen, t))
		if err != nil {
			return nil, err
		}
		switch kc.kind {
		case kPtr, kNull, kStruct, kList, kArray, kMap, kBytes, kByteArray:
			return nil, fmt.Errorf("%s: map keys must be of a scalar type, not %s", t, t.Key())
		}
		c.kind, c.key, c.val = kMap, kc, vc
		c.sql = "MAP(" + kc.sql + ", " + vc.sql + ")"
	case reflect.Struct:
		c.kind = kStruct
		fields, err := structFields(t, append(seen, t))
		if err != nil {
			return nil, err
		}
		c.fields = fields
		var b strings.Builder
		b.WriteString("STRUCT(")
		for i, f := range fields {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(quote(f.name))
			b.WriteByte(' ')
			b.WriteString(f.codec.sql)
		}
		b.WriteByte(')')
		c.sql = b.String()
	default:
		return nil, fmt.Errorf("%s (kind %s) has no DuckDB column type", t, t.Kind())
	}
	return c, nil
}

// ddl returns the column definitions of a table of rows of rt, as CREATE
// TABLE takes them: "name" TYPE, ...
func (rt *rowType) ddl() string {
	var b strings.Builder
	for i, f := range rt.fields {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(quote(f.name))
		b.WriteByte(' ')
		b.WriteString(f.codec.sql)
	}
	return b.String()
}

// structFields lists the columns of struct t, by the rule of package
// columns, with the byte offset and the codec of each.
func structFields(t reflect.Type, seen []reflect.Type) ([]*field, error) {
	cols, err := columns.Of(t)
	if err != nil {
		if errors.Is(err, columns.ErrNoColumns) {
			return nil, fmt.Errorf("struct %s has %w", t, err)
		}
		return nil, err
	}
	out := make([]*field, len(cols))
	for i, col := range cols {
		off := columns.Offset(t, col.Index)
		c, err := codecOf(col.Type, seen)
		if err != nil {
			return nil, fmt.Errorf("field %s: %w", col.Field, err)
		}
		out[i] = &field{name: col.Name, goName: col.Field, index: col.Index, offset: off, codec: c, typ: col.Type}
	}
	return out, nil
}

// quote quotes a DuckDB identifier.
func quote(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}
