package draw

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/graph"
)

// Options tunes pictures. Nodes are sized by SizeBy and coloured by
// court, edges are as wide as their weight, and a legend explains all
// three. The zero value gives the defaults.
type Options struct {
	// SizeBy is the measure that sizes nodes: a key of Node.Scores, or
	// "indegree" / "citations". Empty picks "pagerank" when the graph has
	// it and "citations" otherwise.
	SizeBy string
	// SizeScale is how the measure becomes a node's size: ScaleArea (or
	// "") for area proportional to the value, ScaleRank for area
	// proportional to the rank from the bottom.
	SizeScale string
	// Layout is "timeline" (one row per year, oldest at the top, each
	// citation pointing up to the older case it cites), "force"
	// (force-directed), or "" to pick the timeline for graphs of up to
	// TimelineMax nodes and force otherwise.
	Layout string
	// Labels is how many nodes are labelled, highest by the size measure
	// first: 0 means all of a timeline of up to 60 nodes and otherwise
	// the top 30; negative means none.
	Labels int
	// Title is set above the picture.
	Title string
	// Focus is the id of the case the picture is about (the case of
	// --around): it is always labelled, and ringed. Empty, or an id the
	// graph lacks, means none.
	Focus string
	// Scale is the PNG's pixels per SVG pixel; 0 means 2, sharp in print
	// and on high-density screens.
	Scale float64
}

// Layout names.
const (
	LayoutTimeline = "timeline"
	LayoutForce    = "force"
)

// TimelineMax is the largest graph the automatic layout draws as a
// timeline; past it rows get too crowded to read.
const TimelineMax = 80

func (r Options) scale() float64 {
	if r.Scale > 0 {
		return r.Scale
	}
	return 2
}

func (r Options) labelCount(n int, layout string) int {
	switch {
	case r.Labels < 0:
		return 0
	case r.Labels > 0:
		return min(r.Labels, n)
	case layout == LayoutTimeline && n <= 60:
		return n
	}
	return min(30, n)
}

// Typography and ink, in SVG pixels.
const (
	nameSize  = 12.0
	citeSize  = 10.5
	axisSize  = 11.0
	titleSize = 17.0
)

var (
	legendFill   = RGB{0xbb, 0xbb, 0xbb}
	legendStroke = RGB{0x77, 0x77, 0x77}
	textColor    = RGB{0x22, 0x22, 0x22}
	mutedColor   = RGB{0x5a, 0x5a, 0x5a}
	edgeColor    = RGB{0x4a, 0x4a, 0x4a}
	gridColor    = RGB{0xec, 0xec, 0xec}
	axisColor    = RGB{0x99, 0x99, 0x99}
)

// nodeLook is what draw needs of each node beyond the graph data.
type nodeLook struct {
	r            float64
	label        bool
	line1, line2 string
	w1, w2       float64
	color        RGB
	measureValue float64
	labelLeft    bool // label set to the left of the node, not the right
}

// drawing collects the pieces shared by both layouts.
type drawing struct {
	s      *Snapshot
	opts   Options
	layout string
	ticks  []tick    // of a timeline's year axis
	apart  bool      // a timeline's labels go in a column, not beside their nodes
	column *column   // that column, once stacked
	years  timeScale // of a timeline, when linear
	fonts  fontCache
	looks  []nodeLook
	pos    []point
	legend []CourtKey
	m      string
	sizer  *Sizer
	rMax   float64
	focus  int // index of Options.Focus, or -1
}

// draw lays g out and turns it into a scene.
func draw(g Source, opts Options) (*scene, error) {
	d, err := layOut(g, opts)
	if err != nil {
		return nil, err
	}
	return d.scene(), nil
}

