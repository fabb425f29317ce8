package export

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/citegraph/citegraph/export/draw"
	"github.com/citegraph/citegraph/export/viewer"
	"github.com/citegraph/citegraph/graph"
)

// Source is the graph to export; *graph.Graph is one. Both sequences must
// be deterministic (the graph package yields nodes by id and edges by
// source, then target) and every edge's endpoints must be among the nodes.
type Source = draw.Source

// Options tunes the writers. The zero value gives every format's defaults.
type Options struct {
	// Cluster groups the DOT drawing into one box per court ("court"), or
	// not at all ("").
	Cluster string
	// ByYear lines the DOT drawing up on a year axis, one rank per year.
	ByYear bool
	// Neo4j writes CSV headers for neo4j-admin database import (:ID,
	// :START_ID, :END_ID, typed and array columns).
	Neo4j bool
	// GEXFVersion is the GEXF version written: GEXF13 ("" means it) or
	// GEXF12 for older readers (networkx 2.x, Gephi 0.9 and before).
	GEXFVersion string
	// Options tunes pictures (svg, png); its SizeBy also sizes the nodes
	// of GEXF.
	draw.Options
}

// Format names, as accepted by Write and --format.
const (
	DOT       = "dot"
	GraphML   = "graphml"
	GEXF      = "gexf"
	JSON      = "json"    // node-link, as networkx and d3 read it
	Cytoscape = "cyjs"    // Cytoscape.js elements
	CSV       = "csv"     // two files: nodes and edges
	Parquet   = "parquet" // two files: nodes and edges
	SVG       = "svg"
	PNG       = "png"
	HTML      = "html" // the interactive viewer: one self-contained page
)

// Formats lists every format name, in the order help text shows them.
var Formats = []string{DOT, GraphML, GEXF, JSON, Cytoscape, CSV, Parquet, SVG, PNG, HTML}

var extensions = map[string]string{
	".dot": DOT, ".gv": DOT,
	".graphml": GraphML,
	".gexf":    GEXF,
	".json":    JSON,
	".cyjs":    Cytoscape,
	".csv":     CSV,
	".parquet": Parquet,
	".svg":     SVG,
	".png":     PNG,
	".html":    HTML,
	".htm":     HTML,
}

// FormatFromPath picks the format from an output path: by extension, and
// CSV for a directory (an existing one, or a path ending in a separator).
// Standard output ("-") has no format of its own.
func FormatFromPath(path string) (string, error) {
	if path == Stdout {
		return "", errors.New("writing to standard output: give the format with --format (" + strings.Join(Formats, ", ") + ")")
	}
	if isDirTarget(path) {
		return CSV, nil
	}
	ext := strings.ToLower(filepath.Ext(path))
	if f, ok := extensions[ext]; ok {
		return f, nil
	}
	return "", fmt.Errorf("%s: cannot tell the format from the extension %q; use one of .dot .gv .graphml .gexf .json .cyjs .csv .parquet .svg .png .html, a directory for CSV, or --format", path, ext)
}

// CheckFormat reports whether name is a known format.
func CheckFormat(name string) error {
	if slices.Contains(Formats, name) {
		return nil
	}
	return fmt.Errorf("unknown format %q (known: %s)", name, strings.Join(Formats, ", "))
}

// ErrTwoFiles is returned by Write for CSV and Parquet, which are two
// files: use Save, or WriteCSVNodes and WriteCSVEdges (WriteParquetNodes,
// WriteParquetEdges).
var ErrTwoFiles = errors.New("CSV and Parquet are two files (nodes and edges): write them with Save to a directory or a .csv or .parquet name")

// Write writes g to w in the named format. CSV, being two files, is written
// by Save or WriteCSV instead.
func Write(w io.Writer, g Source, format string, opts Options) error {
	switch format {
	case DOT:
		return WriteDOT(w, g, opts)
	case GraphML:
		return WriteGraphML(w, g)
	case GEXF:
		return WriteGEXF(w, g, opts)
	case JSON:
		return WriteNodeLink(w, g)
	case Cytoscape:
		return WriteCytoscape(w, g)
	case SVG:
		return draw.WriteSVG(w, g, opts.Options)
	case PNG:
		return draw.WritePNG(w, g, opts.Options)
	case HTML:
		return viewer.Write(w, g, opts.Options)
	case CSV, Parquet:
		return ErrTwoFiles
	}
	return CheckFormat(format)
}

// Save writes g to path in the named format ("" = from the path), replacing
// any old file only once the new one is complete. "-" is standard output.
//
// CSV and Parquet go to two files. For a directory target (an existing
// directory, or a path ending in a separator, created if missing) they are
// DIR/nodes.csv and DIR/edges.csv (nodes.parquet, edges.parquet); for
// NAME.csv they are NAME.nodes.csv and NAME.edges.csv, for NAME.parquet
// NAME.nodes.parquet and NAME.edges.parquet. The two replace their old
// versions together (see WriteFiles). Cancelling ctx stops the writing,
// leaving the old files.
func Save(ctx context.Context, path string, g Source, format string, opts Options) error {
	if format == "" {
		f, err := FormatFromPath(path)
		if err != nil {
			return err
		}
		format = f
	} else if err := CheckFormat(format); err != nil {
		return err
	}
	writeNodes, writeEdges := func(w io.Writer) error { return WriteCSVNodes(w, g, opts) }, func(w io.Writer) error { return WriteCSVEdges(w, g, opts) }
	switch format {
	case CSV:
	case Parquet:
		writeNodes, writeEdges = func(w io.Writer) error { return WriteParquetNodes(w, g) }, func(w io.Writer) error { return WriteParquetEdges(w, g) }
	default:
		return WriteFiles(ctx, Output{path, func(w io.Writer) error { return Write(w, g, format, opts) }})
	}
	nodes, edges, err := PairPaths(path, format)
	if err != nil {
		return err
	}
	return WriteFiles(ctx, Output{nodes, writeNodes}, Output{edges, writeEdges})
}

// PairPaths names the two files of a CSV or Parquet export (format) to
// path (see Save), creating a directory target that does not exist yet.
func PairPaths(path, format string) (nodes, edges string, err error) {
	if path == Stdout {
		return "", "", fmt.Errorf("%s is two files (nodes and edges) and cannot go to standard output; give a directory or a .%s name", format, format)
	}
	if isDirTarget(path) {
		if err := os.MkdirAll(path, 0o755); err != nil {
			return "", "", fmt.Errorf("create %s: %w", path, unwrapPathError(err))
		}
		return filepath.Join(path, "nodes."+format), filepath.Join(path, "edges."+format), nil
	}
	stem := strings.TrimSuffix(path, filepath.Ext(path))
	return stem + ".nodes." + format, stem + ".edges." + format, nil
}

func isDirTarget(path string) bool {
	if strings.HasSuffix(path, "/") || strings.HasSuffix(path, string(filepath.Separator)) {
		return true
	}
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

// The graph package's Graph is the Source every command exports.
var _ Source = (*graph.Graph)(nil)
