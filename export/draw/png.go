package draw

import (
	"image/color"
	"io"
	"math"

	"github.com/fogleman/gg"
)

// WritePNG draws g (see Options) as a PNG image, rasterised in Go
// with anti-aliasing: no Graphviz or system fonts involved.
func WritePNG(w io.Writer, g Source, opts Options) error {
	sc, err := draw(g, opts)
	if err != nil {
		return err
	}
	return paintPNG(w, sc, opts.scale())
}

// maxPixels bounds a PNG (about 100 megapixels) so that a huge graph
// cannot exhaust memory; the scale shrinks to fit.
const maxPixels = 100e6

func paintPNG(w io.Writer, sc *scene, scale float64) error {
	if px := sc.width * sc.height * scale * scale; px > maxPixels {
		scale *= math.Sqrt(maxPixels / px)
	}
	dc := gg.NewContext(int(math.Ceil(sc.width*scale)), int(math.Ceil(sc.height*scale)))
	dc.SetColor(color.White)
	dc.Clear()
	fonts := fontCache{}
	pt := func(p point) (float64, float64) { return p.x * scale, p.y * scale }
	setPaint := func(p paint) { dc.SetColor(nrgba(p)) }
	for _, sh := range sc.shapes {
		switch v := sh.(type) {
		case circle:
			x, y := pt(v.c)
			dc.DrawCircle(x, y, v.r*scale)
			fillStroke(dc, v.fill, v.stroke, v.sw*scale, setPaint)
		case rect:
			x, y := pt(v.lo)
			w, h := (v.hi.x-v.lo.x)*scale, (v.hi.y-v.lo.y)*scale
			if v.rx > 0 {
				dc.DrawRoundedRectangle(x, y, w, h, v.rx*scale)
			} else {
				dc.DrawRectangle(x, y, w, h)
			}
			fillStroke(dc, v.fill, v.stroke, v.sw*scale, setPaint)
		case curve:
			dc.MoveTo(pt(v.from))
			x1, y1 := pt(v.c1)
			x2, y2 := pt(v.c2)
			tx, ty := pt(v.to)
			dc.CubicTo(x1, y1, x2, y2, tx, ty)
			dc.SetLineCapButt()
			dc.SetLineWidth(v.width * scale)
			setPaint(v.stroke)
			dc.Stroke()
		case polygon:
			for i, p := range v.pts {
				if i == 0 {
					dc.MoveTo(pt(p))
				} else {
					dc.LineTo(pt(p))
				}
			}
			dc.ClosePath()
			setPaint(v.fill)
			dc.Fill()
		case text:
			dc.SetFontFace(fonts.face(v.size*scale, v.bold))
			x, y := pt(v.p)
			switch v.anchor {
			case anchorMiddle:
				x -= v.w * scale / 2
			case anchorEnd:
				x -= v.w * scale
			}
			if v.halo {
				// gg cannot outline glyphs; a ring of white copies gives
				// the same halo as the SVG's stroke.
				dc.SetColor(color.White)
				r := 1.5 * scale
				for a := 0.0; a < 2*math.Pi; a += math.Pi / 6 {
					dc.DrawString(v.s, x+r*math.Cos(a), y+r*math.Sin(a))
				}
			}
			setPaint(solid(v.color))
			dc.DrawString(v.s, x, y)
		}
	}
	return dc.EncodePNG(w)
}

func fillStroke(dc *gg.Context, fill, stroke paint, width float64, set func(paint)) {
	if fill.a > 0 {
		set(fill)
		if stroke.a > 0 && width > 0 {
			dc.FillPreserve()
		} else {
			dc.Fill()
		}
	}
	if stroke.a > 0 && width > 0 {
		set(stroke)
		dc.SetLineWidth(width)
		dc.Stroke()
	}
	dc.ClearPath()
}

func nrgba(p paint) color.NRGBA {
	return color.NRGBA{p.c.R, p.c.G, p.c.B, uint8(math.Round(p.a * 255))}
}
