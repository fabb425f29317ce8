package draw

import (
	"cmp"
	"math"
	"slices"
)

// A timeline whose labels do not fit beside their nodes on a page sets
// them apart instead, in a column to the right of the plot, each on one
// line ("McCulloch v. Maryland  17 U.S. 316 (1819)") and joined to its
// node by a leader line. The plot can then be as narrow as its circles
// allow, and the size the names print at is set by the page, not by the
// crowding of a few years: fifty lines of a column fit Letter's text
// block at 7 pt, fifty two-line labels set side by side along crowded
// years do not.
const (
	// columnPitch is the height of a line of the column: a name of
	// nameSize (12.6 pixels from ascender to descender) and air.
	columnPitch = 16.0
	// columnGutter is the room between the plot's right edge and the
	// column, where the leader lines fan out.
	columnGutter = 40.0
	// columnGap separates a name from its citation on the line.
	columnGap = 6.0
	// leaderRoom is the least room the layout keeps between a leader line
	// and a node it does not belong to.
	leaderRoom = 3.0
	// tightRoom is the least room between a leader and a node it passes
	// where leaderRoom leaves the leader no way past: still clear of the
	// node's outline at print size.
	tightRoom = 1.5
)

// leaderColor is the ink of leader lines: lighter and bluer than the
// citations' arrows, so that the two are not mistaken for each other.
var leaderColor = RGB{0x8a, 0x9b, 0xb0}

// column is the label column of a timeline: its left edge, the labelled
// nodes from the top, and the middle of each one's line.
type column struct {
	x     float64
	nodes []int
	y     []float64
	paths []curve // each line's leader, once routed
}

// stack is where lines go in a column, given the heights their nodes
// are at, in order: each as near its node's height as it can be with the
// lines columnPitch apart. It is the least-squares fit under that
// constraint: subtracting k pitches from the k-th height turns "a pitch
// apart" into "in order", which pooling adjacent violators solves.
func stack(heights []float64) []float64 {
	type pool struct {
		sum float64
		n   int
	}
	var pools []pool
	for k, h := range heights {
		pools = append(pools, pool{h - float64(k)*columnPitch, 1})
		for len(pools) > 1 {
			a, b := pools[len(pools)-2], pools[len(pools)-1]
			if a.sum*float64(b.n) <= b.sum*float64(a.n) {
				break
			}
			pools = append(pools[:len(pools)-2], pool{a.sum + b.sum, a.n + b.n})
		}
	}
	out := make([]float64, 0, len(heights))
	for _, p := range pools {
		for range p.n {
			out = append(out, p.sum/float64(p.n)+float64(len(out))*columnPitch)
		}
	}
	return out
}

// stacked is the labelled nodes from the top at heights ys (ties by
// index), and the heights of their lines in the column (see stack).
func (d *drawing) stacked(ys []float64) (ids []int, at []float64) {
	for i, lk := range d.looks {
		if lk.label {
			ids = append(ids, i)
		}
	}
	slices.SortStableFunc(ids, func(a, b int) int { return cmp.Compare(ys[a], ys[b]) })
	heights := make([]float64, len(ids))
	for k, i := range ids {
		heights[k] = ys[i]
	}
	return ids, stack(heights)
}

// columnExtent is the width of the column (its widest line) and the
// height from its first line's top to its last line's bottom, for nodes
// at heights ys.
func (d *drawing) columnExtent(ys []float64) (w, top, bottom float64) {
	ids, at := d.stacked(ys)
	if len(ids) == 0 {
		return 0, 0, 0
	}
	for _, i := range ids {
		w = math.Max(w, d.lineWidth(i))
	}
	return w, at[0] - columnPitch/2, at[len(at)-1] + columnPitch/2
}

// lineWidth is the width of node i's line in the column.
func (d *drawing) lineWidth(i int) float64 {
	lk := d.looks[i]
	if lk.line2 == "" {
		return lk.w1
	}
	return lk.w1 + columnGap + lk.w2
}

