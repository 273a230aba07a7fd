// Package stale has a generated file that no longer compiles: it names a
// function that was renamed, in a package since renamed from oldname.
package stale

// asset:
func Fresh() int { return 1 }
