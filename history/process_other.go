//go:build !unix

package history

// signalZero cannot tell here: abandoned runs are found by their heartbeat.
func signalZero(pid int) liveness { return unknown }
