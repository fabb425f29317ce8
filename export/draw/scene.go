package draw

import "math"

// A scene is a finished drawing in pixel coordinates (y down), which the
// SVG and PNG writers paint shape by shape in order; both therefore show
// the same picture.
type scene struct {
	width, height float64
	shapes        []shape
}

type point struct{ x, y float64 }

func (p point) add(q point) point      { return point{p.x + q.x, p.y + q.y} }
func (p point) sub(q point) point      { return point{p.x - q.x, p.y - q.y} }
func (p point) scale(f float64) point  { return point{p.x * f, p.y * f} }
func (p point) len() float64           { return math.Hypot(p.x, p.y) }
func (p point) unit() point            { l := p.len(); return point{p.x / l, p.y / l} }
func (p point) perp() point            { return point{-p.y, p.x} }
func lerp(p, q point, t float64) point { return p.add(q.sub(p).scale(t)) }

// paint is a colour with opacity.
type paint struct {
	c RGB
	a float64 // 0 = none
}

func solid(c RGB) paint { return paint{c, 1} }

type shape interface{ bounds() (lo, hi point) }

type circle struct {
	c      point
	r      float64
	fill   paint
	stroke paint
	sw     float64
	title  string // tooltip in SVG
}

type rect struct {
	lo, hi point
	rx     float64
	fill   paint
	stroke paint
	sw     float64
}

// curve is a cubic Bézier; a straight line has its controls on it.
type curve struct {
	from, c1, c2, to point
	width            float64
	stroke           paint
	title            string
}

// line is a straight curve.
func line(a, b point, width float64, stroke paint) curve {
	return curve{from: a, c1: lerp(a, b, 1.0/3), c2: lerp(a, b, 2.0/3), to: b, width: width, stroke: stroke}
}

type polygon struct {
	pts  []point
	fill paint
}

type anchor uint8

const (
	anchorStart anchor = iota
	anchorMiddle
	anchorEnd
)

// text is one line; p is the baseline point where the anchor sits.
type text struct {
	p      point
	s      string
	size   float64
	bold   bool
	color  RGB
	anchor anchor
	halo   bool // a white outline, for text drawn over edges
	w      float64
}

func (c circle) bounds() (point, point) {
	return point{c.c.x - c.r, c.c.y - c.r}, point{c.c.x + c.r, c.c.y + c.r}
}
func (r rect) bounds() (point, point) { return r.lo, r.hi }
func (c curve) bounds() (point, point) {
	return point{min(c.from.x, c.c1.x, c.c2.x, c.to.x), min(c.from.y, c.c1.y, c.c2.y, c.to.y)},
		point{max(c.from.x, c.c1.x, c.c2.x, c.to.x), max(c.from.y, c.c1.y, c.c2.y, c.to.y)}
}
func (p polygon) bounds() (point, point) {
	lo, hi := p.pts[0], p.pts[0]
	for _, q := range p.pts[1:] {
		lo = point{min(lo.x, q.x), min(lo.y, q.y)}
		hi = point{max(hi.x, q.x), max(hi.y, q.y)}
	}
	return lo, hi
}
func (t text) bounds() (point, point) {
	x := t.p.x
	switch t.anchor {
	case anchorMiddle:
		x -= t.w / 2
	case anchorEnd:
		x -= t.w
	}
	return point{x, t.p.y - t.size*0.8}, point{x + t.w, t.p.y + t.size*0.25}
}

// box is an axis-aligned rectangle used for collision tests while
// placing labels.
type box struct{ lo, hi point }

func (b box) overlaps(o box) bool {
	return b.lo.x < o.hi.x && o.lo.x < b.hi.x && b.lo.y < o.hi.y && o.lo.y < b.hi.y
}

func (b box) grow(d float64) box {
	return box{point{b.lo.x - d, b.lo.y - d}, point{b.hi.x + d, b.hi.y + d}}
}

// extent is the bounding box of shapes.
func extent(shapes []shape) (lo, hi point) {
	lo = point{math.Inf(1), math.Inf(1)}
	hi = point{math.Inf(-1), math.Inf(-1)}
	for _, sh := range shapes {
		a, b := sh.bounds()
		lo = point{min(lo.x, a.x), min(lo.y, a.y)}
		hi = point{max(hi.x, b.x), max(hi.y, b.y)}
	}
	return lo, hi
}

// fit moves every shape so the drawing starts at (margin, margin) and sets
// the scene size to hold it all.
func (s *scene) fit(margin float64) {
	lo, hi := extent(s.shapes)
	if len(s.shapes) == 0 {
		lo, hi = point{}, point{}
	}
	d := point{margin - lo.x, margin - lo.y}
	for i, sh := range s.shapes {
		s.shapes[i] = translate(sh, d)
	}
	s.width = math.Ceil(hi.x - lo.x + 2*margin)
	s.height = math.Ceil(hi.y - lo.y + 2*margin)
}

func translate(sh shape, d point) shape {
	switch v := sh.(type) {
	case circle:
		v.c = v.c.add(d)
		return v
	case rect:
		v.lo, v.hi = v.lo.add(d), v.hi.add(d)
		return v
	case curve:
		v.from, v.c1, v.c2, v.to = v.from.add(d), v.c1.add(d), v.c2.add(d), v.to.add(d)
		return v
	case polygon:
		pts := make([]point, len(v.pts))
		for i, p := range v.pts {
			pts[i] = p.add(d)
		}
		v.pts = pts
		return v
	case text:
		v.p = v.p.add(d)
		return v
	}
	return sh
}
