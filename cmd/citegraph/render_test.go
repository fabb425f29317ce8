package main

import (
	"bytes"
	"encoding/xml"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// nodeTooltip matches a drawn case: a circle carrying its tooltip.
var nodeTooltip = regexp.MustCompile(`<circle [^>]*><title>`)

// svgNodes counts the cases drawn in an SVG.
func svgNodes(svg []byte) int { return len(nodeTooltip.FindAll(svg, -1)) }

// drawsText reports whether the SVG sets s as one line of text.
func drawsText(svg []byte, s string) bool {
	var esc bytes.Buffer
	xml.EscapeText(&esc, []byte(s))
	return bytes.Contains(svg, []byte(">"+esc.String()+"</text>"))
}

func TestRenderSample(t *testing.T) {
	dir := t.TempDir()
	svg := filepath.Join(dir, "sample.svg")
	mustRun(t, "render", "--sample", "-o", svg)
	pic := readFile(t, svg)
	if nodes := svgNodes(pic); nodes != 9 {
		t.Errorf("%d cases drawn, want the sample's 9", nodes)
	}
	for _, want := range []string{"Imbler v. Pachtman", "424 U.S. 409 (1976)", "Van de Kamp v. Goldstein", "Node size: PageRank", "Colour: court"} {
		if !drawsText(pic, want) {
			t.Errorf("no %q in the picture", want)
		}
	}
	pngPath := filepath.Join(dir, "sample.png")
	mustRun(t, "render", "--sample", "--scale", "1", "--title", "Van de Kamp v. Goldstein (2009)", "-o", pngPath)
	img, err := png.Decode(bytes.NewReader(readFile(t, pngPath)))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() < 600 || b.Dy() < 400 {
		t.Errorf("PNG is only %v", b)
	}
}

// TestRenderGraphFileWithFilters draws part of a graph written by build.
func TestRenderGraphFileWithFilters(t *testing.T) {
	dir := t.TempDir()
	g := filepath.Join(dir, "sample.graphml")
	mustRun(t, "build", "--sample", "-q", "-o", g)
	svg := filepath.Join(dir, "top.svg")
	mustRun(t, "render", g, "--top", "3", "--by", "citations", "--size-by", "citations", "--layout", "force", "-o", svg)
	pic := readFile(t, svg)
	if nodes := svgNodes(pic); nodes != 3 {
		t.Errorf("%d cases drawn, want the top 3", nodes)
	}
	if !drawsText(pic, "Imbler v. Pachtman") || !drawsText(pic, "Node size: times cited") {
		t.Errorf("top case or size legend missing")
	}
	around := filepath.Join(dir, "around.svg")
	mustRun(t, "render", g, "--around", "424 U.S. 409", "-o", around)
	if nodes := svgNodes(readFile(t, around)); nodes != 2 {
		t.Errorf("neighbourhood of Imbler: %d cases drawn, want Imbler and Van de Kamp", nodes)
	}
}

func TestRenderScotusTop50(t *testing.T) {
	dir := sharedCorpus(t, "scotus")
	out := t.TempDir()
	svg := filepath.Join(out, "top50.svg")
	mustRun(t, "render", dir, "--manifest", filepath.Join(dir, "manifest.csv"), "-q", "--top", "50", "-o", svg)
	if nodes := svgNodes(readFile(t, svg)); nodes != 50 {
		t.Errorf("%d cases drawn, want 50", nodes)
	}
	pngPath := filepath.Join(out, "top50.png")
	mustRun(t, "render", dir, "--manifest", filepath.Join(dir, "manifest.csv"), "-q", "--top", "50", "-o", pngPath)
	if _, err := png.Decode(bytes.NewReader(readFile(t, pngPath))); err != nil {
		t.Fatal(err)
	}
}

// TestRenderErrors: usage mistakes exit 2, failures exit 1, and neither
// touches the output file.
func TestRenderErrors(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "g.svg")
	if err := os.WriteFile(out, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"-o", filepath.Join(dir, "g.dot")}, 2, "render draws pictures: svg, png, html (from the -o extension or --format), not dot"},
		{[]string{"-o", filepath.Join(dir, "g.pdf")}, 2, `render draws pictures: svg, png, html (from the -o extension or --format), not ".pdf"`},
		{[]string{"--layout", "circle", "-o", out}, 2, "--layout"},
		{[]string{"--size-by", "fame", "-o", out}, 2, "--size-by"},
		{[]string{"--scale", "-1", "-o", out}, 2, "--scale"},
		{[]string{"--scale", "17", "-o", out}, 2, "--scale"},
		{[]string{"--sample", "--around", "999 U.S. 999", "-o", out}, 1, "999 U.S. 999"},
		{[]string{"--sample", "--since", "2100", "-o", out}, 1, "nothing to draw"},
		{[]string{filepath.Join(dir, "missing.graphml"), "-o", out}, 1, "missing.graphml"},
	} {
		stderr, code := runGraphCmd(t, append([]string{"render"}, c.args...)...)
		if code != c.code || !strings.Contains(stderr, c.msg) {
			t.Errorf("render %s: exit %d, %q; want exit %d mentioning %q", strings.Join(c.args, " "), code, stderr, c.code, c.msg)
		}
	}
	if got := readFile(t, out); string(got) != "old" {
		t.Errorf("a failed render replaced the output with %d bytes", len(got))
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 {
		t.Errorf("failed renders left files: %d entries", len(ents))
	}
}

// TestRenderAroundLabelsTheFocus: the case of --around is labelled and
// ringed even when the labels go to others.
func TestRenderAroundLabelsTheFocus(t *testing.T) {
	svg := filepath.Join(t.TempDir(), "brady.svg")
	mustRun(t, "render", "--sample", "--around", "373 U.S. 83", "--layout", "force", "--labels", "1", "-o", svg)
	pic := readFile(t, svg)
	if !drawsText(pic, "Brady v. Maryland") {
		t.Error("the focus, Brady v. Maryland, is not labelled")
	}
	if !regexp.MustCompile(`<circle [^>]*stroke="#222222" stroke-width="3"><title>Brady v. Maryland`).Match(pic) {
		t.Error("the focus is not ringed")
	}
}