// stackColumn sets the column's lines by their nodes' heights, before
// the nodes are placed along their rows, so that the repair of clashes
// (see repairClashes) can keep nodes off the leader lines.
func (d *drawing) stackColumn() {
	ys := make([]float64, len(d.pos))
	for i, p := range d.pos {
		ys[i] = p.y
	}
	ids, at := d.stacked(ys)
	d.column = &column{nodes: ids, y: at}
}

// plotWidth is the width a plot whose labels are in a column is drawn
// to, in pixels.
const plotWidth = 260.0

// narrow squeezes the plot toward the width w, keeping the order the
// forces found along each row: it scales the places across and sweeps
// the overlaps this makes back out, tighter each round, until the plot is
// narrow enough or its crowded rows will not pack tighter.
func (d *drawing) narrow(rows []row, w float64) {
	for f := 1.0; f > 0.2; f *= 0.85 {
		lo, hi := d.plotLeft(), d.plotRight()
		if hi-lo <= w {
			return
		}
		k, mid := f*w/(hi-lo), (lo+hi)/2
		for i := range d.pos {
			d.pos[i].x = mid + (d.pos[i].x-mid)*k
		}
		d.sweepRows(rows)
	}
}

// swapClear swaps node i's place across with that of a node at about
// its height, when that leaves the two in fewer clashes: of two cases of
// one year, only the one nearer the column has a clear level path to it.
// It reports whether it swapped.
func (d *drawing) swapClear(links []link, i int) bool {
	for j := range d.pos {
		if j == i || math.Abs(d.pos[j].y-d.pos[i].y) > d.looks[i].r+d.looks[j].r {
			continue
		}
		before := d.clashesOf(links, i) + d.clashesOf(links, j)
		d.pos[i].x, d.pos[j].x = d.pos[j].x, d.pos[i].x
		if d.clashesOf(links, i)+d.clashesOf(links, j) < before && !d.overlaps(i) && !d.overlaps(j) {
			return true
		}
		d.pos[i].x, d.pos[j].x = d.pos[j].x, d.pos[i].x
	}
	return false
}

// plotLeft and plotRight are the edges of the nodes as now placed.
func (d *drawing) plotLeft() float64 {
	left := math.Inf(1)
	for i, p := range d.pos {
		left = math.Min(left, p.x-d.looks[i].r)
	}
	return left
}

func (d *drawing) plotRight() float64 {
	right := math.Inf(-1)
	for i, p := range d.pos {
		right = math.Max(right, p.x+d.looks[i].r)
	}
	return right
}

// uncross sets the column right of the plot as laid out and swaps the
// lines of any two leaders that cross: a swap shortens the leaders'
// total length, so the swapping ends, with no two leaders crossing.
func (d *drawing) uncross() {
	c := d.column
	c.x = d.plotRight() + columnGutter
	for swapped := true; swapped; {
		swapped = false
		for a := range c.nodes {
			for b := a + 1; b < len(c.nodes); b++ {
				pa, pb := d.pos[c.nodes[a]], d.pos[c.nodes[b]]
				if segmentsCross(pa, c.port(a), pb, c.port(b)) {
					c.nodes[a], c.nodes[b] = c.nodes[b], c.nodes[a]
					swapped = true
				}
			}
		}
	}
}

// port is where the leader of the column's k-th line ends: just left of
// the line's start, at the middle of the name's lower-case letters.
func (c *column) port(k int) point { return point{c.x - 4, c.y[k]} }

// leader is the line from node i's rim toward its label's port.
func (d *drawing) leader(i int, port point) (from, to point) {
	p := d.pos[i]
	return p.add(port.sub(p).unit().scale(d.looks[i].r + 1)), port
}

// route gives each line of the column its leader (see routeLines), then
// trades the line of a leader that no route clears with a neighbour's,
// keeping a trade that leaves fewer such leaders and no two crossing: a
// leader cannot bow over a node of its own row whose label is below its
// own, nor under one whose label is above, without crossing that node's
// leader, so where three cases share a row the middle one's line can
// leave its leader no way round. What stays blocked is drawn straight,
// under the nodes.
func (d *drawing) route() {
	c := d.column
	blocked := d.routeLines()
	for improved := true; improved && len(blocked) > 0; {
		improved = false
	trades:
		for _, k := range blocked {
			for _, m := range []int{k - 1, k + 1, k - 2, k + 2} {
				if m < 0 || m >= len(c.nodes) {
					continue
				}
				c.nodes[k], c.nodes[m] = c.nodes[m], c.nodes[k]
				if b := d.routeLines(); len(b) < len(blocked) && !c.tangled() {
					blocked, improved = b, true
					break trades
				}
				c.nodes[k], c.nodes[m] = c.nodes[m], c.nodes[k]
			}
		}
	}
	d.routeLines()
}

