package draw

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
)

// row is a line of the timeline along which nodes are spread: the cases
// of one year, or of several years too close in time to be drawn apart,
// or the continuation of a crowded line. Its nodes keep the heights of
// their own years.
type row struct {
	nodes []int
}

// tick is a label of the timeline's year axis, at the height of its
// years.
type tick struct {
	label string
	y     float64
}

// timelineMaxPerYear is the most pixels the time scale gives a year, when
// no year is crowded.
const timelineMaxPerYear = 24.0

// timeline lays the graph out by time, oldest at the top, so every
// citation points up (or along its line) to the case it cites. A case's
// height is proportional to its year: the scale is as many pixels a year
// as keeps the two closest years apart, within the bounds below, and
// years closer than that share a line along which their cases are spread
// (each still at its own year's height). Cases of unknown year go on a
// last line below. Within a line nodes are placed by a one-dimensional
// force simulation: edges pull the cases they join into line, nodes push
// apart, and a node pushes off any edge that would pass through it or its
// label. Then overlaps are swept out line by line. Every step is
// deterministic.
func (d *drawing) timeline() []tick {
	nodes := d.s.Nodes
	byYear := map[int][]int{}
	var unknown []int
	for i, n := range nodes {
		if n.Year == 0 {
			unknown = append(unknown, i)
		} else {
			byYear[n.Year] = append(byYear[n.Year], i)
		}
	}
	years := make([]int, 0, len(byYear))
	for y := range byYear {
		years = append(years, y)
	}
	slices.Sort(years)
	// half is how far a year's tallest node (with its label) reaches
	// above and below its line.
	half := func(ids []int) float64 {
		h := 0.0
		for _, i := range ids {
			h = math.Max(h, d.labelBox(i, point{}).hi.y)
		}
		return h
	}
	need := func(a, b []int) float64 { return math.Max(half(a)+half(b)+18, 44) }
	// The scale, with the labels beside their nodes or apart in a column,
	// whichever prints the names larger.
	scaleFor := func() (perYear, printed float64) {
		for k := 1; k < len(years); k++ {
			perYear = math.Max(perYear, need(byYear[years[k-1]], byYear[years[k]])/float64(years[k]-years[k-1]))
		}
		return d.pageFit(min(perYear, timelineMaxPerYear), years, unknown, half)
	}
	perYear, beside := scaleFor()
	if slices.ContainsFunc(d.looks, func(lk nodeLook) bool { return lk.label }) {
		d.apart = true
		if p, apart := scaleFor(); apart > beside {
			perYear = p
		} else {
			d.apart = false
		}
	}

	d.pos = make([]point, len(nodes))
	var rows []row
	var ticks []tick
	for k := 0; k < len(years); {
		// The line: this year and the next ones too close to draw apart.
		band := []int{years[k]}
		for k+len(band) < len(years) {
			prev, next := band[len(band)-1], years[k+len(band)]
			if float64(next-prev)*perYear >= need(byYear[prev], byYear[next]) {
				break
			}
			band = append(band, next)
		}
		k += len(band)
		var ids []int
		for _, y := range band {
			ids = append(ids, byYear[y]...)
			at := float64(y-years[0]) * perYear
			ticks = append(ticks, tick{strconv.Itoa(y), at})
			for _, i := range byYear[y] {
				d.pos[i].y = at
			}
		}
		rows = append(rows, row{nodes: ids})
	}
	if len(unknown) > 0 {
		y := d.unknownRow(years, unknown, perYear, half)
		ticks = append(ticks, tick{"year unknown", y})
		for _, i := range unknown {
			d.pos[i].y = y
		}
		rows = append(rows, row{nodes: unknown})
	}
	if d.apart {
		d.stackColumn()
	}
	d.spreadRows(rows)
	if len(years) > 1 {
		d.years = timeScale{first: years[0], last: years[len(years)-1], perYear: perYear}
	}
	return thinTicks(ticks)
}

// unknownRow is the height of the line of cases of unknown year: below
// the last year's cases.
func (d *drawing) unknownRow(years, unknown []int, perYear float64, half func([]int) float64) float64 {
	y := half(unknown) + 18
	if len(years) > 0 {
		var last []int
		for i, n := range d.s.Nodes {
			if n.Year == years[len(years)-1] {
				last = append(last, i)
			}
		}
		y += float64(years[len(years)-1]-years[0])*perYear + half(last)
	}
	return y
}

