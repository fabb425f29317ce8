//go:build race

package corpus

// raceDetector is set in the race detector's build, under which
// single-threaded checks of whole real files run ten times slower and
// test no concurrency.
const raceDetector = true
