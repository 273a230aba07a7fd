//go:build unix

package runtime_test

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time (user and system) used by this process so
// far, which, unlike wall time, other processes on a busy machine do not
// inflate.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
