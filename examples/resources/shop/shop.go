// Package shop is the resources example: a warehouse connection (a
// resource, configured per environment) that two assets share, and a run
// config for one of them.
package shop

//go:generate go run github.com/assetgen/assetgen/cmd/assetgen

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/assetgen/assetgen/runtime"
	_ "github.com/duckdb/duckdb-go/v2" // the warehouse's driver
)

// WarehouseConfig says where the warehouse is.
type WarehouseConfig struct {
	runtime.Config
	// Path is the DuckDB file; "" is an in-memory database.
	Path string `default:"shop.duckdb" env:"SHOP_WAREHOUSE"`
}

// OpenWarehouse opens the warehouse and seeds its raw orders; the cleanup
// closes it.
//
// resource:
func OpenWarehouse(ctx context.Context, c WarehouseConfig) (*sql.DB, func() error, error) {
	db, err := sql.Open("duckdb", c.Path)
	if err != nil {
		return nil, nil, err
	}
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS raw_orders AS
		SELECT * FROM (VALUES (1, 'ann', 12.5), (2, 'bob', 3.0), (3, 'ann', 40.0)) AS t(id, customer, amount)`); err != nil {
		db.Close()
		return nil, nil, fmt.Errorf("seeding %s: %w", c.Path, err)
	}
	return db, db.Close, nil
}

// Order is one order.
type Order struct {
	ID       int64
	Customer string
	Amount   float64
}

// OrdersConfig is the orders asset's config.
type OrdersConfig struct {
	runtime.Config
	MinAmount float64 `default:"0"` // orders below are left out
}

// Orders are the warehouse's orders of at least the minimum amount.
//
// asset:
func Orders(ctx context.Context, db *sql.DB, cfg OrdersConfig) ([]Order, error) {
	rows, err := db.QueryContext(ctx, `SELECT id, customer, amount FROM raw_orders WHERE amount >= ? ORDER BY id`, cfg.MinAmount)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Order
	for rows.Next() {
		var o Order
		if err := rows.Scan(&o.ID, &o.Customer, &o.Amount); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// Revenue is the total of the orders, by customer.
//
// asset:
func Revenue(orders []Order) map[string]float64 {
	out := map[string]float64{}
	for _, o := range orders {
		out[o.Customer] += o.Amount
	}
	return out
}
