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
		`extraction +53 citations in .*: [0-9.]+ MB/s, [0-9]+ documents/s on one core`,
		`peak memory +[0-9]+ MB`,
	} {
		if !regexp.MustCompile(re).Match(out.Bytes()) {
			t.Errorf("no line matching %q in:\n%s", re, out.String())
		}
	}
}