// routeLines routes each line's leader: straight from its node's rim to
// the port where that passes no other node; otherwise bowed over or under
// a node in its way (the nearest first), as little as clears every node
// and crosses no other leader. It returns the lines whose leaders no bow
// clears, which stay straight.
func (d *drawing) routeLines() (blocked []int) {
	c := d.column
	c.paths = make([]curve, len(c.nodes))
	for k, i := range c.nodes {
		from, to := d.leader(i, c.port(k))
		c.paths[k] = line(from, to, 0.9, solid(leaderColor))
	}
	for k, i := range c.nodes {
		a, port := d.pos[i], c.port(k)
		in := d.inWay(i, c.paths[k], leaderRoom)
		if len(in) == 0 {
			continue
		}
		// Bow over or under each node in the way, nearest first, then
		// over or under all of them at once; toward the label's side
		// first.
		groups := make([][]int, 0, len(in)+1)
		for _, j := range in {
			groups = append(groups, []int{j})
		}
		if len(in) > 1 {
			groups = append(groups, in)
		}
		signs := []float64{-1, 1}
		if port.y > a.y {
			signs = []float64{1, -1}
		}
		cleared := false
		// A bow whose controls coincide first; then, where that cannot
		// clear the nodes without crossing a leader, an S whose second
		// control leads toward the port from above or below, to get past
		// a node beyond the first (a case of the next row whose leader
		// the bow would cross); last, an S in finer steps threading a
		// narrower gap, by tightRoom, between nodes and leaders of a
		// crowded spell.
	bow:
		for _, pass := range []struct {
			s          bool
			room, step float64
			steps      int
		}{{false, leaderRoom, 6, 10}, {true, leaderRoom, 6, 10}, {true, tightRoom, 2, 30}} {
			for _, g := range groups {
				for _, sign := range signs {
					for step := range pass.steps {
						ctrl := d.bowControl(a, port, g, sign, pass.room+2+pass.step*float64(step))
						from := a.add(ctrl.sub(a).unit().scale(d.looks[i].r + 1))
						for _, c2 := range sBends(ctrl, port, pass.s) {
							path := curve{from: from, c1: ctrl, c2: c2, to: port, width: 0.9, stroke: solid(leaderColor)}
							if len(d.inWay(i, path, pass.room)) == 0 && !c.crosses(k, path) {
								c.paths[k], cleared = path, true
								break bow
							}
						}
					}
				}
			}
		}
		if !cleared {
			blocked = append(blocked, k)
		}
	}
	return blocked
}

// sBends is the second controls tried for a leader from a bow's control
// ctrl to port: ctrl itself (a plain bow), or for an S, points between
// ctrl and port across, above and below the port's height.
func sBends(ctrl, port point, s bool) []point {
	if !s {
		return []point{ctrl}
	}
	var out []point
	for _, f := range []float64{0.5, 0.8} {
		for _, dy := range []float64{-40, -20, 0, 20, 40} {
			out = append(out, point{ctrl.x + (port.x-ctrl.x)*f, port.y + dy})
		}
	}
	return out
}

// tangled reports whether any two of the column's leaders cross.
func (c *column) tangled() bool {
	for k, p := range c.paths {
		if c.crosses(k, p) {
			return true
		}
	}
	return false
}

// bowControl is the control point (both controls) of a leader from a to
// port that bows over (sign -1) or under (sign 1) the nodes g, clearing
// them by room: a cubic whose controls coincide reaches three quarters
// of the way from its chord to them.
func (d *drawing) bowControl(a, port point, g []int, sign, room float64) point {
	x, edge := 0.0, d.pos[g[0]].y
	for _, j := range g {
		x += d.pos[j].x / float64(len(g))
		edge = sign * math.Max(sign*edge, sign*(d.pos[j].y+sign*d.looks[j].r))
	}
	chord := a.y + (port.y-a.y)*(x-a.x)/(port.x-a.x)
	return point{x, chord + (edge+sign*room-chord)/0.75}
}

