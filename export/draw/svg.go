package draw

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
)

// WriteSVG draws g (see Options) as a standalone SVG image, with each
// case's full name, citations and counts in a hover tooltip.
func WriteSVG(w io.Writer, g Source, opts Options) error {
	sc, err := draw(g, opts)
	if err != nil {
		return err
	}
	return paintSVG(w, sc)
}

func paintSVG(w io.Writer, sc *scene) error {
	x := svgWriter{bufio.NewWriter(w)}
	fmt.Fprintf(x, `<?xml version="1.0" encoding="UTF-8"?>`+"\n"+
		`<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="0 0 %s %s" font-family="%s">`+"\n",
		num(sc.width), num(sc.height), num(sc.width), num(sc.height), svgFontFamily)
	x.WriteString(`<rect width="100%" height="100%" fill="#ffffff"/>` + "\n")
	for _, sh := range sc.shapes {
		switch v := sh.(type) {
		case circle:
			fmt.Fprintf(x, `<circle cx="%s" cy="%s" r="%s"`, num(v.c.x), num(v.c.y), num(v.r))
			svgPaint(x, "fill", v.fill)
			svgStroke(x, v.stroke, v.sw)
			titled(x, "circle", v.title)
		case rect:
			fmt.Fprintf(x, `<rect x="%s" y="%s" width="%s" height="%s"`, num(v.lo.x), num(v.lo.y), num(v.hi.x-v.lo.x), num(v.hi.y-v.lo.y))
			if v.rx > 0 {
				fmt.Fprintf(x, ` rx="%s"`, num(v.rx))
			}
			svgPaint(x, "fill", v.fill)
			svgStroke(x, v.stroke, v.sw)
			x.WriteString("/>\n")
		case curve:
			fmt.Fprintf(x, `<path d="M%s %sC%s %s %s %s %s %s" fill="none"`, num(v.from.x), num(v.from.y),
				num(v.c1.x), num(v.c1.y), num(v.c2.x), num(v.c2.y), num(v.to.x), num(v.to.y))
			svgStroke(x, v.stroke, v.width)
			titled(x, "path", v.title)
		case polygon:
			x.WriteString(`<polygon points="`)
			for i, p := range v.pts {
				if i > 0 {
					x.WriteByte(' ')
				}
				x.WriteString(num(p.x) + "," + num(p.y))
			}
			x.WriteByte('"')
			svgPaint(x, "fill", v.fill)
			x.WriteString("/>\n")
		case text:
			fmt.Fprintf(x, `<text x="%s" y="%s" font-size="%s"`, num(v.p.x), num(v.p.y), num(v.size))
			if v.bold {
				x.WriteString(` font-weight="bold"`)
			}
			switch v.anchor {
			case anchorMiddle:
				x.WriteString(` text-anchor="middle"`)
			case anchorEnd:
				x.WriteString(` text-anchor="end"`)
			}
			if v.halo {
				x.WriteString(` stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke"`)
			}
			svgPaint(x, "fill", solid(v.color))
			x.WriteByte('>')
			x.text(v.s)
			x.WriteString("</text>\n")
		}
	}
	x.WriteString("</svg>\n")
	return x.Flush()
}

// svgWriter writes SVG markup; text goes through encoding/xml's escaping,
// which also turns characters XML 1.0 cannot hold (most control
// characters, broken UTF-8) into U+FFFD.
type svgWriter struct{ *bufio.Writer }

func (w svgWriter) text(s string) { xml.EscapeText(w, []byte(s)) }

// titled closes an element, with a <title> child (a tooltip) if any.
func titled(x svgWriter, elem, title string) {
	if title == "" {
		x.WriteString("/>\n")
		return
	}
	x.WriteString("><title>")
	x.text(title)
	x.WriteString("</title></" + elem + ">\n")
}

func svgPaint(x svgWriter, attr string, p paint) {
	if p.a == 0 {
		x.WriteString(" " + attr + `="none"`)
		return
	}
	x.WriteString(" " + attr + `="` + p.c.Hex() + `"`)
	if p.a < 1 {
		x.WriteString(" " + attr + `-opacity="` + num(p.a) + `"`)
	}
}

func svgStroke(x svgWriter, p paint, width float64) {
	if p.a == 0 || width == 0 {
		return
	}
	svgPaint(x, "stroke", p)
	x.WriteString(` stroke-width="` + num(width) + `"`)
}

// num writes a coordinate to a hundredth of a pixel: finer is invisible,
// and fixed precision keeps the file small and deterministic.
func num(f float64) string {
	v := math.Round(f*100) / 100
	if v == 0 {
		v = 0 // no "-0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}
