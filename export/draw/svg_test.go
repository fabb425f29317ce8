package draw

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/export/internal/exporttest"
)

// svg draws g as SVG with the given options.
func svg(t testing.TB, g Source, opts Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WriteSVG(&b, g, opts); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestSVGIsWellFormedXML(t *testing.T) {
	for name, g := range map[string]exporttest.Graph{"sample": exporttest.Sample(), "torture": exporttest.Torture(), "synthetic": exporttest.Synthetic(400, 900)} {
		exporttest.Xmllint(t, exporttest.WriteTemp(t, name+".svg", svg(t, g, Options{})))
	}
}

// TestSVGKeepsNames: names and citations full of markup, quotes, control
// characters and other scripts reach the SVG's labels and tooltips as
// XML can hold them.
func TestSVGKeepsNames(t *testing.T) {
	g := exporttest.Torture()
	texts, titles := exporttest.SVGText(t, svg(t, g, Options{}))
	for _, n := range g.NodeList {
		if l := exporttest.XMLSafe(Label(n)); !slices.Contains(texts, l) {
			t.Errorf("label %q not drawn; texts: %q", l, texts)
		}
		found := false
		for _, ti := range titles {
			found = found || strings.Contains(ti, exporttest.XMLSafe(primaryCitation(n)))
		}
		if !found {
			t.Errorf("no tooltip names %q", n.ID)
		}
	}
}
