// Package partdefs declares partitions definitions that other golden cases
// name as partdefs.X; it has no assets of its own.
package partdefs

import "github.com/assetgen/assetgen/partition"

// Daily is valid.
var Daily = partition.Daily("2024-01-01")

// Broken has an unknown time zone.
var Broken = partition.Daily("2024-01-01", partition.Zone("Mars/Olympus_Mons"))

// Name is not a definition.
var Name = "daily"

var hidden = partition.Daily("2024-01-01")

// Hidden uses hidden, so that it is kept.
func Hidden() partition.Definition { return hidden }