// layOut sizes, labels and places every node.
func layOut(g Source, opts Options) (*drawing, error) {
	if _, err := parsedFonts(); err != nil {
		return nil, fmt.Errorf("embedded font: %w", err)
	}
	s, err := Collect(g)
	if err != nil {
		return nil, err
	}
	if len(s.Nodes) == 0 {
		return nil, errors.New("the graph is empty: nothing to draw")
	}
	layout := opts.Layout
	switch layout {
	case "":
		layout = LayoutForce
		if len(s.Nodes) <= TimelineMax && hasYears(s.Nodes) {
			layout = LayoutTimeline
		}
	case LayoutTimeline, LayoutForce:
	default:
		return nil, fmt.Errorf("unknown layout %q (known: %s, %s)", layout, LayoutTimeline, LayoutForce)
	}
	d := &drawing{s: s, opts: opts, fonts: fontCache{}, layout: layout}
	d.m = SizeMeasure(s.Nodes, opts.SizeBy)
	colors, legend := CourtColors(s.Nodes)
	d.legend = legend
	switch opts.SizeScale {
	case "", ScaleArea, ScaleRank:
	default:
		return nil, fmt.Errorf("unknown size scale %q (known: %s, %s)", opts.SizeScale, ScaleArea, ScaleRank)
	}
	d.rMax, d.sizer = sizeFor(s.Nodes, d.m, opts.SizeScale, layout)
	d.looks = make([]nodeLook, len(s.Nodes))
	for i, n := range s.Nodes {
		d.looks[i] = nodeLook{
			r:            d.sizer.Radius(i),
			color:        ColorOf(colors, n.Court),
			measureValue: d.sizer.Value(i),
		}
	}
	labelled := d.topNodes(opts.labelCount(len(s.Nodes), layout))
	d.focus = -1
	if f, ok := s.Index[opts.Focus]; ok && opts.Focus != "" {
		d.focus = f
		if !slices.Contains(labelled, f) {
			labelled = append(labelled, f)
		}
	}
	for _, i := range labelled {
		lk := &d.looks[i]
		n := s.Nodes[i]
		lk.label = true
		lk.line1 = truncate(Label(n), maxDrawn)
		lk.line2 = CiteLine(n, lk.line1)
		lk.w1 = d.fonts.width(lk.line1, nameSize, true)
		lk.w2 = d.fonts.width(lk.line2, citeSize, false)
	}
	if layout == LayoutTimeline {
		d.ticks = d.timeline()
	} else {
		d.force()
	}
	return d, nil
}

// sizeFor is the sizer of a layout: large nodes in a small timeline,
// smaller ones the more nodes the drawing has, since big graphs need
// small dots to show structure at all, and a timeline of fifty cases
// crowds some years.
func sizeFor(nodes []*graph.Node, m, scale, layout string) (rMax float64, s *Sizer) {
	rMax, floor := math.Max(16, math.Min(22, 22-0.2*float64(len(nodes)-20))), 3.0
	if layout == LayoutForce {
		rMax = math.Max(8, 22-2*math.Log2(float64(len(nodes))/50+1))
		floor = 1.5
	}
	return rMax, NewSizer(nodes, m, scale, rMax, floor)
}

// scene draws the laid-out graph: edges under nodes under labels, then
// the legend and the title.
func (d *drawing) scene() *scene {
	sc := &scene{}
	if d.layout == LayoutTimeline {
		d.drawAxis(sc, d.ticks)
		d.drawEdges(sc, true, 0.55, 0.8)
		if d.apart {
			// Under the nodes: a leader that must pass another case's
			// node is seen to go behind it, on to the node it ends at.
			d.drawLeaders(sc)
		}
		d.drawNodes(sc)
		if d.apart {
			d.drawColumn(sc)
		} else {
			d.drawLabelsBeside(sc)
		}
	} else {
		d.drawEdges(sc, false, 0.22, 0.45)
		d.drawNodes(sc)
		d.drawLabelsPlaced(sc)
	}
	d.drawLegend(sc)
	if t := strings.TrimSpace(d.opts.Title); t != "" {
		lo, _ := bounds(sc)
		sc.shapes = append(sc.shapes, d.text(point{lo.x, lo.y - 18}, t, titleSize, true, textColor, anchorStart, false))
	}
	sc.fit(24)
	return sc
}

func hasYears(nodes []*graph.Node) bool {
	known := 0
	for _, n := range nodes {
		if n.Year != 0 {
			known++
		}
	}
	return known*2 >= len(nodes)
}

// topNodes is the k nodes highest by the size measure, ties by id.
func (d *drawing) topNodes(k int) []int {
	idx := make([]int, len(d.s.Nodes))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		return cmp.Compare(d.looks[b].measureValue, d.looks[a].measureValue)
	})
	return idx[:k]
}

func (d *drawing) text(p point, s string, size float64, bold bool, c RGB, a anchor, halo bool) text {
	return text{p: p, s: s, size: size, bold: bold, color: c, anchor: a, halo: halo, w: d.fonts.width(s, size, bold)}
}

