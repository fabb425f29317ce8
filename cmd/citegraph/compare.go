package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/citegraph/citegraph/corpus"
	"github.com/citegraph/citegraph/export"
	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/graph/courtlistener"
)

func init() { register(newCompareCmd) }

func newCompareCmd() *cobra.Command {
	var (
		src     corpusFlags
		mapFile string
		diff    string
	)
	cmd := &cobra.Command{
		Use:   "compare [OPINIONS] --courtlistener-bulk DIR",
		Short: "Compare citegraph's graph of CourtListener's opinions with CourtListener's own citation map",
		Long: `Compare builds the precedent graph of CourtListener's bulk opinions file (the
one in --courtlistener-bulk DIR unless named), as build does, and compares its
edges with CourtListener's citation map (citation-map-DATE.csv.bz2 in DIR, or
--citation-map FILE), case pair by case pair: pairs in both, only in
citegraph's graph, only in CourtListener's map, by depth (citations of the
cited case in the citing case). Only pairs between cases whose opinions were
read are compared; the rest is counted apart.`,
		Example: `  citegraph compare --courtlistener-bulk bulk/
  citegraph compare --courtlistener-bulk bulk/ --diff disagreements.csv`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if src.in.bulk == "" {
				return usagef("compare needs --courtlistener-bulk DIR: the cases of CourtListener's opinions and its citation map")
			}
			var outs []outputFile
			if diff != "" {
				if err := checkOutput(cmd, diff, ""); err != nil {
					return err
				}
				outs = append(outs, outputFile{"--diff", diff})
			}
			if err := src.check(outs, args, mapFile); err != nil {
				return err
			}
			src.in.opinions = &corpus.OpinionClusters{}
			g, err := src.build(cmd, args)
			if err != nil {
				return err
			}
			if mapFile == "" {
				if mapFile = src.in.courtListener.Files.CitationMap; mapFile == "" {
					return usagef("--courtlistener-bulk %s holds no citation-map-YYYY-MM-DD.csv.bz2: name it with --citation-map", src.in.bulk)
				}
			}
			opts, err := src.in.options(cmd)
			if err != nil {
				return err
			}
			m, err := courtlistener.ReadMap(mapFile, opts, src.in.opinions, warnRows(cmd, mapFile))
			if err != nil {
				return err
			}
			c := courtlistener.Compare(g, m, src.in.opinions)
			if diff != "" {
				if err := export.WriteFile(diff, func(w io.Writer) error { return writeDisagreements(w, g, c) }); err != nil {
					return err
				}
			}
			return writeComparison(cmd.OutOrStdout(), filepath.Base(mapFile), c)
		},
	}
	src.register(cmd)
	fl := cmd.Flags()
	fl.StringVar(&mapFile, "citation-map", "", "CourtListener's citation map (default: the one in --courtlistener-bulk)")
	fl.StringVar(&diff, "diff", "", "write the pairs only one side has to this CSV file")
	return cmd
}

// citationMapGraph reads CourtListener's citation map at path as a graph
// of cases: the opinions file of --courtlistener-bulk says which case each
// opinion belongs to, the clusters file who the cases are.
func citationMapGraph(cmd *cobra.Command, src *corpusFlags, path string) (*graph.Graph, error) {
	if src.in.bulk == "" {
		return nil, usagef("%s is CourtListener's citation map: give --courtlistener-bulk DIR, whose opinions file says which case each opinion belongs to", path)
	}
	opts, err := src.in.options(cmd)
	if err != nil {
		return nil, err
	}
	bulk := src.in.courtListener
	if bulk.Files.Opinions == "" {
		return nil, usagef("--courtlistener-bulk %s holds no opinions-YYYY-MM-DD.csv.bz2, which maps opinions to cases", src.in.bulk)
	}
	opinions, err := corpus.ScanOpinionClusters(bulk.Files.Opinions, opts, warnRows(cmd, bulk.Files.Opinions))
	if err != nil {
		return nil, err
	}
	m, err := courtlistener.ReadMap(path, opts, opinions, warnRows(cmd, path))
	if err != nil {
		return nil, err
	}
	e, err := src.ex.extractor()
	if err != nil {
		return nil, err
	}
	return m.Graph(bulk, graph.Options{Reporters: e.Reporters(), Normalize: graph.Normalizer(e)})
}

// warnRows warns once, at the end, about the rows of a bulk file that
// could not be read; it returns the function that counts them.
func warnRows(cmd *cobra.Command, path string) func(error) {
	n := 0
	return func(err error) {
		if n++; n <= 3 {
			fmt.Fprintf(cmd.ErrOrStderr(), "citegraph: warning: skipped a row of %s: %v\n", path, err)
		}
	}
}

func writeComparison(w io.Writer, mapName string, c *courtlistener.Comparison) error {
	fmt.Fprintf(w, "citegraph's graph against CourtListener's citation map (%s), in pairs of cases:\n\n", mapName)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "depth\tboth\tonly CourtListener\tonly citegraph\t")
	for _, r := range c.ByDepth {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t\n", r.Depth, r.Both, r.OnlyTheirs, r.OnlyOurs)
	}
	fmt.Fprintf(tw, "all\t%d\t%d\t%d\t\n", c.Both, c.OnlyTheirs, c.OnlyOurs)
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, `
recall %.2f%% (of CourtListener's pairs, citegraph has %d of %d)
precision %.2f%% (of citegraph's pairs, CourtListener has %d of %d)
same weight as CourtListener's depth: %d of the %d pairs in both
not compared: %d of citegraph's edges to or from cases whose opinions were not read; %d of the map's pairs or rows whose opinions were not read
`, 100*c.Recall(), c.Both, c.Both+c.OnlyTheirs, 100*c.Precision(), c.Both, c.Both+c.OnlyOurs,
		c.SameWeight, c.Both, c.OursOutside, c.TheirsOutside)
	return err
}

// writeDisagreements lists the pairs only one side has, with the names of
// the cases.
func writeDisagreements(w io.Writer, g *graph.Graph, c *courtlistener.Comparison) error {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"side", "citing", "citing_name", "cited", "cited_name", "citegraph_weight", "courtlistener_depth"})
	name := func(id string) string {
		n, _ := g.Node(id)
		return n.Name
	}
	for _, d := range c.Disagreements {
		side := "courtlistener"
		if d.Ours > 0 {
			side = "citegraph"
		}
		_ = cw.Write([]string{side, d.Citing, name(d.Citing), d.Cited, name(d.Cited), strconv.Itoa(d.Ours), strconv.Itoa(d.Theirs)})
	}
	cw.Flush()
	return cw.Error()
}
