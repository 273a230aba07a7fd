// Package chans has channels of channels, whose types need parentheses
// in one direction: chan (<-chan int) is not chan<- chan int.
package chans

// asset:
func Nested() chan (<-chan int) { return nil }

// asset:
func Send() chan<- chan int { return nil }

// asset:
func Recv() <-chan <-chan int { return nil }

// asset:
func Use(nested chan (<-chan int), send chan<- chan int, recv <-chan <-chan int) int { return 0 }
