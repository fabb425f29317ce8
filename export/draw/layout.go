package draw

import (
	"cmp"
	"math"
	"slices"
	"strconv"
)

// row is one year (or span of years) of the timeline, or a continuation
// of a crowded one.
type row struct {
	label string
	y     float64
	nodes []int
	gap   int // years since the previous row's start, in spans (0: same span)
}

// timelineMaxRows bounds the rows of a timeline; past it years are
// grouped into spans of 2, 5, 10, ... years.
const timelineMaxRows = 28

// timelineMaxWidth is the width, in pixels, past which a crowded row
// continues on the next line.
const timelineMaxWidth = 1300.0

// timeline lays the graph out in rows by year, oldest at the top, so every
// citation points up (or along its row) to the case it cites. Within a row
// nodes are placed by a one-dimensional force simulation: edges pull the
// cases they join into line, nodes push apart, and a node pushes off any
// edge that would pass through it or its label. Then overlaps are swept
// out row by row. Every step is deterministic.
func (d *drawing) timeline() []row {
	nodes := d.s.Nodes
	var years []int
	for _, n := range nodes {
		if n.Year != 0 {
			years = append(years, n.Year)
		}
	}
	slices.Sort(years)
	years = slices.Compact(years)
	span := 1
	for _, b := range []int{1, 2, 5, 10, 20, 25, 50, 100, 200, 500} {
		span = b
		if countSpans(years, b) <= timelineMaxRows {
			break
		}
	}
	byStart := map[int]int{} // span start → row
	var rows []row
	last := 0
	for _, y := range years {
		start := floorDiv(y, span) * span
		if _, ok := byStart[start]; !ok {
			byStart[start] = len(rows)
			gap := 1
			if len(rows) > 0 {
				gap = (start - last) / span
			}
			rows = append(rows, row{label: spanLabel(start, span), gap: gap})
			last = start
		}
	}
	var unknown []int
	for i, n := range nodes {
		if n.Year == 0 {
			unknown = append(unknown, i)
			continue
		}
		r := byStart[floorDiv(n.Year, span)*span]
		rows[r].nodes = append(rows[r].nodes, i)
	}
	if len(unknown) > 0 {
		rows = append(rows, row{label: "year unknown", nodes: unknown, gap: 1})
	}
	d.pos = make([]point, len(nodes))
	rows = d.wrapRows(rows)

	// Rows are as far apart as their tallest nodes need, plus a little
	// more for a longer stretch of years, so that gaps in time show.
	half := func(r row) float64 {
		h := 0.0
		for _, i := range r.nodes {
			h = math.Max(h, d.labelBox(i, point{}).hi.y)
		}
		return h
	}
	y := 0.0
	for k := range rows {
		if k > 0 {
			y += math.Max(half(rows[k-1])+half(rows[k])+18, 60)
			if rows[k].gap > 1 {
				y += 7 * math.Log2(float64(rows[k].gap))
			}
		}
		rows[k].y = y
		for _, i := range rows[k].nodes {
			d.pos[i].y = y
		}
	}
	d.spreadRows(rows)
	return rows
}

// wrapRows continues a row too wide to read on further lines, each
// unlabelled and close below.
func (d *drawing) wrapRows(rows []row) []row {
	var out []row
	for _, r := range rows {
		width := 0.0
		start := 0
		for k, i := range r.nodes {
			b := d.labelBox(i, point{})
			w := b.hi.x - b.lo.x + 24
			if width+w > timelineMaxWidth && k > start {
				out = append(out, row{label: r.label, nodes: r.nodes[start:k], gap: r.gap})
				r.label, r.gap, start, width = "", 0, k, 0
			}
			width += w
		}
		out = append(out, row{label: r.label, nodes: r.nodes[start:], gap: r.gap})
	}
	return out
}

func countSpans(years []int, span int) int {
	n, last := 0, math.MinInt
	for _, y := range years {
		if s := floorDiv(y, span); s != last {
			n, last = n+1, s
		}
	}
	return n
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}

func spanLabel(start, span int) string {
	if span == 1 {
		return strconv.Itoa(start)
	}
	return strconv.Itoa(start) + "–" + strconv.Itoa(start+span-1)
}

