// Package birds is the design's example: people, birds and their union.
package birds

import (
	"context"
	"slices"
)

// Entity is a person or a bird.
type Entity struct {
	ID   int64
	Name string
}

// People is everyone we know.
//
// asset:
func People() []Entity { return []Entity{{1, "Alice"}, {2, "Bob"}, {3, "Charlie"}} }

// asset:
func Birds() []Entity { return []Entity{{1, "Bluebird"}, {2, "Robin"}, {3, "Eagle"}} }

// CombinedData depends on people and birds: the parameter names say so.
//
// asset: group=analytics
func CombinedData(ctx context.Context, people, birds []Entity) ([]Entity, error) {
	return append(slices.Clone(people), birds...), nil
}
