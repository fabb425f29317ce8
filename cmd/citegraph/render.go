package main

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/citegraph/citegraph/export"
	"github.com/citegraph/citegraph/export/draw"
	"github.com/citegraph/citegraph/graph"
)

func init() { register(newRenderCmd) }

// exportFlags tune how a graph is written: the format-specific options of
// build, and the picture options of render.
type exportFlags struct {
	gexf      string
	sizeBy    string
	sizeScale string
	cluster   string
	byYear    bool
	neo4j     bool
	layout    string
	labels    int
	title     string
	scale     float64
}

// registerFormats adds the options of the file formats (DOT, GEXF, CSV).
// Pictures written by build take render's defaults.
func (f *exportFlags) registerFormats(cmd *cobra.Command) {
	f.scale = defaultScale
	fl := cmd.Flags()
	fl.StringVar(&f.cluster, "cluster", "", `DOT: box the cases of each court together ("court")`)
	fl.BoolVar(&f.byYear, "by-year", false, "DOT: line the cases up on a year axis")
	fl.BoolVar(&f.neo4j, "neo4j", false, "CSV: headers for neo4j-admin database import (:ID, :START_ID, :END_ID, typed and array columns)")
	fl.StringVar(&f.gexf, "gexf-version", export.GEXF13, "GEXF: "+export.GEXF13+", or "+export.GEXF12+" for older readers (networkx 2.x, Gephi 0.9 and before)")
	f.registerSize(cmd)
}

// defaultScale is the PNG's pixels per SVG pixel: sharp in print.
const defaultScale = 2

// registerPicture adds the options of pictures.
func (f *exportFlags) registerPicture(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.layout, "layout", "", fmt.Sprintf("%s (rows by year, oldest at the top) or %s (force-directed); default: %s up to %d cases",
		draw.LayoutTimeline, draw.LayoutForce, draw.LayoutTimeline, draw.TimelineMax))
	fl.IntVar(&f.labels, "labels", 0, "label this many cases, highest by --size-by first (default: all of a small timeline, else 30; -1: none)")
	fl.StringVar(&f.title, "title", "", "title set above the picture")
	fl.Float64Var(&f.scale, "scale", defaultScale, "PNG pixels per SVG pixel")
	f.registerSize(cmd)
}

func (f *exportFlags) registerSize(cmd *cobra.Command) {
	if cmd.Flags().Lookup("size-by") == nil {
		cmd.Flags().StringVar(&f.sizeBy, "size-by", graph.PageRank, "measure that sizes the nodes (GEXF, pictures): "+strings.Join(graph.Measures, ", "))
		cmd.Flags().StringVar(&f.sizeScale, "size-scale", draw.ScaleArea, draw.ScaleArea+": node area proportional to the --size-by value; "+draw.ScaleRank+": to its rank from the bottom, for skewed measures")
	}
}

// options checks the flags and returns the export options they ask for.
func (f *exportFlags) options() (export.Options, error) {
	switch {
	case f.sizeBy != "" && !graph.IsMeasure(f.sizeBy):
		return export.Options{}, usagef("unknown --size-by %q (want one of %s)", f.sizeBy, strings.Join(graph.Measures, ", "))
	case f.sizeScale != "" && f.sizeScale != draw.ScaleArea && f.sizeScale != draw.ScaleRank:
		return export.Options{}, usagef("unknown --size-scale %q (want %s or %s)", f.sizeScale, draw.ScaleArea, draw.ScaleRank)
	case f.cluster != "" && f.cluster != "court":
		return export.Options{}, usagef(`--cluster can only be "court", not %q`, f.cluster)
	case f.layout != "" && f.layout != draw.LayoutTimeline && f.layout != draw.LayoutForce:
		return export.Options{}, usagef("unknown --layout %q (want %s or %s)", f.layout, draw.LayoutTimeline, draw.LayoutForce)
	case !(f.scale > 0 && f.scale <= 16):
		return export.Options{}, usagef("--scale must be in (0, 16], not %v", f.scale)
	}
	if err := export.CheckGEXFVersion(f.gexf); err != nil {
		return export.Options{}, usagef("--gexf-version: %v", err)
	}
	return export.Options{
		Cluster: f.cluster, ByYear: f.byYear, Neo4j: f.neo4j, GEXFVersion: f.gexf,
		Options: draw.Options{SizeBy: f.sizeBy, SizeScale: f.sizeScale, Layout: f.layout, Labels: f.labels, Title: f.title, Scale: f.scale},
	}, nil
}