// labelBox is the area a node and its label (set beside it, on the side
// its look says, unless labels are set apart) cover.
func (d *drawing) labelBox(i int, p point) box {
	lk := d.looks[i]
	left, right := p.x-lk.r, p.x+lk.r
	h := lk.r
	if lk.label && !d.apart {
		w := 5 + math.Max(lk.w1, lk.w2)
		if lk.labelLeft {
			left -= w
		} else {
			right += w
		}
		h = math.Max(h, labelHalfHeight(lk.line2 != ""))
	}
	return box{point{left, p.y - h}, point{right, p.y + h}}
}

func (d *drawing) drawNodes(sc *scene) {
	for i, n := range d.s.Nodes {
		lk := d.looks[i]
		c := circle{
			c: d.pos[i], r: lk.r, fill: solid(lk.color), stroke: solid(lk.color.Shade(0.35)), sw: 1,
			title: strings.Join(NodeTooltip(n), "\n"),
		}
		if i == d.focus {
			// The case the picture is about, ringed in the text colour.
			c.stroke, c.sw = solid(textColor), 3
		}
		sc.shapes = append(sc.shapes, c)
	}
}

// drawLabelsBeside sets each label beside its node, on the side the
// timeline layout chose and reserved room on.
func (d *drawing) drawLabelsBeside(sc *scene) {
	for i := range d.s.Nodes {
		lk := d.looks[i]
		switch {
		case !lk.label:
		case lk.labelLeft:
			d.labelAt(sc, i, point{d.pos[i].x - lk.r - 5, d.pos[i].y}, anchorEnd)
		default:
			d.labelAt(sc, i, point{d.pos[i].x + lk.r + 5, d.pos[i].y}, anchorStart)
		}
	}
}

// labelHalfHeight is how far a label set beside its node reaches above
// and below the node's centre: the name (and the citation under it) with
// their ascenders and descenders.
func labelHalfHeight(citeLine bool) float64 {
	if citeLine {
		return 15
	}
	return 8
}

// labelAt draws a node's two label lines with their left, centre or right
// at p, the name above the middle and the citation below.
func (d *drawing) labelAt(sc *scene, i int, p point, a anchor) {
	lk := d.looks[i]
	if lk.line2 == "" {
		sc.shapes = append(sc.shapes, d.text(point{p.x, p.y + 4}, lk.line1, nameSize, true, textColor, a, true))
		return
	}
	sc.shapes = append(sc.shapes,
		d.text(point{p.x, p.y - 1.5}, lk.line1, nameSize, true, textColor, a, true),
		d.text(point{p.x, p.y + 11}, lk.line2, citeSize, false, mutedColor, a, true))
}

// drawEdges draws each citation as an arrow from the citing node's rim to
// the cited node's, as wide as its weight. In a timeline an arrow leaves
// its node straight up and enters the cited one straight from below, so
// arrows never cross the labels beside the nodes; within a row it arcs
// over. In a force drawing it is gently bent, every edge the same way
// relative to its direction, so that edges do not hide each other.
func (d *drawing) drawEdges(sc *scene, timeline bool, alpha, widthScale float64) {
	stroke := paint{edgeColor, alpha}
	head := paint{edgeColor, math.Min(1, alpha+0.2)}
	for _, e := range d.s.Edges {
		i, j := d.s.Index[e.From], d.s.Index[e.To]
		a, b := d.pos[i], d.pos[j]
		ri, rj := d.looks[i].r, d.looks[j].r
		if i == j || a.sub(b).len() < ri+rj+4 {
			continue // a self-citation or touching nodes: no room for an arrow
		}
		width := EdgeWidth(e.Weight) * widthScale
		headLen := 5 + 1.5*width
		var c curve
		var tip, dir point
		switch {
		case timeline && a.y != b.y:
			up := math.Copysign(1, a.y-b.y) // -1 for a citation of a later case
			tip = point{b.x, b.y + up*(rj+1.5)}
			dir = point{0, -up}
			from := point{a.x, a.y - up*ri}
			to := tip.sub(dir.scale(headLen - 0.5))
			c = riser(from, to)
		case timeline:
			// Same row: arc over the labels' line, down into the cited node.
			h := 28 + math.Abs(a.x-b.x)*0.15
			tip = point{b.x, b.y - rj - 1.5}
			dir = point{0, 1}
			from := point{a.x, a.y - ri}
			to := point{tip.x, tip.y - headLen + 0.5}
			c = curve{from: from, c1: point{from.x, from.y - h}, c2: point{to.x, to.y - h}, to: to}
		default:
			ctrl := lerp(a, b, 0.5).add(b.sub(a).perp().scale(0.12))
			from := a.add(ctrl.sub(a).unit().scale(ri))
			dir = b.sub(ctrl).unit()
			tip = b.sub(dir.scale(rj + 1.5))
			to := tip.sub(dir.scale(headLen - 0.5))
			c = curve{from: from, c1: lerp(from, ctrl, 2.0/3), c2: lerp(to, ctrl, 2.0/3), to: to}
		}
		c.width, c.stroke = width, stroke
		c.title = strings.Join(EdgeTooltip(d.s.Nodes[i], d.s.Nodes[j], e), "\n")
		base := tip.sub(dir.scale(headLen))
		half := 2.4 + 0.8*width
		sc.shapes = append(sc.shapes, c,
			polygon{pts: []point{tip, base.add(dir.perp().scale(half)), base.sub(dir.perp().scale(half))}, fill: head})
	}
}

