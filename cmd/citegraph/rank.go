package main

import (
	"cmp"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/citegraph/citegraph/corpus"
	"github.com/citegraph/citegraph/export"
	"github.com/citegraph/citegraph/graph"
)

func init() { register(newRankCmd) }

// rankFlags tune the iterative measures, for every command that ranks.
type rankFlags struct {
	damping     float64
	unweighted  bool
	tolerance   float64
	maxIter     int
	betweenness int
}

func (f *rankFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.Float64Var(&f.damping, "damping", 0.85, "PageRank damping factor: the chance of following a citation rather than jumping anywhere")
	fl.BoolVar(&f.unweighted, "unweighted", false, "PageRank and HITS count each citing case once, not each citation")
	fl.Float64Var(&f.tolerance, "tolerance", 1e-10, "PageRank and HITS stop when an iteration changes the scores by less than this in all (each measure sums to 1)")
	fl.IntVar(&f.maxIter, "max-iter", 1000, "most PageRank and HITS iterations (a warning says when they stop unconverged)")
	fl.IntVar(&f.betweenness, "betweenness-limit", 20000, "largest graph, in cases, betweenness runs on (it takes cases × edges steps)")
}

func (f *rankFlags) options() (graph.RankOptions, error) {
	switch {
	case !(f.damping > 0 && f.damping <= 1):
		return graph.RankOptions{}, usagef("--damping must be in (0, 1], not %v", f.damping)
	case !(f.tolerance > 0):
		return graph.RankOptions{}, usagef("--tolerance must be positive, not %v", f.tolerance)
	case f.maxIter < 1:
		return graph.RankOptions{}, usagef("--max-iter must be at least 1, not %d", f.maxIter)
	case f.betweenness < 1:
		return graph.RankOptions{}, usagef("--betweenness-limit must be at least 1, not %d", f.betweenness)
	}
	return graph.RankOptions{Damping: f.damping, Unweighted: f.unweighted, Tolerance: f.tolerance,
		MaxIter: f.maxIter, BetweennessLimit: f.betweenness}, nil
}

// rankWarn ranks g by measure, warning on standard error when an
// iterative measure stopped before converging.
func rankWarn(cmd *cobra.Command, g *graph.Graph, measure string, opt graph.RankOptions) error {
	res, err := g.Rank(cmd.Context(), measure, opt)
	if err != nil {
		return err
	}
	if !res.Converged {
		fmt.Fprintf(cmd.ErrOrStderr(), "citegraph: warning: %s did not converge in %d iterations (raise --max-iter or --tolerance)\n", measure, res.Iterations)
	}
	return nil
}

// Output formats of rank.
var rankFormats = []string{"table", "csv", "json"}

