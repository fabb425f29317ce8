package draw

// Placement is a graph laid out as the pictures lay it out, for renderers
// of their own (the interactive viewer): each node's place, radius and
// colour, in pixels with y growing downwards, by node index in Graph.
type Placement struct {
	Layout string // LayoutTimeline or LayoutForce
	Graph  *Snapshot
	X, Y   []float64
	Radius []float64
	Color  []RGB
	// Labelled marks the nodes a picture labels (the top by the size
	// measure).
	Labelled []bool
	// Courts is the colour legend, most frequent court first, then the
	// rest as one entry with Court "".
	Courts []CourtKey
	// Rows are the labels of a timeline's year axis from the top, each at
	// the height of its year; nil for a force layout.
	Rows []Row
	// Sizer sized the nodes by Options.SizeBy.
	Sizer *Sizer
}

// Row is a label of a timeline's year axis: a year ("1976"), a run of
// years drawn too close to label apart ("1991–1993"), or "year unknown",
// and its height in pixels.
type Row struct {
	Label string
	Y     float64
}

// Place lays g out (see Options) without drawing it. It fails as the
// picture writers do: on an empty graph or an unknown layout or scale.
func Place(g Source, opts Options) (*Placement, error) {
	d, err := layOut(g, opts)
	if err != nil {
		return nil, err
	}
	n := len(d.s.Nodes)
	p := &Placement{Layout: d.layout, Graph: d.s, Courts: d.legend, Sizer: d.sizer,
		X: make([]float64, n), Y: make([]float64, n), Radius: make([]float64, n), Color: make([]RGB, n), Labelled: make([]bool, n)}
	for i, lk := range d.looks {
		p.X[i], p.Y[i] = d.pos[i].x, d.pos[i].y
		p.Radius[i], p.Color[i], p.Labelled[i] = lk.r, lk.color, lk.label
	}
	for _, t := range d.ticks {
		p.Rows = append(p.Rows, Row{Label: t.label, Y: t.y})
	}
	return p, nil
}

// SizerFor sizes the nodes by another measure on the scale and at the
// radii this placement's nodes were sized with, so that a viewer can
// switch measures without moving anything.
func (p *Placement) SizerFor(measure string) *Sizer {
	s := p.Sizer
	return NewSizer(p.Graph.Nodes, measure, s.Scale, s.RMax, s.RFloor)
}
