package viewer

import (
	"math"
	"slices"
	"strings"

	"github.com/citegraph/citegraph/export/draw"
	"github.com/citegraph/citegraph/graph"
)

// The page's data, as viewer.js reads it. Keys are short because the
// Supreme Court set has 15,000 nodes and 27,000 edges; coordinates and
// radii are in draw's pixels (y down), to a hundredth.
type page struct {
	Title    string    `json:"title"`
	Layout   string    `json:"layout"`
	WarnAt   int       `json:"warnAt"`
	SizeBy   string    `json:"sizeBy"`
	Focus    string    `json:"focus,omitempty"` // the case the page opens on`
	Measures []measure `json:"measures"`
	Courts   []court   `json:"courts"`
	Rows     []row     `json:"rows,omitempty"`
	Nodes    []node    `json:"nodes"`
	Edges    []edge    `json:"edges"`
}

// measure is one size measure the reader can switch to: each node's
// radius and the legend for it.
type measure struct {
	ID     string       `json:"id"`
	Title  string       `json:"title"`
	Scale  string       `json:"scale"`
	Radii  []float64    `json:"radii"`
	Legend []legendSize `json:"legend"`
	// Floor is the radius nodes too small to see are drawn at, and
	// FloorNote says which ("" when no node is).
	Floor     float64 `json:"floor"`
	FloorNote string  `json:"floorNote,omitempty"`
}

type legendSize struct {
	Label string  `json:"label"`
	R     float64 `json:"r"`
}

// court is a colour-legend entry; ID "" is every other court.
type court struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Color string `json:"color"`
	N     int    `json:"n"`
}

type row struct {
	Label string  `json:"label"`
	Y     float64 `json:"y"`
}

type node struct {
	ID        string             `json:"id"`
	Label     string             `json:"label"`
	Name      string             `json:"name,omitempty"`
	Citations []string           `json:"cites,omitempty"`
	Court     string             `json:"court,omitempty"`
	CourtName string             `json:"courtName,omitempty"`
	Group     int                `json:"group"` // index in courts
	Year      int                `json:"year,omitempty"`
	Kind      string             `json:"kind,omitempty"` // "" for a case
	InCorpus  bool               `json:"inCorpus,omitempty"`
	X         float64            `json:"x"`
	Y         float64            `json:"y"`
	Color     string             `json:"color"`
	Labelled  bool               `json:"labelled,omitempty"`
	Counts    [3]int             `json:"counts"` // citing cases, times cited, cases cited
	Scores    map[string]float64 `json:"scores,omitempty"`
}

type edge struct {
	Source         int       `json:"s"`
	Target         int       `json:"t"`
	Weight         int       `json:"w"`
	Width          float64   `json:"width"`
	Pins           []counted `json:"pins,omitempty"`
	Signals        []counted `json:"signals,omitempty"`
	Opinions       []counted `json:"opinions,omitempty"`
	Parentheticals []string  `json:"parentheticals,omitempty"`
	Pages          []string  `json:"pages,omitempty"`
}

type counted struct {
	V string `json:"v"`
	N int    `json:"n"`
}

func model(p *draw.Placement, opts draw.Options) page {
	s := p.Graph
	out := page{Title: strings.TrimSpace(opts.Title), Layout: p.Layout, WarnAt: WarnNodes, SizeBy: p.Sizer.Measure}
	if _, ok := s.Index[opts.Focus]; ok {
		out.Focus = opts.Focus
	}
	group := map[string]int{}
	for i, k := range p.Courts {
		label := draw.CourtLabel(k.Court)
		if k.Court == "" {
			label = "other / unknown"
		}
		out.Courts = append(out.Courts, court{ID: k.Court, Label: label, Color: k.Color.Hex(), N: k.N})
		group[k.Court] = i
	}
	for _, r := range p.Rows {
		out.Rows = append(out.Rows, row{Label: r.Label, Y: round2(r.Y)})
	}
	for _, m := range measuresOf(s.Nodes, p.Sizer.Measure) {
		out.Measures = append(out.Measures, measureModel(p, m))
	}
	for i, n := range s.Nodes {
		g, ok := group[n.Court]
		if !ok {
			g = group[""]
		}
		nd := node{
			ID: n.ID, Label: draw.Label(n), Name: n.Name, Citations: n.Citations, Court: n.Court,
			Group: g, Year: n.Year, InCorpus: n.InCorpus,
			X: round2(p.X[i]), Y: round2(p.Y[i]), Color: p.Color[i].Hex(), Labelled: p.Labelled[i],
			Counts: [3]int{n.CitingCases, n.TimesCited, n.Cites},
		}
		if n.Court != "" {
			nd.CourtName = draw.CourtLabel(n.Court)
		}
		if n.Kind != graph.Case {
			nd.Kind = n.Kind.String()
		}
		for k, v := range n.Scores {
			if !math.IsNaN(v) && !math.IsInf(v, 0) {
				if nd.Scores == nil {
					nd.Scores = map[string]float64{}
				}
				nd.Scores[k] = v
			}
		}
		out.Nodes = append(out.Nodes, nd)
	}
	for _, e := range s.Edges {
		out.Edges = append(out.Edges, edge{
			Source: s.Index[e.From], Target: s.Index[e.To], Weight: e.Weight, Width: draw.EdgeWidth(e.Weight),
			Pins: countsOf(e.Pins), Signals: countsOf(e.Signals), Opinions: countsOf(e.Opinions),
			Parentheticals: e.Parentheticals, Pages: e.Pages,
		})
	}
	return out
}

// measuresOf lists the measures the page offers: the one it opens with,
// then every score the nodes carry and the two counts the graph always
// has, in the order of graph.Measures (unknown measures after, by name).
func measuresOf(nodes []*graph.Node, first string) []string {
	have := map[string]bool{first: true, graph.InDegree: true, graph.Citations: true}
	for _, n := range nodes {
		for k := range n.Scores {
			have[k] = true
		}
	}
	out := []string{first}
	for _, m := range graph.Measures {
		if have[m] && m != first {
			out = append(out, m)
		}
	}
	var other []string
	for m := range have {
		if !slices.Contains(out, m) {
			other = append(other, m)
		}
	}
	slices.Sort(other)
	return append(out, other...)
}

func measureModel(p *draw.Placement, m string) measure {
	s := p.SizerFor(m)
	mm := measure{ID: m, Title: draw.MeasureTitle(m), Scale: s.Scale, Floor: round2(s.RFloor), FloorNote: s.FloorNote(), Radii: make([]float64, len(p.Graph.Nodes))}
	for i := range mm.Radii {
		mm.Radii[i] = round2(s.Radius(i))
	}
	for _, l := range s.Legend() {
		mm.Legend = append(mm.Legend, legendSize{Label: l.Label, R: round2(l.R)})
	}
	return mm
}

func countsOf(cs []graph.Count) []counted {
	var out []counted
	for _, c := range cs {
		out = append(out, counted{V: c.Value, N: c.N})
	}
	return out
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }
