// Package p passes assets without output as parameters.
package p

import "context"

// asset:
func Writes(ctx context.Context) error { return nil }

// asset:
func Touches() {}

// asset:
func Reader(writes, touches int) int { return 0 }
