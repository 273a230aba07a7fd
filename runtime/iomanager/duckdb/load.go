package duckdb

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"sync"
	"time"
	"unsafe"

	bindings "github.com/duckdb/duckdb-go-bindings"

	"github.com/assetgen/assetgen/internal/columns"
)

// dtype is a DuckDB column type, copied out of a C logical type.
type dtype struct {
	id     bindings.Type
	elem   *dtype   // LIST
	key    *dtype   // MAP
	val    *dtype   // MAP
	names  []string // STRUCT entry names
	fields []*dtype // STRUCT entry types
}

func newDtype(lt bindings.LogicalType) *dtype {
	d := &dtype{id: bindings.GetTypeId(lt)}
	switch d.id {
	case bindings.TypeList:
		c := bindings.ListTypeChildType(lt)
		d.elem = newDtype(c)
		bindings.DestroyLogicalType(&c)
	case bindings.TypeMap:
		k, v := bindings.MapTypeKeyType(lt), bindings.MapTypeValueType(lt)
		d.key, d.val = newDtype(k), newDtype(v)
		bindings.DestroyLogicalType(&k)
		bindings.DestroyLogicalType(&v)
	case bindings.TypeStruct:
		n := int(bindings.StructTypeChildCount(lt))
		for i := range n {
			c := bindings.StructTypeChildType(lt, bindings.IdxT(i))
			d.names = append(d.names, bindings.StructTypeChildName(lt, bindings.IdxT(i)))
			d.fields = append(d.fields, newDtype(c))
			bindings.DestroyLogicalType(&c)
		}
	}
	return d
}

var typeNames = map[bindings.Type]string{
	bindings.TypeBoolean: "BOOLEAN", bindings.TypeTinyInt: "TINYINT", bindings.TypeSmallInt: "SMALLINT",
	bindings.TypeInteger: "INTEGER", bindings.TypeBigInt: "BIGINT", bindings.TypeUTinyInt: "UTINYINT",
	bindings.TypeUSmallInt: "USMALLINT", bindings.TypeUInteger: "UINTEGER", bindings.TypeUBigInt: "UBIGINT",
	bindings.TypeFloat: "FLOAT", bindings.TypeDouble: "DOUBLE", bindings.TypeTimestamp: "TIMESTAMP",
	bindings.TypeDate: "DATE", bindings.TypeTime: "TIME", bindings.TypeInterval: "INTERVAL",
	bindings.TypeHugeInt: "HUGEINT", bindings.TypeUHugeInt: "UHUGEINT", bindings.TypeVarchar: "VARCHAR",
	bindings.TypeBlob: "BLOB", bindings.TypeDecimal: "DECIMAL", bindings.TypeTimestampS: "TIMESTAMP_S",
	bindings.TypeTimestampMS: "TIMESTAMP_MS", bindings.TypeTimestampNS: "TIMESTAMP_NS", bindings.TypeEnum: "ENUM",
	bindings.TypeArray: "ARRAY", bindings.TypeUUID: "UUID", bindings.TypeUnion: "UNION", bindings.TypeBit: "BIT",
	bindings.TypeTimeTZ: "TIME WITH TIME ZONE", bindings.TypeTimestampTZ: "TIMESTAMPTZ",
}

func (d *dtype) String() string {
	switch d.id {
	case bindings.TypeList:
		return d.elem.String() + "[]"
	case bindings.TypeMap:
		return "MAP(" + d.key.String() + ", " + d.val.String() + ")"
	case bindings.TypeStruct:
		var b strings.Builder
		b.WriteString("STRUCT(")
		for i, n := range d.names {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(quote(n) + " " + d.fields[i].String())
		}
		return b.String() + ")"
	}
	if n, ok := typeNames[d.id]; ok {
		return n
	}
	return fmt.Sprintf("type %d", d.id)
}

// vec is one vector of a data chunk: its data, its validity mask (nil when
// every row is valid) and, for nested types, its children (LIST: the
// elements; STRUCT: the entries; MAP: keys and values).
type vec struct {
	data     unsafe.Pointer
	valid    unsafe.Pointer
	children []vec
}

// fill points v and its children at the vectors of x, typed d.
func (v *vec) fill(x bindings.Vector, d *dtype) {
	v.data = bindings.VectorGetData(x)
	v.valid = bindings.VectorGetValidity(x)
	switch d.id {
	case bindings.TypeList:
		v.grow(1)
		v.children[0].fill(bindings.ListVectorGetChild(x), d.elem)
	case bindings.TypeMap:
		v.grow(2)
		kv := bindings.ListVectorGetChild(x)
		v.children[0].fill(bindings.StructVectorGetChild(kv, 0), d.key)
		v.children[1].fill(bindings.StructVectorGetChild(kv, 1), d.val)
	case bindings.TypeStruct:
		v.grow(len(d.fields))
		for i, f := range d.fields {
			v.children[i].fill(bindings.StructVectorGetChild(x, bindings.IdxT(i)), f)
		}
	}
}

