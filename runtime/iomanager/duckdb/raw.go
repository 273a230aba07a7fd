package duckdb

import (
	"database/sql/driver"
	"fmt"
	"reflect"
	"unsafe"

	bindings "github.com/duckdb/duckdb-go-bindings"
	duckdb "github.com/duckdb/duckdb-go/v2"
)

// The columnar load path reads DuckDB's data chunks through the C API
// (duckdb-go-bindings, which duckdb-go itself is built on), on the very
// connection database/sql hands out, so it shares the connection's
// transaction and works for in-memory databases. duckdb-go does not export
// that connection handle (its Arrow interface, which would, needs a build
// tag and the Arrow module), so rawConn reads the handle from the
// driver's connection. The field's presence and type are checked once, and
// the self-check (selfcheck.go) fails the first open with a clear message
// should a duckdb-go upgrade move it.

// connField is the offset of duckdb.Conn's handle, or an error.
var connField, connFieldErr = func() (uintptr, error) {
	t := reflect.TypeFor[duckdb.Conn]()
	f, ok := t.FieldByName("conn")
	if !ok || f.Type != reflect.TypeFor[bindings.Connection]() {
		return 0, fmt.Errorf("duckdb: this duckdb-go version has no Conn.conn of type %s; the columnar load path needs it", reflect.TypeFor[bindings.Connection]())
	}
	return f.Offset, nil
}()

// rawConn returns the C API handle of a duckdb-go connection.
func rawConn(dc driver.Conn) (bindings.Connection, error) {
	if connFieldErr != nil {
		return bindings.Connection{}, connFieldErr
	}
	c, ok := dc.(*duckdb.Conn)
	if !ok {
		return bindings.Connection{}, fmt.Errorf("duckdb: driver connection is a %T, not a *duckdb.Conn", dc)
	}
	h := *(*bindings.Connection)(unsafe.Add(unsafe.Pointer(c), connField))
	if h.Ptr == nil {
		return bindings.Connection{}, fmt.Errorf("duckdb: connection is closed")
	}
	return h, nil
}
