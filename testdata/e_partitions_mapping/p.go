// Package p has partition mappings that cannot work.
package p

import "github.com/assetgen/assetgen/partition"

var (
	Daily   = partition.Daily("2024-01-01")
	NYDaily = partition.Daily("2024-01-01", partition.Zone("America/New_York"))
	Regions = partition.NewStatic("eu", "us", "apac")
	Areas   = partition.NewStatic("europe", "america", "asia")
	Grid    = partition.NewMulti(partition.Dims{"date": Daily, "region": Regions})
	Later   = later() // a time definition known at run time
)

func later() *partition.Time { return Daily }

// asset: partitions=Daily
func Days() int { return 0 }

// asset: partitions=Regions
func Regional() int { return 0 }

// asset: partitions=Grid
func Cells() int { return 0 }

// asset:
func Plain() int { return 0 }

// asset: partitions=Later
func Lately() int { return 0 }

// A window between static partitions.
//
// asset: partitions=Areas map=regional:window(-1)
func A(regional int) int { return 0 }

// Time zones differ.
//
// asset: partitions=NYDaily map=days:window
func B(days int) int { return 0 }

// A static map onto keys that do not exist.
//
// asset: partitions=Areas map=regional:static(europe=eu;americas=us;asia=apak)
func C(regional int) int { return 0 }

// An unknown dimension.
//
// asset: partitions=Regions map=cells:dim(regio)
func D(cells map[string]int) int { return 0 }

// A map= for no parameter or dep.
//
// asset: partitions=Daily map=dayz:identity
func E(days int) int { return 0 }

// Neither side is partitioned.
//
// asset: map=plain:all
func F(plain int) int { return 0 }

// The upstream is not partitioned.
//
// asset: partitions=Daily map=plain:last
func G(plain int) int { return 0 }

// No default mapping between time and static partitions.
//
// asset: partitions=Regions
func H(days int) int { return 0 }

// No default mapping, known from the kinds alone.
//
// asset: partitions=Regions
func I(lately int) int { return 0 }

// No default mapping for a dep.
//
// asset: partitions=Regions deps=days,cells
func J() {}

// A bad mapping for a dep.
//
// asset: partitions=Daily deps=regional map=regional:window
func K() {}

// A dim mapping with an unpartitioned downstream.
//
// asset: map=cells:dim(date)
func L(cells map[string]int) int { return 0 }