// leaderSteps is how many straight pieces a leader is measured as.
const leaderSteps = 24

// polyline is n+1 points along c, from its start to its end.
func (c curve) polyline(n int) []point {
	pts := make([]point, n+1)
	for k := range pts {
		pts[k] = c.at(float64(k) / float64(n))
	}
	return pts
}

// inWay is the nodes other than i that path passes within room of,
// nearest i first.
func (d *drawing) inWay(i int, path curve, room float64) []int {
	pts := path.polyline(leaderSteps)
	var in []int
	for j, p := range d.pos {
		if j == i {
			continue
		}
		for s := 1; s < len(pts); s++ {
			if segmentDistance(p, pts[s-1], pts[s]) < d.looks[j].r+room {
				in = append(in, j)
				break
			}
		}
	}
	slices.SortStableFunc(in, func(a, b int) int {
		return cmp.Compare(d.pos[a].sub(d.pos[i]).len(), d.pos[b].sub(d.pos[i]).len())
	})
	return in
}

// crosses reports whether path, as the k-th line's leader, would cross
// another line's leader.
func (c *column) crosses(k int, path curve) bool {
	pts := path.polyline(leaderSteps)
	for m, other := range c.paths {
		if m != k && polylinesCross(pts, other.polyline(leaderSteps)) {
			return true
		}
	}
	return false
}

// polylinesCross reports whether two polylines cross.
func polylinesCross(p, q []point) bool {
	for a := 1; a < len(p); a++ {
		for b := 1; b < len(q); b++ {
			if segmentsCross(p[a-1], p[a], q[b-1], q[b]) {
				return true
			}
		}
	}
	return false
}

// segmentsCross reports whether segments ab and cd cross at a point
// inside both.
func segmentsCross(a, b, c, d point) bool {
	side := func(p, q, r point) float64 { return (q.x-p.x)*(r.y-p.y) - (q.y-p.y)*(r.x-p.x) }
	return side(a, b, c)*side(a, b, d) < 0 && side(c, d, a)*side(c, d, b) < 0
}

// segmentDistance is the distance from p to the segment ab.
func segmentDistance(p, a, b point) float64 {
	ab := b.sub(a)
	t := 0.0
	if l2 := ab.x*ab.x + ab.y*ab.y; l2 > 0 {
		t = math.Max(0, math.Min(1, ((p.x-a.x)*ab.x+(p.y-a.y)*ab.y)/l2))
	}
	return p.sub(a.add(ab.scale(t))).len()
}

// leaderClashCount counts the nodes that leader lines, drawn toward a
// column right of the nodes as now placed, pass through or near (within
// leaderRoom), where node i takes part: as the leader's owner or as the
// node passed.
func (d *drawing) leaderClashCount(i int) int {
	if d.column == nil {
		return 0
	}
	n := 0
	right := d.plotRight()
	for k, owner := range d.column.nodes {
		port := point{right + columnGutter - 4, d.column.y[k]}
		for j, p := range d.pos {
			if j != owner && (j == i || owner == i) && segmentDistance(p, d.pos[owner], port) < d.looks[j].r+leaderRoom {
				n++
			}
		}
	}
	return n
}

// drawLeaders draws the leader lines.
func (d *drawing) drawLeaders(sc *scene) {
	for _, p := range d.column.paths {
		sc.shapes = append(sc.shapes, p)
	}
}

// drawColumn draws the column's lines: a name, and its citation.
func (d *drawing) drawColumn(sc *scene) {
	c := d.column
	for k, i := range c.nodes {
		lk := d.looks[i]
		base := c.y[k] + 4
		sc.shapes = append(sc.shapes, d.text(point{c.x, base}, lk.line1, nameSize, true, textColor, anchorStart, true))
		if lk.line2 != "" {
			sc.shapes = append(sc.shapes, d.text(point{c.x + lk.w1 + columnGap, base}, lk.line2, citeSize, false, mutedColor, anchorStart, true))
		}
	}
}
