package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/citegraph/citegraph/corpus"
	"github.com/citegraph/citegraph/export"
	"github.com/citegraph/citegraph/extract"
	"github.com/citegraph/citegraph/graph"
)

func init() { register(newBuildCmd) }

// corpusFlags are what build and rank need to turn opinions into a graph.
type corpusFlags struct {
	in       inputFlags
	ex       extractorFlags
	sample   bool
	statutes bool
}

func (f *corpusFlags) register(cmd *cobra.Command) {
	f.in.register(cmd)
	f.ex.register(cmd)
	fl := cmd.Flags()
	fl.BoolVar(&f.sample, "sample", false, fmt.Sprintf("run on the embedded sample opinion (%s)", corpus.Sample().Meta.CaseName))
	fl.BoolVar(&f.statutes, "statutes", false, "make statutes nodes too (otherwise only cases are)")
}

// check checks the values of the input flags, and fails an output that is
// one of the inputs (see checkNotInput): args, the files flagged, and those
// of the input flags (manifest, reporters, the CourtListener bulk files).
// Every command that reads opinions calls it before any work.
func (f *corpusFlags) check(outs []outputFile, args []string, flagged ...string) error {
	if err := f.in.check(); err != nil {
		return err
	}
	if err := f.ex.check(); err != nil {
		return err
	}
	flagged = append(flagged, f.in.manifest, f.ex.reporters)
	if f.in.bulk != "" {
		// A folder that cannot be read is reported when it is loaded.
		b, _ := corpus.FindBulkFiles(f.in.bulk)
		flagged = append(flagged, b.Opinions, b.Clusters, b.Dockets, b.Citations, b.CitationMap)
	}
	return checkNotInput(outs, args, flagged...)
}

// build reads the opinions args names (see useSample), extracts their
// citations on the worker pool and builds their graph, in input order.
func (f *corpusFlags) build(cmd *cobra.Command, args []string) (*graph.Graph, error) {
	sample, err := useSample(cmd, f.sample, &f.in, args)
	if err != nil {
		return nil, err
	}
	e, err := f.ex.extractor()
	if err != nil {
		return nil, err
	}
	b := graph.NewBuilder(graph.Options{Statutes: f.statutes, Reporters: e.Reporters(), Normalize: graph.Normalizer(e)})
	work := func(doc *corpus.Document) (*extract.Citations, error) { return extractDocument(e, doc) }
	if sample {
		doc := corpus.Sample()
		cites, err := work(doc)
		if err != nil {
			return nil, err
		}
		if err := b.AddCitations(doc, cites); err != nil {
			return nil, err
		}
	} else if tables, err := recordTables(args); err != nil {
		return nil, err
	} else if len(tables) > 0 {
		for _, t := range tables {
			if err := export.ReadRecords(t[0], t[1], e.Reporters(), b.Add); err != nil {
				return nil, err
			}
		}
	} else if _, err := processInputs(cmd, &f.in, args, work, b.AddCitations); err != nil {
		return nil, err
	}
	return b.Graph()
}

// recordTables returns the path and format of each input when all are
// tables of citation records (citegraph extract's output, see
// export.IsRecordTable), and nothing when none is.
func recordTables(args []string) ([][2]string, error) {
	var tables [][2]string
	for _, a := range args {
		if format := export.IsRecordTable(a); format != "" {
			tables = append(tables, [2]string{a, format})
		}
	}
	if len(tables) > 0 && len(tables) < len(args) {
		return nil, usagef("give either opinions or tables of citations (%s is one), not both", tables[0][0])
	}
	return tables, nil
}

