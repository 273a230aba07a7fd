// Package p names partitions definitions that do not exist or are not
// definitions.
package p

import (
	"time"

	"github.com/assetgen/assetgen/partition"
	defs "github.com/assetgen/assetgen/testdata/partdefs"
)

var Daily = partition.Daily("2024-01-01")

var Hourly *partition.Time = partition.Hourly("2024-01-01")

const Start = "2024-01-01"

var Label = "daily"

type Row struct{ N int }

func MakeDaily() *partition.Time { return Daily }

// asset: partitions=Dayly
func A() {}

// asset: partitions=MakeDaily
func B() {}

// asset: partitions=Start
func C() {}

// asset: partitions=Label
func D() {}

// asset: partitions=Row
func E() {}

// asset: partitions=dfs.Daily
func F() {}

// asset: partitions=time.UTC
func G() {}

// asset: partitions=defs.Dail
func H() {}

// asset: partitions=defs.Name
func I() {}

// asset: partitions=defs.hidden
func J() {}

// asset: partitions=defs.Broken
func K() {}

// asset: partitions=Hourl
func L() time.Time { return time.Time{} }
