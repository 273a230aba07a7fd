package blob_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"reflect"

	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/blob"
)

type Order struct {
	ID     int64
	Amount float64
	Region string `db:"zone"`
}

// A manager on a local directory; with the S3 driver imported
// (import _ "gocloud.dev/blob/s3blob"), an s3:// URL works the same way.
func ExampleOpen() {
	dir, err := os.MkdirTemp("", "assets")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	m, err := blob.Open(context.Background(), "file://"+dir)
	if err != nil {
		log.Fatal(err)
	}
	defer m.Close()

	orders := []Order{{1, 9.5, "eu"}, {2, 12, "us"}}
	t := reflect.TypeOf(orders)
	out := &runtime.OutputContext{Context: context.Background(), Key: "sales/orders", Partition: "2024-01-01", Type: t}
	if err := m.Store(out, orders); err != nil {
		log.Fatal(err)
	}
	obj, _ := m.Object(&runtime.AssetDef{Key: "sales/orders", OutputType: t}, "2024-01-01")
	fmt.Println(obj)

	// A downstream parameter selecting two of the columns reads only those.
	type zoneAmount struct {
		Zone   string
		Amount float64
	}
	v, err := m.Load(&runtime.InputContext{
		Context: context.Background(), Upstream: "sales/orders", Type: reflect.TypeFor[[]zoneAmount](),
		UpstreamDef:        &runtime.AssetDef{Key: "sales/orders", OutputType: t},
		UpstreamPartitions: []string{"2024-01-01"},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(v)
	// Output:
	// sales/orders/partition=2024-01-01/data.parquet
	// [{eu 9.5} {us 12}]
}
