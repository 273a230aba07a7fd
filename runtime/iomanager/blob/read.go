package blob

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"strings"
	"time"
	"unsafe"

	"github.com/parquet-go/parquet-go"

	"github.com/assetgen/assetgen/internal/columns"
)

// object is a stored object being read: random access, and a way to read
// a range ahead of the ReadAt calls that fall in it (one request for a
// column chunk instead of one per page).
type object interface {
	io.ReaderAt
	// prefetch reads [off, off+n) into memory, replacing the previous
	// range.
	prefetch(off, n int64) error
}

// parquetFile is an opened Parquet object and where the columns of the
// row type being loaded are in it.
type parquetFile struct {
	obj    object
	f      *parquet.File
	starts []int // for each field of the row type, the file column of its first leaf
}

// openParquet reads the footer of the Parquet object obj of size bytes
// and matches the columns of rt to the file's: every column of rt must be
// in the file (by name, case-insensitively, as package columns matches
// them) with the same Parquet type. Columns of the file that rt lacks are
// never read.
func openParquet(obj object, size int64, rt *rowType) (*parquetFile, error) {
	f, err := parquet.OpenFile(obj, size,
		parquet.SkipMagicBytes(true), // the footer's magic bytes are checked
		parquet.SkipPageIndex(true),
		parquet.SkipBloomFilters(true))
	if err != nil {
		return nil, fmt.Errorf("not a Parquet file: %w", err)
	}
	type fileCol struct {
		field parquet.Field
		start int
	}
	byName := map[string]fileCol{}
	var names []string
	leaf := 0
	for _, fld := range f.Schema().Fields() {
		byName[columns.Fold(fld.Name())] = fileCol{fld, leaf}
		names = append(names, fld.Name())
		leaf += countLeaves(fld)
	}
	var rows int64
	for _, rg := range f.RowGroups() {
		if n := rg.NumRows(); n < 0 || rows > math.MaxInt32-n {
			return nil, fmt.Errorf("corrupt Parquet footer: a row group of %d rows", n)
		} else {
			rows += n
		}
	}
	if rows != f.NumRows() {
		return nil, fmt.Errorf("corrupt Parquet footer: %d rows in all, %d in the row groups", f.NumRows(), rows)
	}
	pf := &parquetFile{obj: obj, f: f, starts: make([]int, len(rt.root.fields))}
	for i, fd := range rt.root.fields {
		fc, ok := byName[columns.Fold(fd.name)]
		if !ok {
			return nil, fmt.Errorf("field %s (column %s) has no column in the stored file, whose columns are %s", fd.goName, fd.name, strings.Join(names, ", "))
		}
		if !parquet.EqualNodes(fd.node.pq, fc.field) {
			return nil, fmt.Errorf("field %s (column %s): the stored column is %s, but %v is stored as %s",
				fd.goName, fd.name, oneLine(fc.field), fd.node.t, oneLine(fd.node.pq))
		}
		pf.starts[i] = fc.start
	}
	return pf, nil
}

// countLeaves returns the number of leaf columns below n.
func countLeaves(n parquet.Node) int {
	if n.Leaf() {
		return 1
	}
	c := 0
	for _, f := range n.Fields() {
		c += countLeaves(f)
	}
	return c
}

// oneLine prints node n on one line.
func oneLine(n parquet.Node) string {
	var b strings.Builder
	_ = parquet.PrintSchemaIndent(&b, "", n, "", " ")
	return strings.TrimSuffix(strings.TrimSpace(b.String()), ";")
}

// numRows returns the number of rows of the file.
func (pf *parquetFile) numRows() int { return int(pf.f.NumRows()) }

// read decodes the rows of the file into the structs of type rt.elem at
// base, from index at on.
func (pf *parquetFile) read(ctx context.Context, rt *rowType, base unsafe.Pointer, at int) error {
	a := pf.assembler(rt)
	for g, rg := range pf.f.RowGroups() {
		if err := pf.readGroup(ctx, a, rt, g, base, at); err != nil {
			return err
		}
		at += int(rg.NumRows())
	}
	return nil
}