// focusOf returns the id of the case --around names in g, the pictures'
// focus, or "".
func focusOf(g *graph.Graph, flt *filterFlags) string {
	if flt.around == "" {
		return ""
	}
	if n, err := g.Lookup(flt.around); err == nil {
		return n.ID
	}
	return ""
}

// pictureFormats are the formats render draws: pictures, and the
// interactive map.
var pictureFormats = []string{export.SVG, export.PNG, export.HTML}

func newRenderCmd() *cobra.Command {
	var (
		src         corpusFlags
		flt         filterFlags
		rk          rankFlags
		ex          exportFlags
		out         string
		format      string
		graphFormat string
	)
	cmd := &cobra.Command{
		Use:   "render [FILE|DIR|GLOB|-]... | GRAPHFILE  -o graph.svg|graph.png|graph.html",
		Short: "Draw the precedent graph as an SVG or PNG picture, or an interactive HTML map",
		Long: `Render draws the precedent graph of opinions (built as build does:
standard input when no input is given, --sample for the embedded sample
opinion), or of a graph file (GraphML, node-link JSON, citegraph's CSV pair or
an edge list, as rank reads them), as a picture: no Graphviz or other program
needed.

Small graphs are drawn as a timeline: one row per year, oldest at the top,
each citation an arrow from the citing case up to the case it cites. Large
ones are drawn force-directed, with labels for the top cases. Nodes are sized
by --size-by and coloured by court, arrows are as wide as the number of
citations, and a legend says so. The filters (--top, --around, --since, ...)
pick the part of the graph to draw; sizes are the scores of the whole graph
(--local-scores: of the part drawn).

With -o graph.html it writes an interactive map instead: one self-contained
HTML file, laid out the same way, in which a reader can search cases, open
one to see who cites it where and for what, filter by years and court, and
switch the size measure. It opens in any browser, offline.

The format comes from the output's extension (.svg, .png, .html) or --format.`,
		Example: `  citegraph render --sample -o sample.png
  citegraph render ../shared/corpus/scotus --manifest ../shared/corpus/scotus/manifest.csv --top 50 -o top50.svg
  citegraph render graph.graphml --around "424 U.S. 409" --depth 1 --title "Imbler and its neighbours" -o imbler.png
  citegraph render --sample -o sample.html`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format == "" {
				format = export.SVG
				if out != export.Stdout {
					format, _ = export.FormatFromPath(out)
				}
			}
			if !slices.Contains(pictureFormats, format) {
				what := format
				if what == "" {
					what = fmt.Sprintf("%q", filepath.Ext(out))
				}
				return usagef("render draws pictures: %s (from the -o extension or --format), not %s; citegraph build writes the graph formats",
					strings.Join(pictureFormats, ", "), what)
			}
			if err := checkOutput(cmd, out, format); err != nil {
				return err
			}
			if err := src.check([]outputFile{{"-o", out}}, args); err != nil {
				return err
			}
			opts, err := ex.options()
			if err != nil {
				return err
			}
			opt, err := rk.options()
			if err != nil {
				return err
			}
			if _, err := flt.filter(); err != nil {
				return err
			}
			g, _, err := loadGraph(cmd, &src, args, graphFormat)
			if err != nil {
				return err
			}
			opts.Focus = focusOf(g, &flt)
			if g, err = flt.scoreAndFilter(cmd, g, []string{ex.sizeBy}, opt); err != nil {
				return err
			}
			if g.NodeCount() == 0 {
				return fmt.Errorf("nothing to draw: the graph has no case left after the filters")
			}
			return export.Save(cmd.Context(), out, g, format, opts)
		},
	}
	src.register(cmd)
	flt.register(cmd, true)
	rk.register(cmd)
	ex.registerPicture(cmd)
	fl := cmd.Flags()
	fl.StringVarP(&out, "output", "o", export.Stdout, "write the picture to this file (atomically); - is standard output")
	fl.StringVarP(&format, "format", "f", "", "svg, png or html (default: from the -o extension; svg on standard output)")
	registerGraphFormat(cmd, &graphFormat)
	return cmd
}
