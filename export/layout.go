package export

import (
	"cmp"
	"math"
	"slices"
	"strconv"
)

// row is one year (or span of years) of the timeline.
type row struct {
	label string
	y     float64
	nodes []int
}

// timelineMaxRows bounds the rows of a timeline; past it years are
// grouped into spans of 2, 5, 10, ... years.
const timelineMaxRows = 28

// timeline lays the graph out in rows by year, oldest at the top, so every
// citation points up (or along its row) to the case it cites. Within a row
// nodes are placed by a one-dimensional force simulation: edges pull the
// cases they join into line, nodes push apart, and a node pushes off any
// edge that would pass through it or its label. Then overlaps are swept
// out row by row. Every step is deterministic.
func (d *drawing) timeline() []row {
	nodes := d.s.nodes
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
	for _, y := range years {
		start := floorDiv(y, span) * span
		if _, ok := byStart[start]; !ok {
			byStart[start] = len(rows)
			rows = append(rows, row{label: spanLabel(start, span)})
		}
	}
	unknown := -1
	for i, n := range nodes {
		if n.Year == 0 {
			if unknown < 0 {
				unknown = len(rows)
				rows = append(rows, row{label: "year unknown"})
			}
			rows[unknown].nodes = append(rows[unknown].nodes, i)
			continue
		}
		r := byStart[floorDiv(n.Year, span)*span]
		rows[r].nodes = append(rows[r].nodes, i)
	}

	// Rows are as far apart as their tallest nodes need, plus a little
	// more for a longer stretch of years, so that gaps in time show.
	d.pos = make([]point, len(nodes))
	half := func(r row) float64 {
		h := 0.0
		for _, i := range r.nodes {
			b := d.labelBox(i, point{})
			h = math.Max(h, b.hi.y)
		}
		return h
	}
	starts := make([]int, len(rows))
	for start, r := range byStart {
		starts[r] = start
	}
	y := 0.0
	for k := range rows {
		if k > 0 {
			y += math.Max(half(rows[k-1])+half(rows[k])+18, 60)
			gap := span
			if k != unknown {
				gap = starts[k] - starts[k-1]
			}
			y += 7 * math.Log2(float64(gap)/float64(span))
		}
		rows[k].y = y
		for _, i := range rows[k].nodes {
			d.pos[i].y = y
		}
	}
	d.spreadRows(rows)
	return rows
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
	n := len(d.s.nodes)
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
				if dx == 0 {
					dx = float64(i%2*2-1) * 0.01
				}
				f := ideal * ideal * dx / (dx*dx + dy*dy + 1) * 0.3
				disp[i] += f
				disp[j] -= f
			}
		}
		d.edgeClashes(links, func(i int, shift float64) { disp[i] += 0.5 * shift })
		for i := range n {
			disp[i] -= 0.002 * pos[i].x
			pos[i].x += math.Max(-t, math.Min(t, disp[i]))
		}
	}
	d.sweepRows(rows)
	// The forces leave some edges grazing labels; move those nodes clear
	// outright, a bounded number of times since a move can cause another
	// clash.
	need := make([]float64, n)
	for range 3 * n {
		clear(need)
		clashed := false
		d.edgeClashes(links, func(i int, shift float64) {
			clashed = true
			if math.Abs(shift) > math.Abs(need[i]) {
				need[i] = shift
			}
		})
		if !clashed {
			break
		}
		for i := range n {
			pos[i].x += need[i]
		}
		d.sweepRows(rows)
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
	for _, e := range d.s.edges {
		i, j := d.s.index[e.From], d.s.index[e.To]
		if i != j {
			links = append(links, link{i, j, 1 + perDoubling*math.Log2(float64(max(e.Weight, 1)))})
		}
	}
	return links
}

// edgeClashes calls f for each node whose circle or label an edge (drawn
// as riser draws it) passes through or near, with the shift along the row
// that would clear it: the shorter way out.
func (d *drawing) edgeClashes(links []link, f func(i int, shift float64)) {
	const room = 14.0 // kept between an edge and a label
	pos := d.pos
	var path [17]point
	for _, l := range links {
		a, b := pos[l.i], pos[l.j]
		if a.y == b.y {
			continue
		}
		c := riser(a, b)
		for k := range path {
			path[k] = c.at(float64(k) / float64(len(path)-1))
		}
		lo, hi := math.Min(a.y, b.y), math.Max(a.y, b.y)
		// xAt is where the edge crosses height y.
		xAt := func(y float64) float64 {
			y = math.Max(lo, math.Min(hi, y))
			k := 1
			for k < len(path)-1 && (path[k].y-y)*(a.y-y) > 0 {
				k++
			}
			p, q := path[k-1], path[k]
			if q.y == p.y {
				return p.x
			}
			return p.x + (q.x-p.x)*(y-p.y)/(q.y-p.y)
		}
		for i := range pos {
			y := pos[i].y
			if i == l.i || i == l.j || y <= lo || y >= hi {
				continue
			}
			bx := d.labelBox(i, pos[i])
			// The edge is slanted: take its extent across the label's
			// height, not just its row.
			x1, x2, x3 := xAt(bx.lo.y), xAt(y), xAt(bx.hi.y)
			xmin, xmax := min(x1, x2, x3), max(x1, x2, x3)
			if xmax <= bx.lo.x-room || xmin >= bx.hi.x+room {
				continue
			}
			left := bx.hi.x + room - xmin
			right := xmax - bx.lo.x + room
			if left < right {
				f(i, -left)
			} else {
				f(i, right)
			}
		}
	}
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
// left.
func (d *drawing) drawRows(sc *scene, rows []row) {
	left, right := math.Inf(1), math.Inf(-1)
	for i := range d.s.nodes {
		b := d.labelBox(i, d.pos[i])
		left, right = math.Min(left, b.lo.x), math.Max(right, b.hi.x)
	}
	for _, r := range rows {
		sc.shapes = append(sc.shapes,
			line(point{left - 16, r.y}, point{right + 8, r.y}, 1, solid(gridColor)),
			d.text(point{left - 24, r.y + 4}, r.label, axisSize, false, mutedColor, anchorEnd, false))
	}
}
