package draw

import (
	"bytes"
	"context"
	"image/png"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/export/internal/exporttest"
	"github.com/citegraph/citegraph/graph"
)

// nodeLabels are the text boxes of node labels in a scene (the legend's
// texts have no halo).
func nodeLabels(sc *scene) []box {
	var out []box
	for _, sh := range sc.shapes {
		if t, ok := sh.(text); ok && t.halo {
			lo, hi := t.bounds()
			out = append(out, box{lo, hi})
		}
	}
	return out
}

// nodeCircles are the node circles of a scene (only they carry tooltips).
func nodeCircles(sc *scene) []circle {
	var out []circle
	for _, sh := range sc.shapes {
		if c, ok := sh.(circle); ok && c.title != "" {
			out = append(out, c)
		}
	}
	return out
}

func countOverlaps(boxes []box) int {
	n := 0
	for i := range boxes {
		for j := i + 1; j < len(boxes); j++ {
			if boxes[i].overlaps(boxes[j]) {
				n++
			}
		}
	}
	return n
}

func countCircleOverlaps(cs []circle) int {
	n := 0
	for i := range cs {
		for j := i + 1; j < len(cs); j++ {
			if cs[i].c.sub(cs[j].c).len() < cs[i].r+cs[j].r {
				n++
			}
		}
	}
	return n
}

func sceneTexts(sc *scene) []string {
	var out []string
	for _, sh := range sc.shapes {
		if t, ok := sh.(text); ok {
			out = append(out, t.s)
		}
	}
	return out
}

