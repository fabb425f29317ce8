package draw

import (
	"cmp"
	"math"
	"slices"
)

// force lays the graph out one connected component at a time with
// Fruchterman–Reingold forces: edges pull like springs, nodes repel their
// neighbours on a grid (so the cost stays linear in the graph's size), and
// a weak pull to the centre keeps the component round. Nodes start on a
// sunflower spiral, the biggest at the centre, which makes the result
// deterministic without a random seed. The largest component is set at
// the top and the others packed in rows below it, instead of drifting off
// to the edges of the picture. Overlapping nodes are pushed apart last.
func (d *drawing) force() {
	n := len(d.s.Nodes)
	d.pos = make([]point, n)
	links := d.links(0.25)
	comps := components(n, links)
	k := 2.6 * d.rMax // ideal edge length
	for _, c := range comps {
		d.forceComponent(c, links, k)
	}
	d.pack(comps, k)
	g := newGrid(2 * k)
	for range 30 {
		moved := false
		g.fill(d.pos)
		g.pairs(d.pos, func(i, j int, dv point, dist float64) {
			need := d.looks[i].r + d.looks[j].r + 1.5
			if dist >= need {
				return
			}
			moved = true
			u := dv.scale((need - dist) / 2 / dist)
			d.pos[i] = d.pos[i].add(u)
			d.pos[j] = d.pos[j].sub(u)
		})
		if !moved {
			break
		}
	}
}

// components splits the nodes into weakly connected components, largest
// first, ties by their first node; each lists its nodes by index.
func components(n int, links []link) [][]int {
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for _, l := range links {
		if a, b := find(l.i), find(l.j); a != b {
			parent[max(a, b)] = min(a, b)
		}
	}
	byRoot := map[int]int{}
	var comps [][]int
	for i := range n {
		r := find(i)
		c, ok := byRoot[r]
		if !ok {
			c = len(comps)
			byRoot[r] = c
			comps = append(comps, nil)
		}
		comps[c] = append(comps[c], i)
	}
	slices.SortStableFunc(comps, func(a, b []int) int { return len(b) - len(a) })
	return comps
}

// forceComponent lays out one component around the origin.
func (d *drawing) forceComponent(nodes []int, all []link, k float64) {
	n := len(nodes)
	if n == 1 {
		d.pos[nodes[0]] = point{}
		return
	}
	local := make(map[int]int, n) // node index → position in nodes
	for li, i := range nodes {
		local[i] = li
	}
	var links []link
	for _, l := range all {
		if li, ok := local[l.i]; ok {
			links = append(links, link{li, local[l.j], l.w})
		}
	}
	order := slices.Clone(nodes)
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Compare(d.looks[b].measureValue, d.looks[a].measureValue)
	})
	pos := make([]point, n)
	golden := math.Pi * (3 - math.Sqrt(5))
	for rank, i := range order {
		r := k * math.Sqrt(float64(rank)+0.5)
		a := float64(rank) * golden
		pos[local[i]] = point{r * math.Cos(a), r * math.Sin(a)}
	}
	iters := 300
	if n > 5000 {
		iters = 150
	}
	radius := k * math.Sqrt(float64(n)) // expected extent of the drawing
	gravity := 0.6 * k / radius
	disp := make([]point, n)
	g := newGrid(2 * k)
	for it := range iters {
		t := radius*0.1*(1-float64(it)/float64(iters)) + k*0.02
		clear(disp)
		g.fill(pos)
		g.pairs(pos, func(i, j int, dv point, dist float64) {
			u := dv.scale(k * k / dist / dist)
			disp[i] = disp[i].add(u)
			disp[j] = disp[j].sub(u)
		})
		for _, l := range links {
			dv := pos[l.i].sub(pos[l.j])
			dist := dv.len()
			if dist == 0 {
				continue
			}
			u := dv.scale(dist / k * l.w)
			disp[l.i] = disp[l.i].sub(u)
			disp[l.j] = disp[l.j].add(u)
		}
		for i := range n {
			v := disp[i].sub(pos[i].scale(gravity))
			if l := v.len(); l > t {
				v = v.scale(t / l)
			}
			pos[i] = pos[i].add(v)
		}
	}
	for li, i := range nodes {
		d.pos[i] = pos[li]
	}
}

// pack moves each laid-out component into place: the first (largest) at
// the top, the rest in rows below it, left to right, as wide as it.
func (d *drawing) pack(comps [][]int, k float64) {
	bbox := func(c []int) box {
		b := box{point{math.Inf(1), math.Inf(1)}, point{math.Inf(-1), math.Inf(-1)}}
		for _, i := range c {
			r := d.looks[i].r
			b.lo = point{math.Min(b.lo.x, d.pos[i].x-r), math.Min(b.lo.y, d.pos[i].y-r)}
			b.hi = point{math.Max(b.hi.x, d.pos[i].x+r), math.Max(b.hi.y, d.pos[i].y+r)}
		}
		return b
	}
	move := func(c []int, by point) {
		for _, i := range c {
			d.pos[i] = d.pos[i].add(by)
		}
	}
	first := bbox(comps[0])
	move(comps[0], first.lo.scale(-1))
	width := math.Max(first.hi.x-first.lo.x, 20*k)
	gap := k
	x, y, rowH := 0.0, first.hi.y-first.lo.y+2*gap, 0.0
	var row [][]int
	// Each full row is centred under the largest component.
	centre := func() {
		for _, c := range row {
			move(c, point{(first.hi.x - first.lo.x - (x - gap)) / 2, 0})
		}
		row = row[:0]
	}
	for _, c := range comps[1:] {
		b := bbox(c)
		w, h := b.hi.x-b.lo.x, b.hi.y-b.lo.y
		if x > 0 && x+w > width {
			centre()
			x, y, rowH = 0, y+rowH+gap, 0
		}
		move(c, point{x - b.lo.x, y - b.lo.y})
		row = append(row, c)
		x += w + gap
		rowH = math.Max(rowH, h)
	}
	centre()
}

// grid buckets points by cell so that pairs closer than the cell size are
// found without comparing every pair.
type grid struct {
	cell  float64
	cells map[[2]int][]int
	keys  [][2]int // cells in order of first use, for a deterministic walk
}

func newGrid(cell float64) *grid { return &grid{cell: cell, cells: map[[2]int][]int{}} }

func (g *grid) key(p point) [2]int {
	return [2]int{int(math.Floor(p.x / g.cell)), int(math.Floor(p.y / g.cell))}
}

func (g *grid) fill(pos []point) {
	clear(g.cells)
	g.keys = g.keys[:0]
	for i, p := range pos {
		k := g.key(p)
		if _, ok := g.cells[k]; !ok {
			g.keys = append(g.keys, k)
		}
		g.cells[k] = append(g.cells[k], i)
	}
}

// pairs calls f once for each pair i < j closer than the cell size, with
// the vector from j to i and its length. Coincident points are nudged
// apart by index so they still separate.
func (g *grid) pairs(pos []point, f func(i, j int, dv point, dist float64)) {
	for _, k := range g.keys {
		for _, i := range g.cells[k] {
			for dx := -1; dx <= 1; dx++ {
				for dy := -1; dy <= 1; dy++ {
					for _, j := range g.cells[[2]int{k[0] + dx, k[1] + dy}] {
						if j <= i {
							continue
						}
						dv := pos[i].sub(pos[j])
						dist := dv.len()
						if dist == 0 {
							dv = point{float64(i-j) * 1e-3, 1e-3}
							dist = dv.len()
						}
						if dist < g.cell {
							f(i, j, dv, dist)
						}
					}
				}
			}
		}
	}
}
