package duckdb

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"reflect"
	"time"
	"unicode/utf8"
	"unsafe"

	bindings "github.com/duckdb/duckdb-go-bindings"

	"github.com/assetgen/assetgen/internal/columns"
	"github.com/assetgen/assetgen/runtime"
)

// The store path fills DuckDB data chunks directly, vector by vector, and
// hands each full chunk to DuckDB's Appender (duckdb_append_data_chunk).
// Scalars are written straight into the vectors' memory; only strings
// longer than 12 bytes and nested lists cost a call into DuckDB each.

// wvec is a vector being written: its handle, data and validity (nil until
// the first NULL) and, for nested types, its children.
type wvec struct {
	h     bindings.Vector
	data  unsafe.Pointer
	valid unsafe.Pointer

	size, cap int     // LIST and MAP: elements used and reserved in the child
	children  []*wvec // LIST, MAP: the elements (a MAP's: a STRUCT of key and value); STRUCT: the entries
}

// fill points w at vector h of type c's column.
func (w *wvec) fill(h bindings.Vector, c *codec) {
	w.h = h
	w.data = bindings.VectorGetData(h)
	w.valid = nil
	switch c = c.base(); c.kind {
	case kList, kArray:
		w.size = int(bindings.ListVectorGetSize(h))
		w.cap = w.size
		w.child(0, 1).fill(bindings.ListVectorGetChild(h), c.elem)
	case kMap:
		w.size = int(bindings.ListVectorGetSize(h))
		w.cap = w.size
		kv := w.child(0, 1)
		kv.h = bindings.ListVectorGetChild(h)
		kv.data, kv.valid = bindings.VectorGetData(kv.h), nil
		kv.child(0, 2).fill(bindings.StructVectorGetChild(kv.h, 0), c.key)
		kv.child(1, 2).fill(bindings.StructVectorGetChild(kv.h, 1), c.val)
	case kStruct:
		for i, f := range c.fields {
			w.child(i, len(c.fields)).fill(bindings.StructVectorGetChild(h, bindings.IdxT(i)), f.codec)
		}
	}
}

// base returns the codec of the stored value behind pointers and Null types.
func (c *codec) base() *codec {
	for c.kind == kPtr || c.kind == kNull {
		c = c.elem
	}
	return c
}

func (w *wvec) child(i, n int) *wvec {
	if len(w.children) != n {
		w.children = make([]*wvec, n)
	}
	if w.children[i] == nil {
		w.children[i] = new(wvec)
	}
	return w.children[i]
}

// refresh re-reads the memory of w and its children, which a list reserve
// may have moved.
func (w *wvec) refresh() {
	w.data = bindings.VectorGetData(w.h)
	w.valid = nil
	for _, c := range w.children {
		c.refresh()
	}
}

// setNull marks row NULL in the validity mask.
func (w *wvec) setNull(row int) {
	if w.valid == nil {
		bindings.VectorEnsureValidityWritable(w.h)
		w.valid = bindings.VectorGetValidity(w.h)
	}
	p := (*uint64)(unsafe.Add(w.valid, uintptr(row/64)*8))
	*p &^= 1 << (uint(row) % 64)
}

// reserve makes room for n more elements in the child of a LIST or MAP and
// returns the offset of the first.
func (w *wvec) reserve(n int) int {
	off := w.size
	if off+n > w.cap {
		w.cap = max(2*w.cap, off+n, 256)
		bindings.ListVectorReserve(w.h, bindings.IdxT(w.cap))
		for _, c := range w.children {
			c.refresh()
		}
	}
	w.size += n
	return off
}

// finish sets the final sizes of the lists under w before the chunk is
// appended.
func (w *wvec) finish(c *codec) {
	switch c = c.base(); c.kind {
	case kList, kArray:
		bindings.ListVectorSetSize(w.h, bindings.IdxT(w.size))
		w.children[0].finish(c.elem)
	case kMap:
		bindings.ListVectorSetSize(w.h, bindings.IdxT(w.size))
		kv := w.children[0]
		kv.children[0].finish(c.key)
		kv.children[1].finish(c.val)
	case kStruct:
		for i, f := range c.fields {
			w.children[i].finish(f.codec)
		}
	}
}

