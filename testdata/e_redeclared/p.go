// Package p declares one function twice: go/types reports the second
// declaration with a note pointing at the first, kept under it.
package p

// asset:
func Orders() []int { return nil }

// asset:
func Orders() []string { return nil }
