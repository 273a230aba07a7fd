// Package stale has a generated file that no longer compiles: it names a
// function that was renamed.
package stale

// asset:
func Fresh() int { return 1 }
