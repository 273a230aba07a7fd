package cputime

import (
	"runtime"
	"testing"
	"time"
)

func TestProcessGrows(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		t.Skip("not measured on", runtime.GOOS)
	}
	before := Process()
	deadline := time.Now().Add(10 * time.Second)
	x := 0
	for i := 0; Process() == before && time.Now().Before(deadline); i++ {
		x += i * i // spin until the clock ticks
	}
	if after := Process(); after <= before {
		t.Errorf("CPU time went from %v to %v after spinning", before, after)
	}
	_ = x
}
