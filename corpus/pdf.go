package corpus

import (
	"bytes"
	"fmt"
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
	var b strings.Builder
	d = &Document{Format: "pdf"}
	for i := 1; i <= r.NumPage(); i++ {
		p := r.Page(i)
		if p.V.IsNull() {
			continue
		}
		t, err := p.GetPlainText(nil)
		if err != nil {
			return nil, fail(ProblemBadPDF, -1, "page %d: %v", i, err)
		}
		t = strings.Trim(t, "\n")
		if strings.TrimSpace(t) == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		d.Pages = append(d.Pages, PageMark{Offset: b.Len(), Page: strconv.Itoa(i)})
		b.WriteString(t)
	}
	if b.Len() == 0 {
		return nil, fail(ProblemEmpty, -1, "%s", fmt.Sprintf("no text layer in %d page(s) (a scanned PDF needs OCR first)", r.NumPage()))
	}
	d.Text = b.String()
	return d, nil
}