// riser is a timeline edge: nearly straight, so that edges fanning out of
// one node do not cross, but leaving and entering vertically.
func riser(from, to point) curve {
	h := (from.y - to.y) * 0.2
	return curve{from: from, c1: point{from.x, from.y - h}, c2: point{to.x, to.y + h}, to: to}
}

// at is the point of c at parameter t.
func (c curve) at(t float64) point {
	u := 1 - t
	return c.from.scale(u * u * u).add(c.c1.scale(3 * u * u * t)).add(c.c2.scale(3 * u * t * t)).add(c.to.scale(t * t * t))
}

// key draws the legend, what size, colour and edge width mean, in a
// frame whose top left corner is at the origin, and gives its size. Its
// three sections go one under the other, or side by side when wide.
func (d *drawing) key(wide bool) (items []shape, size point) {
	x, y := 14.0, 14.0
	bottom := y
	add := func(sh ...shape) { items = append(items, sh...) }
	heading := func(s string) {
		add(d.text(point{x, y + 12}, s, nameSize, true, textColor, anchorStart, false))
		y += 24
	}
	// next starts a section: below the last one, or right of all so far.
	next := func(gap float64) {
		bottom = math.Max(bottom, y)
		if !wide {
			y += gap
			return
		}
		_, right := extent(items)
		x, y = right.x+28, 14
	}

	heading("Node size: " + MeasureTitle(d.m))
	for _, l := range d.sizer.Legend() {
		add(circle{c: point{x + d.rMax, y + l.R}, r: l.R, fill: solid(legendFill), stroke: solid(legendStroke), sw: 1})
		add(d.text(point{x + 2*d.rMax + 10, y + l.R + 4}, l.Label, citeSize, false, mutedColor, anchorStart, false))
		y += 2*l.R + 6
	}
	if what := d.sizer.FloorNote(); what != "" {
		r := d.sizer.RFloor
		add(circle{c: point{x + d.rMax, y + r}, r: r, fill: solid(legendFill), stroke: solid(legendStroke), sw: 1})
		add(d.text(point{x + 2*d.rMax + 10, y + r + 4}, what+": drawn at this size", citeSize, false, mutedColor, anchorStart, false))
		y += 2*r + 6
	}
	if d.sizer.Scale == ScaleRank {
		add(d.text(point{x, y + 8}, "area by rank, from the bottom", citeSize, false, mutedColor, anchorStart, false))
	} else {
		add(d.text(point{x, y + 8}, "area proportional to the value", citeSize, false, mutedColor, anchorStart, false))
	}
	y += 18
	next(12)

	heading("Colour: court")
	for _, k := range d.legend {
		name := CourtLabel(k.Court)
		if name == "" {
			name = "other / unknown"
		}
		add(circle{c: point{x + 7, y + 6}, r: 6, fill: solid(k.Color), stroke: solid(k.Color.Shade(0.35)), sw: 1})
		add(d.text(point{x + 20, y + 10}, name+" ("+strconv.Itoa(k.N)+")", citeSize, false, textColor, anchorStart, false))
		y += 18
	}
	next(12)

	heading("Arrow: citing → cited case")
	add(d.text(point{x, y + 8}, "width: number of citations", citeSize, false, mutedColor, anchorStart, false))
	y += 22
	for _, w := range []int{1, 5, 30} {
		width := EdgeWidth(w) * 0.8
		add(line(point{x, y + 4}, point{x + 40, y + 4}, width, paint{edgeColor, 0.75}))
		add(d.text(point{x + 50, y + 8}, strconv.Itoa(w), citeSize, false, mutedColor, anchorStart, false))
		y += 20
	}

	_, right := extent(items)
	size = point{right.x + 14, math.Max(bottom, y)}
	frame := rect{hi: size, rx: 6, fill: solid(RGB{0xfa, 0xfa, 0xfa}), stroke: solid(RGB{0xdd, 0xdd, 0xdd}), sw: 1}
	return append([]shape{frame}, items...), size
}