// pageFit picks the time scale, in pixels a year, that makes the picture
// print largest on a page (see printScale), from roomy (every year its own
// line, up to timelineMaxPerYear) down to a tenth of a pixel a year, and
// gives the points per pixel it prints at. A smaller scale makes the
// timeline shorter but sets more cases side by side, so wider: for each
// candidate the nodes (and labels set beside them) are packed as tightly
// as they go (see packed), a label column set beside them, and the legend
// set where it fits best. Of scales that print within 2% of the best the
// roomiest wins, as it keeps years apart. A timeline of one year has no
// scale to pick.
func (d *drawing) pageFit(roomy float64, years, unknown []int, half func([]int) float64) (perYear, printed float64) {
	tall, wide := d.keySizes()
	const axis, margins = 90.0, 2 * 24
	ys := make([]float64, len(d.s.Nodes))
	type option struct{ perYear, scale float64 }
	var opts []option
	for p := roomy; ; p *= 0.9 {
		for i, n := range d.s.Nodes {
			if n.Year != 0 {
				ys[i] = float64(n.Year-years[0]) * p
			} else {
				ys[i] = d.unknownRow(years, unknown, p, half)
			}
		}
		lo, hi := d.packed(ys)
		if d.apart {
			// The plot is narrowed to plotWidth, not packed tighter:
			// a plot packed as tight as it goes leaves no room to keep
			// nodes off edges and leader lines.
			w, top, bottom := d.columnExtent(ys)
			lo.y, hi.y = min(lo.y, top), max(hi.y, bottom)
			hi.x = lo.x + max(hi.x-lo.x, plotWidth) + columnGutter + w
		}
		_, _, total := legendSpot(hi.sub(lo).add(point{axis, 0}), tall, wide)
		opts = append(opts, option{p, printScale(total.x+margins, total.y+margins)})
		if len(years) < 2 || p*0.9 < min(roomy, 0.1) {
			break
		}
	}
	best := opts[0]
	for _, o := range opts {
		if o.scale > best.scale {
			best = o
		}
	}
	for _, o := range opts {
		if o.scale >= 0.98*best.scale {
			return o.perYear, o.scale
		}
	}
	return best.perYear, best.scale
}

// packed is the extent of the nodes and their labels at heights ys, each
// set as far left as it goes without touching one set before it, the
// widest first: how little room the timeline's lines can be packed into.
func (d *drawing) packed(ys []float64) (lo, hi point) {
	order := make([]int, len(ys))
	for i := range order {
		order[i] = i
	}
	width := func(i int) float64 { b := d.labelBox(i, point{}); return b.hi.x - b.lo.x }
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(width(b), width(a)) })
	var boxes []box
	for _, i := range order {
		b := d.labelBox(i, point{0, ys[i]})
		b = box{point{0, b.lo.y}, point{b.hi.x - b.lo.x, b.hi.y}}
		// Candidate left edges: the far left, or just right of a box
		// already placed; the first free one wins.
		lefts := []float64{0}
		for _, o := range boxes {
			if sharesHeight(o, b) {
				lefts = append(lefts, o.hi.x+rowGap)
			}
		}
		slices.Sort(lefts)
		for _, x := range lefts {
			c := box{point{x, b.lo.y}, point{x + b.hi.x, b.hi.y}}
			if !slices.ContainsFunc(boxes, func(o box) bool { return sharesHeight(o, c) && o.lo.x < c.hi.x+rowGap && c.lo.x < o.hi.x+rowGap }) {
				boxes = append(boxes, c)
				break
			}
		}
	}
	lo, hi = point{math.Inf(1), math.Inf(1)}, point{math.Inf(-1), math.Inf(-1)}
	for _, b := range boxes {
		lo = point{min(lo.x, b.lo.x), min(lo.y, b.lo.y)}
		hi = point{max(hi.x, b.hi.x), max(hi.y, b.hi.y)}
	}
	return lo, hi
}

// rowGap is the least room between two labelled nodes side by side, and
// rowGapY the least room above and below that lets them share a column.
const (
	rowGap  = 14.0
	rowGapY = 4.0
)

// sharesHeight reports whether two boxes are close enough in height that
// they cannot sit one above the other.
func sharesHeight(a, b box) bool { return a.lo.y < b.hi.y+rowGapY && b.lo.y < a.hi.y+rowGapY }