func newRankCmd() *cobra.Command {
	var (
		src         corpusFlags
		flt         filterFlags
		rk          rankFlags
		by          string
		top         int
		asOf        int
		format      string
		out         string
		graphFormat string
	)
	cmd := &cobra.Command{
		Use:   "rank [FILE|DIR|GLOB|-]... | GRAPHFILE",
		Short: "Rank the precedents of opinions, or of a graph from elsewhere",
		Long: `Rank prints the top cases by a measure of their place in the precedent graph:

  pagerank     PageRank (networkx's definition: weighted by citations unless
               --unweighted; a case citing nothing spreads its rank evenly)
  authority    HITS authority: cited by cases that cite good authorities
  hub          HITS hub: cites good authorities
  indegree     number of citing cases
  citations    number of citations, short forms included
  betweenness  share of shortest citation paths through the case (graphs up
               to --betweenness-limit cases)

The graph is built from opinions as build does (standard input when no
input is given, --sample for the embedded sample), or read from one GRAPHFILE:
GraphML (.graphml, or .xml holding GraphML), node-link JSON (.json as networkx,
d3 and citegraph write it), citegraph's CSV pair (graph.csv for graph.nodes.csv
and graph.edges.csv, or a folder holding nodes.csv and edges.csv), or an edge
list (.csv, .tsv, .edges, .edgelist, .ncol: source,target[,weight]; node ids
are kept as given). --graph-format names the format whatever the file's name.
--as-of YEAR ranks the graph as it stood then: only cases decided up to YEAR
(and the undated cases they cite). The filters (--around, --court, --since,
--until, --min-weight) pick which cases are listed; their scores are those of
the whole graph (as of --as-of), as in build and render, unless
--local-scores asks for the scores of the part kept.`,
		Example: `  citegraph rank --sample --by citations
  citegraph rank ../shared/corpus/scotus --manifest ../shared/corpus/scotus/manifest.csv --by pagerank --top 20 --as-of 1950
  citegraph rank network.csv --by authority --format csv -o top.csv
  citegraph rank graph.csv --around "Imbler v. Pachtman"`,
		RunE: func(cmd *cobra.Command, args []string) error {
			switch {
			case !graph.IsMeasure(by):
				return usagef("unknown --by %q (want one of %s)", by, strings.Join(graph.Measures, ", "))
			case top < 0:
				return usagef("--top must not be negative")
			case !slices.Contains(rankFormats, format):
				return usagef("unknown --format %q (want one of %s)", format, strings.Join(rankFormats, ", "))
			}
			if err := checkYear("--as-of", asOf); err != nil {
				return err
			}
			if err := checkOutput(cmd, out, ""); err != nil {
				return err
			}
			if err := src.check([]outputFile{{"-o", out}}, args); err != nil {
				return err
			}
			g, opt, err := loadChecked(cmd, &src, &flt, &rk, args, graphFormat)
			if err != nil {
				return err
			}
			if asOf != 0 {
				if !hasYears(g) {
					return fmt.Errorf("--as-of %d: no case in the graph has a year", asOf)
				}
				if g, err = g.Filter(cmd.Context(), graph.Filter{Until: asOf}); err != nil {
					return err
				}
			}
			if g, err = flt.scoreAndFilter(cmd, g, []string{by}, opt); err != nil {
				return err
			}
			ranked, err := g.Top(by, top)
			if err != nil {
				return err
			}
			return export.WriteFiles(cmd.Context(), export.Output{Path: out, Write: func(w io.Writer) error { return writeRanking(w, format, by, ranked) }})
		},
	}
	src.register(cmd)
	flt.register(cmd, false)
	rk.register(cmd)
	fl := cmd.Flags()
	fl.StringVar(&by, "by", graph.PageRank, "measure: "+strings.Join(graph.Measures, ", "))
	fl.IntVarP(&top, "top", "n", 20, "how many cases to list (0: all)")
	fl.IntVar(&asOf, "as-of", 0, "rank the graph as of this year: only cases decided up to then")
	fl.StringVarP(&format, "format", "f", "table", "output format: "+strings.Join(rankFormats, ", "))
	fl.StringVarP(&out, "output", "o", export.Stdout, "write to this file (atomically) instead of standard output")
	registerGraphFormat(cmd, &graphFormat)
	return cmd
}

// loadChecked checks the rank and filter flags, so that a mistake in them
// stops the command before the work of loading, and then loads the graph
// (see loadGraph).
func loadChecked(cmd *cobra.Command, src *corpusFlags, flt *filterFlags, rk *rankFlags, args []string,
	graphFormat string) (*graph.Graph, graph.RankOptions, error) {
	opt, err := rk.options()
	if err != nil {
		return nil, opt, err
	}
	if _, err := flt.filter(); err != nil {
		return nil, opt, err
	}
	g, _, err := loadGraph(cmd, src, args, graphFormat)
	return g, opt, err
}