// spreadRows places nodes along their rows (see timeline).
func (d *drawing) spreadRows(rows []row) {
	n := len(d.s.Nodes)
	pos := d.pos
	// Start each row centred, in id order; alternate rows lean left and
	// right so that a column of single nodes does not start collinear.
	for k, r := range rows {
		for j, i := range r.nodes {
			pos[i].x = (float64(j) - float64(len(r.nodes)-1)/2) * 150
			if len(r.nodes) == 1 {
				pos[i].x = float64(k%2*2-1) * 40
			}
		}
	}
	links := d.links(0.3)
	const (
		iters  = 400
		ideal  = 70.0 // preferred horizontal distance between neighbours
		spring = 0.04
	)
	disp := make([]float64, n)
	for it := range iters {
		t := 50*(1-float64(it)/iters) + 0.5
		clear(disp)
		for _, l := range links {
			f := spring * l.w * (pos[l.j].x - pos[l.i].x)
			disp[l.i] += f
			disp[l.j] -= f
		}
		for i := range n {
			for j := i + 1; j < n; j++ {
				dx, dy := pos[i].x-pos[j].x, pos[i].y-pos[j].y
				d2 := dx*dx + dy*dy
				if d2 > 9*ideal*ideal {
					// Repulsion spaces neighbours; from afar it would
					// only fling loosely tied nodes away.
					continue
				}
				if dx == 0 {
					dx = float64(i%2*2-1) * 0.01
				}
				f := ideal * ideal * dx / (d2 + 1) * 0.3
				disp[i] += f
				disp[j] -= f
			}
		}
		d.edgeClashes(links, func(i int, l link, shift float64) {
			// The node steps aside and the edge makes way.
			shift = math.Max(-40, math.Min(40, shift))
			disp[i] += 0.5 * shift
			disp[l.i] -= 0.2 * shift
			disp[l.j] -= 0.2 * shift
		})
		for i := range n {
			disp[i] -= 0.01 * pos[i].x
			pos[i].x += math.Max(-t, math.Min(t, disp[i]))
		}
		d.chooseLabelSides(links)
	}
	d.sweepRows(rows)
	d.repairClashes(links)
}

// repairClashes moves nodes that edges still pass through to a clear
// spot along their row, when one exists that makes things better: the
// move must not overlap a neighbour and must reduce the clashes the node
// is part of (as obstacle or as an edge's end). In a dense graph some
// clashes cannot be helped, and trying harder would only fling nodes
// away.
func (d *drawing) repairClashes(links []link) {
	pos := d.pos
	for range 8 {
		improved := false
		for i := range pos {
			c0 := d.clashesOf(links, i)
			if c0 == 0 {
				continue
			}
			// Clear the edges through it, or, when the clash is its own
			// edge's, move the edge by moving the node.
			shifts := []float64{-160, -80, -40, -20, 20, 40, 80, 160}
			for _, l := range links {
				if l.i != i && l.j != i {
					if hit, left, right := d.clash(l, i); hit {
						shifts = append(shifts, -left, right)
					}
				}
			}
			x0, best, bestX := pos[i].x, c0, pos[i].x
			for _, sh := range shifts {
				pos[i].x = x0 + sh
				if d.overlapsRow(i) {
					continue
				}
				if c := d.clashesOf(links, i); c < best || (c == best && c < c0 && math.Abs(sh) < math.Abs(bestX-x0)) {
					best, bestX = c, pos[i].x
				}
			}
			pos[i].x = bestX
			improved = improved || best < c0
		}
		if !improved {
			return
		}
	}
}

// clashesOf counts the clashes node i takes part in.
func (d *drawing) clashesOf(links []link, i int) int {
	n := 0
	for _, l := range links {
		if l.i == i || l.j == i {
			for k := range d.pos {
				if hit, _, _ := d.clash(l, k); hit {
					n++
				}
			}
		} else if hit, _, _ := d.clash(l, i); hit {
			n++
		}
	}
	return n
}

func (d *drawing) overlapsRow(i int) bool {
	b := d.labelBox(i, d.pos[i]).grow(6)
	for j, p := range d.pos {
		if j != i && p.y == d.pos[i].y && b.overlaps(d.labelBox(j, p)) {
			return true
		}
	}
	return false
}

// chooseLabelSides puts each label on the side of its node away from the
// nodes it is linked to, where the node's own edges do not run and edges
// fanning out past it rarely do. A node must be clearly off-centre to
// switch sides, so that labels do not flip back and forth.
func (d *drawing) chooseLabelSides(links []link) {
	sum := make([]float64, len(d.pos))
	cnt := make([]float64, len(d.pos))
	for _, l := range links {
		sum[l.i] += d.pos[l.j].x
		cnt[l.i]++
		sum[l.j] += d.pos[l.i].x
		cnt[l.j]++
	}
	for i := range d.pos {
		if cnt[i] == 0 {
			continue
		}
		off := d.pos[i].x - sum[i]/cnt[i]
		if off < -5 {
			d.looks[i].labelLeft = true
		} else if off > 5 {
			d.looks[i].labelLeft = false
		}
	}
}