// writer writes the Go value at p into row of w.
type writer func(w *wvec, row int, p unsafe.Pointer) error

func put[T any](w *wvec, row int, v T) {
	*(*T)(unsafe.Add(w.data, uintptr(row)*unsafe.Sizeof(v))) = v
}

// putString writes s as the duckdb_string_t at row: inline when it fits
// in 12 bytes, else copied into the vector's string heap by DuckDB.
func putString(w *wvec, row int, s string) {
	n := len(s)
	if n <= 12 {
		p := unsafe.Add(w.data, uintptr(row)*16)
		*(*[16]byte)(p) = [16]byte{}
		*(*uint32)(p) = uint32(n)
		copy(unsafe.Slice((*byte)(unsafe.Add(p, 4)), 12), s)
		return
	}
	bindings.UnsafeVectorAssignStringElementLen(w.h, bindings.IdxT(row), unsafe.Slice(unsafe.StringData(s), n))
}

// maxTimestampSec bounds the seconds of a time.Time whose microseconds fit
// a TIMESTAMPTZ without reaching its infinity values.
const maxTimestampSec = math.MaxInt64/1_000_000 - 1

var errBadUTF8 = errors.New("string is not valid UTF-8, which a VARCHAR requires (store binary data as []byte)")

// writerOf returns the writer of Go values described by c.
func writerOf(c *codec) writer {
	switch c.kind {
	case kBool:
		return func(w *wvec, row int, p unsafe.Pointer) error { put(w, row, *(*bool)(p)); return nil }
	case kInt8, kUint8:
		return func(w *wvec, row int, p unsafe.Pointer) error { put(w, row, *(*uint8)(p)); return nil }
	case kInt16, kUint16:
		return func(w *wvec, row int, p unsafe.Pointer) error { put(w, row, *(*uint16)(p)); return nil }
	case kInt32, kUint32, kFloat32:
		return func(w *wvec, row int, p unsafe.Pointer) error { put(w, row, *(*uint32)(p)); return nil }
	case kInt64, kUint64, kFloat64, kDuration:
		return func(w *wvec, row int, p unsafe.Pointer) error { put(w, row, *(*uint64)(p)); return nil }
	case kInt:
		return func(w *wvec, row int, p unsafe.Pointer) error { put(w, row, int64(*(*int)(p))); return nil }
	case kUint:
		return func(w *wvec, row int, p unsafe.Pointer) error { put(w, row, uint64(*(*uint)(p))); return nil }
	case kString:
		return func(w *wvec, row int, p unsafe.Pointer) error {
			s := *(*string)(p)
			if !utf8.ValidString(s) {
				return errBadUTF8
			}
			putString(w, row, s)
			return nil
		}
	case kBytes:
		return func(w *wvec, row int, p unsafe.Pointer) error {
			b := *(*[]byte)(p)
			if b == nil {
				setNull(w, c, row)
				return nil
			}
			putString(w, row, unsafe.String(unsafe.SliceData(b), len(b)))
			return nil
		}
	case kByteArray:
		n := c.t.Len()
		return func(w *wvec, row int, p unsafe.Pointer) error {
			putString(w, row, unsafe.String((*byte)(p), n))
			return nil
		}
	case kTime:
		return func(w *wvec, row int, p unsafe.Pointer) error {
			t := (*time.Time)(p)
			if s := t.Unix(); s > maxTimestampSec || s < -maxTimestampSec {
				return fmt.Errorf("time %v is outside the range of a TIMESTAMPTZ (about 290000 years around 1970)", t)
			}
			put(w, row, t.UnixMicro())
			return nil
		}
	case kPtr:
		elem := writerOf(c.elem)
		return func(w *wvec, row int, p unsafe.Pointer) error {
			q := *(*unsafe.Pointer)(p)
			if q == nil {
				setNull(w, c.elem, row)
				return nil
			}
			return elem(w, row, q)
		}
	case kNull:
		elem := writerOf(c.elem)
		return func(w *wvec, row int, p unsafe.Pointer) error {
			if !*(*bool)(unsafe.Add(p, c.validOff)) {
				setNull(w, c.elem, row)
				return nil
			}
			return elem(w, row, unsafe.Add(p, c.valueOff))
		}
	case kStruct:
		ws := make([]writer, len(c.fields))
		for i, f := range c.fields {
			ws[i] = writerOf(f.codec)
		}
		return func(w *wvec, row int, p unsafe.Pointer) error {
			for i, fw := range ws {
				if err := fw(w.children[i], row, unsafe.Add(p, c.fields[i].offset)); err != nil {
					return fmt.Errorf("%s: %w", c.fields[i].goName, err)
				}
			}
			return nil
		}
	case kList, kArray:
		elem := writerOf(c.elem)
		size := c.elem.t.Size()
		return func(w *wvec, row int, p unsafe.Pointer) error {
			var n int
			var base unsafe.Pointer
			if c.kind == kArray {
				n, base = c.t.Len(), p
			} else {
				v := reflect.NewAt(c.t, p).Elem()
				if v.IsNil() {
					setNull(w, c, row)
					return nil
				}
				n, base = v.Len(), v.UnsafePointer()
			}
			off := w.reserve(n)
			put(w, row, listEntry{uint64(off), uint64(n)})
			for i := range n {
				if err := elem(w.children[0], off+i, unsafe.Add(base, uintptr(i)*size)); err != nil {
					return fmt.Errorf("[%d]: %w", i, err)
				}
			}
			return nil
		}
	case kMap:
		kw, vw := writerOf(c.key), writerOf(c.val)
		return func(w *wvec, row int, p unsafe.Pointer) error {
			v := reflect.NewAt(c.t, p).Elem()
			if v.IsNil() {
				setNull(w, c, row)
				return nil
			}
			// Entries in key order, so equal maps store equal lists.
			keys := columns.SortedKeys(v)
			n := len(keys)
			off := w.reserve(n)
			put(w, row, listEntry{uint64(off), uint64(n)})
			kv := w.children[0]
			k := reflect.New(c.key.t).Elem()
			e := reflect.New(c.val.t).Elem()
			for i, key := range keys {
				k.Set(key)
				e.Set(v.MapIndex(key))
				if err := kw(kv.children[0], off+i, k.Addr().UnsafePointer()); err != nil {
					return fmt.Errorf("key %v: %w", k, err)
				}
				if err := vw(kv.children[1], off+i, e.Addr().UnsafePointer()); err != nil {
					return fmt.Errorf("[%v]: %w", k, err)
				}
			}
			return nil
		}
	}
	return func(*wvec, int, unsafe.Pointer) error { return fmt.Errorf("no writer for %s", c.t) }
}

