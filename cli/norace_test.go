//go:build !race

package cli

// raceEnabled reports whether the tests run with the race detector; the
// test pipeline is then built with it too.
const raceEnabled = false
