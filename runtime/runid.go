package runtime

import (
	"crypto/rand"
	"encoding/hex"
	"sync"
	"time"
)

var runIDState struct {
	mu   sync.Mutex
	last int64 // last millisecond used, so IDs of one process stay ordered
	seq  uint16
}

// NewRunID returns a new run ID: a version 7 UUID (RFC 9562), so IDs sort
// by creation time as strings. IDs made by one process in the same
// millisecond are ordered by a counter.
func NewRunID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails

	runIDState.mu.Lock()
	ms := time.Now().UnixMilli()
	if ms <= runIDState.last {
		ms = runIDState.last
		runIDState.seq++
		if runIDState.seq >= 1<<12 { // counter exhausted: borrow the next millisecond
			ms++
			runIDState.seq = 0
		}
	} else {
		runIDState.seq = uint16(b[6]&0x07)<<8 | uint16(b[7]) // random start, room to count
	}
	runIDState.last = ms
	seq := runIDState.seq
	runIDState.mu.Unlock()

	b[0], b[1], b[2] = byte(ms>>40), byte(ms>>32), byte(ms>>24)
	b[3], b[4], b[5] = byte(ms>>16), byte(ms>>8), byte(ms)
	b[6] = 0x70 | byte(seq>>8)&0x0f // version 7, then 12 bits rand_a (the counter)
	b[7] = byte(seq)
	b[8] = 0x80 | b[8]&0x3f // variant 10

	var s [36]byte
	hex.Encode(s[0:8], b[0:4])
	s[8] = '-'
	hex.Encode(s[9:13], b[4:6])
	s[13] = '-'
	hex.Encode(s[14:18], b[6:8])
	s[18] = '-'
	hex.Encode(s[19:23], b[8:10])
	s[23] = '-'
	hex.Encode(s[24:], b[10:])
	return string(s[:])
}
