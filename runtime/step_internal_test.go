package runtime

import (
	"testing"
	"unsafe"
)

// TestStepRunSize keeps the per-step state in the 576-byte size class:
// one more byte moves every step's allocation to the next class (640).
// A field added on purpose may move it; then say so here, with the
// runtime benchmark's figures.
func TestStepRunSize(t *testing.T) {
	if size := unsafe.Sizeof(stepRun{}); size > 576 {
		t.Errorf("stepRun is %d bytes, more than 576", size)
	}
}
