// Package cputime reads the CPU time a process has used, for benchmarks
// that report it beside wall time: unlike wall time, other processes on a
// busy machine do not inflate it.
package cputime

import "time"

// Process returns the user and system CPU time of this process so far, all
// threads included (cgo's too), or 0 where it is not measured.
func Process() time.Duration { return process() }