func (v *vec) grow(n int) {
	if len(v.children) != n {
		v.children = make([]vec, n)
	}
}

func (v *vec) null(row int) bool {
	if v.valid == nil {
		return false
	}
	w := *(*uint64)(unsafe.Add(v.valid, uintptr(row/64)*8))
	return w&(1<<(uint(row)%64)) == 0
}

func at[T any](v *vec, row int) T {
	var zero T
	return *(*T)(unsafe.Add(v.data, uintptr(row)*unsafe.Sizeof(zero)))
}

// copied is the decoder of a column whose values DuckDB lays out as Go
// does a T: it copies the value.
func copied[T any](v *vec, row int, dst unsafe.Pointer) error {
	*(*T)(dst) = at[T](v, row)
	return nil
}

// listEntry is duckdb_list_entry.
type listEntry struct{ offset, length uint64 }

// interval is duckdb_interval.
type interval struct {
	months, days int32
	micros       int64
}

// errNull is a NULL read into a Go value that cannot hold it.
var errNull = errors.New("NULL")

// decoder reads row of v into the Go value at dst. It overwrites the whole
// value.
type decoder func(v *vec, row int, dst unsafe.Pointer) error

// arena hands out string memory in blocks, so that the strings of a load
// cost one allocation per block rather than one each.
type arena struct{ buf []byte }

const arenaBlock = 64 << 10

func (a *arena) string(p unsafe.Pointer, n int) string {
	if n == 0 {
		return ""
	}
	src := unsafe.Slice((*byte)(p), n)
	if n > arenaBlock/16 {
		return string(src)
	}
	if len(a.buf)+n > cap(a.buf) {
		a.buf = make([]byte, 0, arenaBlock)
	}
	start := len(a.buf)
	a.buf = append(a.buf, src...)
	return unsafe.String(&a.buf[start], n)
}

// str returns the bytes of the duckdb_string_t at row of v.
func str(v *vec, row int) (unsafe.Pointer, int) {
	p := unsafe.Add(v.data, uintptr(row)*16)
	n := int(*(*uint32)(p))
	if n <= 12 {
		return unsafe.Add(p, 4), n
	}
	return *(*unsafe.Pointer)(unsafe.Add(p, 8)), n
}

// decoderOf returns the decoder of DuckDB type d into Go values described
// by c, or an error when d does not convert to c's type.
func (a *arena) decoderOf(d *dtype, c *codec) (decoder, error) {
	switch c.kind {
	case kPtr:
		inner, err := a.decoderOf(d, c.elem)
		if err != nil {
			return nil, err
		}
		et := c.elem.t
		return func(v *vec, row int, dst unsafe.Pointer) error {
			if v.null(row) {
				*(*unsafe.Pointer)(dst) = nil
				return nil
			}
			p := reflect.New(et).UnsafePointer()
			if err := inner(v, row, p); err != nil {
				return err
			}
			*(*unsafe.Pointer)(dst) = p
			return nil
		}, nil
	case kNull:
		inner, err := a.decoderOf(d, c.elem)
		if err != nil {
			return nil, err
		}
		t := c.t
		return func(v *vec, row int, dst unsafe.Pointer) error {
			if v.null(row) {
				reflect.NewAt(t, dst).Elem().SetZero()
				return nil
			}
			if err := inner(v, row, unsafe.Add(dst, c.valueOff)); err != nil {
				return err
			}
			*(*bool)(unsafe.Add(dst, c.validOff)) = true
			return nil
		}, nil
	}
	dec, err := a.valueDecoder(d, c)
	if err != nil {
		return nil, err
	}
	switch c.kind {
	case kBytes, kList, kMap:
		// Nil holds NULL.
		t := c.t
		return func(v *vec, row int, dst unsafe.Pointer) error {
			if v.null(row) {
				reflect.NewAt(t, dst).Elem().SetZero()
				return nil
			}
			return dec(v, row, dst)
		}, nil
	}
	return func(v *vec, row int, dst unsafe.Pointer) error {
		if v.null(row) {
			return errNull
		}
		return dec(v, row, dst)
	}, nil
}

func mismatch(d *dtype, c *codec) error {
	return fmt.Errorf("cannot load a column of type %s into %s", d, c.t)
}

