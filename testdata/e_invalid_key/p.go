// Package p has functions whose default names are not valid key components.
package p

// asset:
func Größe() int { return 1 }

// asset: name=size
func Größe2() int { return 1 }

// asset:
func Café(größe int) int { return 1 }
