package runtime

import (
	"testing"
	"unsafe"
)

// TestStepRunSize keeps the per-step state in the 512-byte size class:
// one more byte moves every step's allocation to the next class (576).
func TestStepRunSize(t *testing.T) {
	if size := unsafe.Sizeof(stepRun{}); size > 512 {
		t.Errorf("stepRun is %d bytes, more than 512", size)
	}
}
