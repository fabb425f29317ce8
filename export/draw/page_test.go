package draw

import (
	"context"
	"testing"

	"github.com/citegraph/citegraph/export/internal/exporttest"
	"github.com/citegraph/citegraph/graph"
)

// checkPage measures a timeline of top cases as printed on a page (see
// printScale): every case labelled by its name, labels off nodes and
// each other (checkLabels), and the size names print at. It returns that
// size in points.
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
	pt := nameSize * printScale(sc.width, sc.height)
	t.Logf("%s: %.0f × %.0f px, %d of %d cases labelled; names print at %.1f pt at Letter's text width (6.5 × 9 in)",
		name, sc.width, sc.height, names, len(s.Nodes), pt)
	return pt
}

// TestTimelineFitsAPage: a 50-case timeline is sized for a page, not
// drawn on a fixed tall canvas: a synthetic graph of 50 cases spread over
// 225 years, and the Supreme Court top 50 when the shared set is present.
// Names print at no less than 3.5 pt on Letter (the pictures were at 3.2
// before the time scale was fitted to the page); 7 pt, the aim, is not
// reached with labels set beside their nodes (see the README, "Draw it").
func TestTimelineFitsAPage(t *testing.T) {
	graphs := map[string]Source{"synthetic 50 over 225 years": exporttest.Synthetic(50, 120)}
	if exporttest.HasShared(exporttest.ScotusDir) {
		top, err := exporttest.Scotus(t).Filter(context.Background(), graph.Filter{Top: 50, By: graph.PageRank})
		if err != nil {
			t.Fatal(err)
		}
		graphs["scotus top 50"] = top
	} else {
		t.Logf("shared Supreme Court set absent: measuring the synthetic graph only")
	}
	for name, g := range graphs {
		if pt := checkPage(t, name, g); pt < 3.5 {
			t.Errorf("%s: names print at %.1f pt on a page", name, pt)
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
