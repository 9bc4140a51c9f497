//go:build race

package main

// raceEnabled: this test binary runs under the race detector, whose
// instrumentation makes every init several times slower than the program's.
const raceEnabled = true