// valueDecoder decodes non-NULL values.
func (a *arena) valueDecoder(d *dtype, c *codec) (decoder, error) {
	switch c.kind {
	case kBool:
		if d.id != bindings.TypeBoolean {
			return nil, mismatch(d, c)
		}
		return copied[bool], nil
	case kInt8, kInt16, kInt32, kInt64, kInt, kUint8, kUint16, kUint32, kUint64, kUint, kDuration:
		return intDecoder(d, c)
	case kFloat32, kFloat64:
		return floatDecoder(d, c)
	case kString:
		if d.id != bindings.TypeVarchar && d.id != bindings.TypeBlob {
			return nil, mismatch(d, c)
		}
		return func(v *vec, row int, dst unsafe.Pointer) error {
			p, n := str(v, row)
			*(*string)(dst) = a.string(p, n)
			return nil
		}, nil
	case kBytes:
		if d.id != bindings.TypeVarchar && d.id != bindings.TypeBlob {
			return nil, mismatch(d, c)
		}
		return func(v *vec, row int, dst unsafe.Pointer) error {
			p, n := str(v, row)
			b := make([]byte, n)
			copy(b, unsafe.Slice((*byte)(p), n))
			*(*[]byte)(dst) = b
			return nil
		}, nil
	case kByteArray:
		if d.id != bindings.TypeVarchar && d.id != bindings.TypeBlob {
			return nil, mismatch(d, c)
		}
		size := c.t.Len()
		return func(v *vec, row int, dst unsafe.Pointer) error {
			p, n := str(v, row)
			if n != size {
				return fmt.Errorf("a BLOB of %d bytes does not fit %s", n, c.t)
			}
			copy(unsafe.Slice((*byte)(dst), size), unsafe.Slice((*byte)(p), n))
			return nil
		}, nil
	case kTime:
		var conv func(v *vec, row int) time.Time
		switch d.id {
		case bindings.TypeTimestampTZ, bindings.TypeTimestamp:
			conv = func(v *vec, row int) time.Time { return time.UnixMicro(at[int64](v, row)).UTC() }
		case bindings.TypeTimestampNS:
			conv = func(v *vec, row int) time.Time { return time.Unix(0, at[int64](v, row)).UTC() }
		case bindings.TypeTimestampMS:
			conv = func(v *vec, row int) time.Time { return time.UnixMilli(at[int64](v, row)).UTC() }
		case bindings.TypeTimestampS:
			conv = func(v *vec, row int) time.Time { return time.Unix(at[int64](v, row), 0).UTC() }
		case bindings.TypeDate:
			conv = func(v *vec, row int) time.Time { return time.Unix(int64(at[int32](v, row))*86400, 0).UTC() }
		default:
			return nil, mismatch(d, c)
		}
		return func(v *vec, row int, dst unsafe.Pointer) error {
			*(*time.Time)(dst) = conv(v, row)
			return nil
		}, nil
	case kStruct:
		if d.id != bindings.TypeStruct {
			return nil, mismatch(d, c)
		}
		idx, decs, err := a.fieldDecoders(d.names, d.fields, c.fields, "STRUCT entry")
		if err != nil {
			return nil, err
		}
		return func(v *vec, row int, dst unsafe.Pointer) error {
			for i, dec := range decs {
				if err := dec(&v.children[idx[i]], row, unsafe.Add(dst, c.fields[i].offset)); err != nil {
					return fieldErr(c.fields[i], err)
				}
			}
			return nil
		}, nil
	case kList, kArray:
		if d.id != bindings.TypeList {
			return nil, mismatch(d, c)
		}
		elem, err := a.decoderOf(d.elem, c.elem)
		if err != nil {
			return nil, err
		}
		t, size := c.t, c.elem.t.Size()
		return func(v *vec, row int, dst unsafe.Pointer) error {
			e := at[listEntry](v, row)
			n := int(e.length)
			var base unsafe.Pointer
			var s reflect.Value
			if c.kind == kArray {
				if n != t.Len() {
					return fmt.Errorf("a list of %d elements does not fit %s", n, t)
				}
				base = dst
			} else {
				s = reflect.MakeSlice(t, n, n)
				if n > 0 {
					base = s.UnsafePointer()
				}
			}
			for i := range n {
				if err := elem(&v.children[0], int(e.offset)+i, unsafe.Add(base, uintptr(i)*size)); err != nil {
					return elemErr(fmt.Sprintf("[%d]", i), c.elem.t, err)
				}
			}
			if c.kind == kList {
				reflect.NewAt(t, dst).Elem().Set(s)
			}
			return nil
		}, nil
	case kMap:
		if d.id != bindings.TypeMap {
			return nil, mismatch(d, c)
		}
		kdec, err := a.decoderOf(d.key, c.key)
		if err != nil {
			return nil, err
		}
		vdec, err := a.decoderOf(d.val, c.val)
		if err != nil {
			return nil, err
		}
		t := c.t
		return func(v *vec, row int, dst unsafe.Pointer) error {
			e := at[listEntry](v, row)
			m := reflect.MakeMapWithSize(t, int(e.length))
			k := reflect.New(c.key.t)
			x := reflect.New(c.val.t)
			for i := range int(e.length) {
				r := int(e.offset) + i
				if err := kdec(&v.children[0], r, k.UnsafePointer()); err != nil {
					return elemErr("key", c.key.t, err)
				}
				if err := vdec(&v.children[1], r, x.UnsafePointer()); err != nil {
					return elemErr(fmt.Sprintf("[%v]", k.Elem()), c.val.t, err)
				}
				m.SetMapIndex(k.Elem(), x.Elem())
			}
			reflect.NewAt(t, dst).Elem().Set(m)
			return nil
		}, nil
	}
	return nil, mismatch(d, c)
}

