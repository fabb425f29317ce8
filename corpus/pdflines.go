package corpus

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

// glyph is one character drawn on a PDF page, in points from the page's
// lower left corner: x and y are its origin on the baseline, w its advance,
// size its font size.
type glyph struct {
	x, y, w, size float64
	s             string
}

// pdfLine is one line of text as printed on a page: glyphs sharing a
// baseline, left to right.
type pdfLine struct {
	text string
	// y is the baseline and size the font size of most of its glyphs.
	y, size float64
	// mark holds where each raised footnote mark starts in text (byte
	// offsets), marks set apart from the words around them.
	marks []int
	// cells holds where each cell after the first starts in text (byte
	// offsets): text set apart by a column gap, as a letterhead, a docket
	// sheet or a caption beside its column of ")" sets it.
	cells []int
	// x is where the line's first glyph starts; lead is the byte length
	// of a number that opens the line set apart by a wide gap (a line
	// number in the margin), 0 when there is none.
	x, after float64 // and where the text after the number starts
	lead     int
}

// Thresholds of the line builder, as fractions of the font size. A word
// space in the fonts courts use is a quarter to a third of the size, the
// tightest justified spacing about a fifth; kerning and tracking stay under
// a tenth.
const (
	spaceGap  = 0.15 // a gap this wide between two glyphs is a space
	raiseMin  = 0.2  // a glyph this far above the baseline is raised...
	smallFont = 0.85 // ...when its size is under this share of the line's
	marginGap = 1.5  // a number this far from the text is in the margin
	columnGap = 2.0  // a gap this wide parts two columns (justified text stays under 1.3)
)

// pageGlyphs returns the glyphs of a page worth reading: of a real size
// and position, and with text.
func pageGlyphs(p pdf.Page) []glyph {
	gs := contentGlyphs(p)
	out := gs[:0]
	for _, g := range gs {
		if g.size < 1 || !finite(g.x, g.y, g.w, g.size) || !decoded(g.s) {
			continue
		}
		// Fonts with broken encodings yield invalid bytes; the text must
		// stay UTF-8 for everything downstream.
		g.s = strings.ToValidUTF8(g.s, "\uFFFD")
		if g.s == "\t" || g.s == "\u00a0" {
			g.s = " "
		}
		g.w = max(g.w, 0)
		out = append(out, g)
	}
	return out
}

func finite(fs ...float64) bool {
	for _, f := range fs {
		if math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) > 1e6 {
			return false
		}
	}
	return true
}

// pageLines groups glyphs into lines, top to bottom. A glyph joins a line
// when its height overlaps most of the line's largest glyph, so raised
// footnote marks stay on their line and neighbouring lines never merge.
func pageLines(gs []glyph) []pdfLine {
	order := make([]int, len(gs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case gs[a].y > gs[b].y:
			return -1
		case gs[a].y < gs[b].y:
			return 1
		}
		return 0
	})
	var lines []pdfLine
	var cur []glyph
	var ref glyph // the largest glyph of the current line
	flush := func() {
		if len(cur) > 0 {
			if l, ok := buildLine(cur); ok {
				lines = append(lines, l)
			}
		}
		cur = cur[:0]
	}
	for _, i := range order {
		g := gs[i]
		if len(cur) > 0 && !sameLine(ref, g) {
			flush()
		}
		if len(cur) == 0 || g.size > ref.size {
			ref = g
		}
		cur = append(cur, g)
	}
	flush()
	return lines
}

// sameLine says whether g shares the line of ref: their extents, from the
// descender (a fifth of the size below the baseline) to the cap height
// (seven tenths above), overlap by more than half of the smaller. A blank
// shows nothing and only needs to touch the line: slip opinions set the
// space after a raised footnote mark in a tiny type on the baseline, which
// would otherwise cut the mark from its line.
func sameLine(ref, g glyph) bool {
	lo := math.Max(ref.y-0.2*ref.size, g.y-0.2*g.size)
	hi := math.Min(ref.y+0.7*ref.size, g.y+0.7*g.size)
	if isBlank(g.s) {
		return hi > lo
	}
	return hi-lo > 0.45*math.Min(ref.size, g.size)
}