// assembler returns an assembler of rows of rt.
func (pf *parquetFile) assembler(rt *rowType) *assembler {
	return &assembler{cursors: make([]*cursor, len(rt.leaves))}
}

// readGroup decodes the rows of row group g into the structs of type
// rt.elem at base, from index at on, with a.
func (pf *parquetFile) readGroup(ctx context.Context, a *assembler, rt *rowType, g int, base unsafe.Pointer, at int) error {
	size := rt.elem.Size()
	meta := pf.f.Metadata()
	rg := pf.f.RowGroups()[g]
	n := int(rg.NumRows())
	chunks := rg.ColumnChunks()
	for j, fd := range rt.root.fields {
		if err := ctx.Err(); err != nil {
			return err
		}
		first, k := pf.starts[j], fd.node.last-fd.node.first
		off, end := int64(-1), int64(0)
		for c := first; c < first+k; c++ {
			md := &meta.RowGroups[g].Columns[c].MetaData
			start := md.DataPageOffset
			if md.DictionaryPageOffset > 0 && md.DictionaryPageOffset < start {
				start = md.DictionaryPageOffset
			}
			if off < 0 || start < off {
				off = start
			}
			end = max(end, start+md.TotalCompressedSize)
		}
		if err := pf.obj.prefetch(off, end-off); err != nil {
			return err
		}
		for i := range k {
			a.cursors[fd.node.first+i] = &cursor{pages: chunks[first+i].Pages()}
		}
		err := a.field(fd, base, at, n, size)
		for i := range k {
			a.cursors[fd.node.first+i].close()
		}
		if err != nil {
			return fmt.Errorf("column %s: %w", fd.name, err)
		}
	}
	return nil
}

// cursor reads the values of one column chunk, page by page.
type cursor struct {
	pages parquet.Pages
	page  parquet.Page
	vr    parquet.ValueReader
	buf   []parquet.Value
	i, n  int // buf[i:n] are the values not yet consumed
	err   error
}

// more reports whether a value is left, reading the next values or the
// next page when the buffer is consumed.
func (c *cursor) more() bool {
	for c.i == c.n {
		if c.err != nil {
			return false
		}
		if c.vr != nil {
			if c.buf == nil {
				c.buf = make([]parquet.Value, 1024)
			}
			n, err := c.vr.ReadValues(c.buf)
			c.i, c.n = 0, n
			if n > 0 {
				return true
			}
			if err != nil && !errors.Is(err, io.EOF) {
				c.err = err
				return false
			}
			parquet.Release(c.page) // every value read from it is consumed
			c.page, c.vr = nil, nil
		}
		p, err := c.pages.ReadPage()
		if err != nil {
			if !errors.Is(err, io.EOF) {
				c.err = err
			}
			return false
		}
		c.page, c.vr = p, p.Values()
	}
	return true
}

// peek returns the next value, which must exist (more returned true).
func (c *cursor) peek() *parquet.Value { return &c.buf[c.i] }

func (c *cursor) close() {
	if c.page != nil {
		parquet.Release(c.page)
	}
	c.pages.Close()
}

// errShort is the error of a column chunk with fewer values than rows.
var errShort = errors.New("the column has fewer values than the file has rows")

// assembler decodes column values into Go values (Dremel's assembly).
type assembler struct {
	cursors []*cursor // by leaf column of the row type
	arena   arena
}

