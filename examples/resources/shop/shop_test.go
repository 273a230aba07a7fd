package shop_test

import (
	"context"
	"database/sql"
	"flag"
	"testing"

	"github.com/assetgen/assetgen/examples/resources/shop"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/assettest"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata")

// The warehouse provider runs against an in-memory DuckDB, configured as
// a run would be; the outputs are compared with testdata/*.golden.
func TestShop(t *testing.T) {
	res, err := assettest.Materialize(context.Background(), shop.Assets(),
		assettest.Config(runtime.RunConfig{"orders": {"min_amount": "10"}, "resources.open_warehouse": {"path": ""}}))
	require.NoError(t, err)
	assettest.GoldenOutput(t, res, "orders")
	assettest.GoldenOutput(t, res, "revenue")
	assettest.GoldenOutput(t, res, "big_orders")
	assettest.GoldenOutput(t, res, "small_orders")
}

// A selection of one output of the multi-asset runs SplitBySize once and
// stores that output only.
func TestSplitSubset(t *testing.T) {
	res, err := assettest.Materialize(context.Background(), shop.Assets(), assettest.Select("orders", "small_orders"),
		assettest.Config(runtime.RunConfig{"resources.open_warehouse": {"path": ""}}))
	require.NoError(t, err)
	small, err := assettest.Output[[]shop.Order](res, "small_orders")
	require.NoError(t, err)
	require.Equal(t, []shop.Order{{ID: 1, Customer: "ann", Amount: 12.5}, {ID: 2, Customer: "bob", Amount: 3}}, small)
	_, stored := res.Value("big_orders")
	require.False(t, stored, "big_orders is not selected, but was stored")
}

// A test can hand the assets a warehouse of its own instead.
func TestShopWithTestWarehouse(t *testing.T) {
	db, err := sql.Open("duckdb", "")
	require.NoError(t, err)
	defer db.Close()
	_, err = db.Exec(`CREATE TABLE raw_orders AS SELECT 7 AS id, 'cy' AS customer, 1.5 AS amount`)
	require.NoError(t, err)
	res, err := assettest.Materialize(context.Background(), shop.Assets(), assettest.Resource(db))
	require.NoError(t, err)
	revenue, err := assettest.Output[map[string]float64](res, "revenue")
	require.NoError(t, err)
	require.Equal(t, map[string]float64{"cy": 1.5}, revenue)
}
