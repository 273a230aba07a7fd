// Package partitions declares partitioned assets of every kind, with
// default and explicit mappings and every way a parameter receives the
// partitions a step reads.
package partitions

import (
	"context"
	"time"

	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
)

const start = "2024-01-01"

// The partitions definitions, evaluated by the generator.
var (
	Hourly       = partition.Hourly(start)
	Daily        = partition.Daily(start)
	Weekly       = partition.Weekly(start, partition.Zone("UTC"), partition.EndOffset(1))
	Regions      = partition.NewStatic("eu", "us", "apac")
	Areas        = partition.NewStatic("europe", "uk", "america", "asia")
	DailyRegions = partition.NewMulti(partition.Dims{"date": Daily, "region": Regions})
	Customers    = partition.NewDynamic("customers")

	// Same is Daily again, through the interface: evaluated all the same.
	Same partition.Definition = partition.Daily(start)
	// Opaque is known only at run time.
	Opaque partition.Definition = pick()
)

func pick() partition.Definition { return Daily }

// Event is one raw event.
type Event struct {
	At   time.Time
	User string
}

// Total is one day's total.
type Total struct {
	Day string `db:"day"`
	N   int
}

// Count selects the n column of Total.
type Count struct {
	N int
}

// Rollup is one week's total.
type Rollup struct {
	Week string
	N    int
}

// RawEvents are one hour's events.
//
// asset: partitions=Hourly
func RawEvents(ctx *runtime.Context) ([]Event, error) { return nil, nil }

// DailyTotals reads the 24 hours of each day it covers, all its days in
// one step.
//
// asset: partitions=Daily partition_column=day backfill=single io=warehouse
func DailyTotals(ctx *runtime.Context, rawEvents []Event) ([]Total, error) { return nil, nil }

// HourlyShare reads the day of its hour.
//
// asset: partitions=Hourly
func HourlyShare(dailyTotals []Total) (float64, error) { return 0, nil }

// WeeklyRollup reads the days of its week, by key.
//
// asset: partitions=Weekly map=dailyTotals:window
func WeeklyRollup(dailyTotals map[string][]Total) ([]Rollup, error) { return nil, nil }

// Trailing reads the counts of the last seven days, concatenated.
//
// asset: partitions=Daily map=dailyTotals:window(-6...0)
func Trailing(dailyTotals []Count) (int, error) { return 0, nil }

// Cumulative adds each day's totals to the previous day's cumulative.
//
// asset: partitions=Daily map=cumulative:window(-1)
func Cumulative(cumulative []Total, dailyTotals []Total) ([]Total, error) { return nil, nil }

// Summary reads every week's rollup, concatenated.
//
// asset:
func Summary(ctx context.Context, weeklyRollup []Rollup) (string, error) { return "", nil }

// Latest reads the last day only.
//
// asset: map=dailyTotals:last
func Latest(dailyTotals []Total) int { return 0 }

// ByRegion reads the day of its (date, region) partition.
//
// asset: partitions=DailyRegions
func ByRegion(dailyTotals []Total) map[string]int { return nil }

// RegionSum reads every day of its region.
//
// asset: partitions=Regions map=byRegion:dim(region)
func RegionSum(byRegion map[string]map[string]int) int { return 0 }

// AreaSum reads the region of its area.
//
// asset: partitions=Areas map=regionSum:static(europe=eu;uk=eu;america=us;asia=apac)
func AreaSum(regionSum int) int { return 0 }

// Continents reads the areas of its region, by key.
//
// asset: partitions=Regions map=areaSum:static(eu=europe|uk;us=america;apac=asia)
func Continents(areaSum map[string]int) int { return 0 }

// CustomerFiles are one file per customer.
//
// asset: partitions=Customers
func CustomerFiles() []byte { return nil }

// Audit runs after every customer's file, once a day.
//
// asset: partitions=Daily deps=customer_files map=customer_files:all
func Audit() error { return nil }

// Batch processes up to seven days per step, and returns its output by
// day.
//
// asset: partitions=Daily backfill=7
func Batch(rawEvents map[string][]Event) map[string]int { return nil }

// Alike is partitioned like DailyTotals, through another variable.
//
// asset: partitions=Same
func Alike(dailyTotals []Total) int { return 0 }

// Late is partitioned by a definition known at run time only: the rows
// are concatenated, whatever the mapping turns out to read.
//
// asset: partitions=Opaque
func Late(dailyTotals []Total) int { return 0 }
