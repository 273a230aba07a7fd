// Command io_managers materializes people, birds and combined_data into the
// embedded DuckDB database my_database.duckdb, schema my_schema. Data passes
// between the assets implicitly, through the DuckDB I/O manager: the
// parameters of birds.CombinedData name its upstream assets.
//
// With no arguments it materializes every asset and prints the combined
// table; with arguments it is the full pipeline command line (list,
// materialize --select, graph, ...: see -h).
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/assetgen/assetgen/cli"
	"github.com/assetgen/assetgen/examples/io_managers/birds"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/duckdb"
)

func main() {
	db, err := duckdb.New("my_database.duckdb", "my_schema")
	if err != nil {
		fmt.Fprintln(os.Stderr, "io_managers:", err)
		os.Exit(1)
	}
	defs := runtime.Definitions{
		Assets:     birds.Assets(),
		IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: db},
	}
	if len(os.Args) > 1 {
		cli.Main(defs)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Run(ctx, defs, []string{"materialize"}, os.Stdin, os.Stdout, os.Stderr)
	stop()
	if code == 0 {
		if err := printCombined(db); err != nil {
			fmt.Fprintln(os.Stderr, "io_managers:", err)
			code = 1
		}
	}
	if err := db.Close(); err != nil && code == 0 {
		fmt.Fprintln(os.Stderr, "io_managers:", err)
		code = 1
	}
	os.Exit(code)
}

// printCombined prints the rows of my_schema.combined_data.
func printCombined(db *duckdb.Manager) error {
	sqldb, err := db.DB()
	if err != nil {
		return err
	}
	rows, err := sqldb.Query(`SELECT id, name FROM my_schema.combined_data ORDER BY name`)
	if err != nil {
		return err
	}
	defer rows.Close()
	fmt.Println("\nmy_schema.combined_data:")
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return err
		}
		fmt.Printf("  %d  %s\n", id, name)
	}
	return rows.Err()
}
