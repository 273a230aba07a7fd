// Package p: written by hand.
package p

// Helper is hand-written.
func Helper() int { return 2 }
