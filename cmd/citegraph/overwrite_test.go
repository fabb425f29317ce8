package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An output that is one of the inputs — by the same name, through a
// symbolic or a hard link, as the manifest, or as a file of a CSV graph
// pair — is refused before anything is read: exit 2, a message naming
// the file, the input untouched. Every command that writes a file checks
// it.
func TestOutputThatIsAnInputIsRefused(t *testing.T) {
	dir := writeFiles(t, twoOpinions)
	opinion := filepath.Join(dir, "t1.txt")
	symlink := filepath.Join(dir, "link.txt")
	hardlink := filepath.Join(dir, "hard.txt")
	if err := os.Symlink(opinion, symlink); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(opinion, hardlink); err != nil {
		t.Fatal(err)
	}
	manifest := filepath.Join(dir, "manifest.csv")
	if err := os.WriteFile(manifest, []byte("file,case_name,citations,court,date\nt1.txt,Smith v. Jones,,,\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	graphs := t.TempDir()
	pair := filepath.Join(graphs, "graph.csv")
	mustRun(t, "build", dir, "-o", pair, "-q")
	pairDir := filepath.Join(graphs, "pair") + string(filepath.Separator)
	mustRun(t, "build", dir, "-f", "csv", "-o", pairDir, "-q")
	graphML := filepath.Join(graphs, "graph.graphml")
	mustRun(t, "build", dir, "-o", graphML, "-q")
	bulk := t.TempDir()
	citationMap := filepath.Join(bulk, "citation-map-2024-01-01.csv")
	if err := os.WriteFile(citationMap, []byte("citing_opinion_id,cited_opinion_id,depth\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	for _, c := range []struct {
		args  []string
		input string // the file that must survive
		named string // the file the message names
	}{
		{[]string{"extract", opinion, "-o", opinion}, opinion, opinion},
		{[]string{"extract", opinion, "-o", symlink}, opinion, symlink},
		{[]string{"extract", symlink, "-o", hardlink}, opinion, hardlink},
		{[]string{"extract", filepath.Join(dir, "t*.txt"), "-f", "csv", "-o", opinion}, opinion, opinion},
		{[]string{"extract", dir, "--manifest", manifest, "-o", manifest}, manifest, manifest},
		{[]string{"build", opinion, "-f", "json", "-o", opinion}, opinion, opinion},
		{[]string{"build", dir, "-o", filepath.Join(graphs, "x.json"), "--report", hardlink}, opinion, hardlink},
		{[]string{"build", pair, "-o", pair}, filepath.Join(graphs, "graph.nodes.csv"), filepath.Join(graphs, "graph.nodes.csv")},
		{[]string{"build", pairDir, "-f", "csv", "-o", pairDir}, filepath.Join(pairDir, "edges.csv"), filepath.Join(pairDir, "nodes.csv")},
		{[]string{"build", dir, "-f", "json", "-o", filepath.Join(dir, "t2.txt")}, filepath.Join(dir, "t2.txt"), filepath.Join(dir, "t2.txt")},
		{[]string{"build", graphML, "-o", graphML}, graphML, graphML},
		{[]string{"rank", graphML, "-o", graphML}, graphML, graphML},
		{[]string{"rank", opinion, "-o", symlink}, opinion, symlink},
		{[]string{"render", graphML, "-f", "svg", "-o", graphML}, graphML, graphML},
		{[]string{"render", dir, "--manifest", manifest, "-o", manifest, "-f", "svg"}, manifest, manifest},
		{[]string{"compare", "--courtlistener-bulk", bulk, "--diff", citationMap}, citationMap, citationMap},
	} {
		before := string(readFile(t, c.input))
		stderr, code := runGraphCmd(t, c.args...)
		if code != 2 || !strings.Contains(stderr, c.named) || !strings.Contains(stderr, "never writes over its input") {
			t.Errorf("citegraph %s: exit %d, %q; want exit 2 naming %s", strings.Join(c.args, " "), code, stderr, c.named)
		}
		if string(readFile(t, c.input)) != before {
			t.Errorf("citegraph %s changed %s", strings.Join(c.args, " "), c.input)
		}
	}
	// citegraph's own output in a folder that is read is no input (reading
	// passes over it): a rerun writes it again.
	for _, args := range [][]string{
		{"extract", dir, "-f", "jsonl", "-o", filepath.Join(dir, "cites.jsonl"), "-q"},
		{"build", dir, "-o", filepath.Join(dir, "graph.json"), "-q"},
	} {
		mustRun(t, args...)
		mustRun(t, args...)
	}
}