// field decodes the n rows of field fd into the structs at base, from
// index at on; a required scalar column takes a loop of its own.
func (a *assembler) field(fd *field, base unsafe.Pointer, at, n int, size uintptr) error {
	nd := fd.node
	row := func(r int) unsafe.Pointer { return unsafe.Add(base, uintptr(at+r)*size+fd.offset) }
	if nd.leaf() && nd.kind != kBytes {
		c := a.cursors[nd.first]
		for r := 0; r < n; {
			if !c.more() {
				return cmpErr(c.err, errShort)
			}
			vals := c.buf[c.i:min(c.n, c.i+n-r)]
			for i := range vals {
				a.set(nd, row(r+i), &vals[i])
			}
			c.i += len(vals)
			r += len(vals)
		}
		return nil
	}
	for r := range n {
		if err := a.read(nd, row(r)); err != nil {
			return fmt.Errorf("row %d: %w", at+r, err)
		}
	}
	return nil
}

// cmpErr returns err, or def when err is nil.
func cmpErr(err, def error) error {
	if err != nil {
		return err
	}
	return def
}

// next consumes the next value of leaf column i.
func (a *assembler) next(i int) (*parquet.Value, error) {
	c := a.cursors[i]
	if !c.more() {
		return nil, cmpErr(c.err, errShort)
	}
	v := c.peek()
	c.i++
	return v, nil
}

// level returns the definition and repetition levels of the next value
// of the first column below n, and false when the column has none left.
func (a *assembler) level(n *node) (def, rep int, ok bool, err error) {
	c := a.cursors[n.first]
	if !c.more() {
		return 0, 0, false, c.err
	}
	v := c.peek()
	return v.DefinitionLevel(), v.RepetitionLevel(), true, nil
}

// skip consumes one value of every column below n: the NULL or empty
// value standing for n's whole value.
func (a *assembler) skip(n *node) error {
	for i := n.first; i < n.last; i++ {
		if _, err := a.next(i); err != nil {
			return err
		}
	}
	return nil
}

// absent reports whether n's value is missing at the current position
// (the next definition level is below def), consuming it if so.
func (a *assembler) absent(n *node, def int) (bool, error) {
	d, _, ok, err := a.level(n)
	if err != nil {
		return false, err
	}
	if !ok {
		return false, errShort
	}
	if d >= def {
		return false, nil
	}
	return true, a.skip(n)
}

// read decodes the value of n at the current position into p, which
// holds the zero value of n's type.
func (a *assembler) read(n *node, p unsafe.Pointer) error {
	switch n.kind {
	case kPtr:
		if null, err := a.absent(n, n.def+1); null || err != nil {
			return err
		}
		q := reflect.New(n.elem.t).UnsafePointer()
		if err := a.read(n.elem, q); err != nil {
			return err
		}
		*(*unsafe.Pointer)(p) = q
		return nil
	case kNull:
		if null, err := a.absent(n, n.def+1); null || err != nil {
			return err
		}
		*(*bool)(unsafe.Add(p, n.validOff)) = true
		return a.read(n.elem, unsafe.Add(p, n.valueOff))
	case kStruct:
		for _, f := range n.fields {
			if err := a.read(f.node, unsafe.Add(p, f.offset)); err != nil {
				return fmt.Errorf("%s: %w", f.goName, err)
			}
		}
		return nil
	case kList:
		if null, err := a.absent(n, n.def+1); null || err != nil {
			return err
		}
		s := reflect.NewAt(n.t, p).Elem()
		s.Set(reflect.MakeSlice(n.t, 0, 0))
		if empty, err := a.absent(n, n.def+2); empty || err != nil {
			return err
		}
		for i := 0; ; i++ {
			s.Grow(1)
			s.SetLen(i + 1)
			if err := a.read(n.elem, s.Index(i).Addr().UnsafePointer()); err != nil {
				return fmt.Errorf("[%d]: %w", i, err)
			}
			if !a.repeats(n) {
				return nil
			}
		}
	case kArray:
		size, want := n.elem.t.Size(), n.t.Len()
		for i := 0; ; i++ {
			if i == want {
				return fmt.Errorf("more than %d elements for %v", want, n.t)
			}
			if err := a.read(n.elem, unsafe.Add(p, uintptr(i)*size)); err != nil {
				return fmt.Errorf("[%d]: %w", i, err)
			}
			if !a.repeats(n) {
				if i+1 != want {
					return fmt.Errorf("%d elements for %v", i+1, n.t)
				}
				return nil
			}
		}
	case kMap:
		if null, err := a.absent(n, n.def+1); null || err != nil {
			return err
		}
		m := reflect.MakeMap(n.t)
		reflect.NewAt(n.t, p).Elem().Set(m)
		if empty, err := a.absent(n, n.def+2); empty || err != nil {
			return err
		}
		for {
			k, v := reflect.New(n.key.t), reflect.New(n.elem.t)
			if err := a.read(n.key, k.UnsafePointer()); err != nil {
				return fmt.Errorf("key: %w", err)
			}
			if err := a.read(n.elem, v.UnsafePointer()); err != nil {
				return fmt.Errorf("[%v]: %w", k.Elem(), err)
			}
			m.SetMapIndex(k.Elem(), v.Elem())
			if !a.repeats(n) {
				return nil
			}
		}
	}
	v, err := a.next(n.first)
	if err != nil {
		return err
	}
	if n.kind == kBytes && v.DefinitionLevel() <= n.def {
		return nil // nil []byte
	}
	a.set(n, p, v)
	return nil
}

