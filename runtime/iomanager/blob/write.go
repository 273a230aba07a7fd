package blob

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"slices"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/parquet-go/parquet-go"

	"github.com/assetgen/assetgen/internal/columns"
)

const (
	// rowGroupRows is the number of rows per row group: DuckDB reads row
	// groups in parallel, and the writer holds one in memory.
	rowGroupRows = 1 << 17
	// batchRows is the number of rows shredded into column values before
	// they are handed to the column writers.
	batchRows = 1024
	// maxTimeSec bounds the seconds of a time.Time that TIMESTAMP(MICROS)
	// holds.
	maxTimeSec = math.MaxInt64 / 1_000_000
)

// writerOptions configure the Parquet writer: Snappy, as DuckDB and Spark
// write by default.
var writerOptions = []parquet.WriterOption{parquet.Compression(&parquet.Snappy)}

var (
	errBadUTF8 = errors.New("string is not valid UTF-8 (Parquet strings are UTF-8)")
	errNilRow  = errors.New("nil row")
)

// rowError says which row and column a value that cannot be stored is in.
type rowError struct {
	row    int
	column string
	goName string
	err    error
}

func (e *rowError) Error() string {
	return fmt.Sprintf("row %d, column %q (Go field %s): %v", e.row, e.column, e.goName, e.err)
}

func (e *rowError) Unwrap() error { return e.err }

