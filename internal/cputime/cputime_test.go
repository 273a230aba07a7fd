package cputime

import (
	"runtime"
	"testing"
)

func TestProcessGrows(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		t.Skip("not measured on", runtime.GOOS)
	}
	before := Process()
	x := 0
	for i := 0; Process() == before; i++ {
		x += i * i // spin until the clock ticks
	}
	if after := Process(); after <= before {
		t.Errorf("CPU time went from %v to %v", before, after)
	}
	_ = x
}
