// Package birds is the io_managers example's assets: people and birds, and
// their combination. The parameters of CombinedData name its upstream
// assets, so the data passes implicitly through the I/O managers.
package birds

//go:generate go run github.com/assetgen/assetgen/cmd/assetgen

import (
	"context"
	"slices"
)

// Entity is one row of every table in this example.
type Entity struct {
	ID   int64
	Name string
}

// People is everyone we know.
//
// asset: kinds=duckdb owners=team:data
func People() []Entity {
	return []Entity{{1, "Alice"}, {2, "Bob"}, {3, "Charlie"}}
}

// Birds is every bird we have seen.
//
// asset: kinds=duckdb owners=team:data
func Birds() []Entity {
	return []Entity{{1, "Bluebird"}, {2, "Robin"}, {3, "Eagle"}}
}

// CombinedData is people and birds in one table.
//
// asset: group=analytics kinds=duckdb
func CombinedData(ctx context.Context, people, birds []Entity) ([]Entity, error) {
	return append(slices.Clone(people), birds...), nil
}
