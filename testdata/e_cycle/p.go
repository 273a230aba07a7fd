// Package p has dependency cycles.
package p

// asset:
func A(c int) int { return c }

// asset:
func B(a int) int { return a }

// asset:
func C(b int) int { return b }

// asset:
func Self(self int) int { return self }

// asset: deps=later
func Early() {}

// asset: deps=early
func Later() {}

// asset:
func Fine(a int) int { return a }
