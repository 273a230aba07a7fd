// Package p already declares Assets.
package p

// asset:
func One() int { return 1 }

// Assets is hand-written here.
func Assets() []string { return nil }
