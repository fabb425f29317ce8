//go:build race

package main

// raceDetector is set in the race detector's build, under which the
// checks of whole real corpora run ten times slower and add nothing the
// smaller concurrent tests do not cover.
const raceDetector = true