// fieldErr wraps a decoding error of a STRUCT entry with the field's name.
func fieldErr(f *field, err error) error {
	if err == errNull {
		return fmt.Errorf("%s: NULL into non-nullable %s", f.goName, f.typ)
	}
	return fmt.Errorf("%s: %w", f.goName, err)
}

// elemErr wraps a decoding error of a list element or map entry.
func elemErr(where string, t reflect.Type, err error) error {
	if err == errNull {
		return fmt.Errorf("%s: NULL into non-nullable %s", where, t)
	}
	return fmt.Errorf("%s: %w", where, err)
}

// fieldDecoders matches Go fields to columns (or STRUCT entries) by name,
// case-insensitively, and returns for each field the column index and the
// decoder.
func (a *arena) fieldDecoders(names []string, types []*dtype, fields []*field, what string) ([]int, []decoder, error) {
	byName := make(map[string]int, len(names))
	for i, n := range names {
		byName[columns.Fold(n)] = i
	}
	idx := make([]int, len(fields))
	decs := make([]decoder, len(fields))
	for i, f := range fields {
		j, ok := byName[columns.Fold(f.name)]
		if !ok {
			return nil, nil, fmt.Errorf("no %s %q for Go field %s (%s); have %s", what, f.name, f.goName, f.typ, strings.Join(names, ", "))
		}
		dec, err := a.decoderOf(types[j], f.codec)
		if err != nil {
			return nil, nil, fmt.Errorf("%s %q, Go field %s: %w", what, f.name, f.goName, err)
		}
		idx[i], decs[i] = j, dec
	}
	return idx, decs, nil
}

// intSource reads the values of an integer column.
type intSource struct {
	signed bool
	read   func(v *vec, row int) uint64 // the value's bits, sign-extended
}

// intSources holds the intSource of each integer type of DuckDB.
var intSources = map[bindings.Type]intSource{
	bindings.TypeTinyInt:   {true, bits[int8]},
	bindings.TypeSmallInt:  {true, bits[int16]},
	bindings.TypeInteger:   {true, bits[int32]},
	bindings.TypeBigInt:    {true, bits[int64]},
	bindings.TypeUTinyInt:  {false, bits[uint8]},
	bindings.TypeUSmallInt: {false, bits[uint16]},
	bindings.TypeUInteger:  {false, bits[uint32]},
	bindings.TypeUBigInt:   {false, bits[uint64]},
}

// bits reads the T at row of v as a uint64, sign-extended.
func bits[T int8 | int16 | int32 | int64 | uint8 | uint16 | uint32 | uint64](v *vec, row int) uint64 {
	return uint64(at[T](v, row))
}

// intDecoder converts between integer widths, refusing values that do not
// fit the Go type.
func intDecoder(d *dtype, c *codec) (decoder, error) {
	// Exact widths copy without checks.
	switch {
	case d.id == bindings.TypeBigInt && (c.kind == kInt64 || c.kind == kInt || c.kind == kDuration):
		return copied[int64], nil
	case d.id == bindings.TypeInteger && c.kind == kInt32:
		return copied[int32], nil
	case d.id == bindings.TypeInterval && c.kind == kDuration:
		return func(v *vec, row int, dst unsafe.Pointer) error {
			iv := at[interval](v, row)
			if iv.months != 0 {
				return fmt.Errorf("interval of %d months has no fixed duration", iv.months)
			}
			us := int64(iv.days)*86400e6 + iv.micros
			if us > math.MaxInt64/1000 || us < math.MinInt64/1000 {
				return fmt.Errorf("interval overflows time.Duration")
			}
			*(*time.Duration)(dst) = time.Duration(us * 1000)
			return nil
		}, nil
	}
	src, ok := intSources[d.id]
	if !ok {
		return nil, mismatch(d, c)
	}
	var lo int64
	var hi uint64
	signed := true
	switch c.kind {
	case kInt8:
		lo, hi = math.MinInt8, math.MaxInt8
	case kInt16:
		lo, hi = math.MinInt16, math.MaxInt16
	case kInt32:
		lo, hi = math.MinInt32, math.MaxInt32
	case kInt64, kInt, kDuration:
		lo, hi = math.MinInt64, math.MaxInt64
	case kUint8:
		hi, signed = math.MaxUint8, false
	case kUint16:
		hi, signed = math.MaxUint16, false
	case kUint32:
		hi, signed = math.MaxUint32, false
	case kUint64, kUint:
		hi, signed = math.MaxUint64, false
	}
	size := c.t.Size()
	t := c.t
	return func(v *vec, row int, dst unsafe.Pointer) error {
		x := src.read(v, row)
		if src.signed {
			s := int64(x)
			if s < lo || (s >= 0 && uint64(s) > hi) || (!signed && s < 0) {
				return fmt.Errorf("value %d overflows %s", s, t)
			}
		} else if x > hi {
			return fmt.Errorf("value %d overflows %s", x, t)
		}
		switch size {
		case 1:
			*(*uint8)(dst) = uint8(x)
		case 2:
			*(*uint16)(dst) = uint16(x)
		case 4:
			*(*uint32)(dst) = uint32(x)
		default:
			*(*uint64)(dst) = x
		}
		return nil
	}, nil
}