// setNull marks row of w NULL; c is the codec of the stored value, so
// that a NULL STRUCT's entries are NULL too. The row's slot is zeroed, so
// that the data version does not depend on what the vector held before.
func setNull(w *wvec, c *codec, row int) {
	w.setNull(row)
	switch c = c.base(); c.kind {
	case kStruct:
		for i, f := range c.fields {
			setNull(w.children[i], f.codec, row)
		}
	case kList, kArray, kMap:
		put(w, row, listEntry{})
	case kString, kBytes, kByteArray:
		put(w, row, [16]byte{})
	default:
		switch width(c) {
		case 1:
			put(w, row, uint8(0))
		case 2:
			put(w, row, uint16(0))
		case 4:
			put(w, row, uint32(0))
		case 8:
			put(w, row, uint64(0))
		}
	}
}

// width returns the bytes per row of a fixed-width scalar's vector, or 0.
func width(c *codec) int {
	switch c.kind {
	case kBool, kInt8, kUint8:
		return 1
	case kInt16, kUint16:
		return 2
	case kInt32, kUint32, kFloat32:
		return 4
	case kInt64, kInt, kUint64, kUint, kFloat64, kDuration, kTime:
		return 8
	}
	return 0
}

// hasher computes the data version: two checksums, CRC-32 (IEEE) and
// CRC-32C, of the table's column definitions and of every vector as
// written (validity, fixed-width data, string lengths and bytes, list
// entries), which depend only on the stored values. Both are computed by
// the CPU's CRC instructions, so versioning costs a few milliseconds per
// million rows; together they make 64 bits.
type hasher struct {
	ieee, castagnoli uint32
	buf              []byte
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

func (x *hasher) write(b []byte) {
	x.ieee = crc32.Update(x.ieee, crc32.IEEETable, b)
	x.castagnoli = crc32.Update(x.castagnoli, castagnoli, b)
}

// sum returns the version as 16 hex digits.
func (x *hasher) sum() string {
	return fmt.Sprintf("%08x%08x", x.ieee, x.castagnoli)
}

// vector hashes the first n rows of w, typed c.
func (x *hasher) vector(w *wvec, c *codec, n int) {
	if n == 0 {
		return
	}
	valid := bindings.VectorGetValidity(w.h)
	words := (n + 63) / 64
	x.buf = x.buf[:0]
	for i := range words {
		m := ^uint64(0)
		if valid != nil {
			m = *(*uint64)(unsafe.Add(valid, uintptr(i)*8))
		}
		if i == words-1 && n%64 != 0 {
			m &= 1<<(uint(n)%64) - 1
		}
		x.buf = binary.LittleEndian.AppendUint64(x.buf, m)
	}
	x.write(x.buf)
	switch c = c.base(); c.kind {
	case kString, kBytes, kByteArray:
		x.buf = x.buf[:0]
		for row := range n {
			p := unsafe.Add(w.data, uintptr(row)*16)
			l := *(*uint32)(p)
			data := unsafe.Add(p, 4)
			if l > 12 {
				data = *(*unsafe.Pointer)(unsafe.Add(p, 8))
			}
			x.buf = binary.LittleEndian.AppendUint32(x.buf, l)
			x.buf = append(x.buf, unsafe.Slice((*byte)(data), l)...)
		}
		x.write(x.buf)
	case kList, kArray:
		x.write(unsafe.Slice((*byte)(w.data), n*16))
		x.vector(w.children[0], c.elem, w.size)
	case kMap:
		x.write(unsafe.Slice((*byte)(w.data), n*16))
		kv := w.children[0]
		x.vector(kv.children[0], c.key, w.size)
		x.vector(kv.children[1], c.val, w.size)
	case kStruct:
		for i, f := range c.fields {
			x.vector(w.children[i], f.codec, n)
		}
	default:
		x.write(unsafe.Slice((*byte)(w.data), n*width(c)))
	}
}

// rows are the rows a store appends to a group: the elements idx of src,
// a []T or []*T, or, when idx is nil, its elements lo to hi-1. Errors name
// a row by offset plus its index in src (offset: the index of src's
// first row in a stream), after prefix (the map entry it came from).
type rows struct {
	src    reflect.Value
	lo, hi int
	idx    []int32
	offset int
	prefix string
}

func (r *rows) len() int {
	if r.idx != nil {
		return len(r.idx)
	}
	return r.hi - r.lo
}

// at returns the index in src of the group's row i.
func (r *rows) at(i int) int {
	if r.idx != nil {
		return int(r.idx[i])
	}
	return r.lo + i
}

// appender appends rows of one Go type to one table through DuckDB's
// Appender, filling whole data chunks column by column. The table's
// columns may come in another order than the struct's fields, and may
// include the manager's partition column.
//
// Rows are appended in groups, one per partition (begin, add, end); a
// group starts a new chunk, and hashes its chunks into its data version,
// so that a group's version depends on its rows alone, however they came
// (a slice at once, a stream in batches) and whatever groups came before.
type appender struct {
	app      bindings.Appender
	chunk    bindings.DataChunk
	rt       *rowType
	pos      []int    // for each field of rt, its column in the table
	keyCol   int      // the manager's partition column, or -1
	codecs   []*codec // of each column of the table
	writers  []writer // of each field of rt
	vecs     []wvec   // of each column of the table
	capacity int      // rows per chunk

	n   int    // rows in the chunk being filled
	x   hasher // of the group being appended
	key string // the group's partition key, for the manager's column
}

// keyCodec is the codec of the manager's partition column.
var keyCodec = &codec{t: reflect.TypeFor[string](), kind: kString, sql: "VARCHAR"}

// newAppender opens an Appender on schema.table, whose columns are the
// fields of rt at positions pos, and the partition key at keyCol (-1:
// none). It must be destroyed.
func newAppender(raw bindings.Connection, schema, table string, rt *rowType, pos []int, keyCol int) (*appender, error) {
	a := &appender{rt: rt, pos: pos, keyCol: keyCol, capacity: int(bindings.VectorSize())}
	if bindings.AppenderCreate(raw, schema, table, &a.app) == bindings.StateError {
		msg := bindings.AppenderError(a.app)
		bindings.AppenderDestroy(&a.app)
		return nil, errors.New(msg)
	}
	ncol := int(bindings.AppenderColumnCount(a.app))
	want := len(rt.fields)
	if keyCol >= 0 {
		want++
	}
	if ncol != want {
		bindings.AppenderDestroy(&a.app)
		return nil, fmt.Errorf("the table has %d columns, want %d", ncol, want)
	}
	types := make([]bindings.LogicalType, ncol)
	for i := range types {
		types[i] = bindings.AppenderColumnType(a.app, bindings.IdxT(i))
	}
	a.chunk = bindings.CreateDataChunk(types)
	for i := range types {
		bindings.DestroyLogicalType(&types[i])
	}
	a.codecs = make([]*codec, ncol)
	a.writers = make([]writer, len(rt.fields))
	for i, f := range rt.fields {
		a.codecs[pos[i]] = f.codec
		a.writers[i] = writerOf(f.codec)
	}
	if keyCol >= 0 {
		a.codecs[keyCol] = keyCodec
	}
	a.vecs = make([]wvec, ncol)
	return a, nil
}

// destroy frees the Appender and its chunk; rows not flushed by close are
// lost.
func (a *appender) destroy() {
	bindings.DestroyDataChunk(&a.chunk)
	bindings.AppenderDestroy(&a.app)
}

// close flushes the rows appended to the table.
func (a *appender) close(ctx context.Context) error {
	if bindings.AppenderClose(a.app) == bindings.StateError {
		return errors.New(bindings.AppenderError(a.app))
	}
	return ctx.Err()
}

// append appends the group rs, the rows of partition key, and returns its
// data version (see begin).
func (a *appender) append(ctx context.Context, ddl, key string, rs rows) (string, error) {
	if err := a.begin(ddl, key); err != nil {
		return "", err
	}
	if err := a.add(ctx, rs); err != nil {
		return "", err
	}
	return a.end()
}

// begin starts a group of rows, of partition key when the table has the
// manager's partition column. Its data version is a hash of ddl (the
// columns of rt, "name TYPE" in field order) and of the group's chunks,
// field by field in field order. The manager's partition column is not
// hashed: equal rows have equal versions in any partition, and as an
// unpartitioned table.
func (a *appender) begin(ddl, key string) error {
	if a.keyCol >= 0 && !utf8.ValidString(key) {
		return fmt.Errorf("partition key %q: %w", key, errBadUTF8)
	}
	a.x = hasher{buf: a.x.buf[:0]}
	a.x.write([]byte(ddl))
	a.key = key
	return nil
}

// add appends the rows rs to the group, filling chunks and appending each
// when full.
func (a *appender) add(ctx context.Context, rs rows) error {
	rt := a.rt
	n := rs.len()
	size := rt.slice.Elem().Size()
	var base unsafe.Pointer
	if rs.src.Len() > 0 {
		base = rs.src.UnsafePointer()
	}
	for i := 0; i < n; {
		if a.n == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
			for j := range a.vecs {
				a.vecs[j].fill(bindings.DataChunkGetVector(a.chunk, bindings.IdxT(j)), a.codecs[j])
			}
		}
		count := min(a.capacity-a.n, n-i)
		for r := range count {
			row := rs.at(i + r)
			p := unsafe.Add(base, uintptr(row)*size)
			if rt.ptr {
				p = *(*unsafe.Pointer)(p)
				if p == nil {
					return fmt.Errorf("%srow %d: nil *%s in the slice", rs.prefix, rs.offset+row, rt.elem)
				}
			}
			for k, w := range a.writers {
				f := rt.fields[k]
				if err := w(&a.vecs[a.pos[k]], a.n+r, unsafe.Add(p, f.offset)); err != nil {
					return fmt.Errorf("%srow %d, column %q (Go field %s): %w", rs.prefix, rs.offset+row, f.name, f.goName, err)
				}
			}
			if a.keyCol >= 0 {
				putString(&a.vecs[a.keyCol], a.n+r, a.key)
			}
		}
		a.n += count
		i += count
		if a.n == a.capacity {
			if err := a.flush(); err != nil {
				return err
			}
		}
	}
	return nil
}

