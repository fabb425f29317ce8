package draw

import (
	"bytes"
	"context"
	"image/png"
	"math"
	"testing"

	"github.com/citegraph/citegraph/export/internal/exporttest"
	"github.com/citegraph/citegraph/graph"
)

// TestRealPictures: citegraph's pictures of the sample and of the scotus
// top 50 come out as SVG and PNG with every case drawn, no node or label
// overlapping another.
func TestRealPictures(t *testing.T) {
	graphs := map[string]*graph.Graph{"sample": exporttest.RealSample(t)}
	if exporttest.HasShared(exporttest.ScotusDir) {
		top, err := exporttest.Scotus(t).Filter(context.Background(), graph.Filter{Top: 50, By: graph.PageRank})
		if err != nil {
			t.Fatal(err)
		}
		graphs["scotus top 50"] = top
	}
	for name, g := range graphs {
		d, err := layOut(g, Options{})
		if err != nil {
			t.Fatal(err)
		}
		sc := d.scene()
		circles := nodeCircles(sc)
		if len(circles) != g.NodeCount() {
			t.Errorf("%s: %d nodes drawn, want %d", name, len(circles), g.NodeCount())
		}
		if n := countCircleOverlaps(circles); n > 0 {
			t.Errorf("%s: %d pairs of nodes overlap", name, n)
		}
		if n := countOverlaps(nodeLabels(sc)); n > 0 {
			t.Errorf("%s: %d pairs of labels overlap", name, n)
		}
		exporttest.Xmllint(t, exporttest.WriteTemp(t, "g.svg", svg(t, g, Options{})))
		var buf bytes.Buffer
		if err := WritePNG(&buf, g, Options{}); err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(&buf)
		if err != nil {
			t.Fatalf("%s: PNG: %v", name, err)
		}
		if b := img.Bounds(); b.Dx() != int(math.Ceil(sc.width*2)) || b.Dy() != int(math.Ceil(sc.height*2)) {
			t.Errorf("%s: PNG %v for a %vx%v scene", name, b, sc.width, sc.height)
		}
	}
}
