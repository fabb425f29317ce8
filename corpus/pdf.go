package corpus

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/ledongthuc/pdf"
)

// readPDF reads the text layer of a PDF, one page after another, with a
// page mark at the start of each page (numbered from 1 as the file orders
// them). Lines are rebuilt from where the glyphs are drawn (see
// pdflines.go), one text line per printed line, so a word broken at a line
// end keeps its "-\n". Page furniture (running heads, page numbers,
// filing stamps, line numbers in the margin) is left out of the text, and
// footnotes and opinions become Notes and Parts. A PDF without a text
// layer (a scan) is reported, not returned empty: it needs OCR first.
func readPDF(data []byte) (d *Document, err error) {
	// The PDF library panics on some malformed files; a bad PDF must only
	// cost its own document.
	defer func() {
		if r := recover(); r != nil {
			d, err = nil, fail(ProblemBadPDF, -1, "%s", libraryError(r))
		}
	}()
	if err := checkPDFStructure(data); err != nil {
		return nil, fail(ProblemBadPDF, -1, "%v", err)
	}
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fail(ProblemBadPDF, -1, "%s", libraryError(err))
	}
	pages, err := pdfPages(r)
	if err != nil {
		return nil, err
	}
	printed := make([][]pdfLine, len(pages))
	for i, p := range pages {
		if printed[i], err = readPDFPage(p); err != nil {
			return nil, fail(ProblemBadPDF, -1, "page %d: %s", i+1, libraryError(err))
		}
	}
	d = layOutPDF(printed)
	if d.Text == "" {
		return nil, fail(ProblemEmpty, -1, "no text layer in %d page(s) (a scanned PDF needs OCR first)", len(pages))
	}
	return d, nil
}

// maxLibraryError bounds the text of a PDF library error kept in a
// message, in bytes: some quote the rest of a damaged stream.
const maxLibraryError = 160

