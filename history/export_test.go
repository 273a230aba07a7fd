package history

// CPUTime exposes cpuTime to the external tests' benchmarks.
var CPUTime = cpuTime
