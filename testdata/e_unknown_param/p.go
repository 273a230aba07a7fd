// Package p has parameters that name no asset.
package p

// asset:
func People() []string { return nil }

// asset:
func Birds() []string { return nil }

// asset:
func Combined(peeple, birds []string, zzzzzz int) []string { return nil }
