package corpus

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/ledongthuc/pdf"
)

// readPDF reads the text layer of a PDF, one page after another, with a
// page mark at the start of each page (numbered from 1 as the file orders
// them). A PDF without a text layer (a scan) is reported, not returned
// empty: it needs OCR first.
func readPDF(data []byte) (d *Document, err error) {
	// The PDF library panics on some malformed files; a bad PDF must only
	// cost its own document.
	defer func() {
		if r := recover(); r != nil {
			d, err = nil, fail(ProblemBadPDF, -1, "%v", r)
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fail(ProblemBadPDF, -1, "%v", err)
	}
	pages, err := pdfPages(r)
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	d = &Document{Format: "pdf"}
	for i, p := range pages {
		t, err := p.GetPlainText(nil)
		if err != nil {
			return nil, fail(ProblemBadPDF, -1, "page %d: %v", i+1, err)
		}
		// Fonts with broken encodings yield invalid bytes; the text must
		// stay UTF-8 for everything downstream.
		t = strings.ToValidUTF8(strings.Trim(t, "\n"), "\uFFFD")
		if strings.TrimSpace(t) == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		d.Pages = append(d.Pages, PageMark{Offset: b.Len(), Page: strconv.Itoa(i + 1)})
		b.WriteString(t)
	}
	if b.Len() == 0 {
		return nil, fail(ProblemEmpty, -1, "no text layer in %d page(s) (a scanned PDF needs OCR first)", len(pages))
	}
	d.Text = b.String()
	return d, nil
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
