package draw

import (
	"context"
	"math"
	"slices"
	"strconv"
	"testing"

	"github.com/citegraph/citegraph/export/internal/exporttest"
	"github.com/citegraph/citegraph/graph"
)

// checkPage measures a timeline of top cases as printed on a page (see
// printScale): every case labelled by its name, labels off nodes and
// each other (checkLabels), leader lines (checkLeaders) that cross
// neither each other, nor a label, nor another case's node, and the size
// names print at. It
// returns that size in points.
func checkPage(t *testing.T, name string, g Source) float64 {
	t.Helper()
	sc := checkLabels(t, name, g, Options{})
	s, err := Collect(g)
	if err != nil {
		t.Fatal(err)
	}
	names := 0
	for _, sh := range sc.shapes {
		if tx, ok := sh.(text); ok && tx.halo && tx.bold {
			names++
		}
	}
	if names != len(s.Nodes) {
		t.Errorf("%s: %d of %d cases labelled", name, names, len(s.Nodes))
	}
	leaders, behind := checkLeaders(t, name, sc)
	if behind > 0 {
		// A leader through another case's node reads as that case's.
		t.Errorf("%s: leader lines pass behind a node not their own (%d leader–node pairs)", name, behind)
	}
	pt := nameSize * printScale(sc.width, sc.height)
	t.Logf("%s: %.0f × %.0f px, %d of %d cases labelled, %d by leader lines (passing behind another node %d times); names print at %.1f pt at Letter's text width (6.5 × 9 in)",
		name, sc.width, sc.height, names, len(s.Nodes), leaders, behind, pt)
	return pt
}

// checkLeaders measures a scene's leader lines (the lines of
// leaderColor), straight or bowed, as the polylines they are drawn
// through: each starts at a node's rim, and none crosses another or
// passes through a label. It returns how many there are, and how many
// pass behind a node other than their own.
func checkLeaders(t *testing.T, name string, sc *scene) (n, behind int) {
	t.Helper()
	var leaders [][]point
	for _, sh := range sc.shapes {
		if c, ok := sh.(curve); ok && c.stroke.c == leaderColor {
			leaders = append(leaders, c.polyline(leaderSteps))
		}
	}
	circles := nodeCircles(sc)
	labels := nodeLabels(sc)
	for k, l := range leaders {
		own := -1
		for j, c := range circles {
			if math.Abs(l[0].sub(c.c).len()-c.r-1) < 0.01 {
				own = j
			}
		}
		if own < 0 {
			t.Errorf("%s: a leader line from %v starts at no node's rim", name, l[0])
		}
		for j, c := range circles {
			if j != own && slices.ContainsFunc(pieces(l), func(s [2]point) bool { return segmentDistance(c.c, s[0], s[1]) < c.r }) {
				behind++
			}
		}
		for _, m := range leaders[k+1:] {
			if polylinesCross(l, m) {
				t.Errorf("%s: leader lines to %v and %v cross", name, l[len(l)-1], m[len(m)-1])
			}
		}
		for _, b := range labels {
			if slices.ContainsFunc(pieces(l), func(s [2]point) bool { return segmentHitsBox(s[0], s[1], b) }) {
				t.Errorf("%s: the leader line to %v passes through a label at %v", name, l[len(l)-1], b)
			}
		}
	}
	return len(leaders), behind
}

// pieces is the segments of a polyline.
func pieces(pts []point) [][2]point {
	out := make([][2]point, 0, len(pts))
	for k := 1; k < len(pts); k++ {
		out = append(out, [2]point{pts[k-1], pts[k]})
	}
	return out
}

// segmentHitsBox reports whether the segment ab enters the box.
func segmentHitsBox(a, b point, bx box) bool {
	inside := func(p point) bool { return p.x > bx.lo.x && p.x < bx.hi.x && p.y > bx.lo.y && p.y < bx.hi.y }
	if inside(a) || inside(b) {
		return true
	}
	corners := []point{bx.lo, {bx.hi.x, bx.lo.y}, bx.hi, {bx.lo.x, bx.hi.y}}
	for k, c := range corners {
		if segmentsCross(a, b, c, corners[(k+1)%4]) {
			return true
		}
	}
	return false
}

// crowded is a hand-made graph of the Supreme Court top 50's shape: 50
// cases over 1809–1980, most in two crowded spells (1868–1879, 1914–1934)
// and several of one year side by side.
func crowded() exporttest.Graph {
	g := exporttest.Synthetic(50, 120)
	for k, n := range g.NodeList {
		switch {
		case k%5 == 0:
			n.Year = 1809 + k*171/50
		case k%5 < 3:
			n.Year = 1868 + k%12
		default:
			n.Year = 1914 + (k*7)%21
		}
	}
	return g
}

// TestTimelineFitsAPage: a 50-case timeline prints its names at 7 pt or
// more on the text block of US Letter, every case labelled, labels off
// nodes and each other, leader lines crossing nothing: the sample, two
// hand-made graphs (50 cases spread over 225 years, and 50 crowded into
// a few spells), and the Supreme Court top 20 and top 50 when the shared
// set is present (they printed at 5.1 and 3.2 pt with labels set beside
// their nodes).
func TestTimelineFitsAPage(t *testing.T) {
	graphs := map[string]Source{"sample": exporttest.Sample(), "synthetic 50 over 225 years": exporttest.Synthetic(50, 120), "synthetic 50, crowded": crowded()}
	if exporttest.HasShared(exporttest.ScotusDir) {
		for _, n := range []int{20, 50} {
			top, err := exporttest.Scotus(t).Filter(context.Background(), graph.Filter{Top: n, By: graph.PageRank})
			if err != nil {
				t.Fatal(err)
			}
			graphs["scotus top "+strconv.Itoa(n)] = top
		}
	} else {
		t.Logf("shared Supreme Court set absent (%s): measuring the hand-made graphs only", exporttest.ScotusDir)
	}
	for name, g := range graphs {
		if pt := checkPage(t, name, g); pt < 7 {
			t.Errorf("%s: names print at %.1f pt on a page, want 7 or more", name, pt)
		}
	}
}

// TestLegendWhereItFits: the legend goes beside a tall drawing and below
// a wide one, whichever prints the picture larger, its sections side by
// side when that prints it larger still.
func TestLegendWhereItFits(t *testing.T) {
	tall, wide := point{220, 330}, point{640, 130}
	if below, _, _ := legendSpot(point{600, 1500}, tall, wide); below {
		t.Error("legend below a tall drawing")
	}
	if below, _, _ := legendSpot(point{1500, 600}, tall, wide); !below {
		t.Error("legend beside a wide drawing")
	}
	// Below a drawing of about the page's shape, one section under
	// another would make the picture taller than the page.
	if below, sideBySide, _ := legendSpot(point{700, 900}, tall, wide); !below || !sideBySide {
		t.Error("legend not side by side below a drawing of the page's shape")
	}
}
