// Package p reads partitioned assets of another package of the module
// with parameters that cannot take them.
package p

import (
	"github.com/assetgen/assetgen/partition"
	_ "github.com/assetgen/assetgen/testdata/partitions_up"
)

var Weeks = partition.Weekly("2024-01-01")

var Elsewhere = partition.Daily("2024-01-01", partition.Zone("Europe/Paris"))

// asset: partitions=Weeks
func Weekly(dailyMax float64) int { return 0 }

// asset: partitions=Elsewhere
func Paris(dailyMax float64) int { return 0 }
