// Package p does not parse.
package p

//asset:
func Broken() int { return 0

//asset:
func Other() int { return 1 }