// keySizes is the legend's size with its sections one under the other
// and side by side. Side by side is offered only below a label column,
// whose height is set by its lines, not fitted to the page: a
// timeline labelled beside its nodes takes its time scale to suit the
// tall legend.
func (d *drawing) keySizes() (tall, wide point) {
	_, tall = d.key(false)
	if !d.apart {
		return tall, tall
	}
	_, wide = d.key(true)
	return tall, wide
}

// legendGap is the room between the drawing and its legend, in pixels.
const legendGap = 36.0

// drawLegend sets the legend where it makes the picture print largest on
// a page (see legendSpot).
func (d *drawing) drawLegend(sc *scene) {
	lo, hi := bounds(sc)
	tall, wide := d.keySizes()
	below, sideBySide, _ := legendSpot(hi.sub(lo), tall, wide)
	items, _ := d.key(sideBySide)
	at := point{hi.x + legendGap, lo.y}
	if below {
		at = point{lo.x, hi.y + legendGap}
	}
	for _, sh := range items {
		sc.shapes = append(sc.shapes, translate(sh, at))
	}
}

// legendSpot is where a legend goes beside a drawing of the given size,
// given the legend's size with its sections one under the other (tall)
// and side by side (wide): to the right of the drawing (tall), or below
// it (either), whichever prints the picture larger on a page (see
// printScale). It gives the size of drawing and legend together.
func legendSpot(drawing, tall, wide point) (below, sideBySide bool, total point) {
	type spot struct {
		below, wide bool
		total       point
	}
	spots := []spot{
		{false, false, point{drawing.x + legendGap + tall.x, math.Max(drawing.y, tall.y)}},
		{true, false, point{math.Max(drawing.x, tall.x), drawing.y + legendGap + tall.y}},
		{true, true, point{math.Max(drawing.x, wide.x), drawing.y + legendGap + wide.y}},
	}
	best := spots[0]
	for _, s := range spots[1:] {
		if printScale(s.total.x, s.total.y) > printScale(best.total.x, best.total.y) {
			best = s
		}
	}
	return best.below, best.wide, best.total
}

// The page a picture is made to be printed on: the text block of US
// Letter with 1 in margins, 6.5 × 9 in, in points.
const (
	pageWidth  = 468.0
	pageHeight = 648.0
)

// printScale is the points per pixel of a picture of w × h pixels printed
// as large as the page allows: at the text width, or at the page's
// height when that binds. A name of nameSize pixels prints at nameSize ×
// printScale points.
func printScale(w, h float64) float64 { return math.Min(pageWidth/w, pageHeight/h) }

// bounds is the extent of everything drawn so far.
func bounds(sc *scene) (point, point) { return extent(sc.shapes) }

var measureTitles = map[string]string{
	"pagerank":    "PageRank",
	"authority":   "authority (HITS)",
	"hub":         "hub (HITS)",
	"indegree":    "citing cases",
	"citations":   "times cited",
	"betweenness": "betweenness",
}

// MeasureTitle names a measure for people: "PageRank", "times cited".
func MeasureTitle(m string) string {
	if t, ok := measureTitles[m]; ok {
		return t
	}
	return m
}

