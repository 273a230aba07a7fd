// Package xpkg reads partitioned assets of package up (../partitions_up),
// partitioned by definitions of package partdefs (../partdefs), under
// another import name.
package xpkg

import (
	defs "github.com/assetgen/assetgen/testdata/partdefs"
	up "github.com/assetgen/assetgen/testdata/partitions_up"
)

// Alert is one sensor over its limit.
type Alert struct {
	Sensor string
}

// Alerts reads the hours of its day, and the day's maximum.
//
// asset: partitions=defs.Daily
func Alerts(readings []up.Reading, dailyMax float64) []Alert { return nil }

// Sensors reads one hour of readings: its last.
//
// asset: map=readings:last
func Sensors(readings []up.Reading) int { return 0 }

// Days describes the definition the directives name.
func Days() string { return defs.Daily.String() }
