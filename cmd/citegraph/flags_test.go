package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A wrong flag value is a usage error (exit 2) naming the flag, before
// any work, whichever path the command takes: --by is checked without
// --top, the input flags with --sample and with a graph file, years are
// years.
func TestFlagValuesCheckedOnEveryPath(t *testing.T) {
	dir := t.TempDir()
	graphFile := filepath.Join(dir, "g.graphml")
	mustRun(t, "build", "--sample", "-o", graphFile, "-q")
	out := filepath.Join(dir, "out.json")
	for _, c := range []struct {
		args []string
		flag string
	}{
		{[]string{"build", "--sample", "--by", "fame", "-o", out}, "--by"},
		{[]string{"render", "--sample", "--by", "fame", "-o", filepath.Join(dir, "x.svg")}, "--by"},
		{[]string{"build", graphFile, "--by", "fame", "-o", out}, "--by"},
		{[]string{"rank", "--sample", "--as-of", "-1950"}, "--as-of"},
		{[]string{"rank", graphFile, "--as-of", "19500"}, "--as-of"},
		{[]string{"rank", "--sample", "--as-of", "1950x"}, "--as-of"},
		{[]string{"build", "--sample", "--since", "-5", "-o", out}, "--since"},
		{[]string{"render", graphFile, "--until", "100000", "-o", filepath.Join(dir, "x.svg")}, "--until"},
		{[]string{"build", "--sample", "--jobs", "-1", "-o", out}, "--jobs"},
		{[]string{"extract", "--sample", "--jobs", "-1"}, "--jobs"},
		{[]string{"extract", "--sample", "--encoding", "klingon"}, "--encoding"},
		{[]string{"rank", "--sample", "--max-size", "0"}, "--max-size"},
		{[]string{"rank", graphFile, "--encoding", "klingon"}, "--encoding"},
		{[]string{"render", graphFile, "--max-citations", "0", "-o", filepath.Join(dir, "x.svg")}, "--max-citations"},
		{[]string{"build", "--sample", "--manifest", graphFile, "-o", out}, "--manifest"},
	} {
		stderr, code := runGraphCmd(t, append(c.args, "-q")...)
		if code != 2 || !strings.Contains(stderr, c.flag) {
			t.Errorf("citegraph %s: exit %d, %q; want exit 2 naming %s", strings.Join(c.args, " "), code, stderr, c.flag)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a refused run wrote its output")
	}
}

// A --court value no case has is warned of, naming the courts the graph
// holds (the accepted values); when no value matches, the run fails
// rather than write an empty graph.
func TestCourtValuesAreChecked(t *testing.T) {
	out := filepath.Join(t.TempDir(), "g.json")
	stderr := mustRun(t, "build", "--sample", "--court", "SCOTUS, sctous", "-o", out, "-q")
	if !strings.Contains(stderr, `--court "sctous" matches no case`) || !strings.Contains(stderr, "scotus (") || strings.Contains(stderr, `"SCOTUS" matches`) {
		t.Errorf("a misspelt court beside a good one: %q", stderr)
	}
	var g nodeLink
	if err := json.Unmarshal(readFile(t, out), &g); err != nil {
		t.Fatal(err)
	}
	for _, n := range g.Nodes {
		if n["court"] != "scotus" {
			t.Errorf("--court SCOTUS kept %v", n)
		}
	}
	if len(g.Nodes) < 2 {
		t.Errorf("--court SCOTUS kept %d cases", len(g.Nodes))
	}
	os.Remove(out)
	stderr, code := runGraphCmd(t, "build", "--sample", "--court", "supreme", "-o", out, "-q")
	if code != 1 || !strings.Contains(stderr, "no case of the graph is of supreme") || !strings.Contains(stderr, "the graph's courts, most cases first: scotus") {
		t.Errorf("only a wrong court: exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a run whose --court matched nothing wrote a graph")
	}
}