func newBuildCmd() *cobra.Command {
	var (
		src         corpusFlags
		flt         filterFlags
		rk          rankFlags
		ex          exportFlags
		out         string
		format      string
		report      string
		measures    []string
		graphFormat string
	)
	cmd := &cobra.Command{
		Use:   "build [FILE|DIR|GLOB|-]... | GRAPHFILE  -o FILE",
		Short: "Build the precedent graph of opinions, or convert and filter a graph file",
		Long: `Build reads opinions (files, directories, globs, "-" or nothing for standard
input; --sample for the embedded sample opinion), finds and resolves their citations and
writes the directed precedent graph: one node per case (all its parallel
citations, and the corpus documents that are the case), one edge per citing
case → cited case, weighted by the number of citations (short forms, supra and
Id. included), with pin cites, signals, parentheticals, citing opinions and
star pages. Ranking scores (--measures) become node attributes: the scores of
the whole graph, before any filter (--local-scores: of what the filters keep).

The format comes from the output's extension or --format: ` + strings.Join(export.Formats, ", ") + `.
Short forms that could not be resolved are counted per document: the summary
names the documents with most, and --report writes the count for each.

Given one graph file instead of opinions (GraphML, node-link JSON, citegraph's
nodes.csv/edges.csv pair, or an edge list; see rank), build reads it and writes
it in the format asked, with the filters applied: one command converts between
formats and cuts graphs down.`,
		Example: `  citegraph build --sample -o sample.graphml
  citegraph build ../shared/corpus/immunity --manifest ../shared/corpus/immunity/manifest.csv -o immunity.gexf
  citegraph build opinions/ -o graph.json --around "424 U.S. 409" --depth 2
  citegraph build graph.csv -o imbler.gexf --around "Imbler v. Pachtman"`,
		RunE: func(cmd *cobra.Command, args []string) (err error) {
			if format == "" && out == export.Stdout {
				format = export.JSON
			}
			if format != "" {
				if err := export.CheckFormat(format); err != nil {
					return usageError{err}
				}
			} else if format, err = export.FormatFromPath(out); err != nil {
				return usageError{err}
			}
			if err := checkOutput(cmd, out, format); err != nil {
				return err
			}
			outs := graphOutputs(out, format)
			if report != "" {
				if err := checkOutput(cmd, report, ""); err != nil {
					return err
				}
				outs = append(outs, outputFile{"--report", report})
			}
			if err := src.check(outs, args); err != nil {
				return err
			}
			opt, err := rk.options()
			if err != nil {
				return err
			}
			exOpt, err := ex.options()
			if err != nil {
				return err
			}
			ms, err := measureList(measures)
			if err != nil {
				return err
			}
			if _, err := flt.filter(); err != nil {
				return err
			}
			if f, err := graphFileFormat(args, graphFormat); err != nil {
				return err
			} else if f != "" && report != "" {
				return usagef("--report counts what became of each opinion's citations: give opinions, not a graph file")
			}
			g, _, err := loadGraph(cmd, &src, args, graphFormat)
			if err != nil {
				return err
			}
			if report != "" {
				if err := export.WriteFiles(cmd.Context(), export.Output{Path: report, Write: func(w io.Writer) error { return writeDocReport(w, g) }}); err != nil {
					return err
				}
			}
			if !src.in.quiet {
				summarize(cmd.ErrOrStderr(), g)
			}
			if !slices.Contains(ms, ex.sizeBy) && ex.sizeBy != "" {
				ms = append(ms, ex.sizeBy)
			}
			exOpt.Focus = focusOf(g, &flt)
			if g, err = flt.scoreAndFilter(cmd, g, ms, opt); err != nil {
				return err
			}
			if err := export.Save(cmd.Context(), out, g, format, exOpt); err != nil {
				return err
			}
			if !src.in.quiet && out != export.Stdout {
				fmt.Fprintf(cmd.ErrOrStderr(), "citegraph: wrote %s (%s)\n", out, format)
			}
			return nil
		},
	}
	src.register(cmd)
	flt.register(cmd, true)
	rk.register(cmd)
	ex.registerFormats(cmd)
	fl := cmd.Flags()
	fl.StringVarP(&out, "output", "o", export.Stdout, "write the graph to this file (atomically); - is standard output")
	fl.StringVarP(&format, "format", "f", "", "output format (default: from the -o extension; json on standard output)")
	fl.StringVar(&report, "report", "", "write a CSV of what became of each document's citations to this file")
	registerGraphFormat(cmd, &graphFormat)
	fl.StringSliceVar(&measures, "measures", []string{graph.PageRank, graph.Authority, graph.Hub},
		"scores to compute and attach to the nodes ("+strings.Join(graph.Measures, ", ")+", or none)")
	return cmd
}

