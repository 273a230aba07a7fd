//go:build unix

package fs

import (
	iofs "io/fs"
	"syscall"
)

// fileID returns the inode number of fi, or 0.
func fileID(fi iofs.FileInfo) uint64 {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Ino)
	}
	return 0
}
