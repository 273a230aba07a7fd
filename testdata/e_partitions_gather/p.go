// Package p has parameters that cannot receive what their steps read,
// outputs that cannot be split by partition, and partition columns that
// do not fit.
package p

import (
	"time"

	"github.com/assetgen/assetgen/partition"
)

var (
	Hourly  = partition.Hourly("2024-01-01")
	Daily   = partition.Daily("2024-01-01")
	Weekly  = partition.Weekly("2024-01-01")
	Regions = partition.NewStatic("eu", "us")
)

// Row is a row of a table.
type Row struct {
	Day    time.Time
	Region string
	N      int
}

// Other has columns that Row lacks.
type Other struct {
	Missing string
}

// asset: partitions=Hourly
func Events() []Row { return nil }

// asset: partitions=Daily
func Totals() int { return 0 }

// A day reads 24 hours: not one []Row.
//
// asset: partitions=Daily
func A(events Row) int { return 0 }

// The rows of several partitions, into a struct that is no column subset.
//
// asset: partitions=Weekly
func B(events []Other) int { return 0 }

// An unpartitioned asset reads every partition.
//
// asset:
func C(totals int) int { return 0 }

// The map's values must take the output.
//
// asset: partitions=Weekly
func D(totals map[string]string) int { return 0 }

// A step of several partitions reads several upstream ones.
//
// asset: partitions=Daily backfill=single
func E(totals int) int { return 0 }

// backfill needs an output to split.
//
// asset: partitions=Daily backfill=2
func F() int { return 0 }

// A table needs its partition column.
//
// asset: partitions=Daily backfill=single
func G() []Row { return nil }

// backfill and partition_column need partitions.
//
// asset: backfill=single partition_column=day
func H() []Row { return nil }

// The column must exist.
//
// asset: partitions=Daily partition_column=dy
func I() []Row { return nil }

// An int column cannot hold a partition.
//
// asset: partitions=Daily partition_column=n
func J() []Row { return nil }

// A static partition lies in a string column.
//
// asset: partitions=Regions partition_column=day
func K() []Row { return nil }

// The output is not a table.
//
// asset: partitions=Daily partition_column=day
func L() map[string]Row { return nil }

// Reading itself without a mapping is a cycle.
//
// asset: partitions=Daily
func M(m int) int { return 0 }

// Reading itself needs a window before the partition.
//
// asset: partitions=Daily map=n:window(-1...0)
func N(n int) int { return 0 }

// A backfill step cannot read its own partitions.
//
// asset: partitions=Daily backfill=single map=o:window(-1)
func O(o int) map[string]int { return nil }

// An unpartitioned asset has no earlier partitions.
//
// asset: map=p:window(-1)
func P(p int) int { return 0 }

// A window of several earlier partitions reads several.
//
// asset: partitions=Daily map=q:window(-7...-1)
func Q(q int) int { return 0 }

// A static self mapping is no window.
//
// asset: partitions=Regions map=r:static(eu=us)
func R(r int) int { return 0 }