// writeRows writes the rows that each hands its function, batch by batch
// (slices of rt.slice's type), to w as one Parquet file, and returns the
// number of rows. A row group is committed every rowGroupRows rows, so
// that the writer holds one row group at a time, however the rows come: a
// stream's batches make the same row groups, and the same bytes, as a
// slice of the same rows. It checks ctx between batches.
func writeRows(ctx context.Context, w io.Writer, rt *rowType, each func(f func(batch reflect.Value) error) error) (int, error) {
	pw := parquet.NewGenericWriter[any](w, append([]parquet.WriterOption{rt.schema}, writerOptions...)...)
	size := rt.slice.Elem().Size()
	s := newShredder(rt)
	var rg *parquet.ConcurrentRowGroupWriter
	inGroup, n := 0, 0
	err := each(func(b reflect.Value) error {
		count := b.Len()
		if count == 0 {
			return nil
		}
		base := b.UnsafePointer()
		for start := 0; start < count; {
			if rg == nil {
				rg = pw.BeginRowGroup()
			}
			end := min(count, start+rowGroupRows-inGroup)
			if err := s.group(ctx, rg, rt, base, size, start, end, n-start); err != nil {
				return err
			}
			inGroup += end - start
			n += end - start
			start = end
			if inGroup == rowGroupRows {
				if _, err := rg.Commit(); err != nil {
					return err
				}
				rg, inGroup = nil, 0
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	if rg != nil {
		if _, err := rg.Commit(); err != nil {
			return 0, err
		}
	}
	if err := pw.Close(); err != nil {
		return 0, err
	}
	return n, nil
}

// group shreds rows [start, end) of the slice at base, whose elements
// are size bytes apart, into the columns of row group rg, batch by batch.
// Errors number a row as offset plus its index.
func (s *shredder) group(ctx context.Context, rg *parquet.ConcurrentRowGroupWriter, rt *rowType, base unsafe.Pointer, size uintptr, start, end, offset int) error {
	cw := rg.ColumnWriters()
	for b := start; b < end; b += batchRows {
		if err := ctx.Err(); err != nil {
			return err
		}
		batch := s.rows[:min(batchRows, end-b)]
		for k := range batch {
			p := unsafe.Add(base, uintptr(b+k)*size)
			if rt.ptr {
				if p = *(*unsafe.Pointer)(p); p == nil {
					return fmt.Errorf("row %d: %w: a slice of pointers stored as Parquet must hold no nil pointer", offset+b+k, errNilRow)
				}
			}
			batch[k] = p
		}
		for _, f := range rt.root.fields {
			if err := s.column(f, batch); err != nil {
				var re *rowError
				if errors.As(err, &re) {
					re.row += offset + b
				}
				return err
			}
		}
		for i, vals := range s.cols {
			if _, err := cw[i].WriteRowValues(vals); err != nil {
				return err
			}
			if s.tmpl[i] == nil {
				clear(vals) // drop references to the rows' strings
			}
			s.cols[i] = vals[:0]
		}
	}
	return nil
}

// shredder turns Go values into the values of the leaf columns, with
// their repetition and definition levels (Dremel's shredding).
type shredder struct {
	rows []unsafe.Pointer  // the rows of a batch
	cols [][]parquet.Value // by column index
	// tmpl holds, for the columns filled by payload, their buffer of
	// values of the column's kind; nil for the others.
	tmpl [][]parquet.Value
}

func newShredder(rt *rowType) *shredder {
	return &shredder{
		rows: make([]unsafe.Pointer, batchRows),
		cols: make([][]parquet.Value, len(rt.leaves)),
		tmpl: make([][]parquet.Value, len(rt.leaves)),
	}
}

// column appends to the columns of field f the values of the rows at
// rows; a required scalar column takes a loop of its own.
func (s *shredder) column(f *field, rows []unsafe.Pointer) error {
	n := f.node
	if n.leaf() && n.kind != kBytes {
		i := n.first
		var err error
		if tv, ok := payloadTemplate(n.kind); ok && payloadOK {
			if s.tmpl[i] == nil {
				s.tmpl[i] = make([]parquet.Value, batchRows)
				for k := range s.tmpl[i] {
					s.tmpl[i][k] = tv
				}
			}
			s.cols[i] = s.tmpl[i][:len(rows)]
			err = payloads(n.kind, s.cols[i], rows, f.offset)
		} else {
			s.cols[i] = slices.Grow(s.cols[i], len(rows))[:len(rows)]
			err = flat(n, s.cols[i], rows, f.offset)
		}
		if err != nil {
			var re *rowError
			if errors.As(err, &re) {
				re.column, re.goName = f.name, f.goName
			}
			return err
		}
		return nil
	}
	for k, p := range rows {
		if err := s.write(n, unsafe.Add(p, f.offset), 0); err != nil {
			return &rowError{row: k, column: f.name, goName: f.goName, err: err}
		}
	}
	return nil
}

// flat sets vals[k] to the value at rows[k]+off, a required scalar at
// the top of the row (levels 0), built whole.
func flat(n *node, vals []parquet.Value, rows []unsafe.Pointer, off uintptr) error {
	if n.kind == kString {
		for i, r := range rows {
			v := *(*string)(unsafe.Add(r, off))
			if !utf8.ValidString(v) {
				return &rowError{row: i, err: errBadUTF8}
			}
			vals[i] = parquet.ByteArrayValue(unsafe.Slice(unsafe.StringData(v), len(v)))
		}
		return nil
	}
	for i, r := range rows {
		v, err := leafValue(n.kind, unsafe.Add(r, off), fixedLen(n))
		if err != nil {
			return &rowError{row: i, err: err}
		}
		vals[i] = v
	}
	return nil
}

// leafValue returns the value of the scalar of kind k at p; n is the
// length of a kFixed array.
func leafValue(k kind, p unsafe.Pointer, n int) (parquet.Value, error) {
	switch k {
	case kBool:
		return parquet.BooleanValue(*(*bool)(p)), nil
	case kInt8:
		return parquet.Int32Value(int32(*(*int8)(p))), nil
	case kInt16:
		return parquet.Int32Value(int32(*(*int16)(p))), nil
	case kInt32:
		return parquet.Int32Value(*(*int32)(p)), nil
	case kInt64, kUint64:
		return parquet.Int64Value(*(*int64)(p)), nil
	case kInt:
		return parquet.Int64Value(int64(*(*int)(p))), nil
	case kUint:
		return parquet.Int64Value(int64(*(*uint)(p))), nil
	case kUint8:
		return parquet.Int32Value(int32(*(*uint8)(p))), nil
	case kUint16:
		return parquet.Int32Value(int32(*(*uint16)(p))), nil
	case kUint32:
		return parquet.Int32Value(int32(*(*uint32)(p))), nil
	case kFloat32:
		return parquet.FloatValue(*(*float32)(p)), nil
	case kFloat64:
		return parquet.DoubleValue(*(*float64)(p)), nil
	case kString:
		v := *(*string)(p)
		if !utf8.ValidString(v) {
			return parquet.Value{}, errBadUTF8
		}
		return parquet.ByteArrayValue(unsafe.Slice(unsafe.StringData(v), len(v))), nil
	case kBytes:
		return parquet.ByteArrayValue(*(*[]byte)(p)), nil
	case kFixed:
		return parquet.FixedLenByteArrayValue(unsafe.Slice((*byte)(p), n)), nil
	case kTime:
		return timeValue((*time.Time)(p))
	}
	return parquet.Value{}, fmt.Errorf("kind %d is not a scalar", k)
}

// timeValue returns t in microseconds since the Unix epoch.
func timeValue(t *time.Time) (parquet.Value, error) {
	if s := t.Unix(); s > maxTimeSec || s < -maxTimeSec {
		return parquet.Value{}, fmt.Errorf("time %v is outside the range of a TIMESTAMP in microseconds (about 290,000 years around 1970)", t)
	}
	return parquet.Int64Value(t.UnixMicro()), nil
}

// write appends the value of n at p to the columns below n; r is the
// repetition level of its first value.
func (s *shredder) write(n *node, p unsafe.Pointer, r int) error {
	switch n.kind {
	case kPtr:
		q := *(*unsafe.Pointer)(p)
		if q == nil {
			s.null(n, r, n.def)
			return nil
		}
		return s.write(n.elem, q, r)
	case kNull:
		if !*(*bool)(unsafe.Add(p, n.validOff)) {
			s.null(n, r, n.def)
			return nil
		}
		return s.write(n.elem, unsafe.Add(p, n.valueOff), r)
	case kBytes:
		b := *(*[]byte)(p)
		if b == nil {
			s.null(n, r, n.def)
			return nil
		}
		s.emit(n, parquet.ByteArrayValue(b), r, n.def+1)
		return nil
	case kStruct:
		for _, f := range n.fields {
			if err := s.write(f.node, unsafe.Add(p, f.offset), r); err != nil {
				return fmt.Errorf("%s: %w", f.goName, err)
			}
		}
		return nil
	case kList:
		h := *(*[]byte)(p) // any slice's header: data, len, cap
		switch {
		case h == nil:
			s.null(n, r, n.def)
			return nil
		case len(h) == 0:
			s.null(n, r, n.def+1)
			return nil
		}
		return s.elems(n, unsafe.Pointer(unsafe.SliceData(h)), len(h), r)
	case kArray:
		return s.elems(n, p, n.t.Len(), r)
	case kMap:
		return s.writeMap(n, reflect.NewAt(n.t, p).Elem(), r)
	}
	v, err := leafValue(n.kind, p, fixedLen(n))
	if err != nil {
		return err
	}
	s.emit(n, v, r, n.def)
	return nil
}

// elems writes the count elements of list or array n starting at base.
func (s *shredder) elems(n *node, base unsafe.Pointer, count, r int) error {
	size := n.elem.t.Size()
	for i := range count {
		if i > 0 {
			r = n.rep
		}
		if err := s.write(n.elem, unsafe.Add(base, uintptr(i)*size), r); err != nil {
			return fmt.Errorf("[%d]: %w", i, err)
		}
	}
	return nil
}

// writeMap writes map m in key order, so that equal maps store equal
// bytes (and the same data version).
func (s *shredder) writeMap(n *node, m reflect.Value, r int) error {
	switch {
	case m.IsNil():
		s.null(n, r, n.def)
		return nil
	case m.Len() == 0:
		s.null(n, r, n.def+1)
		return nil
	}
	for i, key := range columns.SortedKeys(m) {
		if i > 0 {
			r = n.rep
		}
		// Fresh copies: the values emitted may point into them.
		k := reflect.New(n.key.t)
		k.Elem().Set(key)
		v := reflect.New(n.elem.t)
		v.Elem().Set(m.MapIndex(key))
		if err := s.write(n.key, k.UnsafePointer(), r); err != nil {
			return fmt.Errorf("key %v: %w", key, err)
		}
		if err := s.write(n.elem, v.UnsafePointer(), r); err != nil {
			return fmt.Errorf("[%v]: %w", key, err)
		}
	}
	return nil
}

// fixedLen returns the length of a kFixed node's array.
func fixedLen(n *node) int {
	if n.kind == kFixed {
		return n.t.Len()
	}
	return 0
}

// emit appends v to leaf n's column.
func (s *shredder) emit(n *node, v parquet.Value, r, d int) {
	s.cols[n.first] = append(s.cols[n.first], v.Level(r, d, n.first))
}

// null appends a NULL at definition level d to every column below n.
func (s *shredder) null(n *node, r, d int) {
	for i := n.first; i < n.last; i++ {
		s.cols[i] = append(s.cols[i], parquet.NullValue().Level(r, d, i))
	}
}