// link is an edge between node indexes, with a strength growing slowly
// with its weight.
type link struct {
	i, j int
	w    float64
}

func (d *drawing) links(perDoubling float64) []link {
	var links []link
	for _, e := range d.s.Edges {
		i, j := d.s.Index[e.From], d.s.Index[e.To]
		if i != j {
			links = append(links, link{i, j, 1 + perDoubling*math.Log2(float64(max(e.Weight, 1)))})
		}
	}
	return links
}

// edgeClashes calls f for each node whose circle or label an edge passes
// through or near, with the shift along the row that would clear it the
// shorter way.
func (d *drawing) edgeClashes(links []link, f func(i int, l link, shift float64)) {
	for _, l := range links {
		for i := range d.pos {
			if hit, left, right := d.clash(l, i); hit {
				if left < right {
					f(i, l, -left)
				} else {
					f(i, l, right)
				}
			}
		}
	}
}

// clash reports whether link l, drawn as riser draws it, passes through
// or near node i's circle or label, and how far i would have to move left
// or right to clear it.
func (d *drawing) clash(l link, i int) (hit bool, left, right float64) {
	return d.clashRoom(l, i, edgeRoom)
}

// edgeRoom is the room the layout keeps between an edge and a label.
const edgeRoom = 14.0

func (d *drawing) clashRoom(l link, i int, room float64) (hit bool, left, right float64) {
	if i == l.i || i == l.j {
		return false, 0, 0
	}
	a, b, y := d.pos[l.i], d.pos[l.j], d.pos[i].y
	lo, hi := math.Min(a.y, b.y), math.Max(a.y, b.y)
	if a.y == b.y || y <= lo || y >= hi {
		return false, 0, 0
	}
	c := riser(a, b)
	bx := d.labelBox(i, d.pos[i])
	// The edge is slanted: take its extent across the label's height,
	// not just its row.
	x1, x2, x3 := c.xAt(math.Max(lo, bx.lo.y)), c.xAt(y), c.xAt(math.Min(hi, bx.hi.y))
	xmin, xmax := min(x1, x2, x3), max(x1, x2, x3)
	if xmax <= bx.lo.x-room || xmin >= bx.hi.x+room {
		return false, 0, 0
	}
	return true, bx.hi.x + room - xmin, xmax - bx.lo.x + room
}

// xAt is where a curve whose height changes monotonically (a riser)
// crosses height y, found by bisection.
func (c curve) xAt(y float64) float64 {
	lo, hi := 0.0, 1.0
	up := c.to.y < c.from.y
	for range 24 {
		mid := (lo + hi) / 2
		if (c.at(mid).y > y) == up {
			lo = mid
		} else {
			hi = mid
		}
	}
	return c.at((lo + hi) / 2).x
}

// sweepRows removes overlaps within each row, keeping the order the forces
// found and the row's centre where it was.
func (d *drawing) sweepRows(rows []row) {
	pos := d.pos
	for _, r := range rows {
		idx := slices.Clone(r.nodes)
		slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(pos[a].x, pos[b].x) })
		before := 0.0
		for _, i := range idx {
			before += pos[i].x
		}
		for k := 1; k < len(idx); k++ {
			prev := d.labelBox(idx[k-1], pos[idx[k-1]])
			cur := d.labelBox(idx[k], pos[idx[k]])
			if gap := prev.hi.x + 14 - cur.lo.x; gap > 0 {
				pos[idx[k]].x += gap
			}
		}
		after := 0.0
		for _, i := range idx {
			after += pos[i].x
		}
		shift := (before - after) / float64(len(idx))
		for _, i := range idx {
			pos[i].x += shift
		}
	}
}

// drawRows draws the year axis: a faint line per row with its year at the
// left (a row's continuations have none).
func (d *drawing) drawRows(sc *scene, rows []row) {
	left, right := math.Inf(1), math.Inf(-1)
	for i := range d.s.Nodes {
		b := d.labelBox(i, d.pos[i])
		left, right = math.Min(left, b.lo.x), math.Max(right, b.hi.x)
	}
	for _, r := range rows {
		sc.shapes = append(sc.shapes, line(point{left - 16, r.y}, point{right + 8, r.y}, 1, solid(gridColor)))
		if r.label != "" {
			sc.shapes = append(sc.shapes, d.text(point{left - 24, r.y + 4}, r.label, axisSize, false, mutedColor, anchorEnd, false))
		}
	}
}