// measureList checks --measures.
func measureList(ms []string) ([]string, error) {
	var out []string
	for _, m := range ms {
		m = strings.TrimSpace(m)
		switch {
		case m == "none" || m == "":
		case graph.IsMeasure(m):
			out = append(out, m)
		default:
			return nil, usagef("unknown measure %q in --measures (want %s, or none)", m, strings.Join(graph.Measures, ", "))
		}
	}
	return out, nil
}

// summaryTop is how many of the most cited cases the summary lists.
const summaryTop = 10

// mostCited returns the n most cited cases of g (every citation counted,
// then citing cases, then id), most first.
func mostCited(g *graph.Graph, n int) []graph.Node {
	var top []graph.Node
	before := func(a, b graph.Node) bool {
		if a.TimesCited != b.TimesCited {
			return a.TimesCited > b.TimesCited
		}
		if a.CitingCases != b.CitingCases {
			return a.CitingCases > b.CitingCases
		}
		return a.ID < b.ID
	}
	for nd := range g.Nodes() {
		if nd.TimesCited == 0 {
			continue
		}
		at := len(top)
		for at > 0 && before(nd, top[at-1]) {
			at--
		}
		if at < n {
			top = slices.Insert(top, at, nd)
			top = top[:min(len(top), n)]
		}
	}
	return top
}

// summarize tells how the build went: graph size, the most cited cases,
// and the documents with the most unresolved short forms.
func summarize(w io.Writer, g *graph.Graph) {
	inCorpus := 0
	for n := range g.Nodes() {
		if n.InCorpus {
			inCorpus++
		}
	}
	var worst []graph.DocStat
	unresolved, docs := 0, 0
	for d := range g.Documents() {
		if d.Unresolved == 0 {
			continue
		}
		unresolved += d.Unresolved
		docs++
		// Keep the five worst, most first, ties in input order.
		at := len(worst)
		for at > 0 && worst[at-1].Unresolved < d.Unresolved {
			at--
		}
		if at < 5 {
			worst = append(worst[:at], append([]graph.DocStat{d}, worst[at:]...)...)
			worst = worst[:min(len(worst), 5)]
		}
	}
	fmt.Fprintf(w, "citegraph: %d cases (%d in the corpus), %d edges; %d unresolved short forms in %d documents\n",
		g.NodeCount(), inCorpus, g.EdgeCount(), unresolved, docs)
	if top := mostCited(g, summaryTop); len(top) > 0 {
		fmt.Fprintf(w, "citegraph: most cited:\n")
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "  CITATIONS\tCITING CASES\tCASE\tNAME\n")
		for _, n := range top {
			fmt.Fprintf(tw, "  %9d\t%12d\t%s\t%s\n", n.TimesCited, n.CitingCases, n.ID, n.Name)
		}
		tw.Flush()
	}
	for _, d := range worst {
		// The three commonest reasons; --report has them all.
		reasons := slices.Clone(d.Reasons)
		slices.SortStableFunc(reasons, func(a, b graph.Count) int { return b.N - a.N })
		more := ""
		if len(reasons) > 3 {
			reasons, more = reasons[:3], "; …"
		}
		fmt.Fprintf(w, "citegraph:   %s: %d of %d citations unresolved (%s%s)\n", d.Doc, d.Unresolved, d.Citations, countList(reasons), more)
	}
}

func countList(cs []graph.Count) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = c.Value + " ×" + strconv.Itoa(c.N)
	}
	return strings.Join(parts, "; ")
}

// writeDocReport writes one CSV row per document: what became of its
// citations.
func writeDocReport(w io.Writer, g *graph.Graph) error {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"doc", "node", "opinion", "citations", "edges", "unresolved", "self_cites", "statutes", "duplicates", "unresolved_reasons"})
	for d := range g.Documents() {
		row := []string{d.Doc, d.Node, d.Opinion}
		for _, n := range []int{d.Citations, d.Edges, d.Unresolved, d.SelfCites, d.Statutes, d.Duplicates} {
			row = append(row, strconv.Itoa(n))
		}
		_ = cw.Write(append(row, countList(d.Reasons)))
	}
	cw.Flush()
	return cw.Error()
}