// flush hashes the chunk and appends it.
func (a *appender) flush() error {
	for j := range a.vecs {
		a.vecs[j].finish(a.codecs[j])
	}
	for i, f := range a.rt.fields {
		a.x.vector(&a.vecs[a.pos[i]], f.codec, a.n)
	}
	bindings.DataChunkSetSize(a.chunk, bindings.IdxT(a.n))
	a.n = 0
	if bindings.AppendDataChunk(a.app, a.chunk) == bindings.StateError {
		return errors.New(bindings.AppenderError(a.app))
	}
	bindings.DataChunkReset(a.chunk)
	return nil
}

// end appends the group's last chunk and returns its data version.
func (a *appender) end() (string, error) {
	if a.n > 0 {
		if err := a.flush(); err != nil {
			return "", err
		}
	}
	return a.x.sum(), nil
}

// source is the rows a store appends: those of a slice (or, for
// partitions, of a map of slices by partition key), or those of a stream,
// appended batch by batch as they come.
type source struct {
	value  reflect.Value // a []T or []*T, or a map[string] of those; invalid for a stream
	stream *runtime.Rows
}

// typ returns the type of the rows: []T or []*T (a map's element).
func (src source) typ() reflect.Type {
	if src.stream != nil {
		return src.stream.Type()
	}
	return rowsType(src.value.Type())
}

// appendRows appends every row of src (a []T or []*T, or a stream) to
// schema.table on raw, chunk by chunk, through DuckDB's Appender, as one
// group (see appender.begin). The table's columns are those of rt, in
// order. It returns the data version, a hash of ddl and of the chunks
// appended, and the number of rows.
func appendRows(ctx context.Context, raw bindings.Connection, schema, table, ddl string, rt *rowType, src source) (version string, n int, err error) {
	pos := make([]int, len(rt.fields))
	for i := range pos {
		pos[i] = i
	}
	a, err := newAppender(raw, schema, table, rt, pos, -1)
	if err != nil {
		return "", 0, err
	}
	defer a.destroy()
	if err := a.begin(ddl, ""); err != nil {
		return "", 0, err
	}
	if src.stream == nil {
		n = src.value.Len()
		err = a.add(ctx, rows{src: src.value, hi: n})
	} else {
		err = src.stream.Batches(a.capacity, func(b reflect.Value) error {
			err := a.add(ctx, rows{src: b, hi: b.Len(), offset: n})
			n += b.Len()
			return err
		})
	}
	if err != nil {
		return "", 0, err
	}
	if version, err = a.end(); err != nil {
		return "", 0, err
	}
	return version, n, a.close(ctx)
}
