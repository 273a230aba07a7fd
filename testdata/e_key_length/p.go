// Package p has names and keys longer than every I/O manager can store:
// a key component may have at most 63 bytes, a key at most 255.
package p

// The default name, from the function, has 64 bytes.
//
// asset:
func aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa() {}

// asset: name=nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn
func LongName() {}

// asset: group=gggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggg
func LongGroup() {}

// Four components of 63 bytes and a name: 257 bytes.
//
// asset: prefix=ccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc/ccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc/ccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc/ccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc name=x
func LongKey() {}

// asset: deps=ccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc/ccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc/ccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc/cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccx
func LongDeps() {}

// At the limits: a 63-byte name, and a key of 255 bytes.
//
// asset: prefix=ccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc/ccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc/ccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc name=ccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc
func AtLimit() int { return 0 }

// asset: name=ddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd
func AtNameLimit(ccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc int) int { return 0 }
