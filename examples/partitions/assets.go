package main

import (
	"fmt"
	"hash/fnv"
	"os"
	"time"

	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
)

// The partitions definitions, shared by the assets that name them. They
// end on 2026-03-01, so that the example prints the same whatever the date:
// without End, a daily definition grows by a day every day.
var (
	// Daily is the days of February 2026.
	Daily = partition.Daily("2026-02-01", partition.End("2026-03-01"))
	// Weekly is its four weeks, from Sunday to Saturday.
	Weekly = partition.Weekly("2026-02-01", partition.End("2026-03-01"))
	// Regions is where the events come from.
	Regions = partition.NewStatic("eu", "us", "apac")
	// DailyRegions is every day of every region.
	DailyRegions = partition.NewMulti(partition.Dims{"date": Daily, "region": Regions})
)

// Event is one raw event: a purchase in a region.
type Event struct {
	ID     string
	Time   time.Time
	Region string
	Amount int64 // in cents
}

// Total is the events of one region on one day.
type Total struct {
	Day    time.Time // the partition column: the day's midnight, UTC
	Region string
	Events int64
	Amount int64
}

// Rollup is the events of one region in one week.
type Rollup struct {
	Week   string // the partition column: the week's key
	Region string
	Days   int64
	Events int64
	Amount int64
}

// RegionDay is one region's day, against the day's total of every region.
type RegionDay struct {
	Region string
	Events int64
	Amount int64
	Share  float64 // of the day's amount, every region
}

// Report sums up every week.
type Report struct {
	Weeks    int
	Events   int64
	Amount   int64
	ByRegion map[string]int64 // amount by region
}

// RawEvents generates the day's events: a deterministic function of the
// day, so that every run of a day gives the same events.
//
// asset: partitions=Daily
func RawEvents(ctx *runtime.Context) ([]Event, error) {
	day := ctx.Partition()
	if day == os.Getenv("PARTITIONS_FAIL_DAY") {
		return nil, fmt.Errorf("the events of %s are not available yet", day)
	}
	w, _ := ctx.Window()
	n := 20 + int(hash(day)%10)
	if day == os.Getenv("PARTITIONS_LATE_DAY") {
		n += 5
	}
	regions := []string{"eu", "us", "apac"}
	events := make([]Event, n)
	for i := range events {
		h := hash(fmt.Sprintf("%s/%d", day, i))
		events[i] = Event{
			ID:     fmt.Sprintf("%s-%03d", day, i),
			Time:   w.Start.Add(time.Duration(h%86400) * time.Second),
			Region: regions[h%3],
			Amount: int64(100 + h%9900),
		}
	}
	late, err := lateEvents(day)
	if err != nil {
		return nil, err
	}
	events = append(events, late...)
	ctx.AddMetadata("events", len(events))
	return events, nil
}

// DailyTotals sums each region's events of the day, into the DuckDB table
// analytics.daily_totals, whose column day says the partition of a row.
//
// asset: partitions=Daily partition_column=day io=warehouse
func DailyTotals(ctx *runtime.Context, rawEvents []Event) ([]Total, error) {
	w, _ := ctx.Window()
	byRegion := map[string]*Total{}
	var out []Total
	for _, r := range []string{"eu", "us", "apac"} {
		out = append(out, Total{Day: w.Start, Region: r})
	}
	for i := range out {
		byRegion[out[i].Region] = &out[i]
	}
	for _, e := range rawEvents {
		t := byRegion[e.Region]
		t.Events++
		t.Amount += e.Amount
	}
	return out, nil
}

// WeeklyRollup sums the seven days of a week: the default mapping from a
// daily to a weekly definition reads the days that overlap the week, here
// loaded from DuckDB with one query.
//
// asset: partitions=Weekly partition_column=week io=warehouse
func WeeklyRollup(ctx *runtime.Context, dailyTotals []Total) ([]Rollup, error) {
	index := map[string]int{} // of a region's row in out
	var out []Rollup
	days := map[time.Time]bool{}
	for _, t := range dailyTotals {
		days[t.Day] = true
		i, ok := index[t.Region]
		if !ok {
			i = len(out)
			index[t.Region] = i
			out = append(out, Rollup{Week: ctx.Partition(), Region: t.Region})
		}
		out[i].Events += t.Events
		out[i].Amount += t.Amount
	}
	for i := range out {
		out[i].Days = int64(len(days))
	}
	return out, nil
}

// RegionalDaily is one region's day (a partition of date x region), read
// from that day's totals: the default mapping of a multi-dimensional asset
// reads its date dimension.
//
// asset: partitions=DailyRegions
func RegionalDaily(ctx *runtime.Context, dailyTotals []Total) (RegionDay, error) {
	region := ctx.Dim("region")
	out := RegionDay{Region: region}
	var all int64
	for _, t := range dailyTotals {
		all += t.Amount
		if t.Region == region {
			out.Events += t.Events
			out.Amount += t.Amount
		}
	}
	if all > 0 {
		out.Share = float64(out.Amount) / float64(all)
	}
	return out, nil
}

// Summary sums every week: an unpartitioned asset reads every partition of
// its partitioned inputs.
//
// asset:
func Summary(weeklyRollup []Rollup) (Report, error) {
	out := Report{ByRegion: map[string]int64{}}
	weeks := map[string]bool{}
	for _, r := range weeklyRollup {
		weeks[r.Week] = true
		out.Events += r.Events
		out.Amount += r.Amount
		out.ByRegion[r.Region] += r.Amount
	}
	out.Weeks = len(weeks)
	return out, nil
}

// hash is FNV-1a of s: the example's source of deterministic randomness.
func hash(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}
