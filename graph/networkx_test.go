package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"testing"
)

// networkxPython returns a Python that has networkx and scipy (Debian's
// python3-networkx and python3-scipy), or skips the test.
func networkxPython(t *testing.T) string {
	t.Helper()
	for _, py := range []string{os.Getenv("CITEGRAPH_PYTHON"), "/usr/bin/python3", "python3"} {
		if py == "" {
			continue
		}
		if err := exec.Command(py, "-c", "import networkx, scipy").Run(); err == nil {
			return py
		}
	}
	t.Skip("no python3 with networkx and scipy (apt-get install python3-networkx python3-scipy)")
	return ""
}

// networkxRank ranks g with networkx (testdata/networkx_rank.py).
func networkxRank(t *testing.T, py string, g *Graph, weighted, betweenness bool) map[string]map[string]float64 {
	t.Helper()
	spec := struct {
		Nodes       []string `json:"nodes"`
		Edges       [][3]any `json:"edges"`
		Weighted    bool     `json:"weighted"`
		Betweenness bool     `json:"betweenness"`
	}{Weighted: weighted, Betweenness: betweenness}
	for n := range g.Nodes() {
		spec.Nodes = append(spec.Nodes, n.ID)
	}
	for e := range g.Edges() {
		spec.Edges = append(spec.Edges, [3]any{e.From, e.To, e.Weight})
	}
	in, err := json.Marshal(spec)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(py, "testdata/networkx_rank.py")
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("networkx: %v\n%s", err, stderr.String())
	}
	var res map[string]map[string]float64
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatal(err)
	}
	return res
}

// compareNetworkx checks that citegraph's PageRank and HITS (and
// betweenness, when asked) are within 1e-6 of networkx's on every node.
func compareNetworkx(t *testing.T, g *Graph, betweenness bool) {
	py := networkxPython(t)
	for _, weighted := range []bool{true, false} {
		ref := networkxRank(t, py, g, weighted, betweenness)
		measures := []string{PageRank, Hub, Authority}
		if betweenness {
			measures = append(measures, Betweenness)
		}
		for _, m := range measures {
			opt := RankOptions{Unweighted: !weighted, Tolerance: 1e-13, MaxIter: 10000}
			res, err := g.Rank(context.Background(), m, opt)
			if err != nil {
				t.Fatal(err)
			}
			if !res.Converged {
				t.Fatalf("%s did not converge in %d iterations", m, res.Iterations)
			}
			var worst float64
			var at string
			for n := range g.Nodes() {
				d := math.Abs(n.Scores[m] - ref[m][n.ID])
				if d > worst || math.IsNaN(d) {
					worst, at = d, n.ID
				}
			}
			t.Logf("weighted=%v %s: %d iterations, largest difference from networkx %.3g (at %s)", weighted, m, res.Iterations, worst, at)
			if !(worst <= 1e-6) {
				t.Errorf("weighted=%v %s differs from networkx by %g at %s (citegraph %v, networkx %v)",
					weighted, m, worst, at, mustScore(g, m, at), ref[m][at])
			}
		}
	}
}

func mustScore(g *Graph, m, id string) float64 {
	s, _ := g.Score(m, id)
	return s
}

func TestRankAgreesWithNetworkxOnRandomGraph(t *testing.T) {
	compareNetworkx(t, randomGraph(t, 400, 3000, 11), true)
}

// Done-when 4: PageRank and HITS on the scotus graph agree with networkx
// to 1e-6.
func TestRankAgreesWithNetworkxOnScotus(t *testing.T) {
	compareNetworkx(t, scotus(t), false)
}
