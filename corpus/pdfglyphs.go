package corpus

import (
	"math"
	"strings"

	"github.com/ledongthuc/pdf"
)

// The PDF library parses files, content streams, fonts and their
// encodings; where each glyph lands is computed here. The library's own
// Page.Content misplaces glyphs for the text courts publish: it ignores
// word spacing (Tw), which justified text sets on every line, and indexes
// glyph widths by decoded character rather than by character code, so a
// ligature or a two-byte font shifts every glyph after it. These are the
// rules of the PDF specification (ISO 32000-1, 9.4.4, text space to device
// space; 9.2.4, Type 0 font codes; 9.7.4.3, CIDFont widths).

// affine is a PDF transformation matrix [a b c d e f].
type affine [6]float64

var identity = affine{1, 0, 0, 1, 0, 0}

// then returns the transformation m followed by n.
func (m affine) then(n affine) affine {
	return affine{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func translate(x, y float64) affine { return affine{1, 0, 0, 1, x, y} }

// font is what placing glyphs needs of a font: how to split a string into
// character codes, each code's text and width (in thousandths of the font
// size).
type font struct {
	twoByte bool
	enc     pdf.TextEncoding
	f       pdf.Font
	widths  map[int]float64 // of a CIDFont, from its W array
	dw      float64         // a CIDFont's default width
	simple  bool            // widths come from the font's Widths array
}

func loadFont(v pdf.Value) *font {
	f := &font{f: pdf.Font{V: v}}
	mustInterpret(v.Key("ToUnicode"))
	f.enc = f.f.Encoder()
	if f.enc == nil {
		f.enc = nopEncoding{}
	}
	if v.Key("Subtype").Name() != "Type0" {
		f.simple = v.Key("Widths").Len() > 0
		return f
	}
	f.twoByte = true
	d := v.Key("DescendantFonts").Index(0)
	f.dw = 1000
	if w := d.Key("DW"); w.Kind() == pdf.Integer || w.Kind() == pdf.Real {
		f.dw = w.Float64()
	}
	f.widths = map[int]float64{}
	w := d.Key("W")
	for i := 0; i < w.Len() && len(f.widths) < maxCIDWidths; {
		first := int(w.Index(i).Int64())
		if next := w.Index(i + 1); next.Kind() == pdf.Array {
			for k := 0; k < next.Len() && len(f.widths) < maxCIDWidths; k++ {
				f.widths[first+k] = next.Index(k).Float64()
			}
			i += 2
			continue
		}
		last, width := int(w.Index(i+1).Int64()), w.Index(i+2).Float64()
		for c := first; c <= last && len(f.widths) < maxCIDWidths; c++ {
			f.widths[c] = width
		}
		i += 3
	}
	return f
}

// maxCIDWidths bounds the widths read from one font, against a hostile W
// array ("0 2000000000 500").
const maxCIDWidths = 1 << 16

type nopEncoding struct{}

func (nopEncoding) Decode(raw string) string { return raw }

// width returns the width of a code in thousandths of the font size. A
// font that gives no widths (the standard fonts may omit them) is taken
// as half an em a character, which keeps the glyphs of one string
// together and in order.
func (f *font) width(code int) float64 {
	switch {
	case f.twoByte:
		if w, ok := f.widths[code]; ok {
			return w
		}
		return f.dw
	case f.simple:
		if w := f.f.Width(code); w > 0 {
			return w
		}
	}
	return 500
}

// textState is the part of the graphics state that places text.
type textState struct {
	ctm, tm, tlm              affine
	tc, tw, th, tl, tfs, rise float64
	font                      *font
}

// maxGlyphs and maxSaves bound the work on one page of a hostile file.
const (
	maxGlyphs = 1 << 20
	maxSaves  = 256
)

// contentGlyphs runs a page's content stream and returns the glyphs it
// draws, in device space (points, y up).
func contentGlyphs(p pdf.Page) []glyph {
	strm := p.V.Key("Contents")
	if p.V.IsNull() || strm.IsNull() {
		return nil
	}
	fonts := map[string]*font{}
	res := p.Resources().Key("Font")
	g := textState{ctm: identity, tm: identity, tlm: identity, th: 1}
	var saved []textState
	var out []glyph
	show := func(s string) {
		f := g.font
		if f == nil {
			return
		}
		step := 1
		if f.twoByte {
			step = 2
		}
		for i := 0; i+step <= len(s) && len(out) < maxGlyphs; i += step {
			raw := s[i : i+step]
			code := int(raw[0])
			if step == 2 {
				code = code<<8 | int(raw[1])
			}
			w0 := f.width(code) / 1000
			trm := affine{g.tfs * g.th, 0, 0, g.tfs, 0, g.rise}.then(g.tm).then(g.ctm)
			// Only upright text is read: a glyph turned or mirrored is in
			// a margin stamp or a figure.
			if trm[0] > 0 && trm[3] > 0 && math.Abs(trm[1]) < 0.05*trm[0] && math.Abs(trm[2]) < 0.05*trm[3] {
				out = append(out, glyph{x: trm[4], y: trm[5], w: w0 * trm[0], size: trm[3], s: f.enc.Decode(raw)})
			}
			tx := w0*g.tfs + g.tc
			if step == 1 && raw == " " {
				tx += g.tw
			}
			g.tm = translate(tx*g.th, 0).then(g.tm)
		}
	}
	num := func(args []pdf.Value, i int) float64 {
		if i < len(args) {
			return args[i].Float64()
		}
		return 0
	}
	nextLine := func(tx, ty float64) {
		g.tlm = translate(tx, ty).then(g.tlm)
		g.tm = g.tlm
	}
	mustInterpret(strm)
	pdf.Interpret(strm, func(stk *pdf.Stack, op string) {
		args := make([]pdf.Value, stk.Len())
		for i := len(args) - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		switch op {
		case "q":
			if len(saved) < maxSaves {
				saved = append(saved, g)
			}
		case "Q":
			if n := len(saved); n > 0 {
				g, saved = saved[n-1], saved[:n-1]
			}
		case "cm":
			if len(args) == 6 {
				var m affine
				for i := range m {
					m[i] = num(args, i)
				}
				g.ctm = m.then(g.ctm)
			}
		case "BT":
			g.tm, g.tlm = identity, identity
		case "Tc":
			g.tc = num(args, 0)
		case "Tw":
			g.tw = num(args, 0)
		case "Tz":
			g.th = num(args, 0) / 100
		case "TL":
			g.tl = num(args, 0)
		case "Ts":
			g.rise = num(args, 0)
		case "Tf":
			if len(args) == 2 {
				name := args[0].Name()
				if _, ok := fonts[name]; !ok {
					fonts[name] = loadFont(res.Key(name))
				}
				g.font, g.tfs = fonts[name], num(args, 1)
			}
		case "Td":
			nextLine(num(args, 0), num(args, 1))
		case "TD":
			g.tl = -num(args, 1)
			nextLine(num(args, 0), num(args, 1))
		case "Tm":
			if len(args) == 6 {
				for i := range g.tm {
					g.tm[i] = num(args, i)
				}
				g.tlm = g.tm
			}
		case "T*":
			nextLine(0, -g.tl)
		case "Tj":
			if len(args) == 1 {
				show(args[0].RawString())
			}
		case "'", "\"":
			if op == "\"" && len(args) == 3 {
				g.tw, g.tc = num(args, 0), num(args, 1)
				args = args[2:]
			}
			nextLine(0, -g.tl)
			if len(args) == 1 {
				show(args[0].RawString())
			}
		case "TJ":
			if len(args) != 1 {
				return
			}
			a := args[0]
			for i := 0; i < a.Len(); i++ {
				if x := a.Index(i); x.Kind() == pdf.String {
					show(x.RawString())
				} else {
					g.tm = translate(-x.Float64()/1000*g.tfs*g.th, 0).then(g.tm)
				}
			}
		}
	})
	return out
}

// decoded reports whether a glyph's text is something to keep: a font
// without a usable encoding yields control characters.
func decoded(s string) bool {
	return s != "" && strings.IndexFunc(s, func(r rune) bool { return r < ' ' && r != '\t' }) < 0
}
