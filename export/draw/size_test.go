package draw

import (
	"context"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/export/internal/exporttest"
	"github.com/citegraph/citegraph/graph"
)

// legendCircle is a circle of the size legend as drawn: its radius and
// the value written beside it.
type legendCircle struct {
	r     float64
	label string
}

// sizeLegend reads the size legend back from a scene: the grey circles
// that carry no tooltip, each with the text set on its right.
func sizeLegend(sc *scene) []legendCircle {
	var out []legendCircle
	for _, sh := range sc.shapes {
		c, ok := sh.(circle)
		if !ok || c.title != "" || c.fill.c != legendFill {
			continue
		}
		for _, sh := range sc.shapes {
			if t, ok := sh.(text); ok && t.p.x > c.c.x+c.r && t.p.x < c.c.x+c.r+60 && math.Abs(t.p.y-(c.c.y+4)) < 0.01 {
				out = append(out, legendCircle{c.r, t.s})
			}
		}
	}
	return out
}

// checkHonestSizes measures a drawing: every node circle's area, divided
// by its value, is the same as the legend circles' area divided by theirs
// (within rounding to 0.5%), except nodes drawn at the stated floor; the
// legend's values are round (1, 2 or 5 times a power of ten).
func checkHonestSizes(t *testing.T, name string, g Source, opts Options, value func(*graph.Node) float64) {
	t.Helper()
	d, err := layOut(g, opts)
	if err != nil {
		t.Fatal(err)
	}
	sc := d.scene()
	legend := sizeLegend(sc)
	var perUnit []float64
	floor := 0.0
	for _, l := range legend {
		if strings.HasSuffix(l.label, "drawn at this size") {
			floor = l.r
			continue
		}
		v, err := strconv.ParseFloat(strings.ReplaceAll(strings.TrimPrefix(l.label, "rank "), ",", ""), 64)
		if err != nil {
			t.Fatalf("%s: legend value %q: %v", name, l.label, err)
		}
		mant := v / math.Pow(10, math.Floor(math.Log10(v)))
		if math.Abs(mant-1) > 1e-9 && math.Abs(mant-2) > 1e-9 && math.Abs(mant-5) > 1e-9 {
			t.Errorf("%s: legend value %q is not round", name, l.label)
		}
		if strings.HasPrefix(l.label, "rank ") {
			v = float64(len(d.s.Nodes)) - v + 1
		}
		perUnit = append(perUnit, l.r*l.r/v)
	}
	if len(perUnit) < 2 {
		t.Fatalf("%s: legend has %d sizes: %+v", name, len(perUnit), legend)
	}
	k := perUnit[0]
	for _, u := range perUnit[1:] {
		if math.Abs(u/k-1) > 0.005 {
			t.Errorf("%s: legend circles on different scales: %v", name, perUnit)
		}
	}
	circles := nodeCircles(sc)
	checked := 0
	for i, c := range circles {
		v := value(d.s.Nodes[i])
		if floor > 0 && math.Abs(c.r-floor) < 1e-9 {
			if c.r*c.r/k < v*(1-1e-9) {
				t.Errorf("%s: %q drawn at the floor but its value %v needs more", name, c.title, v)
			}
			continue
		}
		checked++
		if got := c.r * c.r / v; math.Abs(got/k-1) > 0.005 {
			t.Errorf("%s: %q has area %.4g per unit, the legend %.4g", name, strings.SplitN(c.title, "\n", 2)[0], got, k)
		}
	}
	if checked < len(circles)/10 {
		t.Errorf("%s: only %d of %d nodes above the floor", name, checked, len(circles))
	}
}

// TestHonestSizes: node areas follow the measure, and the legend's circles
// are drawn at the nodes' scale, in a timeline, a force drawing, and by
// rank.
func TestHonestSizes(t *testing.T) {
	pagerank := func(n *graph.Node) float64 { return n.Scores["pagerank"] }
	sample := exporttest.RealSample(t)
	checkHonestSizes(t, "sample", sample, Options{}, pagerank)
	checkHonestSizes(t, "sample, times cited", sample, Options{SizeBy: "citations"}, func(n *graph.Node) float64 { return float64(n.TimesCited) })
	syn := exporttest.Synthetic(600, 1400)
	checkHonestSizes(t, "synthetic", syn, Options{}, pagerank)
	// By rank: area grows by one step per rank from the bottom.
	d, err := layOut(syn, Options{SizeScale: ScaleRank})
	if err != nil {
		t.Fatal(err)
	}
	rankOf := func(n *graph.Node) float64 {
		return float64(len(syn.NodeList)) - float64(d.sizer.ranks[d.s.Index[n.ID]]) + 1
	}
	checkHonestSizes(t, "synthetic by rank", syn, Options{SizeScale: ScaleRank}, rankOf)
	if exporttest.HasShared(exporttest.ScotusDir) {
		around, err := exporttest.Scotus(t).Filter(context.Background(), graph.Filter{Around: "424 U.S. 409"})
		if err != nil {
			t.Fatal(err)
		}
		checkHonestSizes(t, "scotus around Imbler", around, Options{}, pagerank)
	}
}

func TestRoundDown(t *testing.T) {
	for v, want := range map[float64]float64{31: 20, 0.157: 0.1, 6.48e-05: 5e-05, 1: 1, 0.3: 0.2, 7750: 5000, 2: 2} {
		if got := roundDown(v); math.Abs(got-want) > want*1e-12 {
			t.Errorf("roundDown(%v) = %v, want %v", v, got, want)
		}
	}
	for v, want := range map[float64]string{5e-05: "0.00005", 0.1: "0.1", 20: "20", 0.000123456: "0.000123", 1234.6: "1235"} {
		if got := FormatValue(v); got != want {
			t.Errorf("FormatValue(%v) = %q, want %q", v, got, want)
		}
	}
}