// buildLine orders a line's glyphs and writes its text: a space where the
// gap between glyphs is as wide as a space, none where the PDF split a word
// into pieces, and raised footnote marks set apart by spaces.
func buildLine(gs []glyph) (pdfLine, bool) {
	slices.SortStableFunc(gs, func(a, b glyph) int {
		switch {
		case a.x < b.x:
			return -1
		case a.x > b.x:
			return 1
		}
		return 0
	})
	gs = dropOverprint(gs)
	l := pdfLine{y: gs[0].y, size: dominantSize(gs), x: gs[0].x}
	for _, g := range gs {
		if g.size == l.size {
			l.y = g.y
			break
		}
	}
	var b strings.Builder
	space := false // a space is due before the next glyph
	inMark := false
	end := math.Inf(-1) // where the previous glyph ended
	ink := end          // where the previous glyph that shows something ended
	for _, g := range gs {
		if isBlank(g.s) {
			space = true
			end = math.Max(end, g.x+g.w)
			continue
		}
		if g.x-end > spaceGap*math.Max(g.size, l.size*0.8) {
			space = true
			if l.lead == 0 && g.x-end > marginGap*l.size && isDigits(b.String()) {
				l.lead, l.after = b.Len(), g.x
			}
		}
		// Spaces typed to line a column up are a column gap too.
		column := g.x-ink > columnGap*l.size
		space = space || column
		// Digits and symbols printed small and raised are footnote marks
		// (raised letters are ordinals, "5th", and stay with their word).
		mark := g.size < smallFont*l.size && g.y > l.y+raiseMin*l.size && isMarkGlyph(g.s)
		if mark != inMark {
			space = true
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
			if column {
				l.cells = append(l.cells, b.Len())
			}
		}
		if mark && !inMark {
			l.marks = append(l.marks, b.Len())
		}
		inMark, space = mark, false
		b.WriteString(g.s)
		end = math.Max(end, g.x+g.w)
		ink = end
	}
	l.text = strings.TrimRightFunc(b.String(), unicode.IsSpace)
	if lead := len(l.text) - len(strings.TrimLeftFunc(l.text, unicode.IsSpace)); lead > 0 {
		// A glyph that opens with a space (some fonts draw one with a
		// letter) moves the marks.
		l.text = l.text[lead:]
		l.marks, l.cells = cutOffsets(l.marks, lead), cutOffsets(l.cells, lead)
	}
	if l.text == "" {
		return l, false
	}
	return l, true
}

// dropOverprint removes glyphs drawn twice in nearly the same place, the
// way some producers fake bold type.
func dropOverprint(gs []glyph) []glyph {
	out := gs[:0]
	for i, g := range gs {
		if i > 0 {
			p := out[len(out)-1]
			if p.s == g.s && math.Abs(p.x-g.x) < 0.1*g.size && math.Abs(p.y-g.y) < 0.1*g.size {
				continue
			}
		}
		out = append(out, g)
	}
	return out
}

// dominantSize returns the font size of most of the line's characters.
func dominantSize(gs []glyph) float64 {
	count := map[float64]int{}
	best, n := gs[0].size, 0
	for _, g := range gs {
		if isBlank(g.s) {
			continue
		}
		s := math.Round(g.size*10) / 10
		count[s]++
		if count[s] > n || count[s] == n && s > best {
			best, n = s, count[s]
		}
	}
	for _, g := range gs {
		if math.Round(g.size*10)/10 == best {
			return g.size
		}
	}
	return best
}

// cutOffsets returns the byte offsets of offs that are still in a text
// whose first cut bytes were taken away, moved to the shorter text.
func cutOffsets(offs []int, cut int) []int {
	out := offs[:0]
	for _, o := range offs {
		if o >= cut {
			out = append(out, o-cut)
		}
	}
	return out
}

func isBlank(s string) bool { return strings.TrimSpace(s) == "" }

func isDigits(s string) bool {
	return s != "" && len(s) <= 3 && strings.Trim(s, "0123456789") == ""
}

// isMarkGlyph says whether a raised character can be part of a footnote
// mark: a digit or one of the reference symbols.
func isMarkGlyph(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsDigit(r) || strings.ContainsRune("*†‡§¶", r)
}

// isRule says whether a line is only a rule drawn with characters: dashes
// or underscores, five or more.
func isRule(s string) bool {
	n := 0
	for _, r := range s {
		switch r {
		case '—', '–', '-', '_', '‒', '―', '─':
			n++
		case ' ':
		default:
			return false
		}
	}
	return n >= 5
}
