package main

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// viewerData is the part of the viewer page's data the tests read.
type viewerData struct {
	Layout   string `json:"layout"`
	Measures []struct {
		ID string `json:"id"`
	} `json:"measures"`
	Nodes []struct {
		ID string `json:"id"`
	} `json:"nodes"`
	Edges []struct {
		S int `json:"s"`
		T int `json:"t"`
		W int `json:"w"`
	} `json:"edges"`
}

var viewerScript = regexp.MustCompile(`(?s)<script type="application/json" id="citegraph-data">(.*?)</script>`)

func readViewer(t *testing.T, path string) viewerData {
	t.Helper()
	page := readFile(t, path)
	if !strings.HasPrefix(string(page), "<!DOCTYPE html>") {
		t.Fatalf("%s is not an HTML page", path)
	}
	m := viewerScript.FindSubmatch(page)
	if m == nil {
		t.Fatalf("%s holds no graph data", path)
	}
	var d viewerData
	if err := json.Unmarshal(m[1], &d); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return d
}

// TestViewerFromBuildAndRender: build and render both write the
// interactive map for an .html output, with the sample's nine cases and
// Van de Kamp's 31 citations of Imbler, and the measures build computed to
// switch between.
func TestViewerFromBuildAndRender(t *testing.T) {
	dir := t.TempDir()
	built := filepath.Join(dir, "graph.html")
	mustRun(t, "build", "--sample", "-q", "-o", built)
	rendered := filepath.Join(dir, "map.htm")
	mustRun(t, "render", "--sample", "--size-by", "citations", "-o", rendered)
	for path, first := range map[string]string{built: "pagerank", rendered: "citations"} {
		d := readViewer(t, path)
		if len(d.Nodes) != 9 || len(d.Edges) != 8 || d.Layout != "timeline" {
			t.Errorf("%s: %d nodes, %d edges, layout %q", path, len(d.Nodes), len(d.Edges), d.Layout)
		}
		if d.Measures[0].ID != first {
			t.Errorf("%s opens sized by %q, want %q", path, d.Measures[0].ID, first)
		}
		weight := 0
		for _, e := range d.Edges {
			if d.Nodes[e.T].ID == "424 U.S. 409" {
				weight = e.W
			}
		}
		if weight != 31 {
			t.Errorf("%s: Imbler cited %d times, want 31", path, weight)
		}
	}
	var ids []string
	for _, m := range readViewer(t, built).Measures {
		ids = append(ids, m.ID)
	}
	if strings.Join(ids, " ") != "pagerank authority hub indegree citations" {
		t.Errorf("build's map offers the measures %q", ids)
	}
}