// TestSamplePicture checks what makes the sample's picture readable: a
// timeline with older cases above, every case drawn and labelled once,
// nothing overlapping, no edge through a label, every arrow ending at the
// cited case's rim, and a legend.
func TestSamplePicture(t *testing.T) {
	g := exporttest.Sample()
	d, err := layOut(g, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d.layout != LayoutTimeline {
		t.Fatalf("layout %q for a 9-node graph, want timeline", d.layout)
	}
	for i, a := range d.s.Nodes {
		for j, b := range d.s.Nodes {
			if a.Year < b.Year && d.pos[i].y >= d.pos[j].y {
				t.Errorf("%s (%d) is not above %s (%d)", a.Name, a.Year, b.Name, b.Year)
			}
		}
	}
	// The layout aims to keep edges 14 pixels off labels; 2 is the least
	// that keeps them legible.
	for _, l := range d.links(0) {
		for i := range d.pos {
			if hit, _, _ := d.clashRoom(l, i, 2); hit {
				t.Errorf("edge %s → %s passes through %s", d.s.Nodes[l.i].Name, d.s.Nodes[l.j].Name, d.s.Nodes[i].Name)
			}
		}
	}
	sc := d.scene()
	circles := nodeCircles(sc)
	if len(circles) != len(g.NodeList) {
		t.Errorf("%d node circles, want %d", len(circles), len(g.NodeList))
	}
	if n := countCircleOverlaps(circles); n > 0 {
		t.Errorf("%d pairs of nodes overlap", n)
	}
	if n := countOverlaps(nodeLabels(sc)); n > 0 {
		t.Errorf("%d pairs of labels overlap", n)
	}
	texts := sceneTexts(sc)
	for _, n := range g.NodeList {
		if !slices.Contains(texts, n.Name) {
			t.Errorf("%s not labelled", n.Name)
		}
	}
	for _, want := range []string{"Node size: PageRank", "Colour: court", "U.S. Supreme Court (7)", "9th Cir. (1)", "Arrow: citing → cited case", "1949", "2007–2009"} {
		if !slices.Contains(texts, want) {
			t.Errorf("no %q in the picture", want)
		}
	}
	// Each arrowhead's tip sits just off the rim of the case it cites.
	var tips []point
	for _, sh := range sc.shapes {
		if p, ok := sh.(polygon); ok {
			tips = append(tips, p.pts[0])
		}
	}
	if len(tips) != len(g.EdgeList) {
		t.Fatalf("%d arrowheads, want %d", len(tips), len(g.EdgeList))
	}
	for _, tip := range tips {
		ok := false
		for _, c := range circles {
			gap := tip.sub(c.c).len() - c.r
			ok = ok || (gap > 0 && gap < 3)
		}
		if !ok {
			t.Errorf("arrow tip %v touches no node", tip)
		}
	}
	// Imbler, cited 31 times, is drawn largest.
	var biggest circle
	for _, c := range circles {
		if c.r > biggest.r {
			biggest = c
		}
	}
	if !strings.HasPrefix(biggest.title, "Imbler v. Pachtman") {
		t.Errorf("largest node is %q", biggest.title)
	}
}

// TestForcePicture: a graph too big for a timeline is drawn force-directed
// with no overlapping nodes and only the top nodes labelled, labels apart.
func TestForcePicture(t *testing.T) {
	g := exporttest.Synthetic(600, 1400)
	d, err := layOut(g, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d.layout != LayoutForce {
		t.Fatalf("layout %q for 600 nodes", d.layout)
	}
	sc := d.scene()
	circles := nodeCircles(sc)
	if len(circles) != len(g.NodeList) {
		t.Errorf("%d circles, want %d", len(circles), len(g.NodeList))
	}
	for _, c := range circles {
		if math.IsNaN(c.c.x) || math.IsNaN(c.c.y) || math.IsInf(c.c.x, 0) {
			t.Fatalf("node at %v", c.c)
		}
	}
	if n := countCircleOverlaps(circles); n > 0 {
		t.Errorf("%d pairs of nodes overlap", n)
	}
	labels := nodeLabels(sc)
	if len(labels) == 0 || len(labels) > 2*30 {
		t.Errorf("%d label lines, want some and at most the top 30 nodes'", len(labels))
	}
	if n := countOverlaps(labels); n > 0 {
		t.Errorf("%d pairs of labels overlap", n)
	}
	// The drawing stays compact: no node flung far from the rest.
	if sc.width > 6000 || sc.height > 6000 {
		t.Errorf("picture is %vx%v", sc.width, sc.height)
	}
}

func TestRenderOptions(t *testing.T) {
	g := exporttest.Sample()
	d, err := layOut(g, Options{Layout: LayoutForce, Labels: 3, Title: "Van de Kamp's precedents", SizeBy: "citations"})
	if err != nil {
		t.Fatal(err)
	}
	sc := d.scene()
	texts := sceneTexts(sc)
	if !slices.Contains(texts, "Van de Kamp's precedents") || !slices.Contains(texts, "Node size: times cited") {
		t.Errorf("title or size legend missing: %q", texts)
	}
	if n := len(nodeLabels(sc)); n != 3*2 {
		t.Errorf("%d label lines, want two for each of 3 nodes", n)
	}
	if _, err := layOut(g, Options{Layout: "circular"}); err == nil {
		t.Error("unknown layout accepted")
	}
	if _, err := layOut(exporttest.Graph{}, Options{}); err == nil || !strings.Contains(err.Error(), "empty") {
		t.Errorf("empty graph: %v", err)
	}
	// A graph with no years at all cannot be a timeline; it falls back.
	nodes := []*graph.Node{{ID: "a"}, {ID: "b"}}
	d, err = layOut(exporttest.Graph{NodeList: nodes, EdgeList: []*graph.Edge{{From: "a", To: "b", Weight: 1}}}, Options{})
	if err != nil || d.layout != LayoutForce {
		t.Errorf("yearless graph: layout %v, %v", d, err)
	}
}

// TestPNGDrawsTheScene: the PNG has the SVG's size times the scale, and
// its pixels show what the scene says: each node's colour at its centre,
// dark text in its label, white where nothing is drawn.
func TestPNGDrawsTheScene(t *testing.T) {
	g := exporttest.Sample()
	sc, err := draw(g, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WritePNG(&buf, g, Options{Scale: 1.5}); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != int(math.Ceil(sc.width*1.5)) || b.Dy() != int(math.Ceil(sc.height*1.5)) {
		t.Fatalf("PNG is %v, scene %vx%v at 1.5", b, sc.width, sc.height)
	}
	near := func(x, y float64, want RGB) bool {
		r, g, b, _ := img.At(int(x*1.5), int(y*1.5)).RGBA()
		d := math.Abs(float64(r>>8)-float64(want.R)) + math.Abs(float64(g>>8)-float64(want.G)) + math.Abs(float64(b>>8)-float64(want.B))
		return d < 30
	}
	for _, c := range nodeCircles(sc) {
		if !near(c.c.x, c.c.y, c.fill.c) {
			t.Errorf("node %q: centre pixel is %v, want %v", strings.SplitN(c.title, "\n", 2)[0], img.At(int(c.c.x*1.5), int(c.c.y*1.5)), c.fill.c)
		}
	}
	if !near(1, 1, RGB{255, 255, 255}) {
		t.Error("corner is not white")
	}
	for _, sh := range sc.shapes {
		tx, ok := sh.(text)
		if !ok || !tx.halo || !tx.bold {
			continue
		}
		lo, hi := tx.bounds()
		dark := 0
		for x := lo.x; x < hi.x; x++ {
			for y := lo.y; y < hi.y; y++ {
				if r, _, _, _ := img.At(int(x*1.5), int(y*1.5)).RGBA(); r>>8 < 100 {
					dark++
				}
			}
		}
		if dark < 10 {
			t.Errorf("label %q has no ink", tx.s)
		}
	}
}

// TestTimelineIsToScale: on a timeline, cases' heights are proportional to
// their years (1949 → 1963 is seven times 1991 → 1993), and the year axis
// labels every year that has a case, without labels printing over each
// other.
func TestTimelineIsToScale(t *testing.T) {
	for name, g := range map[string]Source{"sample": exporttest.Sample(), "synthetic 70": exporttest.Synthetic(70, 150)} {
		d, err := layOut(g, Options{Layout: LayoutTimeline})
		if err != nil {
			t.Fatal(err)
		}
		sc := d.scene()
		// Heights by year, from the drawn circles.
		at := map[int]float64{}
		for i, c := range nodeCircles(sc) {
			if y := d.s.Nodes[i].Year; y != 0 {
				if prev, ok := at[y]; ok && prev != c.c.y {
					t.Errorf("%s: %d drawn at heights %v and %v", name, y, prev, c.c.y)
				}
				at[y] = c.c.y
			}
		}
		var years []int
		for y := range at {
			years = append(years, y)
		}
		slices.Sort(years)
		perYear := (at[years[len(years)-1]] - at[years[0]]) / float64(years[len(years)-1]-years[0])
		for k := 1; k < len(years); k++ {
			got := (at[years[k]] - at[years[k-1]]) / float64(years[k]-years[k-1])
			if math.Abs(got/perYear-1) > 1e-6 {
				t.Errorf("%s: %d → %d drawn at %.2f px a year, the timeline at %.2f", name, years[k-1], years[k], got, perYear)
			}
		}
		// The axis: its labels are the texts set at its left, right-aligned.
		var axis []box
		var labels []string
		for _, sh := range sc.shapes {
			if tx, ok := sh.(text); ok && tx.anchor == anchorEnd && !tx.halo && tx.size == axisSize {
				lo, hi := tx.bounds()
				axis = append(axis, box{lo, hi})
				labels = append(labels, tx.s)
			}
		}
		if n := countOverlaps(axis); n > 0 {
			t.Errorf("%s: %d pairs of axis labels overlap: %q", name, n, labels)
		}
		for _, y := range years {
			found := false
			for _, l := range labels {
				first, last, ok := strings.Cut(l, "–")
				a, _ := strconv.Atoi(first)
				b, _ := strconv.Atoi(last)
				found = found || l == strconv.Itoa(y) || (ok && a <= y && y <= b)
			}
			if !found {
				t.Errorf("%s: no axis label for %d in %q", name, y, labels)
			}
		}
	}
	// The sample's gaps in particular.
	d, _ := layOut(exporttest.Sample(), Options{})
	y := map[int]float64{}
	for i, n := range d.s.Nodes {
		y[n.Year] = d.pos[i].y
	}
	if a, b := y[1963]-y[1949], y[1993]-y[1991]; math.Abs(a/b-7) > 1e-6 {
		t.Errorf("1949 → 1963 is %.1f px, 1991 → 1993 %.1f px: not 7 to 1", a, b)
	}
}

// circleHitsBox reports whether a circle and a box share any point.
func circleHitsBox(c circle, b box) bool {
	dx := math.Max(b.lo.x-c.c.x, math.Max(0, c.c.x-b.hi.x))
	dy := math.Max(b.lo.y-c.c.y, math.Max(0, c.c.y-b.hi.y))
	return dx*dx+dy*dy < c.r*c.r
}

// checkLabels measures a drawing's labels: no label's text sits on any
// node, no two labels overlap, every labelled case with a name is
// labelled by it (a bare citation only where no name is known), and the
// focus, when given, is labelled and ringed.
func checkLabels(t *testing.T, name string, g Source, opts Options) *scene {
	t.Helper()
	d, err := layOut(g, opts)
	if err != nil {
		t.Fatal(err)
	}
	sc := d.scene()
	labels := nodeLabels(sc)
	circles := nodeCircles(sc)
	for _, b := range labels {
		for _, c := range circles {
			if circleHitsBox(c, b) {
				t.Errorf("%s: a label at %v sits on %q", name, b, strings.SplitN(c.title, "\n", 2)[0])
			}
		}
	}
	if n := countOverlaps(labels); n > 0 {
		t.Errorf("%s: %d pairs of labels overlap", name, n)
	}
	texts := sceneTexts(sc)
	for i, n := range d.s.Nodes {
		if !d.looks[i].label {
			continue
		}
		want := Label(n)
		if n.Name != "" && want != ShortName(n.Name) {
			t.Errorf("%s: %s labelled %q, not by its name %q", name, n.ID, want, n.Name)
		}
		want = truncate(want, maxDrawn) // pictures draw a shorter label
		if (i == d.focus || d.layout == LayoutTimeline) && !slices.Contains(texts, want) {
			t.Errorf("%s: %q not drawn", name, want)
		}
	}
	if opts.Focus != "" {
		f := d.s.Index[opts.Focus]
		if !slices.Contains(texts, Label(d.s.Nodes[f])) {
			t.Errorf("%s: the focus %s is not labelled", name, opts.Focus)
		}
		if c := circles[f]; c.sw != 3 {
			t.Errorf("%s: the focus %s is not ringed", name, opts.Focus)
		}
	}
	return sc
}

// TestLabelsWhereTheyMatter: labels stay off nodes and each other in
// timelines and force drawings, real and synthetic; the focus of a
// neighbourhood is labelled even when it ranks low and the drawing is
// dense.
func TestLabelsWhereTheyMatter(t *testing.T) {
	checkLabels(t, "sample", exporttest.Sample(), Options{})
	syn := exporttest.Synthetic(600, 1400)
	checkLabels(t, "synthetic", syn, Options{})
	// The least of the synthetic cases, deep in the crowd.
	low := syn.NodeList[0]
	for _, n := range syn.NodeList {
		if n.Scores["pagerank"] < low.Scores["pagerank"] {
			low = n
		}
	}
	checkLabels(t, "synthetic, focus on the least case", syn, Options{Focus: low.ID})
	checkLabels(t, "sample, force, focus", exporttest.Sample(), Options{Layout: LayoutForce, Labels: 2, Focus: "373 U.S. 83"})
	if exporttest.HasShared(exporttest.ScotusDir) {
		g := exporttest.Scotus(t)
		top, err := g.Filter(context.Background(), graph.Filter{Top: 50, By: graph.PageRank})
		if err != nil {
			t.Fatal(err)
		}
		checkLabels(t, "scotus top 50", top, Options{})
		around, err := g.Filter(context.Background(), graph.Filter{Around: "17 U.S. 316"})
		if err != nil {
			t.Fatal(err)
		}
		checkLabels(t, "scotus around McCulloch", around, Options{Focus: "17 U.S. 316"})
	}
}
