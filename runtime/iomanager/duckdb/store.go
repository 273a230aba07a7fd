package duckdb

import (
	"context"
	"errors"
	"database/sql/driver"
	"fmt"
	"reflect"
	"time"
	"unicode/utf8"
	"unsafe"

	duckdb "github.com/duckdb/duckdb-go/v2"
)

// encoder returns the Appender value of the Go value at p.
type encoder func(p unsafe.Pointer) (driver.Value, error)

// appendRows appends every element of rv (a []T or []*T) to schema.table
// through the Appender.
func appendRows(ctx context.Context, dc driver.Conn, schema, table string, rt *rowType, rv reflect.Value) error {
	encs := make([]encoder, len(rt.fields))
	for i, f := range rt.fields {
		encs[i] = encoderOf(f.codec)
	}
	a, err := duckdb.NewAppender(dc, "", schema, table)
	if err != nil {
		return err
	}
	n := rv.Len()
	size := rt.slice.Elem().Size()
	var base unsafe.Pointer
	if n > 0 {
		base = rv.UnsafePointer()
	}
	row := make([]driver.Value, len(encs))
	for i := 0; i < n; i++ {
		if i&2047 == 0 && ctx.Err() != nil {
			a.Close()
			return ctx.Err()
		}
		p := unsafe.Add(base, uintptr(i)*size)
		if rt.ptr {
			p = *(*unsafe.Pointer)(p)
			if p == nil {
				a.Close()
				return fmt.Errorf("row %d: nil *%s in the slice", i, rt.elem)
			}
		}
		for j, enc := range encs {
			v, err := enc(unsafe.Add(p, rt.fields[j].offset))
			if err != nil {
				a.Close()
				return fmt.Errorf("row %d, column %q (field %s): %w", i, rt.fields[j].name, rt.fields[j].goName, err)
			}
			row[j] = v
		}
		if err := a.AppendRow(row...); err != nil {
			a.Close()
			return fmt.Errorf("row %d: %w", i, err)
		}
	}
	if err := a.CloseWithCancel(ctx); err != nil {
		return err
	}
	return nil
}

var errBadUTF8 = errors.New("string is not valid UTF-8, which a VARCHAR requires (store binary data as []byte)")

// encoderOf returns the encoder of values described by c.
func encoderOf(c *codec) encoder {
	switch c.kind {
	case kBool:
		return func(p unsafe.Pointer) (driver.Value, error) { return *(*bool)(p), nil }
	case kInt8:
		return func(p unsafe.Pointer) (driver.Value, error) { return *(*int8)(p), nil }
	case kInt16:
		return func(p unsafe.Pointer) (driver.Value, error) { return *(*int16)(p), nil }
	case kInt32:
		return func(p unsafe.Pointer) (driver.Value, error) { return *(*int32)(p), nil }
	case kInt64:
		return func(p unsafe.Pointer) (driver.Value, error) { return *(*int64)(p), nil }
	case kInt:
		return func(p unsafe.Pointer) (driver.Value, error) { return int64(*(*int)(p)), nil }
	case kUint8:
		return func(p unsafe.Pointer) (driver.Value, error) { return *(*uint8)(p), nil }
	case kUint16:
		return func(p unsafe.Pointer) (driver.Value, error) { return *(*uint16)(p), nil }
	case kUint32:
		return func(p unsafe.Pointer) (driver.Value, error) { return *(*uint32)(p), nil }
	case kUint64:
		return func(p unsafe.Pointer) (driver.Value, error) { return *(*uint64)(p), nil }
	case kUint:
		return func(p unsafe.Pointer) (driver.Value, error) { return uint64(*(*uint)(p)), nil }
	case kFloat32:
		return func(p unsafe.Pointer) (driver.Value, error) { return *(*float32)(p), nil }
	case kFloat64:
		return func(p unsafe.Pointer) (driver.Value, error) { return *(*float64)(p), nil }
	case kString:
		return func(p unsafe.Pointer) (driver.Value, error) {
			s := *(*string)(p)
			if !utf8.ValidString(s) {
				return nil, errBadUTF8
			}
			return s, nil
		}
	case kBytes:
		return func(p unsafe.Pointer) (driver.Value, error) {
			b := *(*[]byte)(p)
			if b == nil {
				return nil, nil
			}
			return b, nil
		}
	case kTime:
		return func(p unsafe.Pointer) (driver.Value, error) { return *(*time.Time)(p), nil }
	case kDuration:
		return func(p unsafe.Pointer) (driver.Value, error) { return int64(*(*time.Duration)(p)), nil }
	case kPtr:
		elem := encoderOf(c.elem)
		return func(p unsafe.Pointer) (driver.Value, error) {
			q := *(*unsafe.Pointer)(p)
			if q == nil {
				return nil, nil
			}
			return elem(q)
		}
	case kNull:
		elem := encoderOf(c.elem)
		return func(p unsafe.Pointer) (driver.Value, error) {
			if !*(*bool)(unsafe.Add(p, c.validOff)) {
				return nil, nil
			}
			return elem(unsafe.Add(p, c.valueOff))
		}
	case kStruct:
		encs := make([]encoder, len(c.fields))
		for i, f := range c.fields {
			encs[i] = encoderOf(f.codec)
		}
		return func(p unsafe.Pointer) (driver.Value, error) {
			m := make(map[string]any, len(encs))
			for i, enc := range encs {
				v, err := enc(unsafe.Add(p, c.fields[i].offset))
				if err != nil {
					return nil, fmt.Errorf("%s: %w", c.fields[i].goName, err)
				}
				m[c.fields[i].name] = v
			}
			return m, nil
		}
	case kList, kArray:
		elem := encoderOf(c.elem)
		size := c.elem.t.Size()
		return func(p unsafe.Pointer) (driver.Value, error) {
			v := reflect.NewAt(c.t, p).Elem()
			if c.kind == kList && v.IsNil() {
				return nil, nil
			}
			n := v.Len()
			out := make([]any, n)
			var base unsafe.Pointer
			if c.kind == kArray {
				base = p
			} else if n > 0 {
				base = v.UnsafePointer()
			}
			for i := range n {
				e, err := elem(unsafe.Add(base, uintptr(i)*size))
				if err != nil {
					return nil, fmt.Errorf("[%d]: %w", i, err)
				}
				out[i] = e
			}
			return out, nil
		}
	case kMap:
		kenc, venc := encoderOf(c.key), encoderOf(c.val)
		return func(p unsafe.Pointer) (driver.Value, error) {
			v := reflect.NewAt(c.t, p).Elem()
			if v.IsNil() {
				return nil, nil
			}
			out := make(duckdb.Map, v.Len())
			k := reflect.New(c.key.t).Elem()
			e := reflect.New(c.val.t).Elem()
			for it := v.MapRange(); it.Next(); {
				k.Set(it.Key())
				e.Set(it.Value())
				kv, err := kenc(k.Addr().UnsafePointer())
				if err != nil {
					return nil, fmt.Errorf("key %v: %w", it.Key(), err)
				}
				ev, err := venc(e.Addr().UnsafePointer())
				if err != nil {
					return nil, fmt.Errorf("[%v]: %w", it.Key(), err)
				}
				out[kv] = ev
			}
			return out, nil
		}
	}
	return func(unsafe.Pointer) (driver.Value, error) {
		return nil, fmt.Errorf("no encoder for %s", c.t)
	}
}
