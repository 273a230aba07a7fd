//go:build unix

package history

import (
	"errors"
	"syscall"
)

func signalZero(pid int) liveness {
	err := syscall.Kill(pid, 0)
	switch {
	case err == nil, errors.Is(err, syscall.EPERM):
		return running
	case errors.Is(err, syscall.ESRCH):
		return dead
	}
	return unknown
}
