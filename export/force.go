package export

import (
	"math"
)

// force lays the graph out with Fruchterman–Reingold forces: edges pull
// like springs, nodes repel their neighbours on a grid (so the cost stays
// linear in the graph's size), and a weak pull to the centre keeps
// separate components together. Nodes start on a sunflower spiral, the
// biggest at the centre, which makes the result deterministic without a
// random seed. Overlapping nodes are pushed apart at the end.
func (d *drawing) force() {
	n := len(d.s.nodes)
	pos := make([]point, n)
	k := 2.6 * d.rMax // ideal edge length
	golden := math.Pi * (3 - math.Sqrt(5))
	for rank, i := range d.topNodes(n) {
		r := k * math.Sqrt(float64(rank)+0.5)
		a := float64(rank) * golden
		pos[i] = point{r * math.Cos(a), r * math.Sin(a)}
	}
	links := d.links(0.25)
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
			f := k * k / dist
			u := dv.scale(f / dist)
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
	// Push apart nodes whose circles still touch.
	for range 30 {
		moved := false
		g.fill(pos)
		g.pairs(pos, func(i, j int, dv point, dist float64) {
			need := d.looks[i].r + d.looks[j].r + 1.5
			if dist >= need {
				return
			}
			moved = true
			u := dv.scale((need - dist) / 2 / dist)
			pos[i] = pos[i].add(u)
			pos[j] = pos[j].sub(u)
		})
		if !moved {
			break
		}
	}
	d.pos = pos
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
