//go:build unix

// Package fileid gives the identity of a file that a rename keeps: the
// I/O managers' stamps name the file they describe by it.
package fileid

import (
	iofs "io/fs"
	"syscall"
)

// Of returns the inode number of fi, or 0.
func Of(fi iofs.FileInfo) uint64 {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Ino)
	}
	return 0
}
