package duckdb_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"reflect"

	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/duckdb"
)

type Entity struct {
	ID   int64
	Name string
}

// A Manager stores []Entity as the table my_schema.people and reads it
// back, here by hand; runtime.Materialize calls Store and Load the same
// way for every asset routed to it.
func Example() {
	dir, err := os.MkdirTemp("", "duckdb-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	m, err := duckdb.New(filepath.Join(dir, "my_database.duckdb"), "my_schema")
	if err != nil {
		log.Fatal(err)
	}
	defer m.Close()

	people := []Entity{{1, "Alice"}, {2, "Bob"}, {3, "Charlie"}}
	out := &runtime.OutputContext{Context: context.Background(), Key: "people"}
	if err := m.Store(out, people); err != nil {
		log.Fatal(err)
	}

	// A downstream asset's parameter: only the columns it names are read.
	type name struct{ Name string }
	in := &runtime.InputContext{Context: context.Background(), Upstream: "people", Type: reflect.TypeFor[[]name]()}
	names, err := m.Load(in)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(names)

	db, err := m.DB()
	if err != nil {
		log.Fatal(err)
	}
	var n int
	if err := db.QueryRow("SELECT count(*) FROM my_schema.people").Scan(&n); err != nil {
		log.Fatal(err)
	}
	fmt.Println(n, "rows")
	// Output:
	// [{Alice} {Bob} {Charlie}]
	// 3 rows
}
