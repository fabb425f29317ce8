// Package viewer writes a precedent graph as one self-contained HTML file:
// an interactive map that opens in any browser, offline and from file://,
// with the graph's data, the viewer's code and the vendored drawing
// libraries (sigma.js on graphology, see third_party/README.md) inline.
//
// Positions, sizes and colours come from package draw, so the map opens
// laid out as the pictures are: a timeline for small graphs, force-directed
// for large ones. In the page a reader can search cases by name or
// citation, open a case to see its citations, court, year, scores and
// every citation to and from it (pins, counts, signals, opinions and
// parentheticals), highlight its neighbourhood, filter by years and court,
// and switch the measure that sizes the nodes.
package viewer

import (
	"bufio"
	_ "embed"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/citegraph/citegraph/export/draw"
)

var (
	//go:embed third_party/sigma.min.js
	sigmaJS string
	//go:embed third_party/graphology.umd.min.js
	graphologyJS string
	//go:embed page.html
	pageHTML string
	//go:embed viewer.css
	viewerCSS string
	//go:embed viewer.js
	viewerJS string
)

// WarnNodes is the size above which the page says that the map is large
// and suggests --top or --around: past it, panning stays smooth on a
// recent machine but the map is too dense to read as a whole.
const WarnNodes = 3000

// Write writes g as the viewer's HTML page, laid out by draw with opts
// (SizeBy is the measure the page opens with; Title heads the page; the
// page opens with the Focus case's panel open). It
// fails as draw.Place does, on an empty graph or bad options.
func Write(w io.Writer, g draw.Source, opts draw.Options) error {
	p, err := draw.Place(g, opts)
	if err != nil {
		return err
	}
	data, err := json.Marshal(model(p, opts))
	if err != nil {
		return fmt.Errorf("viewer data: %w", err)
	}
	title := strings.TrimSpace(opts.Title)
	if title == "" {
		title = "Precedent map"
	}
	bw := bufio.NewWriter(w)
	// json.Marshal writes <, > and & as \u escapes, so the data cannot end
	// its script element; the vendored and own scripts are checked for
	// "</script" by the tests.
	r := strings.NewReplacer(
		"{{title}}", html.EscapeString(title),
		"{{css}}", viewerCSS,
		"{{graphology}}", graphologyJS,
		"{{sigma}}", sigmaJS,
		"{{data}}", string(data),
		"{{viewer}}", viewerJS,
	)
	if _, err := r.WriteString(bw, pageHTML); err != nil {
		return err
	}
	return bw.Flush()
}
