package fs

import (
	"bufio"
	"encoding/gob"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"

	"github.com/assetgen/assetgen/internal/columns"
)

// A table (a slice of structs, or a stream of rows) can be written one row
// at a time: JSON lines with the JSON format, a stream of gob values after
// a header byte with Gob. Loads recognize that form from the file's first
// bytes, so a table loads whichever way it was written: a JSON lines
// file starts with "{" (or is empty), a JSON array with "[", a gob stream
// with the header byte gobRowsHeader.

// batchRows is the number of rows per batch of a stream.
const batchRows = 1024

// gobRowsHeader starts a gob file of rows written one at a time (0 is a
// nil value, 1 a whole value; see gobFormat).
const gobRowsHeader = 2

// rowCodec is a format's form of a table written one row at a time.
type rowCodec struct {
	// writer writes any header to w and returns the function that writes
	// one row, given a pointer to it.
	writer func(w io.Writer) (func(ptr any) error, error)
	// open reads the start of r, a stored file, and returns the function
	// that reads the next row into a pointer to a row of type elem
	// (io.EOF after the last); whole is true, and r unread, when the
	// file holds one value to decode whole.
	open func(r *bufio.Reader, elem reflect.Type) (next func(ptr any) error, whole bool, err error)
}

var jsonRows = &rowCodec{
	writer: func(w io.Writer) (func(any) error, error) { return json.NewEncoder(w).Encode, nil },
	open: func(r *bufio.Reader, _ reflect.Type) (func(any) error, bool, error) {
		c, err := firstByte(r)
		switch {
		case err == io.EOF:
			return func(any) error { return io.EOF }, false, nil
		case err != nil:
			return nil, false, err
		case c == '{':
			return json.NewDecoder(r).Decode, false, nil
		case c != '[':
			return nil, true, nil // null, or not rows at all: Decode says
		}
		// A JSON array, read element by element.
		dec := json.NewDecoder(r)
		if _, err := dec.Token(); err != nil {
			return nil, false, err
		}
		return func(ptr any) error {
			if dec.More() {
				return dec.Decode(ptr)
			}
			if _, err := dec.Token(); err != nil { // the closing bracket
				return err
			}
			return io.EOF
		}, false, nil
	},
}

// firstByte returns the first byte of r that is not JSON white space,
// unread.
func firstByte(r *bufio.Reader) (byte, error) {
	for {
		b, err := r.Peek(1)
		if err != nil {
			return 0, err
		}
		switch b[0] {
		case ' ', '\t', '\n', '\r':
			r.ReadByte()
			continue
		}
		return b[0], nil
	}
}

var gobRows = &rowCodec{
	writer: func(w io.Writer) (func(any) error, error) {
		if _, err := w.Write([]byte{gobRowsHeader}); err != nil {
			return nil, err
		}
		return gob.NewEncoder(w).Encode, nil
	},
	open: func(r *bufio.Reader, _ reflect.Type) (func(any) error, bool, error) {
		h, err := r.Peek(1)
		if err != nil {
			return nil, false, err
		}
		if h[0] != gobRowsHeader {
			return nil, true, nil
		}
		r.ReadByte()
		return gob.NewDecoder(r).Decode, false, nil
	},
}

// isTable reports whether t is a slice of structs, []T or []*T.
func isTable(t reflect.Type) bool {
	_, _, ok := columns.RowOf(t)
	return ok
}

// writeRows writes, with the codec c, every row of the batches that each
// hands its function, one row at a time.
func writeRows(c *rowCodec, w io.Writer, each func(f func(batch reflect.Value) error) error) error {
	enc, err := c.writer(w)
	if err != nil {
		return err
	}
	n := 0
	return each(func(b reflect.Value) error {
		ptrs := b.Type().Elem().Kind() == reflect.Pointer
		for i := range b.Len() {
			v := b.Index(i)
			var err error
			switch {
			case !ptrs:
				err = enc(v.Addr().Interface())
			case v.IsNil():
				err = errors.New("a nil row, which has no columns")
			default:
				err = enc(v.Interface())
			}
			if err != nil {
				return fmt.Errorf("row %d: %w", n, err)
			}
			n++
		}
		return nil
	})
}

// readRows reads rows with next into batches of at most n rows of type t
// ([]T or []*T), one slice reused for every batch (pointer rows are new
// each time), and hands each batch to f.
func readRows(next func(ptr any) error, t reflect.Type, n int, f func(batch reflect.Value) error) error {
	elem := t.Elem()
	ptrs := elem.Kind() == reflect.Pointer
	batch := reflect.MakeSlice(t, n, n)
	for count := 0; ; {
		k, end := 0, false
		for ; k < n; k++ {
			slot := batch.Index(k)
			var dst any
			if ptrs {
				p := reflect.New(elem.Elem())
				slot.Set(p)
				dst = p.Interface()
			} else {
				slot.SetZero() // decoders leave absent fields as they were
				dst = slot.Addr().Interface()
			}
			err := next(dst)
			if err == io.EOF {
				end = true
				break
			}
			if err != nil {
				return fmt.Errorf("row %d: %w", count+k, err)
			}
		}
		if k > 0 {
			if err := f(batch.Slice(0, k)); err != nil {
				return err
			}
		}
		if end {
			return nil
		}
		count += k
	}
}