func floatDecoder(d *dtype, c *codec) (decoder, error) {
	switch {
	case d.id == bindings.TypeDouble && c.kind == kFloat64:
		return copied[float64], nil
	case d.id == bindings.TypeFloat && c.kind == kFloat32:
		return copied[float32], nil
	case d.id == bindings.TypeFloat && c.kind == kFloat64:
		return func(v *vec, row int, dst unsafe.Pointer) error {
			*(*float64)(dst) = float64(at[float32](v, row))
			return nil
		}, nil
	case d.id == bindings.TypeDouble && c.kind == kFloat32:
		return func(v *vec, row int, dst unsafe.Pointer) error {
			x := at[float64](v, row)
			if !math.IsInf(x, 0) && !math.IsNaN(x) && math.Abs(x) > math.MaxFloat32 {
				return fmt.Errorf("value %g overflows float32", x)
			}
			*(*float32)(dst) = float32(x)
			return nil
		}, nil
	}
	return nil, mismatch(d, c)
}

// load reads table into a new slice of rt on dc, in one read transaction:
// the whole table when ps is nil, else the rows of the partitions ps,
// grouped by partition in ps's order (each partition's rows in the order
// they were stored). counts holds the number of rows of each partition.
func (m *Manager) load(ctx context.Context, dc driver.Conn, table string, rt *rowType, ps *parts) (out reflect.Value, counts []int, err error) {
	err = m.read(ctx, dc, table, rt, ps, func(raw bindings.Connection, sc *scan) error {
		out, counts, err = m.loadAll(ctx, raw, sc, table, rt, ps)
		return err
	})
	return out, counts, err
}

// read plans the scan of table (rows of rt, of the partitions ps) on dc
// and hands it to f, in one read transaction, which the cancellation of
// ctx interrupts.
func (m *Manager) read(ctx context.Context, dc driver.Conn, table string, rt *rowType, ps *parts, f func(raw bindings.Connection, sc *scan) error) (err error) {
	raw, err := rawConn(dc)
	if err != nil {
		return err
	}
	tx, err := dc.(driver.ConnBeginTx).BeginTx(ctx, driver.TxOptions{})
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tx.Rollback() // the read failed already; its error says why
		} else if cerr := tx.Commit(); cerr != nil {
			err = cerr
		}
	}()
	defer interruptOnCancel(ctx, raw)()

	sc, err := m.scanOf(raw, table, rt, ps)
	if err != nil {
		return err
	}
	return f(raw, sc)
}

// loadAll runs sc, the scan of load, into a new slice.
func (m *Manager) loadAll(ctx context.Context, raw bindings.Connection, sc *scan, table string, rt *rowType, ps *parts) (out reflect.Value, counts []int, err error) {
	// The row count, so the slice is allocated once.
	count, err := queryCount(raw, "SELECT count(*) FROM "+m.qualified(table)+sc.where, sc.args...)
	if err != nil {
		return out, nil, err
	}
	out = reflect.MakeSlice(rt.slice, count, count)
	var backing reflect.Value // []T behind a []*T
	if rt.ptr {
		backing = reflect.MakeSlice(reflect.SliceOf(rt.elem), count, count)
	}
	var base unsafe.Pointer
	if count > 0 {
		base = out.UnsafePointer()
		if rt.ptr {
			base = backing.UnsafePointer()
		}
	}
	var part []int32
	if sc.group {
		part = make([]int32, count)
	}
	row := 0
	err = sc.run(ctx, raw, func(chunk bindings.DataChunk, size int) error {
		if row+size > count {
			return fmt.Errorf("table %s changed while loading", m.display(table))
		}
		if err := sc.decode(chunk, size, base, row, row, part); err != nil {
			return err
		}
		row += size
		return nil
	})
	if err != nil {
		return out, nil, err
	}
	if row < count {
		out = out.Slice(0, row)
	}
	if rt.ptr {
		for i := range row {
			out.Index(i).Set(backing.Index(i).Addr())
		}
	}
	switch {
	case sc.group:
		counts = byPartition(out, part[:row], len(ps.keys))
	case ps != nil:
		counts = []int{row}
	}
	return out, counts, nil
}