// libraryError formats an error or panic value of the PDF library for a
// message: valid UTF-8, control characters escaped, cut to
// maxLibraryError bytes.
func libraryError(v any) string {
	s := strings.ToValidUTF8(fmt.Sprint(v), "\uFFFD")
	var b strings.Builder
	for _, r := range s {
		if b.Len() >= maxLibraryError {
			b.WriteString("…")
			break
		}
		if r < ' ' || r == 0x7f || r == '\uFFFD' {
			fmt.Fprintf(&b, "\\x%02x", r&0xff)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// readPDFPage returns the printed lines of a page.
func readPDFPage(p pdf.Page) (lines []pdfLine, err error) {
	defer func() {
		if r := recover(); r != nil {
			lines, err = nil, fmt.Errorf("%v", r)
		}
	}()
	return pageLines(pageGlyphs(p)), nil
}

// layOutPDF writes the text of a PDF's pages, leaving out their furniture,
// and marks its pages, footnotes and opinions. Identity comes from the
// first page, furniture included (the Cite as: head names the case).
func layOutPDF(printed [][]pdfLine) *Document {
	body := bodySize(printed)
	pages := make([]page, len(printed))
	for i, lines := range printed {
		lines = dropMarginNumbers(lines)
		printed[i] = lines
		p := page{lines: make([]string, len(lines)), small: make([]bool, len(lines)), marked: make([]bool, len(lines))}
		for j, l := range lines {
			p.lines[j] = l.text
			p.small[j] = l.size < noteSize*body
			p.marked[j] = len(l.marks) > 0 && l.marks[0] == 0
		}
		pages[i] = p
	}
	layout := analyzePages(pages)
	d := &Document{Format: "pdf"}
	var b strings.Builder
	var heads []string
	var marks, glued []noteMark // the marks in the running text of a page
	for i, p := range pages {
		notes := layout[i].notes
		first := len(d.Notes) // the page's first note
		started := false
		marks = marks[:0]
		for j, line := range p.lines {
			if layout[i].furniture[j] {
				heads = append(heads, line)
				continue
			}
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			if !started {
				d.Pages = append(d.Pages, PageMark{Offset: b.Len(), Page: strconv.Itoa(i + 1)})
				started = true
			}
			if len(layout[i].notes) > 0 && !layout[i].inNote(j) {
				for _, m := range printed[i][j].marks {
					label, _, _ := strings.Cut(line[m:], " ")
					marks = append(marks, noteMark{off: b.Len() + m, label: label})
				}
				// Slip opinions print the asterisk of a note on the line,
				// not raised ("opinion).*"): it is found as in text.
				glued = appendGluedMarks(glued[:0], line, b.Len())
				for _, m := range glued {
					if !isDigit(rune(m.label[0])) {
						marks = append(marks, m)
					}
				}
			}
			if len(notes) > 0 && notes[0].start == j {
				d.Notes = append(d.Notes, Note{Span: Span{Start: b.Len()}, Mark: -1, Continued: notes[0].mark == ""})
				line = markApart(line)
			}
			b.WriteString(line)
			if len(notes) > 0 && notes[0].end == j+1 {
				d.Notes[len(d.Notes)-1].End = b.Len()
				notes = notes[1:]
			}
		}
		for k, off := range placeMarks(layout[i].notes, marks) {
			d.Notes[first+k].Mark = off
		}
	}
	d.Text = b.String()
	d.Parts = opinionParts(d.Text, syllabusHeads(heads))
	if len(pages) > 0 {
		d.Meta = firstPageIdentity(pages, layout, printed[0])
	}
	return d
}

// markApart sets a footnote's mark apart from its first word ("*The" →
// "* The"), so that a number is never read with the words after it.
func markApart(line string) string {
	if m := noteMarkRE.FindStringSubmatchIndex(line); m != nil && line[m[3]] != ' ' {
		return line[:m[3]] + " " + line[m[3]:]
	}
	return line
}

// noteSize is the share of the body text's type size under which a line
// is set small, as footnotes are (10 or 9 points under 12 or 11).
const noteSize = 0.92

// bodySize returns the type size of most of a document's text.
func bodySize(pages [][]pdfLine) float64 {
	weight := map[float64]int{}
	best, n := 0.0, 0
	for _, lines := range pages {
		for _, l := range lines {
			s := math.Round(l.size*10) / 10
			weight[s] += len(l.text)
			if weight[s] > n {
				best, n = s, weight[s]
			}
		}
	}
	return best
}

// dropMarginNumbers removes the line numbers some courts print in the left
// margin: a short number set apart from its line by a wide gap, left of
// where the page's text starts, on at least five lines of the page.
func dropMarginNumbers(lines []pdfLine) []pdfLine {
	n := 0
	var xs []float64 // where each line's text starts
	for _, l := range lines {
		if l.lead > 0 {
			n++
			xs = append(xs, l.after)
		} else {
			xs = append(xs, l.x)
		}
	}
	if n < 5 {
		return lines
	}
	slices.Sort(xs)
	left := xs[len(xs)/4]
	for i := range lines {
		l := &lines[i]
		switch {
		case l.x >= left:
		case l.lead > 0:
			cut := l.lead + 1 // the number and the space after it
			l.text, l.x, l.lead = l.text[cut:], left, 0
			l.marks, l.cells = cutOffsets(l.marks, cut), cutOffsets(l.cells, cut)
		case isDigits(l.text):
			l.text = ""
		}
	}
	out := lines[:0]
	for _, l := range lines {
		if l.text != "" {
			out = append(out, l)
		}
	}
	return out
}

// Bounds on the page tree. The PDF library walks the tree (and a page's
// Parent chain, for inherited resources) without guarding against cycles
// or absurd counts, so a hostile file could make it loop for ever; the
// tree is walked here instead, within these bounds.
const (
	maxPDFPages = 100000
	maxPDFDepth = 64
)

// pdfPages lists the pages in document order.
func pdfPages(r *pdf.Reader) ([]pdf.Page, error) {
	type node struct {
		v     pdf.Value
		depth int
	}
	var pages []pdf.Page
	stack := []node{{r.Trailer().Key("Root").Key("Pages"), 0}}
	for visited := 0; len(stack) > 0; visited++ {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if visited > maxPDFPages || n.depth > maxPDFDepth {
			return nil, fail(ProblemBadPDF, -1, "page tree too large or cyclic")
		}
		switch n.v.Key("Type").Name() {
		case "Page":
			if !parentChainEnds(n.v) {
				return nil, fail(ProblemBadPDF, -1, "page %d: cyclic Parent chain", len(pages)+1)
			}
			pages = append(pages, pdf.Page{V: n.v})
		case "Pages":
			kids := n.v.Key("Kids")
			for i := kids.Len() - 1; i >= 0; i-- {
				stack = append(stack, node{kids.Index(i), n.depth + 1})
			}
		}
	}
	return pages, nil
}

func parentChainEnds(v pdf.Value) bool {
	for i := 0; i <= maxPDFDepth; i++ {
		if v.IsNull() {
			return true
		}
		v = v.Key("Parent")
	}
	return false
}
