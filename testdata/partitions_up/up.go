// Package up declares partitioned assets that package partitions_xpkg
// (../partitions_xpkg) reads: one by a definition of package partdefs, one
// by its own.
package up

import (
	"github.com/assetgen/assetgen/partition"
	_ "github.com/assetgen/assetgen/testdata/partdefs"
)

// Hourly is this package's own definition.
var Hourly = partition.Hourly("2024-01-01")

// Reading is one sensor reading.
type Reading struct {
	Sensor string
	Value  float64
}

// Readings are one hour's readings.
//
// asset: partitions=Hourly
func Readings() []Reading { return nil }

// DailyMax is each day's maximum.
//
// asset: partitions=partdefs.Daily
func DailyMax(readings []Reading) (float64, error) { return 0, nil }