// loadStream reads table on dc, in one read transaction, as load does (of
// at most one partition, ps), and hands f the rows of each data chunk in
// a slice of rt, reused from chunk to chunk when rt's rows are values
// (pointer rows are new structs each time, which f may keep).
func (m *Manager) loadStream(ctx context.Context, dc driver.Conn, table string, rt *rowType, ps *parts, f func(batch reflect.Value) error) error {
	return m.read(ctx, dc, table, rt, ps, func(raw bindings.Connection, sc *scan) error {
		return streamScan(ctx, raw, sc, rt, f)
	})
}

// streamScan runs sc, the scan of loadStream, handing f each chunk.
func streamScan(ctx context.Context, raw bindings.Connection, sc *scan, rt *rowType, f func(batch reflect.Value) error) error {
	capacity := int(bindings.VectorSize())
	batch := reflect.MakeSlice(rt.slice, capacity, capacity)
	values := batch // the structs the chunk decodes into
	row := 0
	return sc.run(ctx, raw, func(chunk bindings.DataChunk, size int) error {
		if size > capacity {
			return fmt.Errorf("a data chunk of %d rows, more than DuckDB's vector size %d", size, capacity)
		}
		if rt.ptr {
			values = reflect.MakeSlice(reflect.SliceOf(rt.elem), size, size)
		}
		var base unsafe.Pointer
		if size > 0 {
			base = values.UnsafePointer()
		}
		if err := sc.decode(chunk, size, base, 0, row, nil); err != nil {
			return err
		}
		if rt.ptr {
			for i := range size {
				batch.Index(i).Set(values.Index(i).Addr())
			}
		}
		row += size
		return f(batch.Slice(0, size))
	})
}

// scan is a read of a table's rows into structs of a row type: its query,
// and how the vectors of each data chunk decode.
type scan struct {
	sql   string
	where string // " WHERE ..." selecting the partitions; empty for all rows
	args  []any
	rt    *rowType
	decs  []decoder // of each field of rt
	types []*dtype  // the column type of each field of rt
	vecs  []vec

	// group: rows of several partitions come with their partition
	// column, last, to group them by partition.
	group bool
	l     layout
	ps    *parts
	table string // for messages
}

// scanOf plans the read of table (of the partitions ps, when not nil)
// into structs of rt: it matches rt's fields to the table's columns and
// checks that the partitions are stored.
func (m *Manager) scanOf(raw bindings.Connection, table string, rt *rowType, ps *parts) (*scan, error) {
	// The table's columns.
	var stmt bindings.PreparedStatement
	if bindings.Prepare(raw, "SELECT * FROM "+m.qualified(table), &stmt) == bindings.StateError {
		msg := bindings.PrepareError(stmt)
		bindings.DestroyPrepare(&stmt)
		if strings.Contains(msg, "does not exist") {
			// DuckDB's message adds only a misleading "Did you mean
			// information_schema..." and the query.
			return nil, fmt.Errorf("table %s does not exist in %s: the asset has not been materialized there", m.display(table), m.path)
		}
		return nil, errors.New(msg)
	}
	n := int(bindings.PreparedStatementColumnCount(stmt))
	names := make([]string, 0, n)
	types := make([]*dtype, 0, n)
	implicit := false
	for i := range n {
		name := bindings.PreparedStatementColumnName(stmt, bindings.IdxT(i))
		lt := bindings.PreparedStatementColumnLogicalType(stmt, bindings.IdxT(i))
		names, types = append(names, name), append(types, newDtype(lt))
		bindings.DestroyLogicalType(&lt)
		implicit = implicit || columns.Fold(name) == implicitColumn
	}
	bindings.DestroyPrepare(&stmt)

	sc := &scan{rt: rt, ps: ps, table: m.display(table)}
	if ps != nil || implicit {
		var err error
		if sc.l, err = m.partitioned(raw, table, names, types); err != nil {
			return nil, err
		}
		if sc.l.implicit {
			// The manager's column is not the rows'.
			i := slices.Index(names, sc.l.column)
			names, types = slices.Delete(names, i, i+1), slices.Delete(types, i, i+1)
		}
	}
	if ps != nil {
		if sc.l.column == "" {
			return nil, fmt.Errorf("table %s is not partitioned (an unpartitioned asset stored it, or it was made by hand), so it has no %s: materialize the partitions again after dropping it (DROP TABLE %s)", m.display(table), ps, m.qualified(table))
		}
		if err := ps.check(sc.l); err != nil {
			return nil, fmt.Errorf("table %s: %w", m.display(table), err)
		}
		all, err := m.stored(raw, table, ps)
		if err != nil {
			return nil, err
		}
		if !all {
			sc.where, sc.args = ps.where(sc.l)
			sc.where = " WHERE " + sc.where
		}
	}

	a := &arena{}
	idx, decs, err := a.fieldDecoders(names, types, rt.fields, "column")
	if err != nil {
		return nil, fmt.Errorf("table %s: %w", m.display(table), err)
	}
	sc.decs = decs
	sc.types = make([]*dtype, len(rt.fields))
	for i := range rt.fields {
		sc.types[i] = types[idx[i]]
	}
	sc.vecs = make([]vec, len(rt.fields))

	sc.group = ps != nil && len(ps.keys) > 1
	var q strings.Builder
	q.WriteString("SELECT ")
	for i := range rt.fields {
		if i > 0 {
			q.WriteString(", ")
		}
		q.WriteString(quote(names[idx[i]]))
	}
	if sc.group {
		q.WriteString(", " + quote(sc.l.column))
	}
	q.WriteString(" FROM ")
	q.WriteString(m.qualified(table))
	q.WriteString(sc.where)
	sc.sql = q.String()
	return sc, nil
}

