package blob

import (
	"math"
	"reflect"
	"time"
	"unsafe"

	"github.com/parquet-go/parquet-go"
)

// The values of a required scalar column at the top of a row differ only
// in their payload, parquet.Value's 64-bit field: the column's buffer of
// values is filled once with the kind and levels, then only the payloads
// are written, 8 bytes per value instead of 24 (and no pointer, so no
// write barrier). payloadOff is that field's offset, found by reflection
// and checked against parquet-go's constructors; without it (a parquet-go
// that changed Value), values are built whole.
var payloadOff, payloadOK = func() (uintptr, bool) {
	f, ok := reflect.TypeFor[parquet.Value]().FieldByName("u64")
	if !ok || f.Type.Kind() != reflect.Uint64 {
		return 0, false
	}
	set := func(v parquet.Value, bits uint64) parquet.Value {
		*(*uint64)(unsafe.Add(unsafe.Pointer(&v), f.Offset)) = bits
		return v
	}
	return f.Offset, set(parquet.Int64Value(0), 1<<40+3).Int64() == 1<<40+3 &&
		set(parquet.Int32Value(0), 7).Int32() == 7 &&
		set(parquet.DoubleValue(0), math.Float64bits(2.5)).Double() == 2.5 &&
		set(parquet.FloatValue(0), uint64(math.Float32bits(1.5))).Float() == 1.5 &&
		set(parquet.BooleanValue(false), 1).Boolean()
}()

// payloadTemplate returns the value whose payload is set for leaf kind k,
// and false for kinds with a pointer (strings and bytes).
func payloadTemplate(k kind) (parquet.Value, bool) {
	switch k {
	case kBool:
		return parquet.BooleanValue(false), true
	case kInt8, kInt16, kInt32, kUint8, kUint16, kUint32:
		return parquet.Int32Value(0), true
	case kInt64, kInt, kUint64, kUint, kTime:
		return parquet.Int64Value(0), true
	case kFloat32:
		return parquet.FloatValue(0), true
	case kFloat64:
		return parquet.DoubleValue(0), true
	}
	return parquet.Value{}, false
}

// payloads sets the payloads of vals, values of template kind k, to the
// scalars at rows[i]+off.
func payloads(k kind, vals []parquet.Value, rows []unsafe.Pointer, off uintptr) error {
	put := func(i int, bits uint64) {
		*(*uint64)(unsafe.Add(unsafe.Pointer(&vals[i]), payloadOff)) = bits
	}
	switch k {
	case kBool:
		for i, r := range rows {
			if *(*bool)(unsafe.Add(r, off)) {
				put(i, 1)
			} else {
				put(i, 0)
			}
		}
	case kInt8:
		for i, r := range rows {
			put(i, uint64(int64(*(*int8)(unsafe.Add(r, off)))))
		}
	case kInt16:
		for i, r := range rows {
			put(i, uint64(int64(*(*int16)(unsafe.Add(r, off)))))
		}
	case kInt32:
		for i, r := range rows {
			put(i, uint64(int64(*(*int32)(unsafe.Add(r, off)))))
		}
	case kUint8:
		for i, r := range rows {
			put(i, uint64(*(*uint8)(unsafe.Add(r, off))))
		}
	case kUint16:
		for i, r := range rows {
			put(i, uint64(*(*uint16)(unsafe.Add(r, off))))
		}
	case kUint32:
		for i, r := range rows {
			put(i, uint64(int64(int32(*(*uint32)(unsafe.Add(r, off))))))
		}
	case kInt64, kUint64, kFloat64:
		for i, r := range rows {
			put(i, *(*uint64)(unsafe.Add(r, off)))
		}
	case kInt:
		for i, r := range rows {
			put(i, uint64(*(*int)(unsafe.Add(r, off))))
		}
	case kUint:
		for i, r := range rows {
			put(i, uint64(*(*uint)(unsafe.Add(r, off))))
		}
	case kFloat32:
		for i, r := range rows {
			put(i, uint64(math.Float32bits(*(*float32)(unsafe.Add(r, off)))))
		}
	case kTime:
		for i, r := range rows {
			t := (*time.Time)(unsafe.Add(r, off))
			if s := t.Unix(); s > maxTimeSec || s < -maxTimeSec {
				_, err := timeValue(t)
				return &rowError{row: i, err: err}
			}
			put(i, uint64(t.UnixMicro()))
		}
	}
	return nil
}
