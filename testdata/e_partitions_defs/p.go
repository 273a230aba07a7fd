// Package p declares invalid partitions definitions: each problem is
// reported at the argument that causes it.
package p

import "github.com/assetgen/assetgen/partition"

var (
	Zone      = partition.Daily("2024-01-01", partition.EndOffset(1), partition.Zone("Mars/Olympus_Mons"))
	BadCron   = partition.Cron("0 0 * *", "2024-01-01")
	BadStart  = partition.Daily("2024-13-01")
	EndBefore = partition.Hourly("2024-01-01", partition.End("2023-12-31"))
	Layout    = partition.Daily("2024-01-01", partition.Layout("2006"))
	DayOfWeek = partition.Weekly("2024-01-01", partition.DayOffset(7))
	Dup       = partition.NewStatic("eu", "us", "eu")
	Slash     = partition.NewStatic("eu", "a/b")
	Empty     = partition.NewStatic()
	Bad       = partition.NewDynamic("Customer List")
	OneDim    = partition.NewMulti(partition.Dims{"date": partition.Daily("2024-01-01")})
	BadDim    = partition.NewMulti(partition.Dims{"date": Daily, "Region": Regions})
	InBadDim  = partition.NewMulti(partition.Dims{"date": Zone, "region": Regions})
	Daily     = partition.Daily("2024-01-01")
	Regions   = partition.NewStatic("eu", "us")
	// Offset is computed from a constant expression.
	Offset = partition.Daily("2024-01-01", partition.HourOffset(hour+20))
)

const hour = 4

// asset: partitions=Zone
func A() {}

// asset: partitions=BadCron
func B() {}

// asset: partitions=BadStart
func C() {}

// asset: partitions=EndBefore
func D() {}

// asset: partitions=Layout
func E() {}

// asset: partitions=DayOfWeek
func F() {}

// asset: partitions=Dup
func G() {}

// asset: partitions=Slash
func H() {}

// asset: partitions=Empty
func I() {}

// asset: partitions=Bad
func J() {}

// asset: partitions=OneDim
func K() {}

// asset: partitions=BadDim
func L() {}

// asset: partitions=InBadDim
func M() {}

// asset: partitions=Zone
func N() {}

// asset: partitions=Offset
func O() {}
