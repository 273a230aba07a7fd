// Package p has edges whose types do not fit.
package p

import "github.com/assetgen/assetgen/testdata/lib"

// Entity is a row.
type Entity struct{ ID int64 }

// asset:
func People() []Entity { return nil }

// asset:
func Score() lib.Score { return 0 }

// asset:
func Report(people []string, score float64) int { return 0 }

// asset:
func Sized(people lib.Sizer) int { return 0 }

// Wide has a column Entity lacks.
type Wide struct {
	ID   int64
	Name string
}

// Typed has the column of Entity with another type.
type Typed struct{ ID string }

// asset:
func Subset(people []Wide, score []Typed) int { return 0 }

// asset:
func Retyped(people []*Typed) int { return 0 }
