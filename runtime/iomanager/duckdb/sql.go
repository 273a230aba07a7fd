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

// run runs q with args and returns its result, which must be destroyed.
func run(raw bindings.Connection, q string, args ...any) (res bindings.Result, err error) {
	stmt, err := prepare(raw, q, args...)
	if err != nil {
		return res, err
	}
	defer bindings.DestroyPrepare(&stmt)
	if bindings.ExecutePrepared(stmt, &res) == bindings.StateError {
		msg := bindings.ResultError(&res)
		bindings.DestroyResult(&res)
		return res, errors.New(msg)
	}
	return res, nil
}

// execute runs q with args and returns the number of rows it changed.
func execute(raw bindings.Connection, q string, args ...any) (int, error) {
	res, err := run(raw, q, args...)
	if err != nil {
		return 0, err
	}
	defer bindings.DestroyResult(&res)
	return int(bindings.RowsChanged(&res)), nil
}

// queryStrings runs q with args and returns its first column, a VARCHAR
// column without NULLs.
func queryStrings(raw bindings.Connection, q string, args ...any) ([]string, error) {
	rows, err := queryRows(raw, q, args...)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r[0]
	}
	return out, nil
}

// queryRows runs q with args, a query of VARCHAR columns without NULLs,
// and returns its rows. A NULL or a column of another type is an error,
// never the end of the rows: a partial list would pass for the whole.
func queryRows(raw bindings.Connection, q string, args ...any) ([][]string, error) {
	res, err := run(raw, q, args...)
	if err != nil {
		return nil, err
	}
	defer bindings.DestroyResult(&res)
	ncol := int(bindings.ColumnCount(&res))
	for i := range ncol {
		if t := bindings.ColumnType(&res, bindings.IdxT(i)); t != bindings.TypeVarchar {
			return nil, fmt.Errorf("%s: column %d is of type %d, not VARCHAR", q, i, t)
		}
	}
	var out [][]string
	vecs := make([]vec, ncol)
	for {
		chunk := bindings.FetchChunk(res)
		if chunk.Ptr == nil {
			return out, nil
		}
		for i := range vecs {
			x := bindings.DataChunkGetVector(chunk, bindings.IdxT(i))
			vecs[i] = vec{data: bindings.VectorGetData(x), valid: bindings.VectorGetValidity(x)}
		}
		for r := range int(bindings.DataChunkGetSize(chunk)) {
			row := make([]string, ncol)
			for i := range vecs {
				if vecs[i].null(r) {
					bindings.DestroyDataChunk(&chunk)
					return nil, fmt.Errorf("%s: row %d, column %d is NULL", q, len(out), i)
				}
				p, n := str(&vecs[i], r)
				row[i] = string(unsafe.Slice((*byte)(p), n))
			}
			out = append(out, row)
		}
		bindings.DestroyDataChunk(&chunk)
	}
}

// queryCount runs q with args, a query returning one BIGINT.
func queryCount(raw bindings.Connection, q string, args ...any) (int, error) {
	n, err := queryInts(raw, q, args...)
	if err != nil {
		return 0, err
	}
	return n[0], nil
}

// queryInts runs q with args, a query returning one row of BIGINTs.
func queryInts(raw bindings.Connection, q string, args ...any) ([]int, error) {
	res, err := run(raw, q, args...)
	if err != nil {
		return nil, err
	}
	defer bindings.DestroyResult(&res)
	chunk := bindings.FetchChunk(res)
	if chunk.Ptr == nil {
		return nil, fmt.Errorf("%s: no result", q)
	}
	defer bindings.DestroyDataChunk(&chunk)
	n := int(bindings.ColumnCount(&res))
	out := make([]int, n)
	for i := range n {
		if t := bindings.ColumnType(&res, bindings.IdxT(i)); t != bindings.TypeBigInt {
			return nil, fmt.Errorf("%s: column %d is of type %d, not BIGINT", q, i, t)
		}
		v := bindings.DataChunkGetVector(chunk, bindings.IdxT(i))
		out[i] = int(*(*int64)(bindings.VectorGetData(v)))
	}
	return out, nil
}