// drawLabelsPlaced labels the top nodes of a force drawing, the focus
// first and then by the size measure. A label goes beside its node (right,
// left, below, above) or, failing that, a little further off with a
// leader line, in the first spot that covers no node and no other label;
// a label with no such spot is left out, except the focus's, which looks
// further afield and, in a drawing too dense for any free spot, takes the
// one covering the fewest nodes.
func (d *drawing) drawLabelsPlaced(sc *scene) {
	var taken []box
	// Nodes on a coarse grid, so that counting the nodes under a spot does
	// not visit them all.
	g := newGrid(64)
	g.fill(d.pos)
	covered := func(b box) int {
		n := 0
		lo, hi := g.key(b.lo), g.key(b.hi)
		for cx := lo[0] - 1; cx <= hi[0]+1; cx++ {
			for cy := lo[1] - 1; cy <= hi[1]+1; cy++ {
				for _, j := range g.cells[[2]int{cx, cy}] {
					if b.overlaps(circleBox(d.pos[j], d.looks[j].r)) {
						n++
					}
				}
			}
		}
		return n
	}
	order := d.topNodes(len(d.s.Nodes))
	if d.focus >= 0 {
		order = append([]int{d.focus}, slices.DeleteFunc(order, func(i int) bool { return i == d.focus })...)
	}
	for _, i := range order {
		lk := d.looks[i]
		if !lk.label {
			continue
		}
		rings := 6
		if i == d.focus {
			rings = 12
		}
		best, bestN := spot{}, -1
		for _, s := range d.labelSpots(i, rings) {
			if slices.ContainsFunc(taken, s.b.overlaps) {
				continue
			}
			n := covered(s.b)
			if n == 0 {
				best, bestN = s, 0
				break
			}
			if i == d.focus && (bestN < 0 || n < bestN) {
				best, bestN = s, n
			}
		}
		if bestN < 0 {
			continue
		}
		taken = append(taken, best.b.grow(2))
		if best.leader {
			sc.shapes = append(sc.shapes, line(d.pos[i].add(best.at.sub(d.pos[i]).unit().scale(lk.r)), best.near, 0.8, solid(mutedColor)))
		}
		d.labelAt(sc, i, best.at, best.a)
	}
}

// spot is a place for a node's label: the text's anchor point and
// alignment, the box the two lines cover, and for a label set off from
// its node, the point of the box nearest the node, where a leader line
// ends.
type spot struct {
	at     point
	a      anchor
	b      box
	leader bool
	near   point
}

// labelSpots lists where node i's label may go, nearest first: beside
// the node on each side, then in rings further off in eight directions.
func (d *drawing) labelSpots(i, rings int) []spot {
	lk := d.looks[i]
	p, r := d.pos[i], lk.r
	w := math.Max(lk.w1, lk.w2)
	h := 26.0 // the name's line from 12 above the anchor, the citation's to 14 below
	if lk.line2 == "" {
		h = 14
	}
	// at makes the spot whose box has its left, centre or right edge (by
	// the anchor) at x and its top at top.
	at := func(x, top float64, a anchor) spot {
		lo := x
		switch a {
		case anchorMiddle:
			lo -= w / 2
		case anchorEnd:
			lo -= w
		}
		b := box{point{lo, top}, point{lo + w, top + h}}
		return spot{at: point{x, top + 12}, a: a, b: b}
	}
	spots := []spot{
		at(p.x+r+4, p.y-12, anchorStart),
		at(p.x-r-4, p.y-12, anchorEnd),
		at(p.x, p.y+r+2, anchorMiddle),
		at(p.x, p.y-r-2-h, anchorMiddle),
	}
	for k := 1; k <= rings; k++ {
		off := float64(k) * 18
		for _, s := range []spot{
			at(p.x+r+4+off, p.y-12, anchorStart),
			at(p.x-r-4-off, p.y-12, anchorEnd),
			at(p.x, p.y+r+2+off, anchorMiddle),
			at(p.x, p.y-r-2-h-off, anchorMiddle),
			at(p.x+r+off*0.7, p.y+r+off*0.7, anchorStart),
			at(p.x-r-off*0.7, p.y+r+off*0.7, anchorEnd),
			at(p.x+r+off*0.7, p.y-r-h-off*0.7, anchorStart),
			at(p.x-r-off*0.7, p.y-r-h-off*0.7, anchorEnd),
		} {
			s.leader = true
			s.near = point{math.Max(s.b.lo.x, math.Min(p.x, s.b.hi.x)), math.Max(s.b.lo.y, math.Min(p.y, s.b.hi.y))}
			spots = append(spots, s)
		}
	}
	return spots
}

func circleBox(c point, r float64) box {
	return box{point{c.x - r, c.y - r}, point{c.x + r, c.y + r}}
}