// loadGraph reads a graph file when args is one (see graphFileFormat),
// and builds the graph of the opinions args names otherwise. fromFile
// says which.
func loadGraph(cmd *cobra.Command, src *corpusFlags, args []string, forced string) (g *graph.Graph, fromFile bool, err error) {
	format, err := graphFileFormat(args, forced)
	if err != nil {
		return nil, false, err
	}
	if format == "" {
		if len(args) == 1 && forced == "" && corpus.BulkFileKind(args[0]) == "citation-map" {
			g, err := citationMapGraph(cmd, src, args[0])
			return g, true, err
		}
		g, err := src.build(cmd, args)
		return g, false, err
	}
	if args[0] != "-" {
		g, err = graph.ReadFile(args[0], format)
		return g, true, err
	}
	in := cmd.InOrStdin()
	switch format {
	case graph.FormatGraphML:
		g, err = graph.ReadGraphML("standard input", in)
	case graph.FormatNodeLink:
		g, err = graph.ReadNodeLink("standard input", in)
	case graph.FormatEdgeList:
		g, err = graph.ReadEdgeList("standard input", in)
	default:
		err = usagef("--graph-format %s is two files and cannot come from standard input", format)
	}
	return g, true, err
}

// graphFileFormat says whether args is a single graph file, and of which
// format: forced (which then may be "-", standard input), or as
// graph.DetectFormat says. A graph file among other inputs is a usage
// error: graphs are not merged with opinions or with each other.
func graphFileFormat(args []string, forced string) (string, error) {
	if forced != "" {
		if !slices.Contains(graph.Formats, forced) {
			return "", usagef("unknown --graph-format %q (want one of %s)", forced, strings.Join(graph.Formats, ", "))
		}
		if len(args) != 1 {
			return "", usagef("--graph-format takes exactly one graph file")
		}
		return forced, nil
	}
	format := ""
	for _, a := range args {
		f, err := graph.DetectFormat(a)
		switch {
		case errors.Is(err, graph.ErrNotGraph):
		case err != nil:
			return "", err
		case len(args) > 1:
			return "", usagef("%s is a graph file (%s): give it alone; graph files are not merged with opinions or with each other", a, f)
		default:
			format = f
		}
	}
	return format, nil
}

// registerGraphFormat adds --graph-format, for the commands that read
// graph files.
func registerGraphFormat(cmd *cobra.Command, f *string) {
	cmd.Flags().StringVar(f, "graph-format", "", "read the one input (a file, or - for standard input) as a graph of this format whatever its name: "+strings.Join(graph.Formats, ", "))
}

func hasYears(g *graph.Graph) bool {
	for n := range g.Nodes() {
		if n.Year != 0 {
			return true
		}
	}
	return false
}

// rankRow is one line of the ranking, in every format.
type rankRow struct {
	Rank     int     `json:"rank"`
	ID       string  `json:"id"`
	Name     string  `json:"name"`
	Citation string  `json:"citation"`
	Score    float64 `json:"score"`
}

func writeRanking(w io.Writer, format, measure string, ranked []graph.Ranked) error {
	rows := make([]rankRow, len(ranked))
	for i, r := range ranked {
		rows[i] = rankRow{Rank: i + 1, ID: r.Node.ID, Name: r.Node.Name, Score: r.Score}
		if len(r.Node.Citations) > 0 {
			rows[i].Citation = r.Node.Citations[0]
		}
	}
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	case "csv":
		cw := csv.NewWriter(w)
		_ = cw.Write([]string{"rank", "id", "name", "citation", "score"})
		for _, r := range rows {
			_ = cw.Write([]string{strconv.Itoa(r.Rank), r.ID, r.Name, r.Citation, strconv.FormatFloat(r.Score, 'g', -1, 64)})
		}
		cw.Flush()
		return cw.Error()
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "RANK\t%s\tCASE\tNAME\n", strings.ToUpper(measure))
	for _, r := range rows {
		fmt.Fprintf(tw, "%d\t%.6g\t%s\t%s\n", r.Rank, r.Score, cmp.Or(r.Citation, r.ID), r.Name)
	}
	return tw.Flush()
}
