// Package p has asset functions with unsupported signatures.
package p

import "github.com/assetgen/assetgen/runtime"

// asset:
func Base() int { return 0 }

// asset:
func Generic[T any](base T) T { return base }

// asset:
func Variadic(base ...int) int { return 0 }

// asset:
func TwoValues() (int, string) { return 0, "" }

// asset:
func ThreeValues() (int, string, error) { return 0, "", nil }

// asset:
func ErrorFirst() (error, int) { return nil, 0 }

// asset:
func Blank(_ int) int { return 0 }

// asset:
func Unnamed(int) int { return 0 }

// asset:
func ContextValue(ctx runtime.Context) int { return 0 }