// repeats reports whether the next value of the columns below list or
// map n is another element of it.
func (a *assembler) repeats(n *node) bool {
	_, rep, ok, _ := a.level(n)
	return ok && rep == n.rep
}

// set stores the value v of leaf n at p.
func (a *assembler) set(n *node, p unsafe.Pointer, v *parquet.Value) {
	switch n.kind {
	case kBool:
		*(*bool)(p) = v.Boolean()
	case kInt8:
		*(*int8)(p) = int8(v.Int32())
	case kInt16:
		*(*int16)(p) = int16(v.Int32())
	case kInt32:
		*(*int32)(p) = v.Int32()
	case kInt64, kUint64:
		*(*int64)(p) = v.Int64()
	case kInt:
		*(*int)(p) = int(v.Int64())
	case kUint:
		*(*uint)(p) = uint(v.Int64())
	case kUint8:
		*(*uint8)(p) = uint8(v.Int32())
	case kUint16:
		*(*uint16)(p) = uint16(v.Int32())
	case kUint32:
		*(*uint32)(p) = uint32(v.Int32())
	case kFloat32:
		*(*float32)(p) = v.Float()
	case kFloat64:
		*(*float64)(p) = v.Double()
	case kString:
		*(*string)(p) = a.arena.string(v.ByteArray())
	case kBytes:
		*(*[]byte)(p) = a.arena.bytes(v.ByteArray())
	case kFixed:
		copy(unsafe.Slice((*byte)(p), n.t.Len()), v.ByteArray())
	case kTime:
		*(*time.Time)(p) = time.UnixMicro(v.Int64()).UTC()
	}
}

// arenaSize is the size of the blocks strings are copied into: one
// allocation for many short strings.
const arenaSize = 32 << 10

// arena copies bytes out of page buffers into blocks of its own.
type arena struct{ block []byte }

// bytes returns a copy of b whose capacity is its length, so that an
// append never writes into the next value.
func (a *arena) bytes(b []byte) []byte {
	if len(b) == 0 {
		return []byte{}
	}
	if len(b) > cap(a.block)-len(a.block) {
		if len(b) > arenaSize/4 {
			return append([]byte(nil), b...)
		}
		a.block = make([]byte, 0, arenaSize)
	}
	i := len(a.block)
	a.block = append(a.block, b...)
	return a.block[i:len(a.block):len(a.block)]
}

// string returns a copy of b as a string.
func (a *arena) string(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	c := a.bytes(b)
	return unsafe.String(unsafe.SliceData(c), len(c))
}
