// Package p takes assets of package up with the wrong types.
package p

import (
	_ "github.com/assetgen/assetgen/testdata/xpkg_up"
)

// Wide wants a column that up.Customer lacks.
type Wide struct {
	Name  string
	Phone string
}

// asset:
func Names(customers []string) int { return len(customers) }

// asset:
func Phones(customers []Wide, visitCounts map[int]int) int { return 0 }

// asset:
func Seeded(seed int) int { return seed }