// run runs the scan's query on raw, streaming its result, and calls each
// with every data chunk and its row count, checking ctx between chunks.
func (sc *scan) run(ctx context.Context, raw bindings.Connection, each func(chunk bindings.DataChunk, size int) error) error {
	stmt, err := prepare(raw, sc.sql, sc.args...)
	if err != nil {
		return err
	}
	defer bindings.DestroyPrepare(&stmt)
	var pending bindings.PendingResult
	if bindings.PendingPreparedStreaming(stmt, &pending) == bindings.StateError {
		msg := bindings.PendingError(pending)
		bindings.DestroyPending(&pending)
		return errors.New(msg)
	}
	defer bindings.DestroyPending(&pending)
	var res bindings.Result
	if bindings.ExecutePending(pending, &res) == bindings.StateError {
		msg := bindings.ResultError(&res)
		bindings.DestroyResult(&res)
		return errors.New(msg)
	}
	defer bindings.DestroyResult(&res)
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		chunk := bindings.FetchChunk(res)
		if chunk.Ptr == nil {
			break
		}
		err := each(chunk, int(bindings.DataChunkGetSize(chunk)))
		bindings.DestroyDataChunk(&chunk)
		if err != nil {
			return err
		}
	}
	if msg := bindings.ResultError(&res); msg != "" {
		return errors.New(msg)
	}
	return nil
}

// decode decodes the size rows of chunk into the structs of rt at base,
// from index to on; first is the number of the chunk's first row in the
// read, for messages. For a grouped scan, part receives the position in
// ps of each row's partition, from index to on.
func (sc *scan) decode(chunk bindings.DataChunk, size int, base unsafe.Pointer, to, first int, part []int32) error {
	rt := sc.rt
	for i := range sc.vecs {
		sc.vecs[i].fill(bindings.DataChunkGetVector(chunk, bindings.IdxT(i)), sc.types[i])
	}
	var pvec vec // the partition column
	if sc.group {
		x := bindings.DataChunkGetVector(chunk, bindings.IdxT(len(sc.vecs)))
		pvec = vec{data: bindings.VectorGetData(x), valid: bindings.VectorGetValidity(x)}
	}
	elemSize := rt.elem.Size()
	for r := range size {
		p := unsafe.Add(base, uintptr(to+r)*elemSize)
		for i, dec := range sc.decs {
			if err := dec(&sc.vecs[i], r, unsafe.Add(p, rt.fields[i].offset)); err != nil {
				f := rt.fields[i]
				if err == errNull {
					return fmt.Errorf("row %d, column %q: NULL into non-nullable Go field %s (%s); use a pointer or sql.Null type", first+r, f.name, f.goName, f.typ)
				}
				return fmt.Errorf("row %d, column %q (Go field %s): %w", first+r, f.name, f.goName, err)
			}
		}
		if sc.group {
			k := -1
			if !pvec.null(r) {
				if sc.l.time {
					k = sc.ps.window(at[int64](&pvec, r))
				} else {
					s, n := str(&pvec, r)
					k = sc.ps.key(unsafe.String((*byte)(s), n))
				}
			}
			if k < 0 {
				return fmt.Errorf("table %s: a row's partition column %q is in none of the %s, although its WHERE selected it: was the table changed by hand?", sc.table, sc.l.column, sc.ps)
			}
			part[to+r] = int32(k)
		}
	}
	return nil
}

