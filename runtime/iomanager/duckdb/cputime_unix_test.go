//go:build unix

package duckdb

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time (user and system, all threads, DuckDB's
// included) this process has used so far: unlike wall time, other
// processes on a busy machine do not inflate it.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