// thinTicks drops year labels that would print over the one above: a run
// of years drawn less than a label's height apart gets one label,
// "1991–1993", at its first year.
func thinTicks(ticks []tick) []tick {
	const room = 13.0
	var out []tick
	for _, t := range ticks {
		if n := len(out); n > 0 && t.y-out[n-1].y < room && t.label != "year unknown" {
			first, _, _ := strings.Cut(out[n-1].label, "–")
			out[n-1].label = first + "–" + t.label
			continue
		}
		out = append(out, t)
	}
	return out
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
	halves := make([]float64, n)
	for i := range halves {
		halves[i] = d.labelBox(i, point{}).hi.y
	}
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
				if d2 > 9*ideal*ideal || math.Abs(dy) > halves[i]+halves[j]+rowGapY {
					// Repulsion spaces neighbours on a line; from afar,
					// or between nodes one above the other, it would
					// only spread the picture.
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
	if d.column != nil {
		d.narrow(rows, plotWidth)
	}
	d.repairClashes(links)
	if d.column != nil {
		// Uncrossing changes which line a leader goes to, and so the
		// nodes it passes; a second repair clears those.
		d.uncross()
		d.repairClashes(links)
		d.uncross()
		d.route()
	}
}

// repairClashes moves nodes that edges still pass through to a clear
// spot along their row, when one exists that makes things better: the
// move must not overlap a neighbour and must reduce the clashes the node
// is part of (as obstacle or as an edge's end). In a dense graph some
// clashes cannot be helped, and trying harder would only fling nodes
// away.
//
// With labels in a column the plot must stay narrow, and a node is as
// likely to be in the way of a leader line as of an edge: such a node may
// go to any spot across the plot as it stands.
func (d *drawing) repairClashes(links []link) {
	pos := d.pos
	var across []float64
	lo, hi := math.Inf(-1), math.Inf(1)
	if d.column != nil {
		lo, hi = d.plotLeft(), d.plotRight()
		for x := lo; x <= hi; x += 6 {
			across = append(across, x)
		}
	}
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
			for _, x := range across {
				shifts = append(shifts, x-x0)
			}
			for _, sh := range shifts {
				pos[i].x = x0 + sh
				if pos[i].x-d.looks[i].r < lo || pos[i].x+d.looks[i].r > hi || d.overlaps(i) {
					continue
				}
				if c := d.clashesOf(links, i); c < best || (c == best && c < c0 && math.Abs(sh) < math.Abs(bestX-x0)) {
					best, bestX = c, pos[i].x
				}
			}
			pos[i].x = bestX
			improved = improved || best < c0
			if d.column != nil && best > 0 {
				improved = d.swapClear(links, i) || improved
			}
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
	return n + 3*d.leaderClashCount(i)
}

func (d *drawing) overlaps(i int) bool {
	b := d.labelBox(i, d.pos[i]).grow(6)
	for j, p := range d.pos {
		if j != i && b.overlaps(d.labelBox(j, p)) {
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

// sweepRows removes overlaps within each line, keeping the order the
// forces found and the line's centre where it was. Nodes of a line sit at
// their own years' heights, so a node moves right only past the nodes
// before it whose boxes reach its height: cases years apart may share a
// column.
func (d *drawing) sweepRows(rows []row) {
	pos := d.pos
	for _, r := range rows {
		idx := slices.Clone(r.nodes)
		slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(pos[a].x, pos[b].x) })
		before := 0.0
		for _, i := range idx {
			before += pos[i].x
		}
		for k, i := range idx {
			for moved := true; moved; {
				moved = false
				cur := d.labelBox(i, pos[i])
				for _, j := range idx[:k] {
					prev := d.labelBox(j, pos[j])
					// The push is at least a hundredth of a pixel, so that
					// rounding cannot make it endless.
					overlap := prev.hi.x + rowGap - cur.lo.x
					if sharesHeight(prev, cur) && overlap > 0.01 && cur.hi.x > prev.lo.x-rowGap {
						pos[i].x += overlap
						moved = true
						break
					}
				}
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

// timeScale is the timeline's linear map from years to heights.
type timeScale struct {
	first, last int
	perYear     float64
}

// drawAxis draws the year axis at the left: a faint line across at each
// labelled year, and an axis line with a tick every ten years, so that
// equal gaps read as equal times.
func (d *drawing) drawAxis(sc *scene, ticks []tick) {
	left, right := math.Inf(1), math.Inf(-1)
	for i := range d.s.Nodes {
		b := d.labelBox(i, d.pos[i])
		left, right = math.Min(left, b.lo.x), math.Max(right, b.hi.x)
	}
	for _, t := range ticks {
		sc.shapes = append(sc.shapes,
			line(point{left - 16, t.y}, point{right + 8, t.y}, 1, solid(gridColor)),
			d.text(point{left - 24, t.y + 4}, t.label, axisSize, false, mutedColor, anchorEnd, false))
	}
	if ts := d.years; ts.perYear > 0 {
		x := left - 16
		at := func(y int) float64 { return float64(y-ts.first) * ts.perYear }
		sc.shapes = append(sc.shapes, line(point{x, at(ts.first)}, point{x, at(ts.last)}, 1, solid(axisColor)))
		for y := (ts.first + 9) / 10 * 10; y <= ts.last; y += 10 {
			sc.shapes = append(sc.shapes, line(point{x - 4, at(y)}, point{x, at(y)}, 1, solid(axisColor)))
		}
	}
}
