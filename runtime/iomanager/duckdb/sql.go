package duckdb

import (
	"errors"
	"fmt"
	"time"
	"unsafe"

	bindings "github.com/duckdb/duckdb-go-bindings"
)

// Statements with parameters run on the C API connection (rawConn), in
// the transaction of its driver connection. Values are always bound, never
// written into the statement's text: partition keys come from users.

// prepare prepares q on raw and binds args to its parameters, in order:
// string (VARCHAR), time.Time (TIMESTAMPTZ, to the microsecond), int64
// (BIGINT) and []string (VARCHAR[]). The statement must be destroyed.
func prepare(raw bindings.Connection, q string, args ...any) (bindings.PreparedStatement, error) {
	var stmt bindings.PreparedStatement
	if bindings.Prepare(raw, q, &stmt) == bindings.StateError {
		msg := bindings.PrepareError(stmt)
		bindings.DestroyPrepare(&stmt)
		return stmt, errors.New(msg)
	}
	for i, a := range args {
		if err := bind(stmt, bindings.IdxT(i+1), a); err != nil {
			bindings.DestroyPrepare(&stmt)
			return stmt, err
		}
	}
	return stmt, nil
}

func bind(stmt bindings.PreparedStatement, i bindings.IdxT, a any) error {
	var state bindings.State
	switch a := a.(type) {
	case string:
		state = bindings.BindVarchar(stmt, i, a)
	case time.Time:
		state = bindings.BindTimestampTZ(stmt, i, bindings.NewTimestamp(a.UnixMicro()))
	case int64:
		state = bindings.BindInt64(stmt, i, a)
	case []string:
		vals := make([]bindings.Value, len(a))
		for j, s := range a {
			vals[j] = bindings.CreateVarchar(s)
		}
		lt := bindings.CreateLogicalType(bindings.TypeVarchar)
		list := bindings.CreateListValue(lt, vals)
		state = bindings.BindValue(stmt, i, list)
		bindings.DestroyValue(&list)
		bindings.DestroyLogicalType(&lt)
		for j := range vals {
			bindings.DestroyValue(&vals[j])
		}
	default:
		return fmt.Errorf("cannot bind a %T", a)
	}
	if state == bindings.StateError {
		return fmt.Errorf("bind parameter %d (%T): %s", i, a, bindings.PrepareError(stmt))
	}
	return nil
}

// execute runs q with args and returns the number of rows it changed.
func execute(raw bindings.Connection, q string, args ...any) (int, error) {
	stmt, err := prepare(raw, q, args...)
	if err != nil {
		return 0, err
	}
	defer bindings.DestroyPrepare(&stmt)
	var res bindings.Result
	if bindings.ExecutePrepared(stmt, &res) == bindings.StateError {
		msg := bindings.ResultError(&res)
		bindings.DestroyResult(&res)
		return 0, errors.New(msg)
	}
	defer bindings.DestroyResult(&res)
	return int(bindings.RowsChanged(&res)), nil
}

// queryStrings runs q with args and returns its first column, a VARCHAR
// column without NULLs.
func queryStrings(raw bindings.Connection, q string, args ...any) ([]string, error) {
	stmt, err := prepare(raw, q, args...)
	if err != nil {
		return nil, err
	}
	defer bindings.DestroyPrepare(&stmt)
	var res bindings.Result
	if bindings.ExecutePrepared(stmt, &res) == bindings.StateError {
		msg := bindings.ResultError(&res)
		bindings.DestroyResult(&res)
		return nil, errors.New(msg)
	}
	defer bindings.DestroyResult(&res)
	if t := bindings.ColumnType(&res, 0); t != bindings.TypeVarchar {
		return nil, fmt.Errorf("%s: the first column is of type %d, not VARCHAR", q, t)
	}
	var out []string
	for {
		chunk := bindings.FetchChunk(res)
		if chunk.Ptr == nil {
			return out, nil
		}
		x := bindings.DataChunkGetVector(chunk, 0)
		v := vec{data: bindings.VectorGetData(x), valid: bindings.VectorGetValidity(x)}
		for r := range int(bindings.DataChunkGetSize(chunk)) {
			if v.null(r) {
				bindings.DestroyDataChunk(&chunk)
				return nil, fmt.Errorf("%s: row %d is NULL", q, len(out))
			}
			p, n := str(&v, r)
			out = append(out, string(unsafe.Slice((*byte)(p), n)))
		}
		bindings.DestroyDataChunk(&chunk)
	}
}

// queryCount runs q with args, a query returning one BIGINT.
func queryCount(raw bindings.Connection, q string, args ...any) (int, error) {
	stmt, err := prepare(raw, q, args...)
	if err != nil {
		return 0, err
	}
	defer bindings.DestroyPrepare(&stmt)
	var res bindings.Result
	if bindings.ExecutePrepared(stmt, &res) == bindings.StateError {
		msg := bindings.ResultError(&res)
		bindings.DestroyResult(&res)
		return 0, errors.New(msg)
	}
	defer bindings.DestroyResult(&res)
	chunk := bindings.FetchChunk(res)
	if chunk.Ptr == nil {
		return 0, fmt.Errorf("%s: no result", q)
	}
	defer bindings.DestroyDataChunk(&chunk)
	v := bindings.DataChunkGetVector(chunk, 0)
	return int(*(*int64)(bindings.VectorGetData(v))), nil
}
