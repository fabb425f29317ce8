package main

import (
	"bytes"
	"regexp"
	"testing"
)

func TestBenchReportsRates(t *testing.T) {
	root := newRoot()
	var out bytes.Buffer
	root.SetOut(&out)
	root.SetArgs([]string{"bench", "--seconds", "0.05"})
	if err := root.Execute(); err != nil {
		t.Fatal(err)
	}
	for _, re := range []string{
		`end to end +1 documents, .* documents/s, [0-9.]+ MB/s`,
		`extraction +54 citations in .*: [0-9.]+ MB/s, [0-9]+ documents/s on one core`,
		`peak memory +[0-9]+ MB`,
	} {
		if !regexp.MustCompile(re).Match(out.Bytes()) {
			t.Errorf("no line matching %q in:\n%s", re, out.String())
		}
	}
}

// The graph benchmark at a small size: every phase reported, and the
// edge list kept where --edges says.
func TestBenchGraph(t *testing.T) {
	edges := t.TempDir() + "/edges.txt"
	root := newRoot()
	var out bytes.Buffer
	root.SetOut(&out)
	root.SetArgs([]string{"bench", "--graph", "2000,20000", "--edges", edges})
	if err := root.Execute(); err != nil {
		t.Fatal(err)
	}
	for _, re := range []string{
		`edge list +.*: 2000 cases, 20000 lines`,
		`build +[0-9.]+ s \([0-9.]+ s CPU\): 2000 cases, 1[0-9]{4} edges`,
		`pagerank +[0-9.]+ s .*: [0-9]+ iterations, converged true`,
		`hits +[0-9.]+ s .*: [0-9]+ iterations, converged true`,
		`peak memory +[0-9]+ MB`,
	} {
		if !regexp.MustCompile(re).Match(out.Bytes()) {
			t.Errorf("no line matching %q in:\n%s", re, out.String())
		}
	}
	root = newRoot()
	root.SetArgs([]string{"bench", "--graph", "2000"})
	if err := root.Execute(); err == nil {
		t.Error("--graph without LINES accepted")
	}
}
