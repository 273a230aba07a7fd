// Package p does not type-check.
package p

// asset:
func Undefined() Missing { return nil }

// asset:
func Fine() int { return "not an int" }

var x int = "string"