// byPartition reorders the rows of out, a slice, so that they come
// partition by partition, part[i] being the partition of row i; rows of
// one partition keep their order. It returns the rows of each of the n
// partitions. Rows usually come in order already (stored partition by
// partition), which costs nothing; else each row moves once.
func byPartition(out reflect.Value, part []int32, n int) []int {
	counts := make([]int, n)
	for _, k := range part {
		counts[k]++
	}
	if slices.IsSorted(part) {
		return counts
	}
	next := make([]int32, n)
	for k := 1; k < n; k++ {
		next[k] = next[k-1] + int32(counts[k-1])
	}
	dest := part // reused: each row's index once in place
	for i, k := range part {
		dest[i] = next[k]
		next[k]++
	}
	swap := reflect.Swapper(out.Interface())
	for i := range dest {
		for int(dest[i]) != i {
			j := dest[i]
			swap(i, int(j))
			dest[i], dest[j] = dest[j], dest[i]
		}
	}
	return counts
}

// partitioned returns the layout of table, whose columns are names of
// types: the zero layout when no column is marked as its partition
// column.
func (m *Manager) partitioned(raw bindings.Connection, table string, names []string, types []*dtype) (layout, error) {
	have, err := describe(raw, m.schema, table)
	if err != nil {
		return layout{}, err
	}
	for _, c := range have {
		if !c.marked {
			continue
		}
		i := slices.Index(names, c.name)
		if i < 0 {
			return layout{}, fmt.Errorf("table %s: no column %q", m.display(table), c.name)
		}
		switch types[i].id {
		case bindings.TypeTimestampTZ:
			return layout{column: c.name, time: true}, nil
		case bindings.TypeVarchar:
			return layout{column: c.name, implicit: c.name == implicitColumn}, nil
		}
		return layout{}, fmt.Errorf("table %s: partition column %q is of type %s: want TIMESTAMPTZ or VARCHAR", m.display(table), c.name, types[i])
	}
	return layout{}, nil
}

// stored checks that every partition of ps is stored in table, and
// reports whether they are all the table's partitions, whose rows are
// then the whole table.
func (m *Manager) stored(raw bindings.Connection, table string, ps *parts) (all bool, err error) {
	cond, args := in("partition_key", ps.keys)
	n, err := queryInts(raw, "SELECT count(*) FILTER (WHERE "+cond+"), count(*) FROM "+m.qualified(Outputs)+" WHERE asset_key = ? AND partition_key <> ''", append(args, table)...)
	if err != nil {
		return false, err
	}
	if n[0] == len(ps.keys) {
		return n[1] == len(ps.keys), nil
	}
	missing, err := queryStrings(raw, "SELECT k FROM unnest(?) AS u(k) WHERE k NOT IN (SELECT partition_key FROM "+m.qualified(Outputs)+" WHERE asset_key = ?)", ps.keys, table)
	if err != nil {
		return false, err
	}
	if len(missing) > 0 {
		slices.SortFunc(missing, func(a, b string) int { return ps.key(a) - ps.key(b) })
		have, err := queryStrings(raw, "SELECT partition_key FROM "+m.qualified(Outputs)+" WHERE asset_key = ? AND partition_key <> '' ORDER BY partition_key", table)
		if err != nil {
			return false, err
		}
		stored := "none is"
		if len(have) > 0 {
			stored = short(have) + " are"
			if ps.of != nil {
				sub, other := ps.of.Known(have)
				stored = sub.String()
				if len(other) > 0 {
					stored += fmt.Sprintf(" and %d other keys", len(other))
				}
				stored += " are"
			}
		}
		what := "partition " + missing[0] + " is"
		if len(missing) > 1 {
			what = "partitions " + short(missing) + " are"
		}
		return false, fmt.Errorf("%s not stored in table %s (%s): materialize them first", what, m.display(table), stored+" stored")
	}
	return false, fmt.Errorf("the Outputs table counts %d of %d partitions as stored, yet lists none missing", n[0], len(ps.keys))
}

// interruptOnCancel interrupts the query running on raw when ctx is
// cancelled, until the returned function is called; after that, it never
// interrupts, so a late cancellation cannot hit the connection's next user.
func interruptOnCancel(ctx context.Context, raw bindings.Connection) (stop func()) {
	var mu sync.Mutex
	done := false
	stopAfter := context.AfterFunc(ctx, func() {
		mu.Lock()
		defer mu.Unlock()
		if !done {
			bindings.Interrupt(raw)
		}
	})
	return func() {
		stopAfter()
		mu.Lock()
		done = true
		mu.Unlock()
	}
}
